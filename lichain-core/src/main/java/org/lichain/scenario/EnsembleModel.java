package org.lichain.scenario;

import java.util.List;

/**
 * A model an ensemble runs: drawn inputs in, monthly key metrics out. Implementations must be pure
 * functions of the {@link Draw} (including {@link Draw#modelSeed()}) and safe to call from several threads
 * at once; that is what makes an ensemble bit-identical for any thread count and on Spark.
 */
public interface EnsembleModel {
    /** The metrics this model reports, in the order of the rows of {@code out} in {@link #run}. */
    List<Metric> metrics();

    /**
     * Runs one draw over the scenario's months and writes {@code out[metric][month]} (month 0 is the
     * scenario's {@code from}). Every cell must be written.
     */
    void run(Draw draw, double[][] out);

    /**
     * Which data the model was built on, for the resume manifest: a resumed ensemble must use the same data.
     * {@code "embedded"} unless the model was built on another dataset.
     */
    default String dataId() {
        return "embedded";
    }
}
