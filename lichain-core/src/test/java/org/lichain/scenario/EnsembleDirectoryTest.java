package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleDirectoryTest {
    static ScenarioSpec toy;

    @BeforeAll
    static void load() throws IOException {
        toy = ScenarioFile.parse("toy.yaml", "toy", ScenarioFileTest.resource("toy.yaml"));
    }

    static EnsembleDirectory.Result run(Path dir, int runs, int threads, boolean resume,
            EnsembleDirectory.Listener l) {
        return EnsembleDirectory.run(toy, EnsembleModels.create(toy),
                new EnsembleRunner.Options(runs, threads, 7, EnsembleRunner.Options.DEFAULT_CHUNK_RUNS), dir, resume,
                l, (stage, summary) -> { });
    }

    /** Every row of a Parquet file as text with doubles written bit-exactly (hex), in file order. */
    static List<String> rows(Path parquet) throws SQLException {
        return ParquetRows.of(parquet.toString(), false);
    }

    @Test
    void twoHundredRuns_areBitIdenticalOnOneAndTwoThreads(@TempDir Path tmp) throws Exception {
        run(tmp.resolve("t1"), 200, 1, false, new EnsembleDirectory.Listener() { });
        EnsembleDirectory.Result r2 = run(tmp.resolve("t2"), 200, 2, false, new EnsembleDirectory.Listener() { });
        List<String> one = rows(tmp.resolve("t1/runs.parquet"));
        assertThat(one).hasSize(200);
        assertThat(rows(tmp.resolve("t2/runs.parquet"))).containsExactlyElementsOf(one);
        assertThat(rows(tmp.resolve("t2/months.parquet"))).containsExactlyElementsOf(rows(tmp.resolve("t1/months.parquet")));
        assertThat(Files.readString(tmp.resolve("t2/summary.json"))).isEqualTo(Files.readString(tmp.resolve("t1/summary.json")));
        assertThat(r2.runsComputed()).isEqualTo(200);
        // the output folder holds the finished files only
        try (var s = Files.list(tmp.resolve("t2"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "annual.parquet", "months.parquet", "results.duckdb", "runs.parquet", "summary.json");
        }
    }

    @Test
    void summaryJson_followsTheContract(@TempDir Path tmp) throws Exception {
        run(tmp, 40, 2, false, new EnsembleDirectory.Listener() { });
        JsonNode s = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        assertThat(s.get("runs").asInt()).isEqualTo(40);
        assertThat(s.get("seed").asLong()).isEqualTo(7);
        assertThat(s.get("scenario").asText()).isEqualTo("toy");
        JsonNode price = s.get("metrics").get("price_cny_per_t_incl_vat_avg");
        assertThat(price.fieldNames()).toIterable().containsExactly("2024", "2025", "2026", "2027");
        JsonNode y = price.get("2025");
        assertThat(y.fieldNames()).toIterable().containsExactly("p5", "p25", "p50", "p75", "p95");
        assertThat(y.get("p5").asDouble()).isLessThanOrEqualTo(y.get("p50").asDouble());
        assertThat(y.get("p50").asDouble()).isLessThanOrEqualTo(y.get("p95").asDouble());
        assertThat(s.get("metrics").has("self_sufficiency_CN")).isTrue();
        assertThat(s.get("metrics").has("lepidolite_share_at_loss")).isTrue();
        // the toy price is proportional to cost inflation: its rank correlation must be clearly positive
        assertThat(s.get("sensitivity_spearman").get("price_cny_per_t_incl_vat_mean").get("cost_inflation").asDouble())
                .isGreaterThan(0.3);
    }

    @Test
    void parquet_holdsOneRowPerRunAndPerRunMonth(@TempDir Path tmp) throws Exception {
        run(tmp, 30, 2, false, new EnsembleDirectory.Listener() { });
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("results.duckdb"));
                Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT run), min(run), max(run) FROM runs");
            rs.next();
            assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).containsExactly(30, 30, 0, 29);
            rs = st.executeQuery("SELECT count(*), min(month), max(month) FROM months");
            rs.next();
            // 30 runs x 36 months (2024-07 .. 2027-06)
            assertThat(rs.getInt(1)).isEqualTo(30 * 36);
            assertThat(rs.getString(2)).isEqualTo("2024-07");
            assertThat(rs.getString(3)).isEqualTo("2027-06");
            // annual average of 2024 = mean of its 6 months in the scenario
            rs = st.executeQuery("SELECT a.price_cny_per_t_incl_vat_avg - m.avg_price FROM annual a JOIN "
                    + "(SELECT run, avg(price_cny_per_t_incl_vat) AS avg_price FROM months WHERE month < '2025' "
                    + "GROUP BY run) m USING (run) WHERE a.year = 2024 ORDER BY 1 DESC LIMIT 1");
            rs.next();
            assertThat(Math.abs(rs.getDouble(1))).isLessThan(1e-6);
        }
    }

    @Test
    void crashAfterSomeChunks_thenResume_givesTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        run(tmp.resolve("full"), 120, 2, false, new EnsembleDirectory.Listener() { });
        Path dir = tmp.resolve("crashed");
        AtomicInteger chunks = new AtomicInteger();
        assertThatThrownBy(() -> run(dir, 120, 1, false, new EnsembleDirectory.Listener() {
            @Override
            public void runsDone(int runs) {
                if (chunks.incrementAndGet() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        })).hasMessageContaining("simulated crash");
        killedNotFailed(dir);
        assertThat(dir.resolve("summary.json")).doesNotExist();
        assertThat(dir.resolve("runs.parquet")).doesNotExist();
        assertThatThrownBy(() -> run(dir, 120, 2, false, new EnsembleDirectory.Listener() { }))
                .hasMessageContaining("--resume");
        assertThatThrownBy(() -> run(dir, 99, 2, true, new EnsembleDirectory.Listener() { }))
                .hasMessageContaining("runs was 120, now 99");
        EnsembleDirectory.Result r = run(dir, 120, 2, true, new EnsembleDirectory.Listener() { });
        assertThat(r.runsResumed()).isEqualTo(50); // two chunks of 25 were stored before the crash
        assertThat(r.runsComputed()).isEqualTo(70);
        assertThat(rows(dir.resolve("runs.parquet"))).containsExactlyElementsOf(rows(tmp.resolve("full/runs.parquet")));
        assertThat(dir.resolve(EnsembleDirectory.PARTIAL)).doesNotExist();
        assertThat(run(dir, 120, 2, true, new EnsembleDirectory.Listener() { }).alreadyComplete()).isTrue();
    }

    /**
     * The exception above stands for a kill: a killed run leaves no failure marker (an ensemble that fails with an
     * error does, and then does not hold its folder: EnsembleFolderSafetyTest).
     */
    static void killedNotFailed(Path dir) throws IOException {
        assertThat(dir.resolve(EnsembleDirectory.PARTIAL).resolve(EnsembleDirectory.FAILED)).exists();
        Files.delete(dir.resolve(EnsembleDirectory.PARTIAL).resolve(EnsembleDirectory.FAILED));
    }

    @Test
    void resumeOnOtherData_isRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("crashed");
        AtomicInteger chunks = new AtomicInteger();
        assertThatThrownBy(() -> run(dir, 100, 1, false, new EnsembleDirectory.Listener() {
            @Override
            public void runsDone(int runs) {
                if (chunks.incrementAndGet() == 1) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        })).hasMessageContaining("simulated crash");
        killedNotFailed(dir);
        EnsembleModel toyModel = EnsembleModels.create(toy);
        EnsembleModel onOtherData = new EnsembleModel() {
            @Override
            public List<Metric> metrics() {
                return toyModel.metrics();
            }

            @Override
            public void run(Draw draw, double[][] out) {
                toyModel.run(draw, out);
            }

            @Override
            public String dataId() {
                return "sha256:other";
            }
        };
        assertThatThrownBy(() -> EnsembleDirectory.run(toy, onOtherData,
                new EnsembleRunner.Options(100, 1, 7, EnsembleRunner.Options.DEFAULT_CHUNK_RUNS), dir, true,
                new EnsembleDirectory.Listener() { }, (stage, summary) -> { }))
                .hasMessageContaining("data was \"embedded\", now \"sha256:other\"");
        // the journal is untouched: resuming on the original data completes
        assertThat(run(dir, 100, 1, true, new EnsembleDirectory.Listener() { }).runsResumed()).isEqualTo(25);
    }
}
