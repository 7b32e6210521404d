package org.lichain.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.process.Conversions;
import org.lichain.world.MonthlyPrices;
import org.lichain.world.World;

/** The given price path: dated points, annual values, flat prices and production per asset. */
class GivenPricePathTest {
    static final World W = DatasetLoader.loadEmbedded();
    static final Companies C = CompanyModel.companies(W);
    /** The embedded world without its monthly price record, to test the dated-point and annual paths alone. */
    static final World NO_RECORD = W.withExtension(MonthlyPrices.class, MonthlyPrices.empty());

    @Test
    void datedPoints_areInterpolatedAndHeldFlat_inUsdExVat() {
        PricePath p = GivenPricePath.reference(NO_RECORD, C, 2025);
        // company_price_points.csv: Apr 70,000 and Jun 60,000 CNY incl. VAT → May 65,000; Jan–Mar held at 70,000
        YearMonth may = YearMonth.of(2025, 5);
        assertThat(p.carbonateUsdPerTLce(may)).isCloseTo(65_000 / 1.13 / W.fx().cnyPerUsd(may), within(1e-6));
        YearMonth jan = YearMonth.of(2025, 1);
        assertThat(p.carbonateUsdPerTLce(jan)).isCloseTo(70_000 / 1.13 / W.fx().cnyPerUsd(jan), within(1e-6));
        // SC6: Jun 616 and Oct 880 → Aug (616 + 880) / 2 = 748
        assertThat(p.sc6UsdPerT(YearMonth.of(2025, 8))).isCloseTo(748.0, within(1e-9));
        // lepidolite concentrate: Oct CNY 1,940/t at 2.25% Li2O (route grade) = 1,940 / (0.0225 × 2.473) per t LCE
        YearMonth oct = YearMonth.of(2025, 10);
        assertThat(p.lepidoliteConcentrateUsdPerTLce(oct)).isCloseTo(
                1_940 / (0.0225 * Conversions.LCE_PER_LI2O) / 1.13 / W.fx().cnyPerUsd(oct), within(1e-6));
    }

    /**
     * Lepidolite concentrate follows carbonate: the ratio concentrate per t LCE contained ÷ carbonate (both CNY
     * incl. VAT, or both USD ex-VAT: same VAT and FX) is fixed at the dated points and interpolated / held flat.
     * company_price_points.csv: Jun 1,225 CNY/t at carbonate 60,000; Oct 1,940 at 73,000; 2.25% Li2O →
     * 0.0225 × 2.473 = 0.0556425 t LCE per t concentrate. Ratios: 1,225 / 0.0556425 / 60,000 = 0.366926 (36.7%),
     * 1,940 / 0.0556425 / 73,000 = 0.477609 (47.8%).
     */
    @Test
    void lepidoliteConcentrate_equalsTheSourcedPricesAtTheDatedMonths_andKeepsTheRatioToCarbonateOutside() {
        PricePath p = GivenPricePath.reference(NO_RECORD, C, 2025);
        double lcePerTConc = 0.0225 * Conversions.LCE_PER_LI2O;
        // back to CNY/t of concentrate incl. VAT: exactly the sourced points
        YearMonth jun = YearMonth.of(2025, 6);
        YearMonth oct = YearMonth.of(2025, 10);
        assertThat(cnyPerTConcentrate(p, jun, lcePerTConc)).isCloseTo(1_225.0, within(1e-9));
        assertThat(cnyPerTConcentrate(p, oct, lcePerTConc)).isCloseTo(1_940.0, within(1e-9));
        double rJun = 1_225 / lcePerTConc / 60_000;
        double rOct = 1_940 / lcePerTConc / 73_000;
        assertThat(rJun).isCloseTo(0.366926, within(1e-6));
        assertThat(rOct).isCloseTo(0.477609, within(1e-6));
        // before the first point: Jun's ratio (Jan carbonate 70,000 → 0.366926 × 70,000 × 0.0556425 = 1,429.2/t)
        assertThat(ratio(p, YearMonth.of(2025, 1))).isCloseTo(rJun, within(1e-12));
        assertThat(cnyPerTConcentrate(p, YearMonth.of(2025, 1), lcePerTConc)).isCloseTo(1_225.0 * 70 / 60,
                within(1e-9));
        // between: Aug is half-way from Jun to Oct → (rJun + rOct) / 2 = 0.422268
        assertThat(ratio(p, YearMonth.of(2025, 8))).isCloseTo((rJun + rOct) / 2, within(1e-12));
        // after the last point: Oct's ratio; Dec carbonate 93,400 → 1,940 × 93,400 / 73,000 = 2,482.1 CNY/t
        YearMonth dec = YearMonth.of(2025, 12);
        assertThat(ratio(p, dec)).isCloseTo(rOct, within(1e-12));
        assertThat(cnyPerTConcentrate(p, dec, lcePerTConc)).isCloseTo(1_940.0 * 93_400 / 73_000, within(1e-9));
    }

    private static double ratio(PricePath p, YearMonth m) {
        return p.lepidoliteConcentrateUsdPerTLce(m) / p.carbonateUsdPerTLce(m);
    }

    private static double cnyPerTConcentrate(PricePath p, YearMonth m, double lcePerTConc) {
        return p.lepidoliteConcentrateUsdPerTLce(m) * lcePerTConc * 1.13 * W.fx().cnyPerUsd(m);
    }

        @Test
    void anAnnualReferencePrice_isUsedFlat_andAYearWithoutPricesIsAnError() {
        PricePath p2023 = GivenPricePath.reference(NO_RECORD, C, 2023);
        // reference_prices.csv: li2co3_battery_usd_per_t 2023 = 46,000 (USGS MCS 2024)
        assertThat(p2023.carbonateUsdPerTLce(YearMonth.of(2023, 7))).isEqualTo(46_000.0);
        assertThatThrownBy(() -> GivenPricePath.reference(NO_RECORD, C, 2024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no carbonate reference price for 2024").hasMessageContaining("--price-usd");
    }

    /** With the record, each month of a recorded year is its own SMM average (reference/prices_monthly.csv). */
    @Test
    void withTheMonthlyRecord_eachMonthIsItsOwnAverage_andAYearAfterItTheLatestMonth() {
        MonthlyPrices mp = W.extension(MonthlyPrices.class).orElseThrow();
        PricePath p2024 = GivenPricePath.reference(W, C, 2024);
        for (int mo = 1; mo <= 12; mo++) {
            YearMonth m = YearMonth.of(2024, mo);
            assertThat(p2024.carbonateUsdPerTLce(m)).isCloseTo(
                    mp.carbonateMonthly().get(m).value() / 1.13 / W.fx().cnyPerUsd(m), within(1e-9));
        }
        // 2027 is after the record: 2025-12's 99,613.0 CNY/t held flat, converted at each 2027 month's FX
        PricePath p2027 = GivenPricePath.reference(W, C, 2027);
        YearMonth jul = YearMonth.of(2027, 7);
        assertThat(p2027.carbonateUsdPerTLce(jul)).isCloseTo(99_613.0 / 1.13 / W.fx().cnyPerUsd(jul), within(1e-9));
        assertThat(p2027.name()).contains("latest known month 2025-12");
    }

    @Test
    void flatPrice_derivesSc6ThroughTheSpodumenePayability() {
        PricePath p = GivenPricePath.flat(W, C, 2025, 9_000);
        // 9,000 × 57% × (6% × 2.473) = 761.1 USD/t SC6
        assertThat(p.sc6UsdPerT(YearMonth.of(2025, 3))).isCloseTo(9_000 * 0.57 * 0.06 * 2.473, within(1e-9));
        assertThat(p.lepidoliteConcentrateUsdPerTLce(YearMonth.of(2025, 3))).isNaN();
        assertThatThrownBy(() -> GivenPricePath.flat(W, C, 2025, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportedProduction_isSpreadOverTheMonthsWithCapacity() {
        // Jianxiawo 2025: 27,852 t reported; 60 kt/yr Jan–Jul, suspended Aug 2025–Feb 2026 (capacity_events.csv)
        // → 27,852 × (60,000/12) / (7 × 60,000/12) = 3,978.9 t in each of Jan–Jul, 0 from Aug
        PricePath p = GivenPricePath.reference(NO_RECORD, C, 2025);
        var jx = W.asset("CN-JX-01");
        assertThat(p.productionTLce(jx, YearMonth.of(2025, 3))).isCloseTo(27_852 / 7.0, within(1e-6));
        assertThat(p.productionTLce(jx, YearMonth.of(2025, 9))).isZero();
        double sum = 0;
        for (int m = 1; m <= 12; m++) {
            sum += p.productionTLce(jx, YearMonth.of(2025, m));
        }
        assertThat(sum).isCloseTo(27_852, within(1e-6));
    }
}
