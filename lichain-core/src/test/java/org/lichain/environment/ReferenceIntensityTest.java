package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/** Route intensities of the embedded dataset against the reference ranges (sources in each comment). */
class ReferenceIntensityTest {
    private static World embeddedOrSkip() {
        return DatasetLoader.loadEmbedded();
    }

    @Test
    void lepidoliteResidueInTheTensOfTonnes_andHardRockCo2WellAboveBrine() {
        World w = embeddedOrSkip();
        Footprint f = Footprint.of(EnvironmentLedger.compute(w,
                ProductionSeries.historical(w, 2023, 2023, ProductionSeries.Basis.REPORTED_ELSE_CAPACITY)), 2023, "world",
                10);
        var lep = f.intensityByResourceType().get("lepidolite");
        var spo = f.intensityByResourceType().get("spodumene");
        var brine = f.intensityByResourceType().get("brine");
        // reference/process.md §lepidolite: leach residue ≈ 37.5 t/t LCE [D] (YICAI2023 ≥15 Mt / 0.4 Mt capacity),
        // cross-check ≈ 31 t/t [D]: "tens of tonnes"
        assertThat(lep.residueTPerTLce()).isBetween(10.0, 99.0);
        // reference/process.md: lepidolite E1 16.9 t CO2e/t (SKARN), spodumene 9–24 t (ROSKILL2020, ISTRATE2024),
        // brine 3.6 t (ISTRATE2024); "hard rock ≈ 3× brine" (ROSKILL2020)
        assertThat(lep.co2eTPerTLce()).isGreaterThan(2 * brine.co2eTPerTLce());
        assertThat(spo.co2eTPerTLce()).isGreaterThan(2 * brine.co2eTPerTLce());
        assertThat(lep.co2eTPerTLce()).isBetween(8.0, 30.0);
    }

    @Test
    void yichunResidue_2023ForecastWasCapacity_actualOutputGivesLess() {
        World w = embeddedOrSkip();
        Footprint reported2023 = Footprint.of(EnvironmentLedger.compute(w, ProductionSeries.historical(w, 2018, 2023,
                ProductionSeries.Basis.REPORTED_ELSE_CAPACITY)), 2023, "yichun", 10);
        Footprint capacity2023 = Footprint.of(EnvironmentLedger.compute(w, ProductionSeries.historical(w, 2018, 2023,
                ProductionSeries.Basis.CAPACITY)), 2023, "yichun", 10);
        // reference/environment.md §3 (YICAI2023): ≥15 Mt of lithium slag forecast for Yichun in 2023, made from
        // 400 kt of lithium-salt capacity; on capacity the model lands within 15 % of it
        assertThat(capacity2023.residueT()).isBetween(0.85 * 15e6, 1.15 * 15e6);
        // reference/market.csv: Yichun produced 158,900 t Li2CO3 in 2023 (redplanx) — about 40 % of that capacity,
        // so residue from actual output is 30–50 % of the forecast: the gap is utilisation, not intensity
        assertThat(reported2023.productionTLce()).isCloseTo(158_900, org.assertj.core.api.Assertions.within(1.0));
        assertThat(reported2023.residueT() / capacity2023.residueT()).isBetween(0.3, 0.5);
        Footprint reported2025 = Footprint.of(EnvironmentLedger.compute(w, ProductionSeries.historical(w, 2018, 2025,
                ProductionSeries.Basis.REPORTED_ELSE_CAPACITY)), 2025, "yichun", 10);
        // DESIGN.md (public reporting, 2025): the city expected about 10 Mt in a year; the model books less
        // (no 2025 row for the city's conversion of bought concentrate; leach residue only) — see docs/environment.md
        assertThat(reported2025.residueT()).isBetween(5e6, 10e6);
    }

    @Test
    void marketSimulationOutputFeedsTheLedger() {
        World w = embeddedOrSkip();
        org.lichain.market.SimulationResult r = org.lichain.market.Simulation.runBase2020to2035(w);
        ProductionSeries p = ProductionSeries.fromSimulation(w, r);
        assertThat(p.start()).isEqualTo(r.start());
        assertThat(p.months()).isEqualTo(r.months());
        assertThat(p.assetIds()).allSatisfy(id -> assertThat(w.findAsset(id)).isPresent());
        // every simulated t LCE of a world asset that is not a city converter reaches the ledger unchanged
        int a = java.util.Arrays.asList(p.assetIds()).indexOf("CN-JX-01");
        int ra = r.assetIds().indexOf("CN-JX-01");
        assertThat(p.tLce()[a]).containsExactly(r.productionByAsset()[ra]);
        Footprint f = Footprint.of(EnvironmentLedger.compute(w, p), 2030, "world", 10);
        assertThat(f.residueT()).isPositive();
        assertThat(f.basis()).startsWith("simulated: ");
    }
}
