package org.lichain.environment.groundwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The analytical transport kernel against a published case, by hand, and by its mass balance and monotonicity. */
class PlumeTest {
    /**
     * Published worked example: M. van der Perk, Soil and Water Contamination, 2nd ed. (CRC Press, 2013), Example 11.5:
     * a sand column, chloride 500 mg/L at the inlet from t = 0, u = 0.6 m/day, D = 5·10⁻³ m²/day; at x = 0.35 m after
     * 12 h the first Ogata–Banks term is ½·500·erfc((0.35 − 0.3)/(2√(0.005·0.5))) = 250·erfc(0.5) = 250·0.4795 =
     * 119.9 mg/L, the book's answer (it drops the second term as "very small"). Our Domenico kernel with a source
     * wider than anything (Y = 10⁷ m, y = 0) reduces to that term: tolerance 0.01 mg/L (erfc tabulated to 4 digits).
     * Aquifer giving v = 0.6 m/day: K = 6 m/day, i = 0.025, n = 0.25 (q = 0.15); αL = D/v = 0.005/0.6 m; R = 1.
     */
    @Test
    void domenicoWideSource_matchesVanDerPerkExample11_5() {
        GroundwaterSite.Aquifer a = new GroundwaterSite.Aquifer(6, 0.025, 0.25, 10, 0.005 / 0.6, 1, 1, 0);
        assertThat(a.seepageVelocityMPerDay()).isCloseTo(0.6, within(1e-12));
        double c = 500 * Plume.unitStep(a, 1e7, 0.35, 0, 0.5);
        assertThat(c).isCloseTo(119.875, within(0.01));
    }

    /**
     * The full Ogata–Banks (1961) value of the same case: the second term is not negligible. exp(vx/D) = exp(42),
     * erfc(6.5) ≈ e^(−42.25)/(6.5√π)·(1 − 1/(2·6.5²) + 3/(4·6.5⁴)) (asymptotic series, Abramowitz &amp; Stegun 7.1.23),
     * so the product is e^(−0.25)/11.52095·0.988586 = 0.066827, and C = 250·(0.479500 + 0.066827) = 136.58 mg/L.
     */
    @Test
    void ogataBanksFull_secondTermByHand() {
        assertThat(500 * Plume.ogataBanks(0.35, 0.5, 0.6, 0.005)).isCloseTo(136.58, within(0.05));
        // far from the inlet the second term vanishes and the two agree
        assertThat(Plume.ogataBanks(50, 10, 1, 1)).isCloseTo(0.5 * org.hipparchus.special.Erf.erfc(40 / (2 * Math.sqrt(10))),
                within(1e-12));
    }

    /**
     * Retardation rescales time exactly: v' = v/R and D' = αL·v' so C(x, t; R) = C(x, t/R; 1). With R = 2 at 400 days
     * the front is where it is with R = 1 at 200 days.
     */
    @Test
    void retardation_rescalesTime() {
        GroundwaterSite.Aquifer a1 = GroundwaterFixtures.aquifer().withRetardation(1);
        GroundwaterSite.Aquifer a2 = GroundwaterFixtures.aquifer().withRetardation(2);
        assertThat(Plume.unitStep(a2, 50, 20, 5, 400)).isCloseTo(Plume.unitStep(a1, 50, 20, 5, 200), within(1e-12));
    }

    /**
     * Mass balance: the plume holds what the source put in. A 100 m wide source carrying 10 g/day into a 5 m mixing
     * depth: C0 = 10/(0.025·100·5) g/m³ = 0.8 g/m³ = 800 µg/L. After 20 years (7305 days; front at v't = 174 m, spread
     * 2√(αL·v't) = 83 m) the dissolved plus sorbed mass n·R·d·∫∫C dx dy must equal 10 g/day · 7305 days = 73.05 kg
     * (the Domenico form loses only the mass that would disperse upstream of the source plane, of order
     * e^(−(v't/s)²) = e^(−4.4)). Tolerance 1 %: the trapezoid grid (1 m × 0.5 m).
     */
    @Test
    void plumeMass_equalsLeachedMass() {
        GroundwaterSite.Aquifer a = GroundwaterFixtures.aquifer();
        double c0 = Plume.sourceConcentrationUgPerL(a, 10, 100, 5);
        assertThat(c0).isCloseTo(800, within(1e-9));
        double t = 7305;
        double sum = 0;
        double dx = 1;
        double dy = 0.5;
        for (double x = dx; x <= 700; x += dx) {
            for (double y = -120; y <= 120; y += dy) {
                sum += Plume.unitStep(a, 100, x, y, t) * dx * dy;
            }
        }
        // µg/L = mg/m³; ×1e-6 → kg
        double massKg = a.porosity() * a.retardation() * 5 * c0 * sum * 1e-6;
        assertThat(massKg).isCloseTo(73.05, within(0.01 * 73.05));
    }

    /** First-order loss at steady state on the axis of a wide source: exp(x/(2αL)·(1 − √(1 + 4λαL/v'))), by hand. */
    @Test
    void decay_steadyStateByHand() {
        // λ = 0.365 /yr = 0.001 /day; v' = 0.1/4.2 = 0.0238095; 4λαL/v' = 4·0.001·10/0.0238095 = 1.68;
        // √2.68 = 1.637071; at x = 20: exp(20/20·(1 − 1.637071)) = exp(−0.637071) = e^(−0.6)·e^(−0.037071)
        // = 0.548812·0.963608 = 0.528840
        GroundwaterSite.Aquifer a = GroundwaterFixtures.aquifer().withDecayPerYear(0.36525);
        assertThat(Plume.unitSteady(a, 1e7, 20, 0)).isCloseTo(0.528840, within(1e-5));
    }

    /** Mixing depth by hand (EPA SSG eq. 45): L = 100, I = 0.001, K·i = 0.025, da = 15. */
    @Test
    void mixingDepth_byHand() {
        double d = Plume.mixingDepthM(GroundwaterFixtures.aquifer(), 100, 0.001);
        assertThat(d).isCloseTo(Math.min(15, Math.sqrt(0.0112) * 100 + 15 * (1 - Math.exp(-100 * 0.001 / (0.025 * 15)))),
                within(1e-12));
        // 0.105830·100 = 10.5830; 1 − e^(−0.266667) = 0.234090; ·15 = 3.5113 → 14.0943 (below da = 15, not capped)
        assertThat(d).isCloseTo(14.0943, within(1e-3));
    }

    @Property(tries = 200)
    void moreRetardation_laterArrival(@ForAll @DoubleRange(min = 1, max = 20) double r,
                                      @ForAll @DoubleRange(min = 1.01, max = 3) double factor,
                                      @ForAll @DoubleRange(min = 5, max = 300) double x) {
        GroundwaterSite.Aquifer a = GroundwaterFixtures.aquifer();
        double t1 = Plume.crossingDays(a.withRetardation(r), 200, x, 0, 0.1);
        double t2 = Plume.crossingDays(a.withRetardation(r * factor), 200, x, 0, 0.1);
        assertThat(t2).isGreaterThan(t1);
    }

    /** The unit response is a fraction: 0 ≤ C/C0 ≤ 1 anywhere, any time, any aquifer. */
    @Property(tries = 300)
    void unitResponse_isBetweenZeroAndOne(@ForAll @DoubleRange(min = -50, max = 500) double x,
                                          @ForAll @DoubleRange(min = -300, max = 300) double y,
                                          @ForAll @DoubleRange(min = 0, max = 1e5) double t,
                                          @ForAll @DoubleRange(min = 1, max = 20) double r,
                                          @ForAll @DoubleRange(min = 0, max = 2) double lambdaPerYear,
                                          @ForAll @DoubleRange(min = 1, max = 500) double width) {
        GroundwaterSite.Aquifer a = GroundwaterFixtures.aquifer().withRetardation(r).withDecayPerYear(lambdaPerYear);
        double c = Plume.unitStep(a, width, x, y, t);
        assertThat(c).isBetween(0.0, 1.0);
        assertThat(c).isLessThanOrEqualTo(Plume.unitSteady(a, width, x, y) + 1e-12); // a step only rises
    }

    /** A release of finite duration (a year) peaks lower further down the axis. */
    @Property(tries = 100)
    void moreDistance_lowerPeak(@ForAll @DoubleRange(min = 5, max = 200) double x,
                                @ForAll @DoubleRange(min = 5, max = 100) double dx,
                                @ForAll @DoubleRange(min = 10, max = 400) double width) {
        GroundwaterSite.Aquifer a = GroundwaterFixtures.aquifer().withRetardation(1);
        assertThat(peak(a, width, x + dx)).isLessThanOrEqualTo(peak(a, width, x) * (1 + 1e-4));
    }

    private static double peak(GroundwaterSite.Aquifer a, double width, double x) {
        double[] starts = {0, 365.25};
        double[] levels = {1, 0};
        double best = 0;
        for (double t = 1; t <= 20000; t += 5) {
            best = Math.max(best, Plume.series(a, width, x, 0, starts, levels, t));
        }
        return best;
    }
}
