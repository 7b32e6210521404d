package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private final RiverNetwork network = EnvFixtures.world().extension(RiverNetwork.class).orElseThrow();

    private static MonitoringStore.Measurement m(String station, int day, double v, boolean bdl) {
        return new MonitoringStore.Measurement(station, LocalDateTime.of(2022, 11, day, 8, 0), "thallium", v, bdl, 0.02,
                "LAB");
    }

    @Test
    void singleValueOverTheLimit_namesUpstreamOutfallsAndTheirDischarge() {
        List<Alerts.Alert> alerts = Alerts.evaluate(network, List.of(m("ST-INTAKE-GAOAN", 24, 0.22, false)),
                Alerts.Options.DEFAULT, (o, month) -> o.plant().isEmpty() ? Double.NaN : 1.5);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("single");
            assertThat(a.limitUgPerL()).isCloseTo(0.1, within(1e-12)); // GB 3838-2002
            assertThat(a.detail()).contains("2.2×");
            // all six outfalls drain to Gao'an; nearest first: OF-QIJIN on JJ-3 km 10 → 40 + 5 = 45 km
            assertThat(a.upstream()).extracting(Alerts.Upstream::outfall).containsExactly("OF-QIJIN", "OF-YONGXING",
                    "OF-GOTION", "OF-JIANXIAWO", "OF-YICHUN-CITY", "OF-414");
            assertThat(a.upstream().get(0).distanceKm()).isCloseTo(45.0, within(1e-9));
            assertThat(a.upstream().get(0).thalliumKgPerMonth()).isNaN();
            assertThat(a.upstream().get(1).thalliumKgPerMonth()).isEqualTo(1.5);
        });
    }

    @Test
    void belowDetectionNeverExceeds_rollingMeanUsesHalfTheLimit() {
        // 3-sample means: (0.09 + 0.09 + 0.15)/3 = 0.11 > 0.1 → rolling-mean alert at day 3, plus the single 0.15;
        // a BDL sample at DL 0.5 (a poor lab) is no exceedance and counts 0.25 in a mean
        List<MonitoringStore.Measurement> s = List.of(m("ST-BND-YIFENG", 1, 0.09, false), m("ST-BND-YIFENG", 2, 0.09,
                false), m("ST-BND-YIFENG", 3, 0.15, false), m("ST-BND-YIFENG", 4, 0.5, true));
        List<Alerts.Alert> alerts = Alerts.evaluate(network, s, Alerts.Options.DEFAULT, (o, mo) -> 0.0);
        assertThat(alerts).extracting(a -> a.kind() + "@" + a.time().getDayOfMonth()).containsExactly("single@3",
                "rolling_mean@3");
        assertThat(alerts.get(1).valueUgPerL()).isCloseTo(0.11, within(1e-12));
    }

    @Test
    void risingTrendIsFlaggedOnce() {
        List<MonitoringStore.Measurement> s = new ArrayList<>();
        for (int d = 1; d <= 8; d++) {
            s.add(m("ST-WELL-YONGXING", d, 0.02 + 0.01 * d, false)); // 0.03 … 0.10, never over 0.1
        }
        List<Alerts.Alert> alerts = Alerts.evaluate(network, s, Alerts.Options.DEFAULT, (o, mo) -> 0.0);
        // 6 strictly rising samples: S = 15, var = 6·5·17/18 = 28.33, z = 14/5.32 = 2.63 > 1.645; latest 0.08 ≥ 0.05
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("rising_trend");
            assertThat(a.time().getDayOfMonth()).isEqualTo(6);
        });
        assertThat(Alerts.mannKendallZ(new double[] {1, 2, 3, 4, 5, 6})).isCloseTo(14 / Math.sqrt(85.0 / 3), within(1e-12));
    }
}
