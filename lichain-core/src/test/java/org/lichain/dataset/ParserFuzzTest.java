package org.lichain.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.YearMonth;
import org.lichain.market.Scenario;
import org.lichain.market.ScenarioParser;
import org.lichain.scenario.ScenarioFile;
import org.lichain.scenario.ScenarioSpec;

/**
 * Issue 16: Jazzer targets for the input parsers. Whatever the bytes, a parser either returns a valid result or
 * refuses with the one user-error type ({@link InvalidInputException}) and a located, readable message; any other
 * exception is a finding. CI runs the committed corpus (regression mode: the hostile cases of issue 16, in
 * {@code src/test/resources/org/lichain/dataset/ParserFuzzTestInputs/<method>/}, raw bytes); fuzz by hand with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl lichain-core test -Dtest=ParserFuzzTest}.
 */
public class ParserFuzzTest {
    /** A refusal must say where and why, without Java internals. */
    static void clean(InvalidInputException e, byte[] input) {
        String m = e.getMessage();
        assertThat(m).isNotBlank().doesNotContain("\tat ");
        // a Java exception name must not show; a word of the input that the message quotes may (the time-boxed
        // fuzzing run found "di=st: unException" quoted back from an ensemble file)
        String in = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher x = JAVA_NAME.matcher(m);
        while (x.find()) {
            assertThat(in).as("a Java exception name the input did not hold, in: %s", m).contains(x.group());
        }
    }

    private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z]+(Exception|Error)\\b");

    @FuzzTest(maxDuration = "30s")
    public void marketScenario(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            Scenario s = ScenarioParser.parse("s.yaml", TextInput.decode("s.yaml", bytes));
            assertThat(s.to()).isAfterOrEqualTo(s.from());
            assertThat(s.to()).isBeforeOrEqualTo(RowReader.LAST_MONTH);
            assertThat(s.from()).isAfterOrEqualTo(RowReader.FIRST_MONTH);
        } catch (InvalidInputException e) {
            clean(e, bytes);
        }
    }

    @FuzzTest(maxDuration = "30s")
    public void ensembleScenario(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            ScenarioSpec s = ScenarioFile.parse("e.yaml", "e", TextInput.decode("e.yaml", bytes));
            assertThat(s.to()).isAfterOrEqualTo(s.from());
            assertThat(s.from()).isAfterOrEqualTo(RowReader.FIRST_MONTH);
            assertThat(s.to()).isBeforeOrEqualTo(RowReader.LAST_MONTH);
            assertThat(s.seed()).isNotNegative();
        } catch (InvalidInputException e) {
            clean(e, bytes);
        }
    }

    /** A dataset CSV with the capacity-events columns: every field is either a valid value or a located problem. */
    @FuzzTest(maxDuration = "30s")
    public void datasetCsv(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        Problems problems = new Problems();
        String text;
        try {
            text = TextInput.decode("capacity_events.csv", bytes);
        } catch (InvalidInputException e) {
            clean(e, bytes);
            return;
        }
        CsvTable t = CsvTable.parse("capacity_events.csv", text, problems);
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            YearMonth from = r.month("from", true);
            double cap = r.number("capacity_t_lce_per_year", true);
            int ramp = r.integer("ramp_months", 0, 240);
            if (r.ok()) {
                assertThat(from).isBetween(RowReader.FIRST_MONTH, RowReader.LAST_MONTH);
                assertThat(cap).isFinite();
                assertThat(Math.abs(cap)).isLessThanOrEqualTo(2_000_000.0);
                assertThat(ramp).isBetween(0, 240);
            }
        }
        for (Problem p : problems.list()) {
            assertThat(p.file()).isEqualTo("capacity_events.csv");
            assertThat(p.reason()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    public void number(FuzzedDataProvider data) {
        String s = data.consumeRemainingAsString();
        double d;
        try {
            d = StrictNumber.parse(s);
        } catch (NumberFormatException e) {
            assertThat(e.getMessage()).startsWith("is not a").doesNotContain("Exception");
            return;
        }
        assertThat(d).isFinite();
        assertThat(s).matches("[+-]?[0-9.]+([eE][+-]?[0-9]+)?");
        // an independent oracle: the exact decimal value, rounded to the nearest double, is what was returned
        assertThat(d).isEqualTo(new java.math.BigDecimal(s).doubleValue());
    }
}
