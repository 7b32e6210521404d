package org.lichain.environment.groundwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lichain.environment.MonitoringStore;

/** Well samples against GB/T 14848 classes, with a Mann–Kendall trend, naming the source stack. */
class WellReviewTest {
    static MonitoringStore.Measurement m(String station, int month, double v, boolean bdl) {
        return new MonitoringStore.Measurement(station, LocalDateTime.of(2024, month, 15, 9, 0), "thallium", v, bdl,
                0.01, "LAB");
    }

    static GroundwaterSites sites() {
        return new GroundwaterSites(List.of(GroundwaterFixtures.site(GroundwaterFixtures.aquifer())));
    }

    /**
     * Six monthly samples 0.02 (below detection), 0.05, 0.08, 0.12, 0.4, 1.3 µg/L: strictly increasing, so the
     * Mann–Kendall S = 15 (all 15 pairs rise), Var = 6·5·17/18 = 28.333, z = (15 − 1)/√28.333 = 2.630 > 1.645: rising.
     * Classes: 0.12 and 0.4 are class IV (≤ 1 µg/L), 1.3 is class V — three samples over the class III limit.
     */
    @Test
    void risingWell_isFlaggedWithItsClassAndStack() {
        List<MonitoringStore.Measurement> ms = new ArrayList<>(List.of(m("ST-W", 1, 0.01, true), m("ST-W", 2, 0.05,
                false), m("ST-W", 3, 0.08, false), m("ST-W", 4, 0.12, false), m("ST-W", 5, 0.4, false),
                m("ST-W", 6, 1.3, false), m("ST-OTHER", 1, 9, false)));
        List<WellReview.WellStatus> r = WellReview.review(sites(), List.of("ST-W"), ms, 6);
        assertThat(r).hasSize(1);
        WellReview.WellStatus w = r.get(0);
        assertThat(w.site()).isEqualTo("GW-T");
        assertThat(w.stackAsset()).isEqualTo("CN-JX-03");
        assertThat(w.stackDistanceM()).isEqualTo(30);
        assertThat(w.samples()).isEqualTo(6);
        assertThat(w.mannKendallZ()).isCloseTo(14 / Math.sqrt(6 * 5 * 17 / 18.0), within(1e-12));
        assertThat(w.trend()).isEqualTo("rising");
        assertThat(w.latestClass()).isEqualTo(GroundwaterClass.V);
        assertThat(w.samplesOverClassIii()).isEqualTo(3);
        assertThat(w.alerts()).hasSize(4).last().asString().contains("rising");
    }

    /** Flat non-detects: ties only, S = 0, no trend, class I–III, no alert. */
    @Test
    void cleanWell_hasNoAlert() {
        List<MonitoringStore.Measurement> ms = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ms.add(m("ST-W", i, 0.01, true));
        }
        WellReview.WellStatus w = WellReview.review(sites(), List.of("ST-W"), ms, 6).get(0);
        assertThat(w.trend()).isEqualTo("none");
        assertThat(w.mannKendallZ()).isZero();
        assertThat(w.worstClass()).isEqualTo(GroundwaterClass.I_III);
        assertThat(w.alerts()).isEmpty();
    }
}
