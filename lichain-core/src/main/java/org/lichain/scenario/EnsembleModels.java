package org.lichain.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Looks up ensemble models by name among the registered {@link EnsembleModelProvider}s. */
public final class EnsembleModels {
    private EnsembleModels() {
    }

    /** Names of the models available on this classpath, sorted. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        for (EnsembleModelProvider p : ServiceLoader.load(EnsembleModelProvider.class)) {
            names.add(p.name());
        }
        names.sort(null);
        return names;
    }

    /** Builds the scenario's model; {@link IllegalArgumentException} naming the available ones if unknown. */
    public static EnsembleModel create(ScenarioSpec spec) {
        for (EnsembleModelProvider p : ServiceLoader.load(EnsembleModelProvider.class)) {
            if (p.name().equals(spec.model())) {
                return p.create(spec);
            }
        }
        throw new IllegalArgumentException("scenario " + spec.sourceFile() + ": model '" + spec.model()
                + "' is not available (available: " + (available().isEmpty() ? "none" : String.join(", ", available()))
                + ")");
    }
}
