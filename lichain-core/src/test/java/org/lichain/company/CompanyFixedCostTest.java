package org.lichain.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lichain.world.CapacityEvent;
import org.lichain.world.Production;
import org.lichain.world.World;

/**
 * Fixed-cost absorption: the cost model's labour item is fixed per year at nameplate (labour × capacity), so
 * below nameplate it costs labour ÷ utilisation per t. Hand-computed on the toy world of {@link ToyWorld}.
 */
class CompanyFixedCostTest {
    /** SC6 USD 900/t is worth 900 / (0.06 × 2.473) = 6,065.507 per t LCE contained. */
    static final double SPOD_VALUE = 900 / (0.06 * 2.473);

    @Test
    void converterPlantAtHalfUtilisation_paysTwiceTheNameplateLabourPerTonne() {
        // TOY-CONV: spodumene converter, nameplate 3,000 t LCE/yr at 50% → 1,500 t/yr (125 t a month).
        // Its conversion cost is the route's labour, USD 1,000/t at the design rate (ToyWorld), all of it fixed:
        // 1,000 × 3,000 / 12 = 250,000 USD a month = 3,000,000 a year = 3,000,000 / 1,500 = 2,000 USD/t (2 × 1,000).
        // Feed: 1,500 / 0.9 recovery = 1,666.7 t contained at 6,065.507 = 10,109,178.
        // Stand-alone: revenue 1,500 × 10,000 = 15,000,000; cost 10,109,178 + 3,000,000 = 13,109,178;
        // margin 1,890,822 (at the variable-labour basis it would have been 15M − 10,109,178 − 1.5M = 3,390,822).
        World w = ToyWorld.withPlants(ToyWorld.world(), List.of(ToyWorld.spodumeneConverter(3_000, 50)));
        CompanyPnl p = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, ToyWorld.flat(w, 10_000, 900),
                TransferPricing.MARKET);
        AssetVerdict conv = p.asset("TOY-CONV");
        assertThat(conv.productionTLce()).isCloseTo(1_500, within(1e-9));
        assertThat(conv.capacityTLce()).isCloseTo(3_000, within(1e-9));
        assertThat(conv.utilisationPct()).isCloseTo(50.0, within(1e-9));
        assertThat(conv.standaloneFixedCostUsd()).isCloseTo(3_000_000, within(1e-6));
        double feed = 1_500 * SPOD_VALUE / 0.9;
        assertThat(conv.standaloneCostUsd()).isCloseTo(feed + 3_000_000, within(1e-6));
        // labour per t = (cost − feed) / output = 2,000 = twice the nameplate 1,000
        assertThat((conv.standaloneCostUsd() - feed) / conv.productionTLce()).isCloseTo(2_000, within(1e-9));
        assertThat(conv.standaloneMarginUsd()).isCloseTo(15_000_000 - feed - 3_000_000, within(1e-6));
        // the same plant at 100%: 3,000 t, labour 3,000,000 = 1,000/t (unit cost at the design rate, unchanged)
        World full = ToyWorld.withPlants(ToyWorld.world(), List.of(ToyWorld.spodumeneConverter(3_000, 100)));
        AssetVerdict atFull = CompanyModel.pnl(full, "TOY", ToyWorld.YEAR, ToyWorld.flat(full, 10_000, 900),
                TransferPricing.MARKET).asset("TOY-CONV");
        assertThat(atFull.standaloneFixedCostUsd()).isCloseTo(3_000_000, within(1e-6));
        assertThat(atFull.standaloneCostUsd()).isCloseTo(3_000 * (1_000 + SPOD_VALUE / 0.9), within(1e-6));
    }

    @Test
    void coreAssetBelowNameplate_absorbsItsFixedLabour_andASuspendedMonthCarriesNone() {
        // I: integrated lepidolite, nameplate 6,000 t/yr (500 t a month); upstream 5,000/t chemical (variable),
        // conversion = labour 3,000/t at the design rate (fixed). Suspended Jul–Dec (temporary event at 0 t/yr),
        // 1,500 t reported for the year → spread over the months with capacity: 1,500 / 6 = 250 t in Jan–Jun
        // (utilisation 250 / 500 = 50%), 0 in Jul–Dec.
        // Fixed: 3,000 × 500 = 1,500,000 a month in Jan–Jun, 0 in Jul–Dec (capacity 0) → 9,000,000 a year.
        // Stand-alone at 10,000: revenue 15,000,000; cost 1,500 × 5,000 + 9,000,000 = 16,500,000 → −1,500,000
        // (−1,000/t; with labour variable it would be 1,500 × (10,000 − 8,000) = +3,000,000).
        World w = ToyWorld.world(50, 50,
                List.of(new Production("I", ToyWorld.YEAR, 1_500, Production.Basis.CALENDAR, "test")),
                List.of(new CapacityEvent(YearMonth.of(2025, 7), YearMonth.of(2025, 12), 0, 0,
                        CapacityEvent.Kind.SUSPENSION, "test")));
        PricePath path = ToyWorld.flat(w, 10_000, 900);
        CompanyPnl p = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.MARKET);
        AssetVerdict i = p.asset("I");
        assertThat(i.productionTLce()).isCloseTo(1_500, within(1e-9));
        assertThat(i.capacityTLce()).isCloseTo(3_000, within(1e-9));
        assertThat(i.utilisationPct()).isCloseTo(50.0, within(1e-9));
        assertThat(i.standaloneFixedCostUsd()).isCloseTo(9_000_000, within(1e-6));
        assertThat(i.standaloneCostUsd()).isCloseTo(16_500_000, within(1e-6));
        assertThat(i.standaloneMarginUsd()).isCloseTo(-1_500_000, within(1e-6));
        assertThat(i.curtailStandalone()).isTrue();
        // the fixed cost sits in the conversion stage: Jan conversion = 250 × 10,000 − (1,500,000 + feed
        // 250 / 0.8 × 4,500 at 45% payability = 1,406,250) = −406,250; Sep (suspended): nothing at all
        CompanyPnl.Month jan = p.months().get(0);
        assertThat(jan.segments().get(Segment.CONVERSION).marginUsd()).isCloseTo(-406_250, within(1e-6));
        CompanyPnl.Month sep = p.months().get(8);
        assertThat(sep.segments().get(Segment.CONVERSION).costUsd()).isZero();
        assertThat(sep.segments().get(Segment.CONVERSION).revenueUsd()).isZero();
        // at cost transfer the same fixed cost moves with the chemical; the integrated margin does not change
        CompanyPnl atCost = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.COST);
        assertThat(atCost.integratedMarginUsd()).isCloseTo(p.integratedMarginUsd(), within(1e-6));
    }

    @Test
    void concentrateSeller_hasNoFixedItem() {
        // M sells concentrate: the cost model folds conversion labour into its notional conversion (not its
        // stage), so nothing of M is fixed; at a reported half of its capacity its unit cost is unchanged:
        // 6,000 t contained × 3,600 = 21,600,000.
        World w = ToyWorld.world(50, 50,
                List.of(new Production("M", ToyWorld.YEAR, 6_000, Production.Basis.CALENDAR, "test")), List.of());
        AssetVerdict m = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, ToyWorld.flat(w, 10_000, 900),
                TransferPricing.MARKET).asset("M");
        assertThat(m.utilisationPct()).isCloseTo(50.0, within(1e-9));
        assertThat(m.standaloneFixedCostUsd()).isZero();
        assertThat(m.standaloneCostUsd()).isCloseTo(6_000 * 3_600, within(1e-6));
    }

    @Test
    void fixedCost_isLabourTimesTheMonthsCapacity_andNeverNegative() {
        // 1,292.551 USD/t × 10,000 t/yr / 12 = 1,077,125.83 USD a month
        assertThat(CompanyModel.fixedCostUsd(1_292.551, 10_000 / 12.0)).isCloseTo(1_077_125.833, within(1e-3));
        assertThat(CompanyModel.fixedCostUsd(1_292.551, 0)).isZero();
    }
}
