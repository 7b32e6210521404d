package org.lichain.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lichain.scenario.EnsembleModel;
import org.lichain.scenario.EnsembleModels;
import org.lichain.scenario.EnsembleRunner;
import org.lichain.scenario.ScenarioFile;
import org.lichain.scenario.ScenarioSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1 → 2 thread scaling of the ensemble runner on the embedded base ensemble (model {@code market}): 100 runs
 * (4 chunks of 25) per operation on {@code threads} workers, in memory (no I/O), reported as runs/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class EnsembleScalingBenchmark {
    static final int RUNS = 100;

    @Param({"1", "2"})
    public int threads;

    ScenarioSpec spec;
    EnsembleModel model;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        try (InputStream in = EnsembleScalingBenchmark.class.getResourceAsStream("/org/lichain/scenario/base-ensemble.yaml")) {
            spec = ScenarioFile.parse("base-ensemble.yaml", "base", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        model = EnsembleModels.create(spec);
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public int runsOnThreads() {
        AtomicInteger runs = new AtomicInteger();
        EnsembleRunner.run(spec, model, new EnsembleRunner.Options(RUNS, threads, 1,
                EnsembleRunner.Options.DEFAULT_CHUNK_RUNS), new BitSet(), b -> { }, runs::addAndGet);
        return runs.get();
    }
}
