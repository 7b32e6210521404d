package org.lichain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lichain.world.ProcessParameter.*;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.lichain.TestWorlds;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.Parameters;
import org.lichain.world.ResourceType;
import org.lichain.world.Route;
import org.lichain.world.World;

class CostModelTest {
    static final YearMonth M = YearMonth.of(2025, 7);

    static Parameters lepidolite() {
        return TestWorlds.params(HEAD_GRADE_LI2O_PCT, 0.5, CONCENTRATE_GRADE_LI2O_PCT, 2.5,
                BENEFICIATION_RECOVERY_PCT, 80, REFINING_RECOVERY_PCT, 88, LEACH_RESIDUE_T_PER_T_CONCENTRATE, 1.7,
                MINE_ELECTRICITY_KWH_PER_T_ORE, 50, REFINERY_ELECTRICITY_KWH_PER_T_LCE, 1000, REFINERY_COAL_GJ_PER_T_LCE, 20,
                NA2SO4_T_PER_T_LCE, 1.2, MINING_COST_USD_PER_T_ORE, 5, BENEFICIATION_COST_USD_PER_T_ORE, 3,
                LABOUR_USD_PER_T_LCE, 1000, RESIDUE_HANDLING_USD_PER_T, 2, BYPRODUCT_CREDIT_USD_PER_T_LCE, 500,
                SUSTAINING_CAPEX_USD_PER_T_LCE, 800);
    }

    /**
     * Hand computation (prices of TestWorlds: power 0.1 USD/kWh, coal 4 USD/GJ, reagents 100 USD/t; CNY 7.0/USD):
     * ore 114.877 t → mining 574.39, beneficiation 344.63; reagents 1.2 × 100 = 120;
     * energy 6,743.9 kWh × 0.1 + 20 GJ × 4 = 754.39; labour 1,000; residue 31.247 t × 2 = 62.49;
     * royalty 0 (CN 0% in the test world); credits 500 → C1 = 2,355.90; AISC = 3,155.90;
     * CNY incl. VAT = 2,355.90 × 7.0 × 1.13 = 18,635.2.
     */
    @Test
    void integratedLepidolite_handComputed() {
        Asset a = TestWorlds.asset("L", "CN", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST,
                AssetKind.INTEGRATED, 10_000);
        World w = TestWorlds.world(List.of(a), Map.of(Route.LEPIDOLITE_SULFATE_ROAST, lepidolite()), Map.of());
        CostBreakdown c = CostModel.unitCost(w, a, M, 10_000);
        assertThat(c.miningUsdPerTLce()).isCloseTo(574.39, within(0.05));
        assertThat(c.beneficiationUsdPerTLce()).isCloseTo(344.63, within(0.05));
        assertThat(c.reagentsUsdPerTLce()).isCloseTo(120.0, within(1e-9));
        assertThat(c.energyUsdPerTLce()).isCloseTo(754.39, within(0.05));
        assertThat(c.residueEnvironmentalUsdPerTLce()).isCloseTo(62.49, within(0.05));
        assertThat(c.c1UsdPerTLce()).isCloseTo(2355.90, within(0.1));
        assertThat(c.aiscUsdPerTLce()).isCloseTo(3155.90, within(0.1));
        assertThat(c.c1CnyPerTInclVat()).isCloseTo(18635.2, within(1.0));
    }

    /**
     * A concentrate seller in Australia: reagents, conversion energy, residue and labour become "conversion",
     * freight is per t concentrate, and the 5% royalty is on the netback (price − conversion − freight).
     */
    @Test
    void concentrateSeller_isPutOnChemicalBasis() {
        Parameters p = TestWorlds.params(HEAD_GRADE_LI2O_PCT, 1.5, CONCENTRATE_GRADE_LI2O_PCT, 6.0,
                BENEFICIATION_RECOVERY_PCT, 70, REFINING_RECOVERY_PCT, 90, REFINERY_ELECTRICITY_KWH_PER_T_LCE, 1800,
                REFINERY_COAL_GJ_PER_T_LCE, 100, NA2CO3_T_PER_T_LCE, 2, LABOUR_USD_PER_T_LCE, 700,
                CONCENTRATE_FREIGHT_USD_PER_T, 50, MINING_COST_USD_PER_T_ORE, 20);
        Asset a = TestWorlds.asset("S", "AU", "AU", ResourceType.SPODUMENE, Route.SPODUMENE_TO_CARBONATE,
                AssetKind.MINE_CONCENTRATE, 10_000);
        World w = TestWorlds.world(List.of(a), Map.of(Route.SPODUMENE_TO_CARBONATE, p), Map.of());
        CostBreakdown c = CostModel.unitCost(w, a, M, 10_000);
        // conversion = reagents 2 × 100 + power 1800 × 0.1 + coal 100 × 4 + labour 700 = 1,480
        assertThat(c.conversionUsdPerTLce()).isCloseTo(1480.0, within(1e-6));
        assertThat(c.reagentsUsdPerTLce()).isZero();
        assertThat(c.labourUsdPerTLce()).isZero();
        // freight = 1 / (0.06 × 2.473 × 0.90) = 7.48828 t concentrate × 50 = 374.41
        assertThat(c.freightUsdPerTLce()).isCloseTo(374.41, within(0.01));
        // royalty = 5% × (10,000 − 1,480 − 374.41) = 407.28
        assertThat(c.royaltiesTaxesUsdPerTLce()).isCloseTo(407.28, within(0.01));
        // mining = 42.789 t ore × 20 = 855.78
        assertThat(c.miningUsdPerTLce()).isCloseTo(855.78, within(0.05));
    }

    /**
     * A time-of-use schedule that brings the plant's power to 80% of the flat price: electricity 6,743.9 kWh × 0.1
     * = 674.39 becomes 539.51; coal (80) is untouched, so energy = 619.51 and C1 falls by 134.88.
     */
    @Test
    void scheduledPowerPrice_scalesElectricityOnly() {
        Asset a = TestWorlds.asset("L", "CN", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST,
                AssetKind.INTEGRATED, 10_000);
        World w = TestWorlds.world(List.of(a), Map.of(Route.LEPIDOLITE_SULFATE_ROAST, lepidolite()), Map.of());
        var b = org.lichain.process.ProcessModel.balance(w, a, 2025);
        CostBreakdown flat = CostModel.unitCost(w, a, b, M, 10_000, PowerPriceRatio.FLAT);
        CostBreakdown tou = CostModel.unitCost(w, a, b, M, 10_000, (asset, month) -> 0.8);
        assertThat(tou.energyUsdPerTLce()).isCloseTo(619.51, within(0.05));
        assertThat(flat.c1UsdPerTLce() - tou.c1UsdPerTLce()).isCloseTo(134.88, within(0.05));
    }

    /** A reported site cash cost makes mining the residual: upstream = reported / refining recovery. */
    @Test
    void reportedUpstreamCost_calibratesMining() {
        Parameters over = TestWorlds.params(REPORTED_UPSTREAM_CASH_COST_USD_PER_T_LCE, 4000);
        Asset a = TestWorlds.asset("L", "CN", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST,
                AssetKind.INTEGRATED, 10_000);
        World w = TestWorlds.world(List.of(a), Map.of(Route.LEPIDOLITE_SULFATE_ROAST, lepidolite()), Map.of("L", over));
        CostBreakdown c = CostModel.unitCost(w, a, M, 10_000);
        // mine energy = 114.877 t × 50 kWh × 0.1 = 574.39; upstream = 4,000 / 0.88 = 4,545.45
        double upstream = c.miningUsdPerTLce() + c.beneficiationUsdPerTLce() + 574.39;
        assertThat(upstream).isCloseTo(4545.45, within(0.1));
        assertThat(c.upstreamCalibrated()).isTrue();
    }

    /** The breakdown always sums to C1, whatever the parameters and price. */
    @Property(tries = 300)
    void breakdownSumsToC1(@ForAll @DoubleRange(min = 0, max = 50) double miningPerTOre,
                           @ForAll @DoubleRange(min = 0, max = 5000) double labour,
                           @ForAll @DoubleRange(min = 0, max = 2000) double credit,
                           @ForAll @DoubleRange(min = 0, max = 80000) double price) {
        Parameters p = lepidolite().overriddenBy(TestWorlds.params(MINING_COST_USD_PER_T_ORE, miningPerTOre,
                LABOUR_USD_PER_T_LCE, labour, BYPRODUCT_CREDIT_USD_PER_T_LCE, credit));
        Asset a = TestWorlds.asset("L", "AU", "AU", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST,
                AssetKind.MINE_CONCENTRATE, 10_000);
        World w = TestWorlds.world(List.of(a), Map.of(Route.LEPIDOLITE_SULFATE_ROAST, p), Map.of());
        CostBreakdown c = CostModel.unitCost(w, a, M, price);
        double sum = c.miningUsdPerTLce() + c.beneficiationUsdPerTLce() + c.reagentsUsdPerTLce() + c.energyUsdPerTLce()
                + c.labourUsdPerTLce() + c.residueEnvironmentalUsdPerTLce() + c.royaltiesTaxesUsdPerTLce()
                + c.freightUsdPerTLce() + c.conversionUsdPerTLce() - c.byproductCreditsUsdPerTLce();
        assertThat(c.c1UsdPerTLce()).isCloseTo(sum, within(1e-9 * Math.max(1, Math.abs(sum))));
        assertThat(c.aiscUsdPerTLce()).isGreaterThanOrEqualTo(c.c1UsdPerTLce());
    }
}
