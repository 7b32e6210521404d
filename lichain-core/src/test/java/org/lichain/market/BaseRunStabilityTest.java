package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;

/**
 * Issue 12's stability goal on the embedded base run: the annual averages of 2028–2040 stay within 0.5–2× their
 * median (no self-made cycles or artefact spikes), and no month reaches the choke price (the soft cap is a last
 * bound, not the price).
 */
class BaseRunStabilityTest {
    @Test
    void baseRun2028to2040_staysWithinHalfAndTwiceItsMedian_andBelowTheChokePrice() {
        Scenario base = Scenario.base();
        SimulationResult r = Simulation.run(DatasetLoader.loadEmbedded(), base, base.seed());
        // the annual means of the run's own annual table (MarketColumns: the same table the JSON and CSV write)
        var table = MarketColumns.annual(r);
        double[] annual = new double[13];
        for (int y = 2028; y <= 2040; y++) {
            annual[y - 2028] = table.get(y).get("price_cny_per_t_incl_vat" + MarketColumns.Annual.MEAN.suffix);
        }
        double[] sorted = annual.clone();
        Arrays.sort(sorted);
        double median = sorted[6];
        assertThat(sorted[0] / median).as("lowest 2028-2040 annual average / median").isGreaterThanOrEqualTo(0.5);
        assertThat(sorted[12] / median).as("highest 2028-2040 annual average / median").isLessThanOrEqualTo(2.0);
        double max = Arrays.stream(r.priceUsdPerTLce()).max().orElseThrow();
        assertThat(max).as("highest monthly price, US$/t").isLessThan(0.9 * Simulation.CHOKE_PRICE_USD);
    }
}
