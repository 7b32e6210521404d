package org.lichain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetException;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.DatasetSource;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.World;

class PlantModelsTest {
    static final World WORLD = DatasetLoader.loadEmbedded();

    @Test
    void everyConverterAndIntegratedAssetHasAModel() {
        for (Asset a : WORLD.assets()) {
            boolean listed = PlantModels.plants(WORLD).contains(a);
            assertThat(listed).as(a.id()).isEqualTo(a.kind() != AssetKind.MINE_CONCENTRATE);
        }
        // and a model can be built for each one with capacity in the month
        YearMonth m = YearMonth.of(2025, 7);
        for (Asset a : PlantModels.plants(WORLD)) {
            if (a.capacity().capacityTLcePerYear(m) > 0) {
                PlantModel p = PlantModels.of(WORLD, a.id(), m);
                assertThat(p.stages()).as(a.id()).isNotEmpty();
                assertThat(p.target().tLcePerPeriod()).as(a.id()).isPositive();
            }
        }
    }

    @Test
    void converterHasNoMineStages_integratedHas() {
        YearMonth m = YearMonth.of(2025, 7);
        PlantModel conv = PlantModels.of(WORLD, "CN-JX-AGG", m);
        assertThat(conv.stages()).extracting(Stage::id).startsWith("roasting_kiln");
        PlantModel integ = PlantModels.of(WORLD, "CN-JX-06", m);
        assertThat(integ.stages()).extracting(Stage::id).startsWith("crushing_grinding", "flotation");
        // nominal rate = capacity / 8760 h; kiln max 105 % of it; target 90 % per day
        double nominal = WORLD.asset("CN-JX-06").capacity().capacityTLcePerYear(m) / 8760.0;
        Stage kiln = integ.stages().get(integ.stageIndex("roasting_kiln"));
        assertThat(kiln.maxRateTLcePerH()).isCloseTo(1.05 * nominal, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(integ.target().tLcePerPeriod()).isCloseTo(0.9 * nominal * 24,
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void mineWithoutAPlantAndUnknownIdsAreRefused() {
        assertThatThrownBy(() -> PlantModels.of(WORLD, "CN-JX-02", YearMonth.of(2025, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no chemical plant");
        assertThatThrownBy(() -> PlantModels.of(WORLD, "NOPE", YearMonth.of(2025, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown plant 'NOPE'");
    }

    @Test
    void badStageFileNamesFileLineAndField() {
        DatasetSource embedded = DatasetSource.embedded();
        String stages = embedded.read(OperationsDatasetExtension.STAGES).orElseThrow();
        String broken = stages.replace("lepidolite_sulfate_roast,all,3,roasting_kiln,\"roasting kiln (with mixing of additives)\",refinery,30,",
                "lepidolite_sulfate_roast,all,3,roasting_kiln,\"roasting kiln (with mixing of additives)\",refinery,35,");
        assertThat(broken).isNotEqualTo(stages);
        DatasetSource patched = embedded.withFiles("patched", Map.of(OperationsDatasetExtension.STAGES, broken));
        assertThatThrownBy(() -> DatasetLoader.load(patched)).isInstanceOfSatisfying(DatasetException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("plant_stages.csv");
                    assertThat(p.field()).isEqualTo("kwh_share_pct");
                    assertThat(p.line()).isPositive();
                    assertThat(p.reason()).contains("add up to 105.0 %");
                }));
    }
}
