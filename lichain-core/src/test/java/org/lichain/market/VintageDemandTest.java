package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demand drivers as known at an origin ({@link Vintage#demandKnownAt}), against values computed by hand. */
class VintageDemandTest {
    private static MarketData.DriverYear ev(double gwh) {
        return new MarketData.DriverYear(gwh, 10, 20, 1000, 40);
    }

    private static Map<String, NavigableMap<Integer, MarketData.DriverYear>> presets() {
        NavigableMap<Integer, MarketData.DriverYear> p = new TreeMap<>();
        p.put(2020, ev(100));
        p.put(2021, ev(110));
        p.put(2022, ev(400)); // a boom year a forecaster in 2022 could not know
        p.put(2030, ev(2000)); // a projection published in 2025
        return Map.of("p", p);
    }

    @Test
    void beforeTheYearEnds_laterYearsGrowAtTheTrailingGrowth_notAtWhatCame() {
        NavigableMap<Integer, MarketData.DriverYear> v = Vintage.demandKnownAt(presets(), YearMonth.of(2022, 6)).get("p");
        // known: 2020 and 2021 (a year is known at the end of its December); growth ln(110/100) = 0.0953 per year
        assertThat(v.get(2021).evGwh()).isEqualTo(110);
        assertThat(v.get(2022).evGwh()).isCloseTo(110 * 1.1, within(1e-9)); // 121, not the 400 that came
        assertThat(v.get(2030).evGwh()).isCloseTo(110 * Math.pow(1.1, 9), within(1e-6)); // 259.4, not 2,000
        assertThat(v).containsKeys(2023, 2024, 2029); // annual knots to the data's horizon
        // storage held (10 -> 10), LFP share held
        assertThat(v.get(2030).storageGwh()).isCloseTo(10, within(1e-9));
        assertThat(v.get(2030).evLfpSharePct()).isEqualTo(40);
    }

    @Test
    void growthIsBoundedAt30PctAYear_andTheDatasetsVintageKnowsEverything() {
        // at 2022-12 the boom year is known: trailing growth over 2020-2022 = ln(400/100)/2 = 0.693 > bound 0.262
        NavigableMap<Integer, MarketData.DriverYear> v = Vintage.demandKnownAt(presets(), YearMonth.of(2022, 12)).get("p");
        assertThat(v.get(2023).evGwh()).isCloseTo(400 * Math.exp(InvestmentDecision.MAX_LOG_GROWTH_PER_YEAR), within(1e-9));
        assertThat(Vintage.demandKnownAt(presets(), YearMonth.of(2025, 12))).isEqualTo(presets());
    }

    @Test
    void withNothingKnown_batteriesGrowAtTheLongRunRate_fromTheFirstYear() {
        NavigableMap<Integer, MarketData.DriverYear> v = Vintage.demandKnownAt(presets(), YearMonth.of(2019, 6)).get("p");
        // 100 x e^(0.21 x 2) for 2022; industrial held at 1,000
        assertThat(v.get(2022).evGwh()).isCloseTo(100 * Math.exp(2 * 0.21), within(1e-9));
        assertThat(v.get(2022).industrialTLce()).isEqualTo(1000);
    }
}
