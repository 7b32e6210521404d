package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: alerts grouped by incident — a station cluster (shared upstream outfall) and a time window. */
class IncidentsTest {
    static Alerts.Alert alert(String station, LocalDateTime t, double value, String... upstream) {
        return new Alerts.Alert(station, StationKind.INTAKE, "single", "thallium", t, value, 0.1, "",
                java.util.Arrays.stream(upstream).map(u -> new Alerts.Upstream(u, "", 1.0, Double.NaN)).toList());
    }

    @Test
    void alertsAtConnectedStationsWithinTheWindow_areOneIncident_othersAreNot() {
        LocalDateTime t0 = LocalDateTime.of(2025, 1, 15, 8, 0);
        List<Alerts.Alert> alerts = List.of(
                alert("ST-BND-YIFENG", t0.plusHours(28), 0.5, "OF-JIANXIAWO", "OF-GOTION", "OF-YONGXING"),
                alert("ST-INTAKE-SHANGGAO", t0.plusHours(50), 0.3, "OF-JIANXIAWO", "OF-GOTION", "OF-YONGXING",
                        "OF-414"),
                alert("ST-INTAKE-GAOAN", t0.plusHours(68), 0.2, "OF-JIANXIAWO", "OF-414", "OF-QIJIN"),
                // 5 days later at the same station: a new incident
                alert("ST-INTAKE-GAOAN", t0.plusDays(8), 0.15, "OF-JIANXIAWO", "OF-414", "OF-QIJIN"),
                // within the window but no shared outfall (a different river): separate
                alert("ST-OTHER", t0.plusHours(30), 0.2, "OF-ELSEWHERE"));
        List<Alerts.Incident> inc = Alerts.incidents(alerts);
        assertThat(inc).hasSize(3);
        Alerts.Incident first = inc.get(0);
        // 28 h → 50 h (22 h apart, shared outfalls) → 68 h (18 h apart): one chain
        assertThat(first.stations()).containsExactly("ST-BND-YIFENG", "ST-INTAKE-GAOAN", "ST-INTAKE-SHANGGAO");
        assertThat(first.alerts()).isEqualTo(3);
        assertThat(first.first()).isEqualTo(t0.plusHours(28));
        assertThat(first.last()).isEqualTo(t0.plusHours(68));
        assertThat(first.maxTimesLimit()).isEqualTo(5.0); // 0.5 / 0.1
        assertThat(first.commonUpstream()).containsExactly("OF-JIANXIAWO"); // the only outfall above all three
        assertThat(inc.get(1).stations()).containsExactly("ST-OTHER");
        assertThat(inc.get(2).first()).isEqualTo(t0.plusDays(8));
        assertThat(inc.stream().mapToInt(Alerts.Incident::alerts).sum()).isEqualTo(alerts.size());
    }
}
