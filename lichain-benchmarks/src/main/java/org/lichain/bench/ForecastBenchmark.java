package org.lichain.bench;

import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import org.lichain.dataset.DatasetLoader;
import org.lichain.market.RollingForecast;
import org.lichain.world.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rolling-origin record as {@code lichain backtest --rolling} computes it (defaults: origins 2019-01..2025-06, 20
 * members, horizons 1..24 months; the yearly fits, the vintage and unit costs of every origin, the spin-up runs, the
 * bands and the scores), on 1 or 2 threads. One call is seconds of work: single-shot time per call.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ForecastBenchmark {
    World world;

    @Param({"2"})
    int threads;

    @Setup
    public void setup() {
        world = DatasetLoader.loadEmbedded();
    }

    @Benchmark
    public RollingForecast.Record rollingRecord() {
        return RollingForecast.record(world, YearMonth.of(2019, 1), YearMonth.of(2025, 6),
                RollingForecast.DEFAULT_HORIZONS, 20, 1, threads);
    }
}
