package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.DatasetLoader;

/**
 * Issue 14: attribution that knows what it cannot tell. A 5 kg spill at each outfall of the embedded dataset in turn,
 * at several release times (months with different hydrology, hours on and off the release grid), goes the user's way
 * (emit → ingest into a store → attribute): the true outfall must be in the best group, and no group without it may
 * have a confidence above 0.5.
 */
class AttributionGroupsTest {
    static final RiverNetwork NETWORK = DatasetLoader.loadEmbedded().extension(RiverNetwork.class).orElseThrow();
    static final List<LocalDateTime> RELEASES = List.of(LocalDateTime.of(2025, 1, 15, 8, 0),
            LocalDateTime.of(2024, 7, 3, 21, 0), LocalDateTime.of(2023, 10, 20, 13, 30));

    @TempDir
    Path dir;

    private List<MonitoringStore.Measurement> emitAndIngest(String outfall, LocalDateTime at) throws Exception {
        String tag = outfall + "-" + at.toString().replace(':', '-');
        Path csv = dir.resolve(tag + ".csv");
        Files.writeString(csv, Spill.toCsv(Spill.samples(NETWORK, outfall, 5.0, at, 2.0)));
        Set<String> stations = new HashSet<>();
        NETWORK.stations().forEach(s -> stations.add(s.id()));
        try (MonitoringStore store = MonitoringStore.open(dir.resolve(tag + ".duckdb"))) {
            assertThat(store.ingest(csv, stations).quarantined()).isZero();
            return store.measurements("thallium");
        }
    }

    @Test
    void everyOutfallAndReleaseTime_truthIsInTheBestGroup_andNoOtherGroupIsConfident() throws Exception {
        int cases = 0;
        for (RiverNetwork.Outfall of : NETWORK.outfalls()) {
            for (LocalDateTime at : RELEASES) {
                Attribution.Result r = Attribution.attribute(NETWORK, emitAndIngest(of.id(), at));
                String what = of.id() + " at " + at + ": " + r.groups();
                if (r.exceedances() == 0) {
                    continue; // 5 kg that never exceeds a limit is not an incident to attribute
                }
                cases++;
                assertThat(r.groups()).as(what).isNotEmpty();
                Attribution.Group best = r.groups().get(0);
                assertThat(best.outfalls()).as(what).contains(of.id());
                for (Attribution.Group g : r.groups()) {
                    if (!g.outfalls().contains(of.id())) {
                        assertThat(g.confidence()).as(what).isLessThanOrEqualTo(0.5);
                    }
                }
                for (Attribution.Candidate c : r.candidates()) {
                    if (!best.outfalls().contains(c.outfall())) {
                        assertThat(c.likelihoodWeight()).as(what + " " + c.outfall()).isLessThanOrEqualTo(0.5);
                    }
                }
                if (best.outfalls().size() > 1) {
                    // the plan can ask for the sample that separates them
                    assertThat(r.separatingSamples()).as(what).isNotEmpty();
                }
            }
        }
        assertThat(cases).as("spills that exceeded somewhere").isGreaterThanOrEqualTo(NETWORK.outfalls().size());
    }

    /**
     * The case: a 5 kg spill at OF-JIANXIAWO (Yifeng tributary km 10) seen only at ST-BND-YIFENG (km 44) and
     * below. OF-GOTION (km 15) and OF-YONGXING (km 25) fit as well with later releases, so the three form one group
     * and none of them alone is confident; the best separating sample is 1 km below one of them.
     */
    @Test
    void jianxiawoSpill_isOneGroupWithItsTributaryNeighbours_notAConfidentWrongCulprit() throws Exception {
        Attribution.Result r = Attribution.attribute(NETWORK,
                emitAndIngest("OF-JIANXIAWO", LocalDateTime.of(2025, 1, 15, 8, 0)));
        Attribution.Group best = r.groups().get(0);
        assertThat(best.outfalls()).contains("OF-JIANXIAWO").hasSizeGreaterThan(1);
        for (Attribution.Candidate c : r.candidates()) {
            assertThat(c.likelihoodWeight()).as(c.outfall()).isLessThan(0.9);
        }
        Attribution.SeparatingSample s = r.separatingSamples().get(0);
        assertThat(s.separationSigma()).isGreaterThan(2.0);
        assertThat(s.predictedUgPerL()).containsKeys(best.outfalls().toArray(new String[0]));
    }

    /** A spill the stations do separate (OF-414 sits above the Yichun intake, the city outfall below it). */
    @Test
    void outfallsSeparatedByAStation_giveASingleConfidentGroup() throws Exception {
        Attribution.Result r = Attribution.attribute(NETWORK, emitAndIngest("OF-414", LocalDateTime.of(2025, 1, 15, 8, 0)));
        assertThat(r.groups().get(0).outfalls()).containsExactly("OF-414");
        assertThat(r.confidence()).isGreaterThan(0.9);
        assertThat(r.separatingSamples()).isEmpty();
    }
}
