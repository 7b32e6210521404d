package org.lichain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    /** Valley 0.3 (hours 0-7), flat 0.6 (8-15), peak 1.0 (16-23) CNY/kWh. */
    static HourlyTariff threeBands() {
        double[] p = new double[24];
        for (int t = 0; t < 24; t++) {
            p[t] = t < 8 ? 0.3 : t < 16 ? 0.6 : 1.0;
        }
        return HourlyTariff.of(p, 0.5);
    }

    /** Grinding (100 kWh/t, up to 2 t/h, may stop) feeding a kiln fixed at 1 t/h through a 12 t buffer that starts at 6 t. */
    static PlantModel grindingAndKiln() {
        Stage grinding = Stage.of("grinding", 100, 2.0);
        Stage kiln = Stage.of("kiln", 50, 1.0).withLimits(1.0, 1.0, false);
        return PlantModel.of("T1", List.of(grinding, kiln), List.of(Buffer.of("concentrate", 12, 6)),
                OutputTarget.perDay(24));
    }

    @Test
    void twoStages_grindingFillsTheBufferInTheValley_handOptimum() {
        Schedule s = Scheduler.solve(grindingAndKiln(), threeBands());
        // The kiln must run at 1 t/h all day: 50 kWh/t x (8 x 0.3 + 8 x 0.6 + 8 x 1.0) = 760 CNY.
        // Grinding must deliver 24 t with the buffer in [0, 12] and back to >= 6 t at the end.
        // Valley: 2 t/h raises the level by 1 t/h from 6 to 12 after 6 h, then 1 t/h: 6x2 + 2x1 = 14 t at 0.3.
        // Peak: the kiln eats 8 t; the level may start peak at most 12 and must end >= 6, so >= 2 t of grinding in peak.
        // Flat: the rest, 24 - 14 - 2 = 8 t at 0.6. Grinding = 100 x (14 x 0.3 + 8 x 0.6 + 2 x 1.0) = 1100 CNY.
        assertThat(s.costCny()).isCloseTo(1860.0, within(1e-3));
        // Flat schedule: both at 1 t/h: (100 + 50) x 15.2 = 2280 CNY; saving 420 / 2280 = 18.42 %.
        assertThat(s.flatCostCny()).isCloseTo(2280.0, within(1e-6));
        assertThat(s.savingPct()).isCloseTo(100.0 * 420 / 2280, within(1e-4));
        // Valley kWh: grinding 1400 + kiln 400 of 2400 + 1200 → 0.5; flat: 8 of 24 hours → 1/3.
        assertThat(s.valleyKwhShare()).isCloseTo(0.5, within(1e-6));
        assertThat(s.flatValleyKwhShare()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.bufferLevelTLce()[0][7]).isCloseTo(12.0, within(1e-6));
        assertThat(s.bufferLevelTLce()[0][23]).isGreaterThanOrEqualTo(6.0 - 1e-6);
        assertThat(ScheduleCheck.violations(s.plant(), s.tariff(), s.rateTLcePerH(), new double[] {1, 1})).isEmpty();
    }

    @Test
    void twoStages_rampLimitedKilnAtMinimumLoadInExpensiveHours_handOptimum() {
        double[] p = new double[24];
        for (int t = 0; t < 24; t++) {
            p[t] = t < 12 ? 0.2 : 1.0;
        }
        Stage feed = Stage.of("feed", 0, 5.0);
        // kiln: 100 kWh/t, max 2, min 0.5, ramp 0.25 t/h per hour, may not stop; flat rate 24/24 = 1 t/h
        Stage kiln = Stage.of("kiln", 100, 2.0).withLimits(0.5, 0.25, false);
        PlantModel plant = PlantModel.of("T2", List.of(feed, kiln), List.of(Buffer.of("b", 100, 50)),
                OutputTarget.perDay(24));
        Schedule s = Scheduler.solve(plant, HourlyTariff.of(p, 0.5));
        // Expensive hours can go no lower than the minimum load: 12 x 0.5 = 6 t, reachable if the kiln is at
        // <= 0.75 t/h in hour 11. The cheap hours then make 18 t, which the ramp allows: starting from 1 t/h
        // the most is 1.25, 1.5, 1.75, 2, 2, 2, 2, 1.75, 1.5, 1.25, 1.0, 0.75 = 18.75 t >= 18.
        // Cost = 100 x (18 x 0.2 + 6 x 1.0) = 960 CNY; flat = 100 x (12 x 0.2 + 12 x 1.0) = 1440 CNY.
        assertThat(s.costCny()).isCloseTo(960.0, within(1e-3));
        assertThat(s.flatCostCny()).isCloseTo(1440.0, within(1e-6));
        for (int t = 12; t < 24; t++) {
            assertThat(s.rateTLcePerH()[1][t]).isCloseTo(0.5, within(1e-6));
        }
        assertThat(s.valleyKwhShare()).isCloseTo(18.0 / 24, within(1e-6));
    }

    @Test
    void targetAboveCapacity_namesTheOutputTarget() {
        PlantModel plant = grindingAndKiln().withTarget(OutputTarget.perDay(30));
        assertThatThrownBy(() -> Scheduler.solve(plant, threeBands()))
                .isInstanceOfSatisfying(InfeasibleScheduleException.class,
                        e -> assertThat(e.constraint()).isEqualTo("output target"))
                .hasMessageContaining("output target cannot be met")
                .hasMessageContaining("short by 6.000 t LCE");
    }

    @Test
    void grindingMaintenanceLongerThanTheBuffer_namesTheKilnLoadFirst() {
        // Grinding down for 10 h from midnight: the kiln eats 10 t but the buffer holds only 6 t at the start.
        PlantModel plant = grindingAndKiln().withMaintenance(
                new MaintenanceWindow("grinding", LocalDateTime.of(2025, 1, 1, 0, 0), 10, "test"));
        assertThatThrownBy(() -> Scheduler.solve(plant, threeBands()))
                .isInstanceOfSatisfying(InfeasibleScheduleException.class,
                        e -> assertThat(e.constraint()).isEqualTo("minimum stable load of stage kiln"))
                // the buffer lasts 6 h, so the kiln cannot keep its 1 t/h load in hours 6..9
                .hasMessageContaining("hour 6")
                .hasMessageContaining("output target");
    }

    @Test
    void restartCostKeepsAStageRunningWhenStoppingSavesLess() {
        // One stage making 12 t/day, 100 kWh/t, max 1 t/h, may stop, restart 10,000 CNY; price 0.3 in hours
        // 0-11 and 0.31 in 12-23. Running only the cheap half saves 12 x 100 x 0.01 = 12 CNY per day but needs
        // no restart within the day since the stage may simply stop at hour 12: cost = 12 x 100 x 0.3 = 360.
        double[] p = new double[24];
        for (int t = 0; t < 24; t++) {
            p[t] = t < 12 ? 0.3 : 0.31;
        }
        Stage one = Stage.of("one", 100, 1.0).withRestartCost(10_000);
        PlantModel plant = PlantModel.of("T3", List.of(one), List.of(), OutputTarget.perDay(12));
        Schedule s = Scheduler.solve(plant, HourlyTariff.of(p, 0.305));
        assertThat(s.costCny()).isCloseTo(360.0, within(1e-3));
        assertThat(s.restarts()[0]).isZero();
        // Two days: a second day would need a restart (10,000 CNY) to use its cheap half again, so the
        // optimum runs continuously instead at the flat-schedule cost split... cheapest is to stay on.
        HourlyTariff two = HourlyTariff.of(concat(p, p), 0.305);
        Schedule s2 = Scheduler.solve(plant, two);
        assertThat(s2.restarts()[0]).isZero();
        assertThat(s2.costCny()).isLessThanOrEqualTo(s2.flatCostCny() + 1e-6);
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
