package org.lichain.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lichain.dataset.DatasetLoader;
import org.lichain.market.FlowNetwork;
import org.lichain.market.FlowSolution;
import org.lichain.market.GlopFlowSolver;
import org.lichain.market.MarketInputs;
import org.lichain.market.Scenario;
import org.lichain.market.Simulation;
import org.lichain.market.SimulationResult;
import org.lichain.market.SuccessiveShortestPathSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Market speed on the embedded dataset: {@code baseRun2020to2040} is one full base run (252 months, prepared inputs:
 * unit costs per asset and year are computed once per World and cached); {@code tradeOurs} and {@code tradeGlop}
 * solve the same monthly trade problem (2025-06 of the base run) with our successive-shortest-path solver and with
 * OR-Tools GLOP (model build + solve), and both return the same optimal cost (checked in setup).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MarketBenchmark {
    MarketInputs inputs;
    FlowNetwork monthly;
    final SuccessiveShortestPathSolver ours = new SuccessiveShortestPathSolver();
    final GlopFlowSolver glop = new GlopFlowSolver();

    @Setup(Level.Trial)
    public void setup() {
        inputs = MarketInputs.fromWorld(DatasetLoader.loadEmbedded(), Scenario.base());
        List<FlowNetwork> problems = Simulation.monthlyTradeProblems(inputs);
        monthly = problems.get(12 * 5 + 5); // 2025-06
        double a = ours.solve(monthly).costUsd();
        double b = glop.solve(monthly).costUsd();
        if (Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b))) {
            throw new IllegalStateException("solvers disagree: " + a + " vs " + b);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SimulationResult baseRun2020to2040() {
        return Simulation.run(inputs, 1, new SuccessiveShortestPathSolver());
    }

    @Benchmark
    public FlowSolution tradeOurs() {
        return ours.solve(monthly);
    }

    @Benchmark
    public FlowSolution tradeGlop() {
        return glop.solve(monthly);
    }
}
