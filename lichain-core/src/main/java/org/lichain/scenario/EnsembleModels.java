package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.lichain.world.World;

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
        return create(spec, null, null);
    }

    /**
     * Builds the scenario's model on a dataset ({@code world == null}: the model's default data); {@code dataId}
     * names the dataset in the resume manifest.
     */
    public static EnsembleModel create(ScenarioSpec spec, World world, String dataId) {
        for (EnsembleModelProvider p : ServiceLoader.load(EnsembleModelProvider.class)) {
            if (p.name().equals(spec.model())) {
                return world == null ? p.create(spec) : p.create(spec, world, dataId);
            }
        }
        throw new InvalidInputException("scenario " + spec.sourceFile() + ": model '" + spec.model()
                + "' is not available (available: " + (available().isEmpty() ? "none" : String.join(", ", available()))
                + ")");
    }
}
