package org.lichain.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties over random plants whose flat schedule is feasible: the optimum is feasible and never dearer. */
class SchedulePropertiesTest {

    /** A random plant of 1-4 stages whose flat rate r lies within every stage's limits. */
    static PlantModel randomPlant(Random rnd, int stages) {
        double r = 0.5 + rnd.nextDouble() * 2; // t LCE/h
        List<Stage> list = new ArrayList<>();
        List<Buffer> buffers = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            double max = r * (1.0 + rnd.nextDouble() * 1.5);
            double min = rnd.nextBoolean() ? 0 : r * rnd.nextDouble();
            double ramp = max * (0.05 + rnd.nextDouble());
            boolean mayStop = rnd.nextBoolean();
            double restart = rnd.nextBoolean() ? 0 : rnd.nextDouble() * 300;
            list.add(new Stage("s" + s, "s" + s, 10 + rnd.nextDouble() * 200, 1.0, max, min, ramp, mayStop, restart));
            if (s > 0) {
                double cap = rnd.nextDouble() * 20 * r;
                buffers.add(Buffer.of("b" + s, cap, cap * rnd.nextDouble()));
            }
        }
        OutputTarget target = rnd.nextBoolean() ? OutputTarget.perDay(24 * r) : OutputTarget.perWeek(168 * r);
        return PlantModel.of("R", list, buffers, target);
    }

    static HourlyTariff randomTariff(Random rnd, int hours) {
        double[] p = new double[hours];
        for (int t = 0; t < hours; t++) {
            int band = rnd.nextInt(4);
            p[t] = 0.63 * (band == 0 ? 0.3 : band == 1 ? 0.4 : band == 2 ? 1.0 : 1.6);
        }
        return HourlyTariff.of(p, 0.5);
    }

    @Property(tries = 10)
    void optimalScheduleMeetsEveryConstraintAndNeverCostsMoreThanFlat(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                       @ForAll @IntRange(min = 1, max = 4) int stages,
                                                                       @ForAll @IntRange(min = 1, max = 2) int days) {
        Random rnd = new Random(seed);
        PlantModel plant = randomPlant(rnd, stages);
        HourlyTariff tariff = randomTariff(rnd, 24 * days);
        Schedule s = Scheduler.solve(plant, tariff);
        double[] init = new double[stages];
        for (int i = 0; i < stages; i++) {
            init[i] = s.flatRateTLcePerH()[i][0];
        }
        assertThat(s.flatFeasible()).isTrue();
        // targets met, buffers within bounds and back to their start, ramps and loads respected
        assertThat(ScheduleCheck.violations(plant, tariff, s.rateTLcePerH(), init)).isEmpty();
        assertThat(s.costCny()).isLessThanOrEqualTo(s.flatCostCny() * (1 + 1e-9) + 1e-6);
        double lo = plant.target().tLcePerPeriod() * 24 * days / plant.target().periodHours();
        assertThat(s.outputTLce()).isGreaterThanOrEqualTo(lo * (1 - 1e-6));
    }

    /** Cross-check: the LP relaxation / relax-and-fix answer is as cheap as the full MIP (SCIP) within the gap. */
    @Property(tries = 8)
    void lpStepsMatchTheFullMip(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                @ForAll @IntRange(min = 2, max = 4) int stages) {
        Random rnd = new Random(seed);
        PlantModel plant = randomPlant(rnd, stages);
        HourlyTariff tariff = randomTariff(rnd, 24);
        Schedule fast = Scheduler.solve(plant, tariff);
        Schedule mip = Scheduler.solve(plant, tariff, Scheduler.Options.DEFAULT.fullMip());
        double gap = Scheduler.Options.DEFAULT.relativeMipGap();
        if (fast.optimal()) {
            assertThat(fast.costCny()).isLessThanOrEqualTo(mip.costCny() * (1 + 2 * gap) + 1e-6);
        }
        assertThat(mip.costCny()).isLessThanOrEqualTo(fast.costCny() * (1 + 2 * gap) + 1e-6);
    }
}
