package org.lichain.dataset;

import java.util.List;
import org.lichain.world.World;

/**
 * A capability's own part of the dataset (river network, companies, demand drivers, plant models, ...),
 * found with {@link java.util.ServiceLoader}. It reads its files from the same source as the core, reports
 * problems to the shared collector, and its result is stored in the World under {@link #type()}.
 */
public interface DatasetExtension<T> {
    /** The type under which the loaded value is stored ({@code world.extension(type)}). */
    Class<T> type();

    /** The files this extension reads (exported by {@code lichain dataset export}). */
    List<String> files();

    /** Loads and validates; may return a partial value when problems were recorded. */
    T load(DatasetSource source, World core, Problems problems);
}
