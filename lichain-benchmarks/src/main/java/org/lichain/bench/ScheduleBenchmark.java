package org.lichain.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lichain.dataset.DatasetLoader;
import org.lichain.operations.HourlyTariff;
import org.lichain.operations.PlantModel;
import org.lichain.operations.PlantModels;
import org.lichain.operations.Schedule;
import org.lichain.operations.Scheduler;
import org.lichain.operations.Stage;
import org.lichain.world.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hourly scheduling speed: a 744-hour month (July 2025) for the 6-stage Yichun lepidolite plant CN-JX-06 on the
 * Jiangxi draft tariff — with its 3 stages that may stop (on/off and restarts: LP relaxation, then relax and fix),
 * and the same plant with every stage continuous (one LP). Each call builds the model and solves it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScheduleBenchmark {
    PlantModel plant;
    PlantModel continuous;
    HourlyTariff tariff;

    @Setup
    public void setup() {
        World world = DatasetLoader.loadEmbedded();
        YearMonth july = YearMonth.of(2025, 7);
        plant = PlantModels.of(world, "CN-JX-06", july);
        tariff = PlantModels.tariffFor(world, world.asset("CN-JX-06"), july).hourly(july);
        List<Stage> stages = new ArrayList<>();
        for (Stage s : plant.stages()) {
            stages.add(s.withLimits(s.minStableTLcePerH(), s.rampTLcePerH(), false));
        }
        continuous = new PlantModel(plant.id(), plant.name(), plant.route(), plant.region(), stages, plant.buffers(),
                plant.target(), plant.maintenance(), plant.source());
    }

    /**
     * Thread CPU time per solve (JMH reports wall time, which on a shared 2-core machine includes waiting):
     * {@code java -cp ... org.lichain.bench.ScheduleBenchmark} prints the mean of 7 solves after 3 warm-ups.
     */
    public static void main(String[] args) {
        ScheduleBenchmark b = new ScheduleBenchmark();
        b.setup();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (PlantModel p : new PlantModel[] {b.plant, b.continuous}) {
            long sum = 0;
            for (int i = 0; i < 10; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                Scheduler.solve(p, b.tariff);
                if (i >= 3) {
                    sum += mx.getCurrentThreadCpuTime() - c0;
                }
            }
            System.out.printf("%s: %d ms CPU per solve (mean of 7)%n", p == b.plant ? "with on/off" : "continuous",
                    sum / 7 / 1_000_000);
        }
    }

    @Benchmark
    public Schedule month744h6StagesWithOnOff() {
        return Scheduler.solve(plant, tariff);
    }

    @Benchmark
    public Schedule month744h6StagesContinuous() {
        return Scheduler.solve(continuous, tariff);
    }
}
