package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributionTest {
    private final RiverNetwork network = EnvFixtures.world().extension(RiverNetwork.class).orElseThrow();

    @TempDir
    Path dir;

    private List<MonitoringStore.Measurement> spillMeasurements(String outfall, double kg, LocalDateTime at)
            throws Exception {
        // the CLI path: spill → ingest CSV → store → attribution
        Path csv = dir.resolve(outfall + ".csv");
        Files.writeString(csv, Spill.toCsv(Spill.samples(network, outfall, kg, at, 2.0)));
        Set<String> stations = new HashSet<>();
        network.stations().forEach(s -> stations.add(s.id()));
        try (MonitoringStore store = MonitoringStore.open(dir.resolve(outfall + ".duckdb"))) {
            MonitoringStore.IngestResult r = store.ingest(csv, stations);
            assertThat(r.quarantined()).isZero();
            return store.measurements("thallium");
        }
    }

    @Test
    void measurementsFromAYichunSpillRankThatOutfallFirst() throws Exception {
        Attribution.Result r = Attribution.attribute(network,
                spillMeasurements("OF-YICHUN-CITY", 5.0, LocalDateTime.of(2022, 12, 1, 8, 0)));
        assertThat(r.exceedances()).isPositive();
        assertThat(r.candidates().get(0).outfall()).isEqualTo("OF-YICHUN-CITY");
        assertThat(r.candidates().get(0).score()).isGreaterThan(0.9);
        assertThat(r.candidates().get(0).releasedKg()).isCloseTo(5.0, within(0.25));
        assertThat(r.fitR2()).isGreaterThan(0.95);
        assertThat(r.confidence()).isGreaterThan(0.8);
    }

    @Test
    void aTributarySpillIsPlacedOnTheTributary() throws Exception {
        Attribution.Result r = Attribution.attribute(network,
                spillMeasurements("OF-YONGXING", 3.0, LocalDateTime.of(2023, 6, 10, 0, 0)));
        assertThat(r.candidates().get(0).outfall()).isIn("OF-YONGXING", "OF-GOTION", "OF-JIANXIAWO");
        double tributary = r.candidates().stream().filter(c -> c.outfall().matches("OF-(YONGXING|GOTION|JIANXIAWO)"))
                .mapToDouble(Attribution.Candidate::score).sum();
        assertThat(tributary).isGreaterThan(0.9);
    }

    @Test
    void noExceedance_noCandidates() {
        Attribution.Result r = Attribution.attribute(network, List.of(new MonitoringStore.Measurement(
                "ST-INTAKE-GAOAN", LocalDateTime.of(2023, 1, 1, 0, 0), "thallium", 0.05, false, 0.01, "L")));
        assertThat(r.candidates()).isEmpty();
        assertThat(r.note()).contains("no exceedance");
    }

    @Test
    void nnlsRecoversAKnownNonNegativeSolution() {
        // A = [[1,0,1],[0,1,1],[1,1,0],[1,0,0]], x* = (2, 0, 1) → b = (3, 1, 2, 2)
        double[][] a = {{1, 0, 1}, {0, 1, 1}, {1, 1, 0}, {1, 0, 0}};
        double[] x = Nnls.solve(a, new double[] {3, 1, 2, 2}, 100);
        assertThat(x).containsExactly(new double[] {2, 0, 1}, within(1e-9));
        // unconstrained LS of b = (−1, 1) with A = I would give x1 = −1: NNLS clamps it to 0
        assertThat(Nnls.solve(new double[][] {{1, 0}, {0, 1}}, new double[] {-1, 1}, 10))
                .containsExactly(new double[] {0, 1}, within(1e-9));
    }
}
