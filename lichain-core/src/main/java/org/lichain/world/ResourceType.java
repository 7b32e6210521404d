package org.lichain.world;

import java.util.Locale;

/** The geological source of lithium; the colour of a bar in a cost curve. */
public enum ResourceType {
    LEPIDOLITE, SPODUMENE, BRINE, CLAY, OTHER;

    /** Lower-case id used in files and JSON ({@code lepidolite}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an id; throws {@link IllegalArgumentException} listing the allowed values. */
    public static ResourceType parse(String id) {
        return Enums.parse(ResourceType.class, id);
    }
}
