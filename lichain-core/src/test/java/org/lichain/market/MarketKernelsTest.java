package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The month's rules as pure kernels, each against values computed by hand (the arithmetic is in the comments), plus
 * the monotonicity that the market laws rest on.
 */
class MarketKernelsTest {
    private static final MarketParameters P = MarketParameters.of(MarketDataExtension.loadEmbedded().parameters())
            .with(Map.of("normal_utilisation_pct", 70.0, "max_utilisation_pct", 75.0, "min_utilisation_pct", 30.0,
                    "loss_utilisation_slope", 2.0, "inventory_cover_months", 2.0, "inventory_cover_min_months", 0.75,
                    "inventory_cover_max_months", 3.0, "inventory_momentum_gain", 0.5,
                    "inventory_demand_growth_gain", 0.0));

    // three plants of 10 t/month at US$5,000, 7,000 and 9,000/t, listed out of order
    private static final double[] COST = {9_000, 5_000, 7_000};
    private static final double[] CAP = {10, 10, 10};
    private static final int[] ORDER = {1, 2, 0};

    @Test
    void banAhead_whileKnownAndNotYetInForce() {
        Scenario.ExportBan announced = new Scenario.ExportBan("ZW", "concentrate", YearMonth.of(2027, 1), null,
                YearMonth.of(2025, 6));
        Scenario s = Scenario.base().withPeriod(YearMonth.of(2020, 1), YearMonth.of(2030, 12));
        s = new Scenario(s.name(), s.from(), s.to(), 1, s.demandPreset(), s.demandMultipliers(), 0, s.tariffs(),
                java.util.List.of(announced), s.quotas(), s.stateSupport(), s.shocks(), s.priceFormation());
        assertThat(TradeNetwork.banAhead(s, "ZW", "concentrate", YearMonth.of(2025, 5))).isFalse(); // not yet known
        assertThat(TradeNetwork.banAhead(s, "ZW", "concentrate", YearMonth.of(2025, 6))).isTrue();
        assertThat(TradeNetwork.banAhead(s, "ZW", "concentrate", YearMonth.of(2026, 12))).isTrue();
        assertThat(TradeNetwork.banAhead(s, "ZW", "concentrate", YearMonth.of(2027, 1))).isFalse(); // in force
        assertThat(TradeNetwork.banAhead(s, "ZW", "chemical", YearMonth.of(2026, 1))).isFalse(); // other product
        assertThat(TradeNetwork.banAhead(s, "AU", "concentrate", YearMonth.of(2026, 1))).isFalse(); // other country
        // a ban without a stated announcement is known from its start: never ahead
        Scenario surprise = new Scenario(s.name(), s.from(), s.to(), 1, s.demandPreset(), s.demandMultipliers(), 0,
                s.tariffs(), java.util.List.of(new Scenario.ExportBan("ZW", "concentrate", YearMonth.of(2027, 1), null)),
                s.quotas(), s.stateSupport(), s.shocks(), s.priceFormation());
        assertThat(TradeNetwork.banAhead(surprise, "ZW", "concentrate", YearMonth.of(2026, 12))).isFalse();
        assertThat(TradeNetwork.BAN_AHEAD_HOLD_PENALTY_USD).isGreaterThan(TradeNetwork.HOLD_PENALTY_USD);
    }

    @Test
    void marginalCost_isTheStepCurveAveragedOverFivePercentEitherSide() {
        // q = 15: window [14.25, 15.75] lies inside the second block -> 7,000
        assertThat(PriceFormation.marginalCostOfAvailable(COST, CAP, ORDER, 3, 15, 0.5)).isCloseTo(7_000, within(1e-9));
        // q = 10: window [9.5, 10.5], half in the 5,000 block and half in the 7,000 block -> 6,000
        assertThat(PriceFormation.marginalCostOfAvailable(COST, CAP, ORDER, 3, 10, 0.5)).isCloseTo(6_000, within(1e-9));
        // q = 40 beyond all 30: 9,000 x (x/30)^2 averaged over [38, 42] = 10 x (42^3 - 38^3) / 3 / 4 = 16,013.33
        assertThat(PriceFormation.marginalCostOfAvailable(COST, CAP, ORDER, 3, 40, 0.5))
                .isCloseTo(16_013.333333, within(1e-5));
        // no capacity: no cost
        assertThat(PriceFormation.marginalCostOfAvailable(COST, new double[3], ORDER, 3, 10, 0.5)).isNaN();
    }

    @Property(tries = 300)
    void removingCapacity_neverLowersTheMarginalCost_andMoreUseNeverLowersIt(
            @ForAll @Size(min = 2, max = 12) java.util.List<@DoubleRange(min = 1_000, max = 30_000) Double> costs,
            @ForAll @DoubleRange(min = 0.05, max = 1.5) double useShareOfCapacity,
            @ForAll @IntRange(min = 0, max = 11) int removed,
            @ForAll @DoubleRange(min = 0.1, max = 1) double elasticity) {
        int n = costs.size();
        double[] cost = new double[n];
        double[] cap = new double[n];
        Integer[] idx = new Integer[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            cost[i] = costs.get(i);
            cap[i] = 5 + (i * 7) % 11;
            total += cap[i];
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(cost[a], cost[b]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = idx[i];
        }
        double q = useShareOfCapacity * total;
        double top = cost[order[n - 1]]; // the dearest plant that exists, removed or not
        double before = PriceFormation.marginalCostOfAvailable(cost, cap, order, n, q, elasticity, top);
        double[] less = cap.clone();
        less[removed % n] = 0;
        // (up to floating-point rounding of the integral: 1e-9 relative)
        assertThat(PriceFormation.marginalCostOfAvailable(cost, less, order, n, q, elasticity, top))
                .isGreaterThanOrEqualTo(before - 1e-9 * before);
        assertThat(PriceFormation.marginalCostOfAvailable(cost, cap, order, n, 1.1 * q, elasticity, top))
                .isGreaterThanOrEqualTo(before - 1e-9 * before);
    }

    @Test
    void target_isMarginalCostTimesTheCoverFactor_softlyBoundedByTheChoke() {
        // held 50 t against 100 t wanted: tightness 0.5, beta 1 -> factor 2; 10,000 x 2 = 20,000;
        // soft cap 100,000 x tanh(0.2) = 19,737.5
        PriceFormation.Target t = PriceFormation.target(10_000, 50, 100, 1.0, 100_000);
        assertThat(t.tightness()).isCloseTo(0.5, within(1e-12));
        assertThat(t.coverFactor()).isCloseTo(2.0, within(1e-12));
        assertThat(t.targetUsd()).isCloseTo(100_000 * Math.tanh(0.2), within(1e-6));
        assertThat(t.targetUsd()).isCloseTo(19_737.5, within(0.1));
        // beta 2 at tightness 0.5 -> factor 4
        assertThat(PriceFormation.coverFactor(0.5, 2)).isCloseTo(4.0, within(1e-12));
        // below the choke for any finite raw target (tanh(1) = 0.7616: a raw 100,000 becomes 76,159), never above it
        assertThat(PriceFormation.target(100_000, 100, 100, 3, 100_000).targetUsd()).isCloseTo(76_159.4, within(0.1));
        assertThat(PriceFormation.target(1e9, 0, 100, 3, 100_000).targetUsd()).isLessThanOrEqualTo(100_000);
    }

    @Test
    void price_movesAShareOfTheLogGapEachMonth() {
        // half the log gap from 10,000 to 40,000: exp(0.5 ln 1e4 + 0.5 ln 4e4) = 20,000
        assertThat(PriceFormation.adjust(10_000, 40_000, 0.5)).isCloseTo(20_000, within(1e-6));
        assertThat(PriceFormation.adjust(Double.NaN, 40_000, 0.5)).isEqualTo(40_000);
    }

    @Test
    void regionalPrice_addsLandedCostDifferenceAndABoundedScarcityPremium() {
        // 10,000 + (1,500 - 500) + 10,000 x 0.2 = 13,000
        assertThat(PriceFormation.regional(10_000, 1_500, 500, 0.2)).isCloseTo(13_000, within(1e-9));
        // unmet share beyond 1 is bounded at 1: 10,000 + 1,000 + 10,000 = 21,000
        assertThat(PriceFormation.regional(10_000, 1_500, 500, 2.0)).isCloseTo(21_000, within(1e-9));
    }

    @Test
    void operatingShare_movesTowardTheWantedShareAtMostAStepAMonth() {
        // margin -25% of C1 with 15% tolerance: wanted 1 + (-0.25 + 0.15) / 0.20 = 0.5
        assertThat(SupplyResponse.wantedOperatingShare(-0.25, 0.15)).isCloseTo(0.5, within(1e-12));
        // from 1.0 down at most 1/4 a month: max(0.5, 0.75) = 0.75
        assertThat(SupplyResponse.nextOperatingShare(1.0, -2_500, 10_000, 0.15, 4, 3)).isCloseTo(0.75, within(1e-12));
        // from 0.2 up at most 1/3 a month toward 1: 0.5333
        assertThat(SupplyResponse.nextOperatingShare(0.2, 0, 10_000, 0.15, 4, 3)).isCloseTo(0.2 + 1.0 / 3,
                within(1e-12));
        // within tolerance nothing idles
        assertThat(SupplyResponse.nextOperatingShare(1.0, -1_000, 10_000, 0.15, 4, 3)).isEqualTo(1.0);
    }

    @Test
    void utilisation_fallsWithUnsoldStock_andSupportIsAFloor() {
        // stock at twice the target: sqrt(1/2) = 0.7071; below target: no cut
        assertThat(SupplyResponse.unsoldStockFactor(2, 1)).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(SupplyResponse.unsoldStockFactor(0.5, 1)).isEqualTo(1.0);
        // price at C1: 70% x 0.7071 = 0.495; a 60% floor lifts it to 0.60
        assertThat(SupplyResponse.utilisation(P, 1.0, Math.sqrt(0.5), 0)).isCloseTo(0.7 * Math.sqrt(0.5), within(1e-12));
        assertThat(SupplyResponse.utilisation(P, 1.0, Math.sqrt(0.5), 0.6)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void inventories_wantedCoverMovesBoundedlyWithThePriceTrend() {
        // +50% log price change in six months: 2 x (1 + 0.5 tanh(1)) = 2.7616 months (under the 3-month cap)
        assertThat(InventoryPolicy.desiredCoverMonths(P, 0.5, 0)).isCloseTo(2 * (1 + 0.5 * Math.tanh(1)),
                within(1e-12));
        // however fast the price rises, at most 2 x 1.5 = 3 months
        assertThat(InventoryPolicy.desiredCoverMonths(P, 50, 0)).isCloseTo(3.0, within(1e-12));
        // purchases: 100 + (2 x 100 - 150) / 5 = 110; never negative
        assertThat(InventoryPolicy.purchases(100, 2, 150, 5)).isCloseTo(110, within(1e-12));
        assertThat(InventoryPolicy.purchases(100, 2, 900, 5)).isZero();
    }

    @Test
    void investment_onTheExpectedBalance_withinTheYearlyLimit() {
        // 100 t/month growing 20%/yr for 24 months: 144; growth beyond +30%/yr is bounded: 100 e^(2 x 0.262) = 168.9
        assertThat(InvestmentDecision.projectedDemand(100, Math.log(1.2), 24)).isCloseTo(144, within(1e-9));
        assertThat(InvestmentDecision.projectedDemand(100, 1.0, 24)).isCloseTo(100 * Math.exp(0.524), within(1e-9));
        // 1,000 t committed x 70% = 700 < 700 x 1.1 = 770: short; 1,200 x 0.7 = 840: not short
        assertThat(InvestmentDecision.balanceShort(1_000, 0.7, 700, 10)).isTrue();
        assertThat(InvestmentDecision.balanceShort(1_200, 0.7, 700, 10)).isFalse();
        assertThat(InvestmentDecision.takesFid(1_000, 0.7, 700, 10, 3, 10)).isTrue();
        assertThat(InvestmentDecision.takesFid(1_000, 0.7, 700, 10, 10, 10)).isFalse();
        assertThat(InvestmentDecision.takesFid(1_200, 0.7, 700, 10, 0, 10)).isFalse();
        // lead times: 30 x e^(0.25 z): z = 0 -> 30; z = 2 -> 49.46 -> 49; never under 6
        assertThat(InvestmentDecision.leadTimeMonths(30, 0.25, 0)).isEqualTo(30);
        assertThat(InvestmentDecision.leadTimeMonths(30, 0.25, 2)).isEqualTo(49);
        assertThat(InvestmentDecision.leadTimeMonths(3, 0.25, 0)).isEqualTo(6);
    }

    @Test
    void fastTrack_needsTheExpectedPriceAtTheMultipleOfItsCost() {
        // C1 US$9,000 at multiple 2: US$18,000 is enough, US$17,999 is not
        assertThat(InvestmentDecision.fastTrackPriceReached(18_000, 9_000, 2.0)).isTrue();
        assertThat(InvestmentDecision.fastTrackPriceReached(17_999, 9_000, 2.0)).isFalse();
    }

    @Test
    void rampUp_newCapacityLearnsLinearly_restoredCapacityDoesNot() {
        // 100 in months 0-1 (mature), 200 from month 2: the new 100 performs at 0.6 + 0.4 x age/4 (ramp of 4 months)
        double[] cap = {100, 100, 200, 200, 200, 200, 200, 200};
        double[] perf = RampUp.performance(cap, 0.6, 4);
        assertThat(perf[0]).isEqualTo(1.0);
        assertThat(perf[1]).isEqualTo(1.0);
        // month 2 (age 0): shortfall 100 x 0.4 x 1 = 40 of 200 -> 0.8
        assertThat(perf[2]).isCloseTo(0.8, within(1e-12));
        // month 3 (age 1): 100 x 0.4 x 0.75 = 30 -> 0.85; month 5 (age 3): 100 x 0.4 x 0.25 = 10 -> 0.95
        assertThat(perf[3]).isCloseTo(0.85, within(1e-12));
        assertThat(perf[5]).isCloseTo(0.95, within(1e-12));
        // age 4 and after: mature
        assertThat(perf[6]).isEqualTo(1.0);
        // a suspension (0) and restart at the earlier level: no new learning
        double[] restart = RampUp.performance(new double[] {50, 0, 0, 50, 50}, 0.6, 4);
        assertThat(restart).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0);
        // a new plant from nothing: 0.6 in its first month, 0.7 in its second (ramp of 4)
        double[] fresh = RampUp.performance(new double[] {0, 30, 30}, 0.6, 4);
        assertThat(fresh[0]).isEqualTo(1.0);
        assertThat(fresh[1]).isCloseTo(0.6, within(1e-12));
        assertThat(fresh[2]).isCloseTo(0.7, within(1e-12));
    }

    @Property(seed = "20261205", tries = 200)
    void rampUp_performanceStaysWithinItsStartShareAndOne(
            @ForAll @Size(min = 1, max = 40) java.util.List<@DoubleRange(min = 0, max = 1e5) Double> caps,
            @ForAll @DoubleRange(min = 0.01, max = 1) double start, @ForAll @IntRange(min = 1, max = 60) int ramp) {
        double[] cap = caps.stream().mapToDouble(Double::doubleValue).toArray();
        for (double x : RampUp.performance(cap, start, ramp)) {
            assertThat(x).isBetween(start - 1e-12, 1.0 + 1e-12);
        }
    }

    @Test
    void secondarySupply_recyclingSubstitutionAndDestruction() {
        // 5% of 1,000 t scrap + 30% of 400 t from one lifetime ago = 50 + 120 = 170
        assertThat(SecondarySupply.recycledTLce(1_000, 400, 5, 30)).isCloseTo(170, within(1e-12));
        // sodium-ion: 0 at the threshold, the maximum at saturation, half of it at the geometric middle
        assertThat(SecondarySupply.sodiumShare(37_000, 37_000, 75_000, 15)).isZero();
        assertThat(SecondarySupply.sodiumShare(75_000, 37_000, 75_000, 15)).isCloseTo(0.15, within(1e-12));
        assertThat(SecondarySupply.sodiumShare(Math.sqrt(37_000.0 * 75_000), 37_000, 75_000, 15))
                .isCloseTo(0.075, within(1e-12));
        // twice the destruction threshold at elasticity 0.1: 2^-0.1 = 0.93303
        assertThat(SecondarySupply.destructionFactor(100_000, 50_000, 0.1)).isCloseTo(Math.pow(2, -0.1), within(1e-12));
        assertThat(SecondarySupply.destructionFactor(40_000, 50_000, 0.1)).isEqualTo(1.0);
        // 20% above expectation at elasticity 0.05: 1.2^-0.05 = 0.99093
        assertThat(SecondarySupply.shortRunDemandFactor(12_000, 10_000, 0.05)).isCloseTo(Math.pow(1.2, -0.05),
                within(1e-12));
    }

    @Test
    void parameters_areDeclaredOnce_andOutOfRangeValuesAreRefused() {
        assertThat(MarketParameters.NAMES).doesNotHaveDuplicates();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> P.with(Map.of("price_adjustment_per_month", 1.5)))
                .hasMessageContaining("price_adjustment_per_month").hasMessageContaining("outside");
        assertThat(P.get("max_utilisation_pct")).isEqualTo(75.0);
    }
}
