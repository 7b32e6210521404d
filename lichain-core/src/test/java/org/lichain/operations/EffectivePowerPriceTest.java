package org.lichain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

class EffectivePowerPriceTest {
    static final World WORLD = DatasetLoader.loadEmbedded();
    static final YearMonth JULY = YearMonth.of(2025, 7);

    @Test
    void australianConcentrateIsPricedAsASichuanConverter() {
        // AU-WA-01 sells spodumene concentrate, converted in CN-SC by default (ProcessModel.DEFAULT_CONVERSION_REGION)
        EffectivePowerPrice.Result r = EffectivePowerPrice.of(WORLD, "AU-WA-01", JULY);
        assertThat(r.tariffId()).isEqualTo("CN-SC-2023");
        // Sichuan July, flat load: valley 23-07 (8 h x 0.5 = 4), peak 10-12 and 17-21 (6 h x 1.5 = 9), critical
        // 15-17 (2 h x 1.8 = 3.6), flat 07-10, 12-15, 21-23 (8 h) = 24.6 / 24 = 1.025 x 0.63
        assertThat(r.flatCnyPerKwh()).isCloseTo(0.63 * 24.6 / 24, within(1e-9));
        assertThat(r.scheduledCnyPerKwh()).isLessThan(r.flatCnyPerKwh());
        assertThat(r.cnyPerKwh(EffectivePowerPrice.Mode.FLAT)).isEqualTo(r.flatCnyPerKwh());
    }

    @Test
    void regionWithoutTouHasRatioOne_andPlantsWithoutCapacityStillGetAPrice() {
        EffectivePowerPrice.Result chile = EffectivePowerPrice.of(WORLD, "CL-01", JULY);
        assertThat(chile.ratioToFlat()).isEqualTo(1.0);
        assertThat(chile.tariffId()).isEqualTo("FLAT-CL");
        // CN-JX-03 has no capacity rows in the dataset: priced at 1,000 t LCE/yr on the Jiangxi tariff
        EffectivePowerPrice.Result noCap = EffectivePowerPrice.of(WORLD, "CN-JX-03", JULY);
        assertThat(noCap.ratioToFlat()).isLessThan(1.0);
        assertThat(EffectivePowerPrice.cnyPerKwh(WORLD, "CN-JX-03", JULY, EffectivePowerPrice.Mode.SCHEDULED))
                .isEqualTo(noCap.scheduledCnyPerKwh());
    }

    @Test
    void manyPlantsOnTwoThreads_equalOneThreadAndOneAtATime() {
        // the cache is per World and the embedded World is shared: it is dropped before each of the three paths, so
        // each really solves
        List<String> ids = List.of("CN-JX-06", "CL-01", "CN-JX-02", "CN-JX-01");
        AtomicInteger ticks = new AtomicInteger();
        EffectivePowerPrice.forget(WORLD);
        Map<String, EffectivePowerPrice.Result> one = EffectivePowerPrice.ofAll(WORLD, ids,
                List.of(JULY), 1, ticks::incrementAndGet);
        EffectivePowerPrice.forget(WORLD);
        Map<String, EffectivePowerPrice.Result> two = EffectivePowerPrice.ofAll(WORLD, ids,
                List.of(JULY), 2, null);
        // in the order asked for, whatever order the threads finished in
        assertThat(List.copyOf(two.keySet())).containsExactly("CN-JX-06|2025-07", "CL-01|2025-07",
                "CN-JX-02|2025-07", "CN-JX-01|2025-07");
        // record equality compares the doubles bit for bit
        assertThat(two).isEqualTo(one);
        assertThat(ticks.get()).isEqualTo(4);
        EffectivePowerPrice.forget(WORLD);
        for (String id : ids) {
            assertThat(EffectivePowerPrice.of(WORLD, id, JULY)).isEqualTo(one.get(id + "|" + JULY));
        }
        // the Jiangxi plants save against flat; Chile has no TOU tariff
        assertThat(one.get("CN-JX-06|2025-07").ratioToFlat()).isLessThan(1.0);
        assertThat(one.get("CL-01|2025-07").ratioToFlat()).isEqualTo(1.0);
    }

    @Test
    void plantsThatDifferOnlyInIdAreOneProblem() {
        // ZW-01 and ZW-03 sell concentrate of the same capacity and process balance in July 2025, both priced as
        // a route-default converter in CN-SC: one schedule serves both. ZW-02 is larger: another problem.
        assertThat(EffectivePowerPrice.sameProblem(WORLD, "ZW-01", "ZW-03", JULY)).isTrue();
        assertThat(EffectivePowerPrice.sameProblem(WORLD, "ZW-01", "ZW-02", JULY)).isFalse();
        assertThat(EffectivePowerPrice.sameProblem(WORLD, "CN-JX-01", "CN-JX-06", JULY)).isFalse();
    }
}
