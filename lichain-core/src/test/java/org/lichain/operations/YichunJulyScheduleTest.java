package org.lichain.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/** The Yichun lepidolite case of issue 5: Gotion's integrated plant (CN-JX-06) in July 2025 on the Jiangxi draft tariff. */
class YichunJulyScheduleTest {
    static final YearMonth JULY = YearMonth.of(2025, 7);
    static World world;
    static Schedule s;

    @BeforeAll
    static void solve() {
        world = DatasetLoader.loadEmbedded();
        s = PlantModels.schedule(world, "CN-JX-06", JULY, null);
    }

    static int stage(String id) {
        return s.plant().stageIndex(id);
    }

    static double valleyShare(int i) {
        return s.stageValleyKwh(i) / s.stageKwh(i);
    }

    @Test
    void usesTheJiangxiDraftTariffOverTheWholeMonth() {
        assertThat(s.tariff().tariffId()).isEqualTo("CN-JX-2025-DRAFT");
        assertThat(s.hours()).isEqualTo(31 * 24);
        assertThat(s.plant().stages()).extracting(Stage::id).containsExactly("crushing_grinding", "flotation",
                "roasting_kiln", "leaching_purification", "evaporation_crystallisation", "drying_packing");
    }

    @Test
    void kilnBarelyMoves() {
        // kiln limits (plant_stages.csv): 85-105 % of nominal, ramp 1 %/h of max: it holds within a few % of max
        assertThat(s.rateSwingPct(stage("roasting_kiln"))).isLessThan(6.0);
        assertThat(s.restarts()[stage("roasting_kiln")]).isZero();
        // and its valley share stays within 2 points of the flat schedule's
        assertThat(valleyShare(stage("roasting_kiln"))).isLessThan(s.flatValleyKwhShare() + 0.02);
    }

    @Test
    void grindingAndFlotationMoveIntoValleyHours() {
        // July valley+deep valley: 01-05 and 11:30-14:30 = 7 of 24 h, so a flat load has 7/24 = 29.2 % in the valley
        assertThat(s.flatValleyKwhShare()).isCloseTo(7.0 / 24, org.assertj.core.api.Assertions.within(1e-9));
        for (String id : new String[] {"crushing_grinding", "flotation"}) {
            assertThat(valleyShare(stage(id))).as(id).isGreaterThan(s.flatValleyKwhShare() + 0.15);
            assertThat(s.rateSwingPct(stage(id))).as(id).isGreaterThan(50.0);
        }
    }

    @Test
    void savesAgainstFlatAndMeetsEveryConstraint() {
        assertThat(s.costCny()).isLessThan(s.flatCostCny());
        assertThat(s.savingPct()).isBetween(5.0, 40.0);
        assertThat(s.valleyKwhShare()).isGreaterThan(s.flatValleyKwhShare());
        double[] init = new double[s.plant().stages().size()];
        for (int i = 0; i < init.length; i++) {
            init[i] = s.flatRateTLcePerH()[i][0];
        }
        assertThat(ScheduleCheck.violations(s.plant(), s.tariff(), s.rateTLcePerH(), init)).isEmpty();
        // the kWh are the cost model's: the process balance's kWh per t LCE times the month's output
        double perT = org.lichain.process.ProcessModel.balance(world, world.asset("CN-JX-06"), 2025).kwh();
        assertThat(s.flatTotalKwh()).isCloseTo(perT * s.outputTLce(), org.assertj.core.api.Assertions.within(
                1e-6 * perT * s.outputTLce()));
    }

    @Test
    void effectivePowerPriceIsLowerWhenScheduled() {
        EffectivePowerPrice.Result r = EffectivePowerPrice.of(world, "CN-JX-06", JULY);
        assertThat(r.cnyPerKwh(EffectivePowerPrice.Mode.SCHEDULED)).isLessThan(r.cnyPerKwh(EffectivePowerPrice.Mode.FLAT));
        // flat schedule under the draft tariff in July pays 0.9833 x the flat price (energy.md §2b [D])
        assertThat(r.flatCnyPerKwh()).isCloseTo(0.63 * 23.6 / 24, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.ratioToFlat()).isLessThan(1.0);
    }
}
