package org.lichain.company;

import java.util.Locale;

/** A stage of the lithium-to-cell chain in which a group earns or loses money. */
public enum Segment {
    /** Mine and concentrator (and brine operations, which have no intermediate market), t LCE. */
    MINING("t_lce"),
    /** Concentrate to carbonate or hydroxide, t LCE of chemical. */
    CONVERSION("t_lce"),
    /** Cathode active material (LFP), t of cathode. */
    CATHODE("t"),
    /** Battery cells, GWh. */
    CELLS("gwh");

    private final String volumeUnit;

    Segment(String volumeUnit) {
        this.volumeUnit = volumeUnit;
    }

    /** Unit of this segment's volume ({@code t_lce}, {@code t}, {@code gwh}). */
    public String volumeUnit() {
        return volumeUnit;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Segment parse(String id) {
        return org.lichain.world.Enums.parse(Segment.class, id);
    }
}
