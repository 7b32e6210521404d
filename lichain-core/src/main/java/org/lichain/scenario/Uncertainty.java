package org.lichain.scenario;

/**
 * An uncertain input of an ensemble: a scalar {@link Distribution} or a {@link Series} multiplier path.
 * Both are driven by one uniform quantile per run, so that a Gaussian copula can rank-correlate them.
 */
public sealed interface Uncertainty permits Distribution, Series {
    /** The value recorded for this input in {@code runs.parquet} at quantile {@code u} in (0, 1). */
    double recordedValue(double u);
}
