package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetException;
import org.lichain.dataset.Problem;

class ScenarioFileTest {
    static String resource(String name) throws IOException {
        try (InputStream in = ScenarioFileTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void toyScenario_parsesEveryDistributionKind() throws IOException {
        ScenarioSpec s = ScenarioFile.parse("toy.yaml", "x", resource("toy.yaml"));
        assertThat(s.name()).isEqualTo("toy");
        assertThat(s.model()).isEqualTo("toy-test");
        assertThat(s.from()).isEqualTo(YearMonth.of(2024, 7));
        assertThat(s.months()).isEqualTo(36);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.parameters()).extracting(UncertainParameter::name)
                .containsExactly("demand_growth", "cost_inflation", "policy_path", "demand_path");
        assertThat(s.parameters().get(0).uncertainty()).isEqualTo(new Distribution.Triangular(0.95, 1.05, 1.25));
        assertThat(s.parameters().get(0).line()).isEqualTo(8);
        assertThat(s.parameters().get(3).uncertainty()).isInstanceOf(Series.class);
        assertThat(s.correlations()).containsExactly(new RankCorrelation("demand_growth", "cost_inflation", 0.5, 28));
    }

    @Test
    void defaults_whenKeysAreLeftOut() {
        ScenarioSpec s = ScenarioFile.parse("f.yaml", "stem", "parameters:\n  a: {dist: uniform, min: 0, max: 1}\n");
        assertThat(s.name()).isEqualTo("stem");
        assertThat(s.model()).isEqualTo("market");
        assertThat(s.from()).isEqualTo(YearMonth.of(2020, 1));
        assertThat(s.to()).isEqualTo(YearMonth.of(2040, 12));
        assertThat(s.baseYaml()).isEmpty();
    }

    @Test
    void badFile_reportsEveryProblemWithItsLine() {
        String yaml = String.join("\n",
                "name: bad",                          // 1
                "from: 2020-13",                      // 2
                "colour: red",                        // 3
                "parameters:",                        // 4
                "  growth:",                          // 5
                "    dist: gamma",                    // 6
                "  delay:",                           // 7
                "    dist: triangular",               // 8
                "    min: 0",                         // 9
                "    max: 12",                        // 10
                "    mean: 3",                        // 11
                "  Bad-Name: {dist: uniform, min: 0, max: 1}", // 12
                "correlations:",                      // 13
                "  - between: [delay, nothing]",      // 14
                "    rho: 0.3",                       // 15
                "");
        DatasetException e = catchThrowableOfType(DatasetException.class,
                () -> ScenarioFile.parse("bad.yaml", "bad", yaml));
        assertThat(e.problems()).extracting(Problem::line, Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple(2, "from"),
                org.assertj.core.groups.Tuple.tuple(3, "colour"),
                org.assertj.core.groups.Tuple.tuple(6, "growth.dist"),
                org.assertj.core.groups.Tuple.tuple(11, "delay.mean"),
                org.assertj.core.groups.Tuple.tuple(8, "delay.mode"),
                org.assertj.core.groups.Tuple.tuple(12, "Bad-Name"),
                org.assertj.core.groups.Tuple.tuple(14, "correlations.between"));
        assertThat(e.getMessage()).contains("bad.yaml:6:", "'gamma'", "is not a known distribution");
    }

    @Test
    void inconsistentCorrelations_areRejected() {
        // pairwise +0.9, +0.9, -0.9 cannot hold together
        String yaml = """
                parameters:
                  a: {dist: uniform, min: 0, max: 1}
                  b: {dist: uniform, min: 0, max: 1}
                  c: {dist: uniform, min: 0, max: 1}
                correlations:
                  - {between: [a, b], rho: 0.9}
                  - {between: [b, c], rho: 0.9}
                  - {between: [a, c], rho: -0.9}
                """;
        assertThatThrownBy(() -> ScenarioFile.parse("c.yaml", "c", yaml)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("c.yaml:6").hasMessageContaining("not positive definite");
    }

    @Test
    void duplicateKeysAndSyntaxErrors_areLocated() {
        assertThatThrownBy(() -> ScenarioFile.parse("d.yaml", "d", "seed: 1\nseed: 2\n"))
                .hasMessageContaining("d.yaml:2").hasMessageContaining("given twice");
        assertThatThrownBy(() -> ScenarioFile.parse("s.yaml", "s", "parameters:\n  a: [1, 2\n"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("not valid YAML");
    }

    /**
     * Found by the time-boxed fuzzing run (corpus: ensembleScenario-base-dot-inf): our reader takes {@code .inf} in
     * the model's {@code base} section as text, the full YAML reader that passes the section on refused it with an
     * exception. Now a located problem in the file.
     */
    @Test
    void baseSectionTheYamlReaderRefuses_isALocatedProblem() {
        String yaml = "base:\n  cost_inflation:\n    dist: uniform\n    mUn: .inf\n    max: ######1.2\n";
        assertThatThrownBy(() -> ScenarioFile.parse("b.yaml", "b", yaml)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("b.yaml:4").hasMessageContaining("base").hasMessageContaining("YAML");
    }

    @Test
    void seriesKnots_mustBeYearsWithNumbersOrDistributions() {
        String yaml = """
                parameters:
                  path:
                    dist: series
                    knots:
                      2030: {dist: series, knots: {2030: 1}}
                      soon: 1.0
                """;
        DatasetException e = catchThrowableOfType(DatasetException.class, () -> ScenarioFile.parse("k.yaml", "k", yaml));
        assertThat(e.problems()).extracting(Problem::line, Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple(5, "path.knots.2030.dist"),
                org.assertj.core.groups.Tuple.tuple(6, "path.knots.soon"));
    }

    @Test
    void embeddedBaseEnsemble_declaresTheDocumentedInputs() throws IOException {
        ScenarioSpec s = ScenarioFile.parse("base-ensemble.yaml", "base", resource("base-ensemble.yaml"));
        assertThat(s.model()).isEqualTo("market");
        assertThat(s.from()).isEqualTo(YearMonth.of(2020, 1));
        assertThat(s.to()).isEqualTo(YearMonth.of(2040, 12));
        assertThat(s.parameters()).extracting(UncertainParameter::name).containsExactly("demand_path",
                "lfp_share_2030", "project_delay_months", "cost_inflation", "state_support", "policy_path");
        // no invented data: every range says it is an estimate and what it is anchored on
        assertThat(s.parameters()).allSatisfy(p -> assertThat(p.description()).startsWith("estimate:"));
    }

    @Test
    void everyExampleInScenariosFolder_isValid_andTheBaseCopyMatchesTheEmbeddedOne() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("..", "scenarios");
        try (var files = java.nio.file.Files.list(dir)) {
            List<java.nio.file.Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).hasSizeGreaterThanOrEqualTo(3);
            for (java.nio.file.Path f : yaml) {
                assertThat(ScenarioFile.read(f).parameters()).as(f.toString()).isNotEmpty();
            }
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("base-ensemble.yaml"))).isEqualTo(resource("base-ensemble.yaml"));
    }
}
