package org.lichain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.lichain.TestWorlds;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.ParameterValue;
import org.lichain.world.Parameters;
import org.lichain.world.ProcessParameter;
import org.lichain.world.ResourceType;
import org.lichain.world.Route;
import org.lichain.world.World;

class CostCurveTest {

    /** Three lepidolite assets differing only in mining cost, plus a converter that must be left out. */
    static World threeAssets() {
        List<Asset> assets = List.of(
                TestWorlds.asset("A", "CN", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST, AssetKind.INTEGRATED, 30_000),
                TestWorlds.asset("B", "CN", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST, AssetKind.INTEGRATED, 10_000),
                TestWorlds.asset("C", "CN", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST, AssetKind.INTEGRATED, 20_000),
                TestWorlds.asset("K", "CN", "CN-SC", ResourceType.SPODUMENE, Route.SPODUMENE_TO_CARBONATE, AssetKind.CONVERTER, 50_000));
        Parameters route = CostModelTest.lepidolite();
        Parameters sp = TestWorlds.params(ProcessParameter.HEAD_GRADE_LI2O_PCT, 1.5, ProcessParameter.CONCENTRATE_GRADE_LI2O_PCT, 6,
                ProcessParameter.BENEFICIATION_RECOVERY_PCT, 70, ProcessParameter.REFINING_RECOVERY_PCT, 90);
        return TestWorlds.world(assets, Map.of(Route.LEPIDOLITE_SULFATE_ROAST, route, Route.SPODUMENE_TO_CARBONATE, sp),
                Map.of("A", mining(30), "B", mining(5), "C", mining(60)));
    }

    static Parameters mining(double usdPerTOre) {
        return new Parameters(Map.of(ProcessParameter.MINING_COST_USD_PER_T_ORE, ParameterValue.of(usdPerTOre, "test")));
    }

    @Test
    void curve_isSortedByCost_withCumulativeCapacity_andExcludesConverters() {
        CostCurve c = CostCurves.annual(threeAssets(), 2025, new CostCurves.Price(5000, "test"), CostBreakdown.Basis.C1);
        assertThat(c.entries()).extracting(CostCurve.Entry::id).containsExactly("B", "A", "C");
        assertThat(c.entries()).extracting(CostCurve.Entry::cumulativeTLce).containsExactly(10_000.0, 40_000.0, 60_000.0);
        // A differs from B only by mining 30 vs 5 USD per t ore, at 114.877 t ore per t LCE
        double base = c.entries().get(0).c1UsdPerTLce() - 5 * 114.8771;
        assertThat(c.entries().get(1).c1UsdPerTLce()).isCloseTo(base + 30 * 114.8771, within(0.05));
        // marginal cost at 35 kt falls in A's bar
        assertThat(c.marginalCostAt(35_000)).isEqualTo(c.entries().get(1).c1UsdPerTLce());
        assertThat(c.byResourceType()).containsOnlyKeys("lepidolite");
    }

    /**
     * Share at loss by hand: B's C1 is 2,355.9 (mining 5 USD/t ore, CostModelTest); A adds 25 × 114.877 t ore
     * = 2,871.9 → 5,227.8; C adds 55 × 114.877 = 6,318.2 → 8,674.1;
     * at 6,000 only C (20 kt of 60 kt) is under water → 1/3. Production-weighted median C1 = A's.
     */
    @Test
    void shareAtLoss_andMedian_byHand() {
        CostCurve c = CostCurves.annual(threeAssets(), 2025, new CostCurves.Price(6000, "test"), CostBreakdown.Basis.C1);
        assertThat(c.entries().get(1).c1UsdPerTLce()).isCloseTo(5227.8, within(0.1));
        assertThat(c.entries().get(2).c1UsdPerTLce()).isCloseTo(8674.1, within(0.1));
        assertThat(c.shareAtLoss()).isCloseTo(1.0 / 3.0, within(1e-12));
        assertThat(c.byResourceType().get("lepidolite").shareAtLoss()).isCloseTo(1.0 / 3.0, within(1e-12));
        assertThat(c.byResourceType().get("lepidolite").medianC1UsdPerTLce()).isEqualTo(c.entries().get(1).c1UsdPerTLce());
    }

    /** Ordering and cumulative sums hold for any costs and capacities; the share at loss falls as price rises. */
    @Property(tries = 300)
    void kernelOrdersAndCumulates(@ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 0, max = 1e5) Double> costs,
                                  @ForAll @DoubleRange(min = 0, max = 1e5) double price) {
        int n = costs.size();
        double[] cost = new double[n];
        double[] cap = new double[n];
        for (int i = 0; i < n; i++) {
            cost[i] = costs.get(i);
            cap[i] = 1 + (i * 7919 % 100);
        }
        int[] order = CurveKernel.order(cost);
        double[] cum = CurveKernel.cumulative(order, cap);
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            seen.add(order[k]);
            if (k > 0) {
                assertThat(cost[order[k]]).isGreaterThanOrEqualTo(cost[order[k - 1]]);
                assertThat(cum[k] - cum[k - 1]).isCloseTo(cap[order[k]], within(1e-6));
            }
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(n);
        assertThat(CurveKernel.shareAbove(cost, cap, price * 1.5 + 1))
                .isLessThanOrEqualTo(CurveKernel.shareAbove(cost, cap, price));
    }
}
