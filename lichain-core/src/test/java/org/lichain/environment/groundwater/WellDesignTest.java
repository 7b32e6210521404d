package org.lichain.environment.groundwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The sampling design: monotone in frequency and well count, deterministic, greedy within its bounds. */
class WellDesignTest {
    /** A faster aquifer than the default (K 20 m/day, R 2) so that the calendar matters within the horizon. */
    static GroundwaterSite fastSite() {
        return GroundwaterFixtures.site(GroundwaterFixtures.aquifer().withConductivity(20).withRetardation(2));
    }

    static final double STOCK_T = 1.5e6; // 1.5 Mt at 10 m and 1.5 t/m³: 100,000 m², a 316 m square
    static final double TL_KG = 1.5e6 * 24.7e-3; // 24.7 mg/kg

    @Property(tries = 15)
    void halfMonthlySampling_detectsAtLeastAsOften(@ForAll @LongRange(min = 1, max = 1000) long seed,
                                                   @ForAll @IntRange(min = 1, max = 3) int k) {
        WellDesign.Options o = WellDesign.Options.defaults().withTrials(300).withSeed(seed);
        var m = WellDesign.simulate(fastSite(), STOCK_T, TL_KG, o).trials();
        var h = WellDesign.simulate(fastSite(), STOCK_T, TL_KG, o.withIntervalDays(WellDesign.MONTH_DAYS / 2)).trials();
        int[] set = WellDesign.indices(m, WellDesign.best(m, k).wells());
        // trial by trial: the half-monthly calendar holds every monthly date, so it detects no later
        for (int t = 0; t < 300; t++) {
            for (int j : set) {
                assertThat(h.detectionDays()[t][j]).isLessThanOrEqualTo(m.detectionDays()[t][j]);
            }
        }
        assertThat(h.probability(set)).isGreaterThanOrEqualTo(m.probability(set));
    }

    @Property(tries = 10)
    void moreWells_detectAtLeastAsOften(@ForAll @LongRange(min = 1, max = 1000) long seed,
                                        @ForAll @IntRange(min = 1, max = 5) int k) {
        var tr = WellDesign.simulate(fastSite(), STOCK_T, TL_KG,
                WellDesign.Options.defaults().withTrials(300).withSeed(seed)).trials();
        WellDesign.Choice a = WellDesign.best(tr, k);
        WellDesign.Choice b = WellDesign.best(tr, k + 1);
        assertThat(b.probability()).isGreaterThanOrEqualTo(a.probability());
        assertThat(b.wells().subList(0, k)).isEqualTo(a.wells()); // greedy sets are nested
        // the greedy value is what the set scores, and it lies between (1 − 1/e)·OPT and the bounds
        assertThat(a.probability()).isCloseTo(tr.probability(WellDesign.indices(tr, a.wells())), within(1e-12));
        assertThat(a.exhaustiveOptimum()).isGreaterThanOrEqualTo(a.probability() - 1e-12);
        assertThat(a.upperBound()).isGreaterThanOrEqualTo(a.exhaustiveOptimum() - 1e-12);
        assertThat(a.probability()).isGreaterThanOrEqualTo((1 - 1 / Math.E) * a.exhaustiveOptimum() - 1e-12);
    }

    @Test
    void sameSeed_sameResult_differentSeed_differentDraws() {
        WellDesign.Options o = WellDesign.Options.defaults().withTrials(200);
        var a = WellDesign.simulate(fastSite(), STOCK_T, TL_KG, o);
        var b = WellDesign.simulate(fastSite(), STOCK_T, TL_KG, o);
        assertThat(b.trials().detectionDays()).isDeepEqualTo(a.trials().detectionDays());
        assertThat(b.trials().deadlineDays()).isEqualTo(a.trials().deadlineDays());
        var c = WellDesign.simulate(fastSite(), STOCK_T, TL_KG, o.withSeed(99));
        assertThat(c.leakStartDays()).isNotEqualTo(a.leakStartDays());
    }

    /**
     * A hand-checkable instance of the selection: three points, four trials. Point 0 alone catches trials 0 and 1,
     * point 1 trials 1 and 2, point 2 trial 3. Best single: point 0 or 1 (0.5; ties to the earlier); best pair: {0, 1}
     * catches 3 of 4 (0.75), exhaustive agrees; the online bound after choosing {0, 1} is 0.75 + 0.25 = 1.0 at most.
     */
    @Test
    void greedy_byHand() {
        double inf = Double.POSITIVE_INFINITY;
        double[][] det = {{10, inf, inf}, {10, 10, inf}, {inf, 10, inf}, {inf, inf, 10}};
        var tr = new WellDesign.Trials(List.of("A", "B", "C"), new double[] {100, 100, 100, 100}, det, 1000, 4);
        assertThat(WellDesign.best(tr, 1).wells()).containsExactly("A");
        WellDesign.Choice two = WellDesign.best(tr, 2);
        assertThat(two.wells()).containsExactly("A", "B");
        assertThat(two.probability()).isEqualTo(0.75);
        assertThat(two.exhaustiveOptimum()).isEqualTo(0.75);
        assertThat(two.upperBound()).isBetween(0.75, 1.0);
        // a detection after the deadline does not count
        double[][] late = {{200, inf, inf}, {10, 10, inf}, {inf, 10, inf}, {inf, inf, 10}};
        var tr2 = new WellDesign.Trials(List.of("A", "B", "C"), new double[] {100, 100, 100, 100}, late, 1000, 4);
        assertThat(tr2.probability(new int[] {0})).isEqualTo(0.25);
    }

    /** On the default dataset parameters the report is well-formed and its probabilities are ordered. */
    @Test
    void report_ordersTheOptions() {
        WellDesign.Report r = WellDesign.report(fastSite(), STOCK_T, TL_KG, 2,
                WellDesign.Options.defaults().withTrials(400));
        assertThat(r.monthly().recommendedWells()).hasSize(2);
        assertThat(r.bestHalfMonthly()).isGreaterThanOrEqualTo(r.monthly().recommendedProbability());
        assertThat(r.oneMoreWell().recommendedProbability()).isGreaterThanOrEqualTo(r.monthly().recommendedProbability());
        assertThat(r.monthly().recommendedProbability()).isGreaterThanOrEqualTo(r.existingMonthly() - 1e-12);
        assertThat(r.monthly().recommendedProbability()).isGreaterThanOrEqualTo(r.monthly().probability());
        assertThat(r.meanDelayHalfMonthlyDays()).isLessThanOrEqualTo(r.meanDelayMonthlyDays());
    }
}
