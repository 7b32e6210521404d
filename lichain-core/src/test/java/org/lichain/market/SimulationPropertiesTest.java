package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Monthly mass balance, flows within capacities, non-negative prices and byte-identical JSON, on a synthetic world. */
class SimulationPropertiesTest {
    private static final SyntheticMarket WORLD = SyntheticMarket.standard(YearMonth.of(2020, 1), YearMonth.of(2030, 12));

    @Property(tries = 40)
    void massBalanceHoldsEveryMonth_forRandomDemandAndPriceParameters(
            @ForAll @DoubleRange(min = 0.5, max = 2.0) double demandMultiplier,
            @ForAll @DoubleRange(min = 0.1, max = 1.0) double elasticity,
            @ForAll @DoubleRange(min = 0.0, max = 2.0) double momentum,
            @ForAll @DoubleRange(min = 0.0, max = 10.0) double noisePct,
            @ForAll @LongRange(min = 1, max = 1000) long seed) {
        Scenario s = WORLD.varied("prop", seed, demandMultiplier, noisePct,
                Map.of("scarcity_elasticity", elasticity, "inventory_momentum_gain", momentum,
                        "cover_price_elasticity", 1 + 3 * elasticity));
        SimulationResult r = Simulation.run(WORLD.inputs(s), seed, new SuccessiveShortestPathSolver());
        for (int t = 0; t < r.months(); t++) {
            double scale = Math.max(1.0, r.productionTLce()[t]);
            assertThat(r.massBalanceResidual(t)).as("month %s", r.month(t)).isCloseTo(0.0, within(1e-6 * scale));
            assertThat(r.priceUsdPerTLce()[t]).isPositive().isFinite();
            assertThat(r.priceCnyPerTInclVat()[t]).isPositive();
            assertThat(r.sc6UsdPerT()[t]).isPositive();
            assertThat(r.unmetDemandTLce()[t]).isGreaterThanOrEqualTo(-1e-6);
            assertThat(r.consumptionTLce()[t]).isLessThanOrEqualTo(r.demandTLce()[t] + 1e-6);
            assertThat(r.productionTLce()[t]).isLessThanOrEqualTo(r.availableCapacityTLce()[t] + 1e-6);
            for (int i = 0; i < r.assetIds().size(); i++) {
                assertThat(r.productionByAsset()[i][t]).isGreaterThanOrEqualTo(0.0);
            }
            for (double[] row : r.regionalPriceUsdPerTLce()) {
                assertThat(row[t]).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Test
    void flowsStayWithinCapacities_everyMonth() {
        MarketInputs in = WORLD.inputs(WORLD.base());
        TradeNetwork tn = new TradeNetwork(in);
        // the network the simulation solves: every arc's flow within its capacity is checked inside the solver
        // tests; here the trade matrix must add up to what regions received (production + stock released)
        SimulationResult r = Simulation.run(in, 1, new SuccessiveShortestPathSolver());
        for (int t = 0; t < r.months(); t++) {
            double shipped = 0;
            for (double[] o : r.flowCountryToRegion()[t]) {
                for (double v : o) {
                    assertThat(v).isGreaterThanOrEqualTo(-1e-9);
                    shipped += v;
                }
            }
            double prevC = t == 0 ? r.initialConsumerStockTLce() : r.consumerStockTLce()[t - 1];
            double received = r.consumptionTLce()[t] + r.consumerStockTLce()[t] - prevC;
            assertThat(shipped).as("month %s", r.month(t)).isCloseTo(received, within(1e-6 * Math.max(1, received)));
        }
        assertThat(tn.countries).contains("AU", "CL", "CN", "ZW");
    }

    @Test
    void sameInputsAndSeed_giveByteIdenticalJson() {
        Scenario s = WORLD.base();
        Scenario noisy = new Scenario("noisy", s.from(), s.to(), 7, s.demandPreset(), s.demandMultipliers(), 5.0,
                s.tariffs(), s.exportBans(), s.quotas(), s.stateSupport(), s.shocks(), s.priceFormation());
        String a = ResultJson.toJson(Simulation.run(WORLD.inputs(noisy), 7, new SuccessiveShortestPathSolver()));
        String b = ResultJson.toJson(Simulation.run(WORLD.inputs(noisy), 7, new SuccessiveShortestPathSolver()));
        String c = ResultJson.toJson(Simulation.run(WORLD.inputs(noisy), 8, new SuccessiveShortestPathSolver()));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c); // the seed drives the demand noise
        assertThat(a).doesNotContain("timestamp");
    }

    /** Every monthly trade problem of a run, solved by both solvers: the same optimal cost (flows may differ). */
    @Test
    void ourSolverAndGlop_reachTheSameOptimalCostOnEveryMonthlyProblem() {
        MarketInputs in = WORLD.inputs(WORLD.base());
        SuccessiveShortestPathSolver ours = new SuccessiveShortestPathSolver();
        GlopFlowSolver glop = new GlopFlowSolver();
        int[] checked = {0};
        FlowSolver both = net -> {
            FlowSolution a = ours.solve(net);
            FlowSolution b = glop.solve(net);
            assertThat(a.costUsd()).isCloseTo(b.costUsd(), within(1e-7 * Math.max(1, Math.abs(b.costUsd()))));
            checked[0]++;
            return a;
        };
        Simulation.run(in, 1, both);
        assertThat(checked[0]).isEqualTo(in.months());
    }

    @Test
    void utilisation_isNormalAtCost_higherWhenRich_lowerWhenUnderwater() {
        MarketParameters p = WORLD.inputs(WORLD.base()).parameters();
        // normal 70%, max 75% at price = 2 x C1, slope 2: at price = 0.8 C1 -> 0.7 x (1 - 2 x 0.2) = 0.42
        assertThat(SupplyResponse.priceUtilisation(p, 1.0)).isCloseTo(0.70, within(1e-12));
        assertThat(SupplyResponse.priceUtilisation(p, 2.0)).isCloseTo(0.75, within(1e-12));
        assertThat(SupplyResponse.priceUtilisation(p, 0.8)).isCloseTo(0.42, within(1e-12));
        assertThat(SupplyResponse.priceUtilisation(p, 0.1)).isCloseTo(0.30, within(1e-12));
    }
}
