package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.util.Locale;

/** A time-of-use price period. Where windows overlap, the higher {@link #priority()} wins (critical inside peak, deep inside valley). */
public enum Band {
    DEEP_VALLEY(3), VALLEY(1), FLAT(0), PEAK(2), CRITICAL_PEAK(4);

    private final int priority;

    Band(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    /** True for the bands counted in the valley kWh share (valley and deep valley). */
    public boolean valley() {
        return this == VALLEY || this == DEEP_VALLEY;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Band parse(String s) {
        for (Band b : values()) {
            if (b.id().equals(s)) {
                return b;
            }
        }
        throw new InvalidInputException("unknown band '" + s + "'; expected one of peak, critical_peak, flat, "
                + "valley, deep_valley");
    }
}
