package org.lichain.scenario;

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
}
