package org.lichain.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.cost.CostCurves;
import org.lichain.cost.CurveKernel;
import org.lichain.dataset.DatasetLoader;
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
 * Cost-curve speed: the whole annual curve of the embedded dataset (balances, 12 monthly costs per asset,
 * sorting, groups), and the curve kernel (order, cumulative capacity and production, share at loss,
 * weighted median) for 100,000 synthetic assets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CostCurveBenchmark {
    World world;
    double[] cost;
    double[] capacity;
    double[] production;

    @Setup
    public void setup() {
        world = DatasetLoader.loadEmbedded();
        SplittableRandom r = new SplittableRandom(42);
        int n = 100_000;
        cost = new double[n];
        capacity = new double[n];
        production = new double[n];
        for (int i = 0; i < n; i++) {
            cost[i] = 3000 + r.nextDouble() * 15000;
            capacity[i] = 1000 + r.nextDouble() * 50000;
            production[i] = capacity[i] * (0.5 + 0.5 * r.nextDouble());
        }
    }

    @Benchmark
    public CostCurve embeddedAnnualCurve2025() {
        return CostCurves.annual(world, 2025, new CostCurves.Price(9000, "bench"), CostBreakdown.Basis.C1);
    }

    @Benchmark
    public double syntheticCurveKernel100k() {
        int[] order = CurveKernel.order(cost);
        double[] cumCap = CurveKernel.cumulative(order, capacity);
        double[] cumProd = CurveKernel.cumulative(order, production);
        double share = CurveKernel.shareAbove(cost, production, 9000);
        double median = CurveKernel.weightedMedian(order, cost, production);
        return cumCap[cumCap.length - 1] + cumProd[cumProd.length - 1] + share + median;
    }
}
