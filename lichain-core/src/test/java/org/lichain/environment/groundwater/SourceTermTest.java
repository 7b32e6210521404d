package org.lichain.environment.groundwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Leachate by hand, and its mass balance against the stack's leachable thallium. */
class SourceTermTest {
    /**
     * Liner failure under a cover: 1650 mm/yr × 2 % reach the aquifer. A 100 m × 100 m patch with flat monthly rain:
     * 1.650/12 m × 0.02 × 10⁴ m² = 27.5 m³ a month, × 123.5 µg/L (mg/m³) = 3.39625 g Tl a month. Mixing depth with
     * I = 1.65·0.02/365.25 m/day: 10.583 + 15·(1 − e^(−100·9.0349e-5/(0.025·15))) = 10.583 + 0.3571 = 10.940 m; source
     * concentration 3.39625/30.4375 g/day ÷ (0.025 · 100 · 10.940) m³/day = 4.0797 µg/L.
     */
    @Test
    void linerFailure_monthlyLeachateByHand() {
        GroundwaterSite s = GroundwaterFixtures.site(GroundwaterFixtures.aquifer());
        SourceTerm.Leachate l = SourceTerm.leachate(s, SourceTerm.Scenario.LINER_FAILURE, 100, 100, 1000,
                GroundwaterFixtures.flatRain(), 1, 12);
        assertThat(l.infiltrationM3()[0]).isCloseTo(27.5, within(1e-9));
        assertThat(l.tlG()[0]).isCloseTo(3.39625, within(1e-9));
        assertThat(l.mixingDepthM()).isCloseTo(10.940, within(1e-3));
        assertThat(l.sourceUgPerL()[0]).isCloseTo(4.0797, within(1e-3));
        // intact liner passes 1 % of that; the uncovered stack 15× the covered infiltration
        SourceTerm.Leachate intact = SourceTerm.leachate(s, SourceTerm.Scenario.INTACT, 100, 100, 1000,
                GroundwaterFixtures.flatRain(), 1, 12);
        assertThat(intact.tlG()[0]).isCloseTo(0.0339625, within(1e-12));
        SourceTerm.Leachate open = SourceTerm.leachate(s, SourceTerm.Scenario.COVER_AND_LINER_FAILURE, 100, 100, 1000,
                GroundwaterFixtures.flatRain(), 1, 12);
        assertThat(open.tlG()[0]).isCloseTo(15 * 3.39625, within(1e-9));
    }

    /** What leaves never exceeds the leachable inventory, and it all leaves when the leaching could take more. */
    @Test
    void leaching_stopsWhenTheInventoryIsUsedUp() {
        GroundwaterSite s = GroundwaterFixtures.site(GroundwaterFixtures.aquifer());
        // 0.1 kg of leachable Tl at 50.94 g/month uncovered: gone in the second month (50.94 + 49.06)
        SourceTerm.Leachate l = SourceTerm.leachate(s, SourceTerm.Scenario.COVER_AND_LINER_FAILURE, 100, 100, 0.1,
                GroundwaterFixtures.flatRain(), 1, 24);
        assertThat(l.leachedKg()).isCloseTo(0.1, within(1e-12));
        assertThat(l.tlG()[0]).isCloseTo(50.94375, within(1e-9));
        assertThat(l.tlG()[1]).isCloseTo(100 - 50.94375, within(1e-9));
        assertThat(l.tlG()[2]).isZero();
        assertThat(l.sourceUgPerL()[2]).isZero();
    }

    /** Monthly rain follows the rain reach's flow factors and keeps the annual total. */
    @Test
    void seasonalRain_keepsTheAnnualTotal() {
        GroundwaterSite s = GroundwaterFixtures.site(GroundwaterFixtures.aquifer());
        double[] f = {0.45, 0.65, 1.05, 1.55, 1.85, 2.1, 1.35, 0.95, 0.7, 0.5, 0.45, 0.4}; // the dataset's regime
        SourceTerm.Leachate l = SourceTerm.leachate(s, SourceTerm.Scenario.LINER_FAILURE, 100, 100, 1000, f, 1, 12);
        double sum = 0;
        for (double v : l.infiltrationM3()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(12 * 27.5, within(1e-9));
        assertThat(l.infiltrationM3()[5]).isCloseTo(2.1 * 27.5, within(1e-9)); // June
    }
}
