package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import java.util.Locale;

/** What a monitoring station samples: a drinking-water intake section, a county boundary section or a groundwater well. */
public enum StationKind {
    INTAKE, BOUNDARY, WELL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for river sections (the transport model applies); wells sample groundwater. */
    public boolean surface() {
        return this != WELL;
    }

    public static StationKind parse(String id) {
        for (StationKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new InvalidInputException("unknown station kind '" + id + "' (allowed: intake, boundary, well)");
    }
}
