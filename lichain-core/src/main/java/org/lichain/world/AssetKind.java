package org.lichain.world;

import java.util.Locale;

/** What an asset sells, which decides whether it is mined supply and how it enters a cost curve. */
public enum AssetKind {
    /** Sells concentrate; put on a chemical basis for the curve by adding conversion in China. */
    MINE_CONCENTRATE,
    /** Mines its own ore and converts it to chemical. */
    INTEGRATED,
    /** Pumps brine and makes chemical. */
    BRINE,
    /** Buys concentrate and converts it; not mined supply. */
    CONVERTER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the asset's output is new lithium from the ground (counted in mined supply). */
    public boolean minedSupply() {
        return this != CONVERTER;
    }

    public static AssetKind parse(String id) {
        return Enums.parse(AssetKind.class, id);
    }
}
