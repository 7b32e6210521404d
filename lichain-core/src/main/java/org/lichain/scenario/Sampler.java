package org.lichain.scenario;

import java.util.SplittableRandom;

/**
 * Draws the uncertain inputs of run i from a random stream that depends on (seed, i) alone, so that any
 * run can be computed anywhere (any thread, any order, a Spark executor) with bit-identical results.
 */
public final class Sampler {
    private final ScenarioSpec spec;
    private final GaussianCopula copula;
    private final java.util.Map<String, Integer> index;

    public Sampler(ScenarioSpec spec) {
        this.spec = spec;
        this.copula = spec.correlations().isEmpty() ? null : GaussianCopula.of(spec.parameters(), spec.correlations());
        this.index = java.util.Map.copyOf(spec.parameterIndex());
    }

    /**
     * The seed of run {@code run}'s stream: a SplitMix64-style mix of the ensemble seed and the run index
     * (two finaliser rounds, so neighbouring runs and neighbouring seeds give unrelated streams).
     */
    public static long runSeed(long seed, long run) {
        return mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (run + 1));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Draws run {@code run} of the ensemble with seed {@code seed}. */
    public Draw draw(long seed, int run) {
        long rs = runSeed(seed, run);
        SplittableRandom rng = new SplittableRandom(rs);
        int n = spec.parameters().size();
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            // open interval (0, 1): 53 random bits plus a half step, so quantile functions never see 0 or 1
            u[i] = ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        }
        if (copula != null) {
            copula.correlate(u);
        }
        double[] recorded = new double[n];
        double[][] knots = new double[n][];
        for (int i = 0; i < n; i++) {
            Uncertainty unc = spec.parameters().get(i).uncertainty();
            recorded[i] = unc.recordedValue(u[i]);
            if (unc instanceof Series s) {
                knots[i] = s.knotValues(u[i]);
            }
        }
        // the model gets its own stream for any randomness of its own (project lead times, attrition, noise), from the
        // run seed alone: adding or removing an uncertain input does not change the model's own draws
        return new Draw(spec, index, run, rs, new SplittableRandom(rs ^ 0x6A09E667F3BCC909L).nextLong(), recorded,
                knots);
    }
}
