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
    void concentrateSellerBooksItsMineOnSite_andItsConversionInTheConversionRegion() {
        EnvironmentLedger l = ledger2023();
        int a = l.assetIndex("CN-JX-02"); // reported 24,000 t LCE in concentrate → 2,000 t a month, MINE_CONCENTRATE
        assertThat(l.chemRegion[a]).isEqualTo("CN-SC"); // ProcessModel.DEFAULT_CONVERSION_REGION
        assertThat(l.chemicalOnSite(a)).isFalse();
        assertThat(l.tailingsT[a][5]).isCloseTo(2000 * LEP_TAILINGS, within(1e-6));
        assertThat(l.residueT[a][5]).isCloseTo(2000 * LEP_RESIDUE, within(1e-6));
        // E0 = ore 126.36475 t · 40 kWh/t · 0.5 kg/kWh = 2.527295 t CO2e per t LCE (Jiangxi grid at the mine)
        assertThat(l.co2eMineT[a][5]).isCloseTo(2000 * 126.36475 * 40 * 0.5 / 1000, within(1e-3));
        // conversion in Sichuan: 3000 kWh · 0.1 + 60 GJ coal · 95 kg = 0.3 + 5.7 = 6.0 t per t LCE
        assertThat(l.co2eChemT[a][5]).isCloseTo(2000 * 6.0, within(1e-6));
        Footprint sichuan = Footprint.of(l, 2023, "CN-SC", 10);
        assertThat(sichuan.residueT()).isCloseTo(24_000 * LEP_RESIDUE, within(1e-3)); // its residue is stacked there
        assertThat(sichuan.tailingsT()).isZero(); // no ore is mined in CN-SC (CN-SC-CONV is a converter)
    }

    @Test
    void yichunFootprint_cityConverterCountsOnlyWhatItsIntegratedNeighboursDoNotConvert() {
        Footprint f = Footprint.of(ledger2023(), 2023, "yichun", 10.0);
        // converter CN-JX-AGG 120,000 − integrated neighbours within 100 km (CN-JX-01 6,000 + CN-JX-03 6,000;
        // CN-JX-06 has no 2023 row while China has rows → 0) = 108,000 t LCE converted from bought concentrate.
        // Chemical output = 6,000 + 6,000 + 108,000 = 120,000 t LCE (CN-JX-02 sells concentrate: not chemical)
        assertThat(f.productionTLce()).isCloseTo(120_000, within(1e-6));
        // residue from every chemical stage: 120,000 · 30.32754 = 3,639,305 t
        assertThat(f.residueT()).isCloseTo(120_000 * LEP_RESIDUE, within(1e-3));
        assertThat(f.storageAreaM2()).isCloseTo(120_000 * LEP_RESIDUE / (1.5 * 10.0), within(1e-3));
        // tailings only where ore is mined: CN-JX-01, -02, -03 (the converter buys concentrate)
        assertThat(f.tailingsT()).isCloseTo(36_000 * LEP_TAILINGS, within(1e-3));
        assertThat(f.intensityByResourceType()).containsOnlyKeys("lepidolite");
        assertThat(f.intensityByResourceType().get("lepidolite").residueTPerTLce()).isCloseTo(LEP_RESIDUE, within(1e-9));
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
