package org.lichain.environment;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lichain.dataset.ParserFuzzTest;

/**
 * Issue 16: the short, time-boxed fuzzing run of CI. Jazzer fuzzes one {@code @FuzzTest} per JVM, so this one target
 * feeds every parser target (market scenario, ensemble scenario, dataset CSV, number, measurement CSV, time): the
 * first byte picks the parser, the rest is its input, and each target asserts only clean refusals or valid results.
 * In regression mode (every {@code ./mvnw verify}) it runs its stored inputs like the other fuzz tests; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@value #SECONDS} s. {@code .ci/run} does that after the build
 * ({@code LICHAIN_SKIP_FUZZ=1} leaves it out); by hand:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl lichain-core test -Dtest=TimeBoxedFuzzTest}.
 */
class TimeBoxedFuzzTest {
    /** The fuzzing time of CI's run, seconds (the annotation below; CI's whole run stays under 15 minutes). */
    static final int SECONDS = 45;

    private final ParserFuzzTest parsers = new ParserFuzzTest();
    private final MeasurementCsvFuzzTest measurements = new MeasurementCsvFuzzTest();

    @FuzzTest(maxDuration = SECONDS + "s")
    void anyParser(FuzzedDataProvider data) throws Exception {
        switch (Math.floorMod(data.consumeByte(), 6)) {
            case 0 -> parsers.marketScenario(data);
            case 1 -> parsers.ensembleScenario(data);
            case 2 -> parsers.datasetCsv(data);
            case 3 -> parsers.number(data);
            case 4 -> measurements.everyLineIsAcceptedOrRejectedExactlyOnce(data.consumeRemainingAsString());
            default -> measurements.timeParserNeverThrows(data.consumeRemainingAsString());
        }
    }
}
