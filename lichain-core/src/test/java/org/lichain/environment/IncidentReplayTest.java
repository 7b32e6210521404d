package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The Jinjiang 2022 replay pinned on the sourced facts and checked by hand on the dataset's November hydrology. */
class IncidentReplayTest {
    static IncidentReplay.Result replay() {
        return IncidentReplay.replay(EnvFixtures.network(EnvFixtures.world()), IncidentReplay.jinjiang2022(0.22), 0.3);
    }

    /**
     * Sourced facts (reference/environment.md §2–3): abnormal Tl found on 24 Nov 2022 at the Jinjiang mainstream
     * drinking-water source (Gao'an); the limit is GB 3838-2002's 0.1 µg/L; the sources named on 8 Dec 2022 are the
     * secondary-lead firm Qijin and Yongxing. The replay uses those, and the named outfalls come first.
     */
    @Test
    void pinnedOnTheSourcedFacts() {
        IncidentReplay.Result r = replay();
        assertThat(r.incident().observedAt().toLocalDate()).isEqualTo(LocalDateTime.of(2022, 11, 24, 0, 0).toLocalDate());
        assertThat(r.incident().station()).isEqualTo("ST-INTAKE-GAOAN");
        assertThat(r.limitUgPerL()).isEqualTo(0.1);
        assertThat(r.incident().observedUgPerL() / r.limitUgPerL()).isGreaterThan(2); // "more than twice the limit"
        assertThat(r.incident().attributionSource()).contains("8 Dec 2022").contains("Qijin").contains("Yongxing");
        assertThat(r.candidates().subList(0, 2)).extracting(IncidentReplay.Candidate::outfall)
                .containsExactly("OF-QIJIN", "OF-YONGXING");
        assertThat(r.month()).isEqualTo(11);
        // every outfall upstream of Gao'an is a candidate: the river model cannot exclude any
        assertThat(r.candidates()).hasSize(6);
    }

    /**
     * Qijin (JJ-3 km 10) to the Gao'an intake (JJ-4 km 5), November: 40 km at 0.381 m/s plus 5 km at 0.381 m/s:
     * τ = 45,000/0.381 s = 32.81 h; σ² = 2·30·45,000/0.381³ = 4.882·10⁷ s², σ = 1.941 h; flow 84.9 m³/s; the peak of
     * 1 kg is 10⁶/(84.9·6987·√(2π)) = 0.6725 µg/L, so at least 0.22/0.6725 = 0.327 kg was released, around
     * 24 Nov 12:00 − 32 h 48 min 30 s = 23 Nov 03:11:30; at two σ from the peak the mass is 0.327·e² = 2.417 kg.
     * A continuous discharge: 0.22 mg/m³ × (84.9 + 22,500/86,400) m³/s × 86,400 s = 1.619 kg/day.
     */
    @Test
    void qijin_travelAndMassByHand() {
        IncidentReplay.Candidate q = replay().candidates().get(0);
        assertThat(q.distanceKm()).isCloseTo(45, within(1e-9));
        assertThat(q.travelHours()).isCloseTo(32.808, within(1e-3));
        assertThat(q.sigmaHours()).isCloseTo(1.9408, within(1e-3));
        assertThat(q.minimumMassKg()).isCloseTo(0.32713, within(1e-4));
        assertThat(q.massAtRangeEdgeKg()).isCloseTo(2.4172, within(1e-3));
        assertThat(q.releaseAtPeak()).isEqualTo(LocalDateTime.of(2022, 11, 23, 3, 11, 30));
        assertThat(q.releaseEarliest()).isBefore(q.releaseAtPeak());
        assertThat(q.continuousKgPerDay()).isCloseTo(1.6187, within(1e-3));
        // ±30 % velocity: 32.81/1.3 = 25.24 h to 32.81/0.7 = 46.87 h
        assertThat(q.travelHoursFastVelocity()).isCloseTo(25.237, within(1e-2));
        assertThat(q.travelHoursSlowVelocity()).isCloseTo(46.869, within(1e-2));
    }

    /**
     * Upstream view: the Shanggao intake (JJ-3 km 30) is 20 km below Qijin: 20,000/0.381 s = 14.58 h, σ² =
     * 2·30·20,000/0.381³, flow 59.7 m³/s: the minimum release peaks there at 0.469 µg/L, 4.7× the limit, 18.2 h before
     * the Gao'an observation. Hourly sampling sees nearly the peak; daily sampling at a fixed hour may miss it.
     */
    @Test
    void shanggaoWouldHaveSeenItFirst() {
        IncidentReplay.Candidate q = replay().candidates().get(0);
        assertThat(q.upstream()).extracting(IncidentReplay.UpstreamView::station).containsExactly("ST-INTAKE-SHANGGAO");
        IncidentReplay.UpstreamView v = q.upstream().get(0);
        assertThat(v.peakUgPerL()).isCloseTo(0.4693, within(1e-3));
        assertThat(v.leadHoursBeforeObservation()).isCloseTo(32.808 - 14.582, within(1e-2));
        assertThat(v.hourlyMaxSampledUgPerL()).isBetween(0.95 * v.peakUgPerL(), v.peakUgPerL());
        assertThat(v.hourlyFirstAlertAt()).isBefore(v.peakAt());
        assertThat(v.dailyMaxSampledMinUgPerL()).isLessThan(v.dailyMaxSampledMaxUgPerL());
        assertThat(v.dailyCatchShare()).isGreaterThan(0).isLessThan(1);
        // a daily sample catches the exceedance when it falls within the hours over the limit: share ≈ hours/24
        assertThat(v.dailyCatchShare()).isCloseTo(v.hoursOverLimit() / 24.0, within(1.0 / 24 + 1e-9));
    }

    /** Yongxing (TR-YF km 25): 20 km at 0.343 m/s + 55 km at 0.381 m/s = 56.30 h; minimum 0.4174 kg. */
    @Test
    void yongxing_travelByHand() {
        IncidentReplay.Candidate y = replay().candidates().get(1);
        assertThat(y.travelHours()).isCloseTo(56.296, within(1e-3));
        assertThat(y.minimumMassKg()).isCloseTo(0.41743, within(1e-4));
        assertThat(y.upstream()).extracting(IncidentReplay.UpstreamView::station)
                .containsExactly("ST-BND-YIFENG", "ST-INTAKE-SHANGGAO");
    }

    @Test
    void badObservation_isRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IncidentReplay.replay(
                EnvFixtures.network(EnvFixtures.world()), IncidentReplay.jinjiang2022(-1), 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
