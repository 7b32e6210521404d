package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/**
 * The 2020-2025 backtest on the embedded dataset, from exogenous inputs only (no price history enters the run after
 * its starting point, no capacity comes from reported production, the dataset's market-caused closures are ignored),
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
    void logPriceError_isReportedForEveryRecordedMonth_inAndOutOfSample() {
        // the SMM monthly record (reference/prices_monthly.csv) has every month 2020-01..2025-12: 72 points, 48 in the
        // calibration period 2020-2023 and 24 out of sample (2024-2025)
        assertThat(report.prices()).hasSize(72);
        assertThat(report.meanAbsLogErrorInSample()).isBetween(0.0, 0.3);
        assertThat(report.meanAbsLogErrorOutOfSample()).isBetween(0.0, 0.4);
        assertThat(report.meanAbsLogError()).isCloseTo(
                (48 * report.meanAbsLogErrorInSample() + 24 * report.meanAbsLogErrorOutOfSample()) / 72,
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void average2024_isWithin30PctOfTheRecord() {
        // the record's 2024 average is ~CNY 90,700/t (SMM monthly means, reference/prices_monthly.csv); the issue asks
        // for the simulated average within 30% of CNY 90k
        assertThat(report.average2024RecordedCnyPerT()).isBetween(85_000.0, 95_000.0);
        assertThat(report.average2024SimulatedCnyPerT()).isBetween(0.7 * 90_000, 1.3 * 90_000);
    }

    @Test
    void jianxiawo_runsThrough2024_untilItsLicenceLapsesInAugust2025() {
        // CATL (an integrated owner) ran Jianxiawo until the mining licence expired on 9 Aug 2025 (facts.md s8)
        SimulationResult r = report.result();
        int jx = r.assetIds().indexOf("CN-JX-01");
        for (int t = r.indexOf(YearMonth.of(2024, 1)); t <= r.indexOf(YearMonth.of(2025, 7)); t++) {
            assertThat(r.productionByAsset()[jx][t]).as("month %s", r.month(t)).isPositive();
        }
        for (int t = r.indexOf(YearMonth.of(2025, 8)); t <= r.indexOf(YearMonth.of(2025, 12)); t++) {
            assertThat(r.productionByAsset()[jx][t]).as("month %s", r.month(t)).isZero();
        }
        assertThat(report.jianxiawoRunningMonths2024to2025()).isEqualTo(19);
    }
}
