package org.lichain.world;

import java.util.Locale;

/** An asset's status in 2025, as reported. */
public enum AssetStatus {
    OPERATING, CURTAILED, CARE_AND_MAINTENANCE, DEVELOPMENT, CLOSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssetStatus parse(String id) {
        return Enums.parse(AssetStatus.class, id);
    }
}
