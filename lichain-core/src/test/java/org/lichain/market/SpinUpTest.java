package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;
import org.junit.jupiter.api.Test;

/**
 * A run reported from a later start ({@link Simulation#runFrom}): spun up from 2020-01 on the recorded price, cut at
 * the start with the stocks before it carried over ({@link SimulationResult#from}).
 */
class SpinUpTest {
    private static final World WORLD = DatasetLoader.loadEmbedded();

    @Test
    void aLaterStart_continuesFromTheRecordedPrice_andItsMassBalanceCloses() {
        YearMonth start = YearMonth.of(2024, 1);
        Scenario s = Scenario.base().withPeriod(start, YearMonth.of(2030, 12));
        SimulationResult r = Simulation.runFrom(WORLD, s, s.seed());
        assertThat(r.start()).isEqualTo(start);
        assertThat(r.months()).isEqualTo(84);
        // the first month adjusts from the recorded Dec 2023 monthly mean toward its target:
        // P = rec^(1-λ) × target^λ, rec in USD ex-VAT = CNY incl. VAT / (Dec 2023 CNY per USD × 1.13)
        double recCny = MarketInputs.priceRecord(WORLD).get(YearMonth.of(2023, 12));
        double rec = recCny / (WORLD.fx().cnyPerUsd(YearMonth.of(2023, 12)) * (1 + WORLD.fiscal().chinaVatPct() / 100.0));
        double lambda = r.parameters().get("price_adjustment_per_month");
        double expected = Math.exp((1 - lambda) * Math.log(rec) + lambda * Math.log(r.targetPriceUsdPerTLce()[0]));
        assertThat(r.priceUsdPerTLce()[0]).isCloseTo(expected, within(1e-6 * expected));
        for (int t = 0; t < r.months(); t++) {
            double scale = Math.max(1.0, r.productionTLce()[t]);
            assertThat(r.massBalanceResidual(t)).as("month %s", r.month(t)).isCloseTo(0.0, within(1e-6 * scale));
        }
    }

    @Test
    void slicingARun_keepsEveryValue_fromTheCutOn() {
        Scenario s = Scenario.base().withPeriod(YearMonth.of(2020, 1), YearMonth.of(2027, 12));
        SimulationResult whole = Simulation.run(WORLD, s, s.seed());
        SimulationResult cut = whole.from(YearMonth.of(2025, 7));
        int k = 66;
        assertThat(cut.months()).isEqualTo(whole.months() - k);
        assertThat(cut.month(0)).isEqualTo(YearMonth.of(2025, 7));
        for (int t = 0; t < cut.months(); t++) {
            assertThat(cut.priceCnyPerTInclVat()[t]).isEqualTo(whole.priceCnyPerTInclVat()[t + k]);
            assertThat(cut.flowCountryToRegion()[t]).isSameAs(whole.flowCountryToRegion()[t + k]);
            assertThat(cut.productionByAsset()[3][t]).isEqualTo(whole.productionByAsset()[3][t + k]);
            assertThat(cut.massBalanceResidual(t)).isEqualTo(whole.massBalanceResidual(t + k));
        }
        assertThat(cut.initialConsumerStockTLce()).isEqualTo(whole.consumerStockTLce()[k - 1]);
        assertThat(cut.initialProducerStockTLce()).isEqualTo(whole.producerStockTLce()[k - 1]);
        assertThat(whole.from(whole.start())).isSameAs(whole);
    }

    @Test
    void aStartAtTheSpinUpMonth_isThePlainRun() {
        // the spin-up path with nothing to impose (the record before 2020-01 is outside the run) is the plain run
        Scenario s = Scenario.base().withPeriod(YearMonth.of(2020, 1), YearMonth.of(2022, 12));
        MarketInputs spun = MarketInputs.fromWorld(WORLD, s).withObservedPriceUntil(s.from().minusMonths(1));
        assertThat(ResultJson.toJson(Simulation.run(spun, s.seed(), new SuccessiveShortestPathSolver())))
                .isEqualTo(ResultJson.toJson(Simulation.runFrom(WORLD, s, s.seed())));
    }
}
