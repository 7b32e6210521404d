package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/**
 * The ensembles' key-metrics run skips outputs but must be the same run: its price, mine self-sufficiency and share
 * at a loss equal the full run's to the last bit.
 */
class KeyMetricsTest {
    private static final SyntheticMarket WORLD = SyntheticMarket.standard(YearMonth.of(2020, 1), YearMonth.of(2030, 12));

    @Property(tries = 25)
    void keyMetricsEqualTheFullRunBitForBit_onRandomSyntheticScenarios(
            @ForAll @DoubleRange(min = 0.5, max = 2.0) double demandMultiplier,
            @ForAll @DoubleRange(min = 0.0, max = 10.0) double noisePct,
            @ForAll @LongRange(min = 1, max = 1000) long seed) {
        Scenario s = WORLD.varied("prop", seed, demandMultiplier, noisePct, WORLD.base().priceFormation());
        assertSame(WORLD.inputs(s), seed, null, null);
        assertSame(WORLD.inputs(s), seed, "spodumene", null);
    }

    @Test
    void keyMetricsEqualTheFullRunBitForBit_onTheEmbeddedBaseScenario() {
        World w = DatasetLoader.loadEmbedded();
        MarketInputs in = MarketInputs.fromWorld(w, Scenario.base());
        assertSame(in, 1, "lepidolite", "CN");
    }

    private static void assertSame(MarketInputs in, long seed, String type, String country) {
        SimulationResult full = Simulation.run(in, seed, new SuccessiveShortestPathSolver());
        Simulation.KeyMetrics key = Simulation.keyMetrics(in, seed, new SuccessiveShortestPathSolver(), type, country);
        assertThat(key.priceCnyPerTInclVat()).containsExactly(full.priceCnyPerTInclVat());
        assertThat(key.shareAtLoss()).containsExactly(full.shareAtLoss(type, country));
        for (DemandRegion r : DemandRegion.values()) {
            assertThat(key.mineSelfSufficiency()[r.ordinal()]).as("region %s", r)
                    .containsExactly(full.mineSelfSufficiency()[r.ordinal()]);
        }
        assertThat(full.priceCnyPerTInclVat()).isNotEmpty();
    }
}
