package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandModelTest {
    private final MarketData data = MarketDataExtension.loadEmbedded();

    private static double annual(double[][][] d, int fromMonth) {
        double s = 0;
        for (double[][] seg : d) {
            for (double[] reg : seg) {
                for (int t = fromMonth; t < fromMonth + 12; t++) {
                    s += reg[t];
                }
            }
        }
        return s;
    }

    @Test
    void midYearMonthOf2022_isTheAnnualDriverTimesIntensity() {
        double[][][] d = DemandModel.monthly(data, "stated_policies", Map.of(), YearMonth.of(2022, 7), 1);
        // July 2022 sits at x = 2022 + 6.5/12 = 2022.54, 0.04 years after the 2022 anchor (2022.5): near the 2022 row.
        // ev_lfp ~ 550 GWh x 35% x lfp intensity (0.95 -> 0.85 over 2020.5-2025.5: at 2022.54 = 0.95 - 0.1 x 2.04/5
        // = 0.9092) x 1000 / 12 = 14,584 t; the drift to 2023's 590 GWh / 40% adds ~1.4% -> ~14,800 t
        double evLfp = 0;
        for (double[] reg : d[0]) {
            evLfp += reg[0];
        }
        assertThat(evLfp).isCloseTo(14_800, within(300.0));
    }

    @Test
    void globalDemand_matchesPublishedTotalsWithinAFifth() {
        double[][][] d = DemandModel.monthly(data, "stated_policies", Map.of(), YearMonth.of(2020, 1), 60);
        // global lithium demand 2020: 320-368 kt (Fastmarkets; Orient Securities); 2022: 797 kt (Australia REQ Sep 2023)
        assertThat(annual(d, 0)).isBetween(0.8 * 344_000, 1.2 * 344_000);
        assertThat(annual(d, 24)).isBetween(0.8 * 797_000, 1.2 * 797_000);
    }

    @Test
    void statedPolicies_reproducesItsSourcesRatios() {
        // the stated_policies preset follows the IEA's base case: lithium demand 2030 = 2.46 x 2024 (IEA GCMO 2025,
        // +146%), 2035 ~3 x 2024 ("triples again by 2035") and 2040 ~5 x 2024 (STEPS); within 2% of each
        double[][][] d = DemandModel.monthly(data, "stated_policies", Map.of(), YearMonth.of(2024, 1), 204);
        double y2024 = annual(d, 0);
        assertThat(annual(d, 72) / y2024).isCloseTo(2.46, within(0.05));
        assertThat(annual(d, 132) / y2024).isCloseTo(3.0, within(0.06));
        assertThat(annual(d, 192) / y2024).isCloseTo(5.0, within(0.1));
    }

    @Test
    void multipliers_scaleSegmentsAndRegions() {
        double[][][] base = DemandModel.monthly(data, "stated_policies", Map.of(), YearMonth.of(2030, 1), 12);
        double[][][] cn = DemandModel.monthly(data, "stated_policies", Map.of("CN", 1.5, "storage", 2.0),
                YearMonth.of(2030, 1), 12);
        int cnIdx = DemandRegion.CN.ordinal();
        int euIdx = DemandRegion.EU.ordinal();
        assertThat(cn[0][cnIdx][0]).isCloseTo(1.5 * base[0][cnIdx][0], within(1e-9));
        assertThat(cn[0][euIdx][0]).isCloseTo(base[0][euIdx][0], within(1e-9));
        assertThat(cn[2][euIdx][0]).isCloseTo(2.0 * base[2][euIdx][0], within(1e-9));
    }

    @Test
    void unknownPreset_namesTheKnownOnes() {
        assertThatThrownBy(() -> DemandModel.monthly(data, "nope", Map.of(), YearMonth.of(2020, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stated_policies");
    }
}
