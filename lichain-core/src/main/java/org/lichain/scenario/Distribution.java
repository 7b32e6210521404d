package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A scalar probability distribution of an uncertain input, sampled by inversion: {@link #quantile(double)}
 * maps a uniform quantile in (0, 1) to a value. Inversion (rather than a distribution's own sampler) is what
 * lets the Gaussian copula impose rank correlations and keeps every draw a pure function of the run's stream.
 */
public sealed interface Distribution extends Uncertainty
        permits Distribution.Fixed, Distribution.Uniform, Distribution.Triangular, Distribution.Normal,
        Distribution.LogNormal, Distribution.Discrete {

    /** The value at cumulative probability {@code u} in (0, 1); non-decreasing in {@code u}. */
    double quantile(double u);

    @Override
    default double recordedValue(double u) {
        return quantile(u);
    }

    /** The standard normal distribution (mean 0, sd 1) used for the copula and the normal family. */
    NormalDistribution STANDARD_NORMAL = new NormalDistribution(0.0, 1.0);

    /** A known value (no uncertainty); useful for knots of a series that are fixed. */
    record Fixed(double value) implements Distribution {
        @Override
        public double quantile(double u) {
            return value;
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            if (!(min <= max)) {
                throw new InvalidInputException("uniform: min " + min + " must be <= max " + max);
            }
        }

        @Override
        public double quantile(double u) {
            return min + u * (max - min);
        }
    }

    /** Triangular on [min, max] with its mode in between. */
    record Triangular(double min, double mode, double max) implements Distribution {
        public Triangular {
            if (!(min <= mode && mode <= max && min < max)) {
                throw new InvalidInputException("triangular: need min <= mode <= max and min < max, got "
                        + min + ", " + mode + ", " + max);
            }
        }

        @Override
        public double quantile(double u) {
            double range = max - min;
            double fc = (mode - min) / range;
            if (u < fc) {
                return min + Math.sqrt(u * range * (mode - min));
            }
            return max - Math.sqrt((1.0 - u) * range * (max - mode));
        }
    }

    /**
     * Normal with mean and sd, optionally truncated to [min, max] (the quantile is taken within the truncated
     * probability mass, not clamped, so the shape inside the bounds is kept).
     */
    record Normal(double mean, double sd, double min, double max) implements Distribution {
        public Normal {
            if (!(sd > 0)) {
                throw new InvalidInputException("normal: sd must be > 0, got " + sd);
            }
            if (!(min < max)) {
                throw new InvalidInputException("normal: min " + min + " must be < max " + max);
            }
        }

        /** An untruncated normal. */
        public Normal(double mean, double sd) {
            this(mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        @Override
        public double quantile(double u) {
            double lo = Double.isInfinite(min) ? 0.0 : STANDARD_NORMAL.cumulativeProbability((min - mean) / sd);
            double hi = Double.isInfinite(max) ? 1.0 : STANDARD_NORMAL.cumulativeProbability((max - mean) / sd);
            double p = lo + u * (hi - lo);
            double x = mean + sd * STANDARD_NORMAL.inverseCumulativeProbability(p);
            return Math.min(max, Math.max(min, x));
        }
    }

    /** Log-normal given by its median and the standard deviation {@code sigma} of the natural log. */
    record LogNormal(double median, double sigma) implements Distribution {
        public LogNormal {
            if (!(median > 0) || !(sigma > 0)) {
                throw new InvalidInputException("lognormal: median and sigma must be > 0, got "
                        + median + ", " + sigma);
            }
        }

        @Override
        public double quantile(double u) {
            return median * Math.exp(sigma * STANDARD_NORMAL.inverseCumulativeProbability(u));
        }
    }

    /** A finite set of values with weights (normalised to sum 1); values in the order given. */
    record Discrete(double[] values, double[] weights) implements Distribution {
        public Discrete {
            if (values.length == 0 || values.length != weights.length) {
                throw new InvalidInputException("discrete: need as many weights as values (at least one)");
            }
            for (double w : weights) {
                if (!(w >= 0)) {
                    throw new InvalidInputException("discrete: weights must be >= 0, got " + w);
                }
            }
            if (!(Arrays.stream(weights).sum() > 0)) {
                throw new InvalidInputException("discrete: weights must not all be 0");
            }
            values = values.clone();
            weights = weights.clone();
        }

        @Override
        public double quantile(double u) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double target = u * total;
            double cum = 0;
            for (int i = 0; i < values.length; i++) {
                cum += weights[i];
                if (target < cum) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Discrete d && Arrays.equals(values, d.values) && Arrays.equals(weights, d.weights);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "Discrete" + Arrays.toString(values) + Arrays.toString(weights);
        }
    }
}
