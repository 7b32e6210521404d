package org.lichain.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.lichain.scenario.EnsembleModel;
import org.lichain.scenario.EnsembleModels;
import org.lichain.scenario.EnsembleRunner;
import org.lichain.scenario.RunBatch;
import org.lichain.scenario.Sampler;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ensemble speed on the embedded base ensemble 2020–2040 (model {@code market}):
 * {@code runsPerSecondPerCore} is one thread computing chunks of 25 runs (draw + full market run + columnar
 * batch), reported as runs/s. The 1 → 2 thread scaling is {@link EnsembleScalingBenchmark}.
 * Needs the market model on the classpath (org.lichain.market).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class EnsembleBenchmark {
    static final int CHUNK = EnsembleRunner.Options.DEFAULT_CHUNK_RUNS;

    ScenarioSpec spec;
    EnsembleModel model;
    Sampler sampler;
    int next;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        try (InputStream in = EnsembleBenchmark.class.getResourceAsStream("/org/lichain/scenario/base-ensemble.yaml")) {
            spec = ScenarioFile.parse("base-ensemble.yaml", "base", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        model = EnsembleModels.create(spec);
        sampler = new Sampler(spec);
    }

    /** One chunk of 25 runs on the calling thread : runs per second per core. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(CHUNK)
    public RunBatch runsPerSecondPerCore() {
        int c = next++;
        return RunBatch.compute(spec, model, sampler, 1, c, c * CHUNK, CHUNK);
    }
}
