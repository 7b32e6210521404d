package org.lichain.scenario;

import java.time.YearMonth;
import java.util.NoSuchElementException;

/**
 * The inputs drawn for one run: the recorded value of every uncertain parameter (for a series, its path
 * quantile) and the knot values of series multipliers. {@code modelSeed} seeds any randomness of the model.
 */
public final class Draw {
    private final ScenarioSpec spec;
    private final int run;
    private final long runSeed;
    private final long modelSeed;
    private final double[] values;
    private final double[][] knots;
    private final java.util.Map<String, Integer> index;

    Draw(ScenarioSpec spec, java.util.Map<String, Integer> index, int run, long runSeed, long modelSeed,
            double[] values, double[][] knots) {
        this.spec = spec;
        this.index = index;
        this.run = run;
        this.runSeed = runSeed;
        this.modelSeed = modelSeed;
        this.values = values;
        this.knots = knots;
    }

    public int run() {
        return run;
    }

    /** Seed of this run's stream (recorded as {@code seed} in runs.parquet). */
    public long runSeed() {
        return runSeed;
    }

    public long modelSeed() {
        return modelSeed;
    }

    public ScenarioSpec spec() {
        return spec;
    }

    /** Recorded values in parameter order (a copy). */
    public double[] values() {
        return values.clone();
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** The drawn value of a scalar parameter, or {@code dflt} if the scenario does not declare it. */
    public double valueOr(String name, double dflt) {
        Integer i = index.get(name);
        return i == null ? dflt : values[i];
    }

    public double value(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new NoSuchElementException("no uncertain parameter '" + name + "' in scenario " + spec.name());
        }
        return values[i];
    }

    /** A series multiplier at the middle of month {@code m}; {@code dflt} if the scenario does not declare it. */
    public double multiplierOr(String name, YearMonth m, double dflt) {
        Integer i = index.get(name);
        if (i == null) {
            return dflt;
        }
        if (!(spec.parameters().get(i).uncertainty() instanceof Series s)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a series");
        }
        return s.at(m.getYear() + (m.getMonthValue() - 0.5) / 12.0, knots[i]);
    }
}
