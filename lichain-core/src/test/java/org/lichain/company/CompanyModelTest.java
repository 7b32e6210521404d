package org.lichain.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lichain.world.World;

/** Hand-computed P&L of the two-asset toy group of {@link ToyWorld}. */
class CompanyModelTest {
    /** SC6 USD 900/t is worth 900 / (0.06 × 2.473) = 6,065.507 per t LCE contained. */
    static final double SPOD_VALUE = 900 / (0.06 * 2.473);

    @Test
    void twoAssetToyGroup_atMarketTransfer_matchesHandComputation() {
        World w = ToyWorld.world();
        CompanyPnl p = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, ToyWorld.flat(w, 10_000, 900), TransferPricing.MARKET);
        // mining: M 50% × 12,000 = 6,000 t contained sold at 6,065.507 → 36,393,045; cost 6,000 × 3,600 = 21.6M.
        //         I mine stage: 6,000 t chemical ÷ 0.8 = 7,500 t contained, transferred at 45% × 10,000 = 4,500/t
        //         → 33.75M; cost 6,000 × 5,000 = 30M.
        SegmentPnl mining = p.segment(Segment.MINING);
        assertThat(mining.revenueUsd()).isCloseTo(6_000 * SPOD_VALUE + 33_750_000, within(1e-3));
        assertThat(mining.costUsd()).isCloseTo(21_600_000 + 30_000_000, within(1e-3));
        assertThat(mining.volume()).isCloseTo(6_000 + 7_500, within(1e-9));
        // conversion: 6,000 t × 10,000 = 60M; cost 6,000 × 3,000 + feed 33.75M = 51.75M → margin 8.25M
        SegmentPnl conv = p.segment(Segment.CONVERSION);
        assertThat(conv.revenueUsd()).isCloseTo(60_000_000, within(1e-3));
        assertThat(conv.costUsd()).isCloseTo(51_750_000, within(1e-3));
        assertThat(conv.marginUsd()).isCloseTo(8_250_000, within(1e-3));
        assertThat(p.segment(Segment.CELLS).revenueUsd()).isZero();
        // integrated = (36,393,045 − 21.6M) + (33.75M − 30M) + 8.25M = 26,793,045
        assertThat(p.integratedMarginUsd()).isCloseTo(6_000 * SPOD_VALUE - 21_600_000 + 3_750_000 + 8_250_000,
                within(1e-3));
        // stand-alone, 100% basis: M 12,000 × (6,065.5 − 3,600); I 6,000 × (10,000 − 8,000) = 12M
        assertThat(p.asset("M").standaloneMarginUsd()).isCloseTo(12_000 * (SPOD_VALUE - 3_600), within(1e-3));
        assertThat(p.asset("M").stakePct()).isEqualTo(50.0);
        assertThat(p.asset("I").standaloneMarginUsd()).isCloseTo(12_000_000, within(1e-3));
        assertThat(p.asset("I").curtailStandalone()).isFalse();
        assertThat(p.months()).hasSize(12);
        assertThat(p.months().get(0).segments().get(Segment.CONVERSION).marginUsd()).isCloseTo(8_250_000 / 12.0,
                within(1e-6));
    }

    @Test
    void atCostTransfer_movesTheMineMarginIntoConversion_integratedUnchanged() {
        World w = ToyWorld.world();
        PricePath path = ToyWorld.flat(w, 10_000, 900);
        CompanyPnl market = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.MARKET);
        CompanyPnl cost = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.COST);
        // at cost I's mine stage sells at 5,000 × 6,000 = 30M: no margin on it; conversion = 60M − 18M − 30M = 12M
        assertThat(cost.segment(Segment.MINING).marginUsd()).isCloseTo(6_000 * (SPOD_VALUE - 3_600), within(1e-3));
        assertThat(cost.segment(Segment.CONVERSION).marginUsd()).isCloseTo(12_000_000, within(1e-3));
        assertThat(cost.integratedMarginUsd()).isCloseTo(market.integratedMarginUsd(), within(1e-3));
    }

    @Test
    void cellsBuyTheGroupsOwnLithium_handComputed() {
        World w = ToyWorld.withPlants(ToyWorld.world(), List.of(ToyWorld.cells(1.0)));
        PricePath path = ToyWorld.flat(w, 10_000, 900);
        CompanyPnl market = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.MARKET);
        // 1 GWh × 2.0 kg/kWh = 2,000 t cathode bought (no own cathode); its lithium 2,000 × 0.24 = 480 t LCE
        // comes from the group's 6,000 t. Revenue 1e6 kWh × (40 + 0.002 × (2,000 + 0.24 × 10,000)) = 48.8M;
        // cost 30M + fee 2,000 × 2,000 + lithium 480 × 10,000 = 38.8M → margin 10M.
        SegmentPnl cells = market.segment(Segment.CELLS);
        assertThat(cells.revenueUsd()).isCloseTo(48_800_000, within(1e-3));
        assertThat(cells.costUsd()).isCloseTo(38_800_000, within(1e-3));
        assertThat(cells.volume()).isCloseTo(1.0, within(1e-12));
        CompanyPnl cost = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.COST);
        // at cost the 480 t move at I's C1 8,000: conversion 5,520 × 10,000 + 480 × 8,000 − 48M = 11.04M,
        // cells 48.8M − (30M + 4M + 3.84M) = 10.96M
        assertThat(cost.segment(Segment.CONVERSION).marginUsd()).isCloseTo(11_040_000, within(1e-3));
        assertThat(cost.segment(Segment.CELLS).marginUsd()).isCloseTo(10_960_000, within(1e-3));
        assertThat(cost.integratedMarginUsd()).isCloseTo(market.integratedMarginUsd(), within(1e-3));
    }

    @Test
    void lossMakingMine_isKeptWhenTheCellMarginOnItsLithiumCoversTheLoss() {
        // at 7,000 USD/t, I loses 6,000 × (7,000 − 8,000) = −6M stand-alone; the cells earn 10M on 480 t of
        // the group's lithium (margin at market does not depend on the lithium price: 20,833/t), all of it from I
        // → chain margin −6M + 480 × 20,833.3 = +4M: curtailed stand-alone, kept by the group
        World w = ToyWorld.withPlants(ToyWorld.world(), List.of(ToyWorld.cells(1.0)));
        CompanyPnl p = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, ToyWorld.flat(w, 7_000, 900), TransferPricing.MARKET);
        AssetVerdict i = p.asset("I");
        assertThat(i.standaloneMarginUsd()).isCloseTo(-6_000_000, within(1e-3));
        assertThat(i.curtailStandalone()).isTrue();
        assertThat(i.chainMarginUsd()).isCloseTo(4_000_000, within(1e-3));
        assertThat(i.keptByGroup()).isTrue();
        // without cells, nothing covers the loss
        World bare = ToyWorld.world();
        AssetVerdict alone = CompanyModel.pnl(bare, "TOY", ToyWorld.YEAR, ToyWorld.flat(bare, 7_000, 900),
                TransferPricing.MARKET).asset("I");
        assertThat(alone.curtailStandalone()).isTrue();
        assertThat(alone.keptByGroup()).isFalse();
        assertThat(alone.chainMarginUsd()).isCloseTo(-6_000_000, within(1e-3));
    }

    @Test
    void ownConverterTakesOwnConcentrateFirst() {
        // a 3,000 t LCE/yr spodumene converter (90% recovery) needs 3,333.3 t contained; the group's 6,000 t from M
        // cover it, so at cost it is fed at M's 3,600/t and the rest (2,666.7 t) is sold at market
        World w = ToyWorld.withPlants(ToyWorld.world(), List.of(ToyWorld.spodumeneConverter(3_000)));
        CompanyPnl cost = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, ToyWorld.flat(w, 10_000, 900), TransferPricing.COST);
        double need = 3_000 / 0.9;
        double miningRevenueFromM = (6_000 - need) * SPOD_VALUE + need * 3_600;
        assertThat(cost.segment(Segment.MINING).revenueUsd()).isCloseTo(miningRevenueFromM + 30_000_000, within(1e-3));
        // converter conversion cost = labour 1,000/t (mining and beneficiation are not its costs)
        assertThat(cost.asset("TOY-CONV").standaloneCostUsd()).isCloseTo(3_000 * (1_000 + SPOD_VALUE / 0.9),
                within(1e-3));
    }

    @Test
    void unknownCompany_isNamed() {
        World w = ToyWorld.world();
        assertThatThrownBy(() -> CompanyModel.pnl(w, "NOPE", ToyWorld.YEAR, ToyWorld.flat(w, 1, 1),
                TransferPricing.MARKET)).hasMessageContaining("unknown company id 'NOPE'").hasMessageContaining("TOY");
    }
}
