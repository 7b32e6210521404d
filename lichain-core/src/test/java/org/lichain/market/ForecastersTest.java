package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/** The benchmark forecasters on hand-computed records, and the model's state at the origin (spin-up). */
class ForecastersTest {
    private static final YearMonth O = YearMonth.of(2020, 3);

    private static Forecaster.Origin toy(Double settle) {
        NavigableMap<YearMonth, Double> rec = new TreeMap<>();
        rec.put(YearMonth.of(2020, 1), 100.0);
        rec.put(YearMonth.of(2020, 2), 90.0);
        rec.put(O, 121.0);
        NavigableMap<YearMonth, Double> fut = new TreeMap<>();
        if (settle != null) {
            fut.put(O, settle);
        }
        return new Forecaster.Origin(O, null, rec, fut);
    }

    /** No change: 121 held flat. Drift: ln(121/100)/2 = ln 1.1 a month → 133.1, 146.41. */
    @Test
    void noChangeAndDrift_byHand() {
        Forecaster.Forecast nc = BenchmarkForecasters.NO_CHANGE.forecast(toy(null), 2);
        assertThat(nc.p50()).containsExactly(121.0, 121.0);
        Forecaster.Forecast d = BenchmarkForecasters.DRIFT.forecast(toy(null), 2);
        assertThat(d.p50()[0]).isCloseTo(133.1, within(1e-9));
        assertThat(d.p50()[1]).isCloseTo(146.41, within(1e-9));
        assertThat(d.p10()).isEqualTo(d.p50());
    }

    /** Futures: none before the contract existed; else the origin month's settlement held flat. */
    @Test
    void futures_onlyWhereASettlementExists() {
        assertThat(BenchmarkForecasters.FUTURES.forecast(toy(null), 3)).isNull();
        assertThat(BenchmarkForecasters.FUTURES.forecast(toy(130.0), 3).p50()).containsExactly(130.0, 130.0, 130.0);
    }

    /**
     * The spin-up to an origin reproduces the observed path: with the record imposed up to 2023-06, the run's China
     * price equals the recorded monthly mean in every month 2020-01..2023-06 (the conversion to USD and back is exact
     * to rounding), and the months after it are the model's.
     */
    @Test
    void spinUp_followsTheRecordedPriceUpToTheOrigin() {
        World w = DatasetLoader.loadEmbedded();
        YearMonth origin = YearMonth.of(2023, 6);
        World v = Vintage.of(w, origin);
        Scenario s = Scenario.base().knownAt(origin).withPeriod(YearMonth.of(2020, 1), YearMonth.of(2024, 6));
        MarketInputs in = MarketInputs.fromWorld(v, s).withObservedPriceUntil(origin);
        SimulationResult r = Simulation.run(in, 1, new SuccessiveShortestPathSolver());
        NavigableMap<YearMonth, Double> rec = MarketInputs.priceRecord(w);
        for (int t = 0; t < r.months(); t++) {
            YearMonth m = r.month(t);
            if (!m.isAfter(origin)) {
                assertThat(r.priceCnyPerTInclVat()[t]).as(m.toString()).isCloseTo(rec.get(m), within(1e-6));
            }
        }
        // the free months differ from the record (the model forms them): 2023-07 is not the recorded 2023-07
        int july = r.indexOf(YearMonth.of(2023, 7));
        assertThat(r.priceCnyPerTInclVat()[july]).isNotCloseTo(rec.get(YearMonth.of(2023, 7)), within(1.0));
        // without the imposed path the same inputs give the free 2020 run (a different 2021 price)
        SimulationResult free = Simulation.run(MarketInputs.fromWorld(v, s), 1, new SuccessiveShortestPathSolver());
        assertThat(free.priceCnyPerTInclVat()[12]).isNotCloseTo(rec.get(YearMonth.of(2021, 1)), within(1.0));
    }

    /** The forecast's origin, months, history and band order on the embedded data. */
    @Test
    void outlook_hasItsMonthsHistoryAndOrderedBand() {
        World w = DatasetLoader.loadEmbedded();
        RollingForecast.Outlook o = RollingForecast.forecast(w, YearMonth.of(2024, 12), 12, 4, 3, 2);
        assertThat(o.model().months()).isEqualTo(12);
        assertThat(o.history().lastKey()).isEqualTo(YearMonth.of(2024, 12));
        for (int h = 0; h < 12; h++) {
            assertThat(o.model().p10()[h]).isLessThanOrEqualTo(o.model().p50()[h]);
            assertThat(o.model().p50()[h]).isLessThanOrEqualTo(o.model().p90()[h]);
        }
        // the record before 2024-12 is scored on the months up to 2024-12 only: at 12 months, origins 2019-01..2023-12
        ForecastScore.Score h12 = o.skill().scores().get("model").get(3);
        assertThat(h12.horizonMonths()).isEqualTo(12);
        assertThat(h12.n()).isEqualTo(60);
        // no change scores MASE 1 against itself in the record
        assertThat(o.skill().scores().get("no_change").get(3).maseNoChange()).isEqualTo(1.0);
        // hydroxide is priced at 0.8805 t LiOH·H2O per t LCE × (1 + premium 0%, market_parameters.csv): the ratio that
        // carries the carbonate band over to hydroxide is 0.8805 in every month
        for (double r : ForecastJson.ratioToCarbonateUsd(o, o.ensemble().hydroxideUsdPerT())) {
            assertThat(r).isCloseTo(0.8805, within(1e-9));
        }
    }
}
