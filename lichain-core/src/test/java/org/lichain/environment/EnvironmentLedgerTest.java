package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.lichain.world.World;

class EnvironmentLedgerTest {
    private final World world = EnvFixtures.world();
    // fixture lepidolite per t LCE: concentrate = 1/(0.02·2.473·0.80) = 25.27295 t, residue = 1.2·25.27295 = 30.32754 t,
    // ore = 25.27295·0.02/(0.005·0.80) = 126.36475 t, tailings = ore − concentrate = 101.09180 t
    private static final double LEP_RESIDUE = 1.2 / (0.02 * 2.473 * 0.80);
    private static final double LEP_TAILINGS = 1.0 / (0.02 * 2.473 * 0.80) * 0.02 / (0.005 * 0.80)
            - 1.0 / (0.02 * 2.473 * 0.80);

    private EnvironmentLedger ledger2023() {
        return EnvironmentLedger.compute(world,
                ProductionSeries.historical(world, 2023, 2023, ProductionSeries.Basis.REPORTED_ELSE_CAPACITY));
    }

    @Test
    void reportedProductionDrivesResidue_andStockAccumulates() {
        EnvironmentLedger l = ledger2023();
        int a = l.assetIndex("CN-JX-01"); // reported 6,000 t LCE in 2023 → 500 t a month
        assertThat(l.residueT[a][0]).isCloseTo(500 * LEP_RESIDUE, within(1e-6));
        assertThat(l.residueStockT[a][11]).isCloseTo(6000 * LEP_RESIDUE, within(1e-6)); // 181,965.2 t
        assertThat(l.tailingsT[a][11]).isCloseTo(500 * LEP_TAILINGS, within(1e-6));
        // Tl: 25.27295 t conc · 10 g/t · 1 % to water = 2.527295 g per t LCE → 500 t: 1.2636 kg in a month
        assertThat(l.thalliumToWaterKg[a][0]).isCloseTo(500 * 25.27295 * 10 * 0.01 / 1000, within(1e-5));
    }

    @Test
    void concentrateSellerBooksTailingsAndMineCo2Only() {
        EnvironmentLedger l = ledger2023();
        int a = l.assetIndex("CN-JX-02"); // capacity 24,000 t/yr → 2,000 t a month, MINE_CONCENTRATE
        assertThat(l.residueT[a][5]).isZero();
        assertThat(l.tailingsT[a][5]).isCloseTo(2000 * LEP_TAILINGS, within(1e-6));
        // E0 = ore 126.36475 t · 40 kWh/t · 0.5 kg/kWh = 2.527295 t CO2e per t LCE
        assertThat(l.co2eT[a][5]).isCloseTo(2000 * 126.36475 * 40 * 0.5 / 1000, within(1e-3));
    }

    @Test
    void yichunFootprint_countsTheClusterAggregateOnlyForWhatItsMembersDoNotCover() {
        Footprint f = Footprint.of(ledger2023(), 2023, "yichun", 10.0);
        // members within 100 km of the aggregate: CN-JX-01 6,000 (reported) + CN-JX-02 24,000 + CN-JX-03 6,000 = 36,000;
        // aggregate 120,000 → remainder 84,000; total = 120,000 t LCE
        assertThat(f.productionTLce()).isCloseTo(120_000, within(1e-6));
        // residue from every chemical stage: (6,000 + 6,000 + 84,000) · 30.32754 = 2,911,444 t (CN-JX-02 sells concentrate)
        assertThat(f.residueT()).isCloseTo(96_000 * LEP_RESIDUE, within(1e-3));
        assertThat(f.storageAreaM2()).isCloseTo(96_000 * LEP_RESIDUE / (1.5 * 10.0), within(1e-3));
        assertThat(f.intensityByResourceType()).containsOnlyKeys("lepidolite");
        assertThat(f.intensityByResourceType().get("lepidolite").residueTPerTLce()).isCloseTo(LEP_RESIDUE, within(1e-9));
    }

    @Test
    void co2Intensities_lepidoliteAndSpodumeneWellAboveBrine() {
        Footprint f = Footprint.of(ledger2023(), 2023, "world", 10.0);
        // lepidolite E1 = 2.527295 (mine power) + 3000·0.5/1000 + 60 GJ·95/1000 = 9.727295 t/t for Jiangxi converters;
        // CN-JX-02 sells concentrate, converted in CN-SC (grid 0.1): 9.727295 − 3000·(0.5 − 0.1)/1000 = 8.527295;
        // production-weighted: (96,000·9.727295 + 24,000·8.527295)/120,000 = 9.487295
        assertThat(f.intensityByResourceType().get("lepidolite").co2eTPerTLce()).isCloseTo(9.487295, within(1e-5));
        // brine E1 = 500·0.3/1000 + 10·51.53/1000 = 0.6653 t/t
        assertThat(f.intensityByResourceType().get("brine").co2eTPerTLce()).isCloseTo(0.6653, within(1e-9));
        // spodumene E1: ore = 7.48852·0.06/(0.012·0.7) = 53.4894 t · 20 kWh · 0.1 = 0.10698 + 0.2 + 3.8 = 4.10698
        assertThat(f.intensityByResourceType().get("spodumene").co2eTPerTLce()).isCloseTo(4.10698, within(1e-4));
    }

    @Test
    void capacityBasisGivesMoreThanReported() {
        EnvironmentLedger cap = EnvironmentLedger.compute(world,
                ProductionSeries.historical(world, 2023, 2023, ProductionSeries.Basis.CAPACITY));
        int a = cap.assetIndex("CN-JX-01");
        assertThat(cap.production.tLce()[a][0]).isCloseTo(1000, within(1e-9)); // 12,000 t/yr nameplate
    }

    @Test
    void yearOutsideLedgerAndBadRegion_areNamed() {
        assertThatThrownBy(() -> Footprint.of(ledger2023(), 2019, "world", 10))
                .hasMessageContaining("year 2019 is outside the ledger");
        assertThatThrownBy(() -> Footprint.checkRegion("ZZ", world.assets())).hasMessageContaining("--region ZZ");
        assertThatThrownBy(() -> Footprint.of(ledger2023(), 2023, "world", 0)).hasMessageContaining("stack height");
    }

    @Test
    void marketOutputFeedsTheLedgerAsPerAssetMonthlyArrays() {
        ProductionSeries simulated = ProductionSeries.of(YearMonth.of(2030, 1), new String[] {"CN-JX-03"},
                new double[][] {{100, 200}}, "simulated");
        EnvironmentLedger l = EnvironmentLedger.compute(world, simulated);
        assertThat(l.residueStockT[0][1]).isCloseTo(300 * LEP_RESIDUE, within(1e-6));
    }
}
