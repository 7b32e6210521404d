package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import org.lichain.world.World;

/**
 * Makes the {@link EnsembleModel} named by a scenario's {@code model} key. Registered with
 * {@link java.util.ServiceLoader} in {@code META-INF/services/org.lichain.scenario.EnsembleModelProvider},
 * so that a model plugs in without the runner knowing it (and so Spark executors can rebuild it by name).
 */
public interface EnsembleModelProvider {
    /** The name used in scenario files ({@code model: market}). */
    String name();

    /** Builds the model for a scenario (may load the dataset; called once per JVM per ensemble). */
    EnsembleModel create(ScenarioSpec spec);

    /**
     * Builds the model on a given dataset ({@code dataId} names it in the resume manifest, e.g. a hash of its
     * files). By default a model does not read a dataset, and this fails.
     */
    default EnsembleModel create(ScenarioSpec spec, World world, String dataId) {
        throw new InvalidInputException("model '" + name() + "' does not read a dataset (no --data)");
    }
}
