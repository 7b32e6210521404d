package org.lichain.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/**
 * The embedded dataset's company P&L at 2025 conditions (the reference 2025 path: dated China carbonate, SC6
 * and lepidolite concentrate points of company_price_points.csv; production from asset_production.csv).
 */
class EmbeddedCompanyFactsTest {
    static final World W = DatasetLoader.loadEmbedded();
    static final Companies C = CompanyModel.companies(W);
    static final PricePath PATH_2025 = GivenPricePath.reference(W, C, 2025);

    /**
     * Issue 6 / DESIGN.md: CATL's Yichun lithium (Jianxiawo, mining + conversion) lost money on its own in 2025
     * — its cost was reported at ~RMB100,000/t and "loss-making at CNY100k" (reference/facts.md 3.1) against a
     * 2025 carbonate price of CNY 60–93k — while CATL's lithium-to-cell chain was profitable (2024 net profit
     * CNY 50.7bn, gross margin 24.4%, SMM 18 Mar 2025).
     */
    @Test
    void catl2025_yichunLithiumLosesMoneyStandalone_whileTheChainIsProfitable() {
        CompanyPnl p = CompanyModel.pnl(W, "CATL", 2025, PATH_2025, TransferPricing.MARKET);
        AssetVerdict jx = p.asset("CN-JX-01");
        assertThat(jx.productionTLce()).isPositive();
        assertThat(jx.standaloneMarginUsd()).isNegative();
        assertThat(jx.curtailStandalone()).isTrue();
        assertThat(jx.keptByGroup()).isTrue();
        assertThat(jx.chainMarginUsd()).isPositive();
        // Jianxiawo is CATL's only producing lithium asset in 2025, so mining + conversion is Yichun lithium
        double yichun = p.segment(Segment.MINING).marginUsd() + p.segment(Segment.CONVERSION).marginUsd();
        assertThat(yichun).isCloseTo(jx.standaloneMarginUsd(), within(1e-3)).isNegative();
        assertThat(p.segment(Segment.CELLS).marginUsd()).isPositive();
        assertThat(p.integratedMarginUsd()).isPositive();
        // at cost, all of it goes into CATL's own cells (its need is ~8x the output): the loss moves into cells
        CompanyPnl atCost = CompanyModel.pnl(W, "CATL", 2025, PATH_2025, TransferPricing.COST);
        assertThat(atCost.segment(Segment.MINING).marginUsd() + atCost.segment(Segment.CONVERSION).marginUsd())
                .isCloseTo(0.0, within(1e-3));
        assertThat(atCost.segment(Segment.CELLS).marginUsd())
                .isCloseTo(p.segment(Segment.CELLS).marginUsd() + yichun, within(1e-3));
        assertThat(atCost.integratedMarginUsd()).isCloseTo(p.integratedMarginUsd(), within(1e-3));
    }

    /**
     * The 2025 carbonate path stays in the published 2025 range: CNY ~60,000 (Jun) to ~93,400 (Dec) incl. VAT,
     * i.e. roughly USD 7,300–11,500 ex-VAT at 7.1–7.2 CNY/USD.
     */
    @Test
    void reference2025Path_isWithinThePublishedRange() {
        for (int m = 1; m <= 12; m++) {
            double usd = PATH_2025.carbonateUsdPerTLce(java.time.YearMonth.of(2025, m));
            assertThat(usd).isBetween(7_000.0, 12_000.0);
        }
    }

    /**
     * The representative non-integrated Yichun converter buys its concentrate at the 2025 market price
     * (CNY 1,225–1,940/t, company_price_points.csv), which was below what Jianxiawo's own mining and royalties
     * cost (the route's mining cost is derived from the Oct 2025 price and then the Jun price was lower), so per
     * t it does better than CATL's integrated Yichun lithium. Issue 6 expects it to lose money in 2025; with the
     * dataset's conversion cost (vendor fee ~CNY 25,000/t, reference/facts.md 4, a weak [C] source) it does not:
     * see docs/company.md for the break-even conversion cost. This test pins the ranking that does follow.
     */
    @Test
    void yichunConverter2025_earnsMorePerTonneThanCatlsIntegratedYichunLithium() {
        AssetVerdict conv = CompanyModel.pnl(W, "YC-CONVERTER", 2025, PATH_2025, TransferPricing.MARKET)
                .asset("YC-CONV-01");
        AssetVerdict jx = CompanyModel.pnl(W, "CATL", 2025, PATH_2025, TransferPricing.MARKET).asset("CN-JX-01");
        assertThat(conv.productionTLce()).isCloseTo(4_000.0, within(1e-9)); // 10 kt/yr × 40% utilisation
        assertThat(conv.standaloneMarginUsdPerTLce()).isGreaterThan(jx.standaloneMarginUsdPerTLce());
        assertThat(conv.keptByGroup()).isEqualTo(!conv.curtailStandalone()); // no chain behind it
    }
}
