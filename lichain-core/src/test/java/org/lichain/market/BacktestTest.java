package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/**
 * The 2020-2025 backtest on the embedded dataset, from exogenous inputs only (no price history enters the run),
 * against the published story: the China carbonate spot rose through 2021, peaked in Nov 2022 (~CNY 560-600k,
 * Mysteel/Kallanish/SMM) and was ~90% lower by mid-2025 (SMM via Securities Times, 18 Jun 2025); Chinese lepidolite
 * output grew many-fold while more than half ran at a loss (CRU via Reuters); China is import-dependent
 * (55-75%, Reuters / Global Times 2023).
 */
class BacktestTest {
    private static Backtest.Report report;

    @BeforeAll
    static void run() {
        World w = DatasetLoader.loadEmbedded();
        report = Backtest.run(w);
    }

    private static double price(String month) {
        SimulationResult r = report.result();
        return r.priceCnyPerTInclVat()[r.indexOf(YearMonth.parse(month))];
    }

    @Test
    void pricesRiseThrough2021() {
        assertThat(price("2021-12")).isGreaterThan(2.0 * price("2021-01"));
        assertThat(price("2021-12")).isGreaterThan(price("2021-09"));
        assertThat(price("2021-09")).isGreaterThan(price("2021-06"));
    }

    @Test
    void priceHasItsPeakIn2022OrAtTheTurnOfTheYear() {
        // the actual peak was Nov 2022; allow the model's peak within Jul 2022 .. Jan 2023
        YearMonth peak = YearMonth.parse(report.simulatedPeakMonth());
        assertThat(peak).isBetween(YearMonth.of(2022, 7), YearMonth.of(2023, 1));
        assertThat(Math.abs(report.peakTimingErrorMonths())).isLessThanOrEqualTo(3);
        assertThat(report.simulatedPeakCnyPerT()).isBetween(300_000.0, 900_000.0);
    }

    @Test
    void byMid2025_priceIsAtLeast70PctBelowPeak() {
        assertThat(report.fallPeakToMid2025Pct()).isGreaterThanOrEqualTo(70.0);
    }

    @Test
    void chineseLepidolite_growsManyFold_andMostOfIt_isAtALossIn2025() {
        assertThat(report.lepidoliteGrowth2020to2025()).isGreaterThanOrEqualTo(3.0);
        assertThat(report.lepidoliteShareAtLoss2025()).isGreaterThan(0.5);
    }

    @Test
    void chinaStaysImportDependent() {
        assertThat(report.chinaMineSelfSufficiency2025()).isLessThan(0.5);
        assertThat(report.chinaImportShare2025()).isGreaterThan(0.4);
    }

    @Test
    void logPriceError_isReportedForEveryHistoricalPoint() {
        // 12 monthly China spot points in market_history.csv fall into 2020-01..2025-12
        assertThat(report.prices()).hasSize(12);
        assertThat(report.meanAbsLogError()).isLessThan(0.5);

    }
}
