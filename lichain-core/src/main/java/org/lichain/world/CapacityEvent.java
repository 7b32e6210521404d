package org.lichain.world;

import java.time.YearMonth;

/**
 * One change in an asset's capacity. Permanent when {@code to} is null (the nameplate changes from
 * {@code from}, reached linearly over {@code rampMonths}); temporary otherwise (capacity capped from
 * {@code from} to {@code to} inclusive, e.g. a suspension at 0).
 */
public record CapacityEvent(YearMonth from, YearMonth to, double capacityTLcePerYear, int rampMonths,
                            Kind kind, String source) {

    /** Kinds of capacity change, as in {@code capacity_events.csv}. */
    public enum Kind {
        START, EXPANSION, CURTAILMENT, SUSPENSION, RESTART, CLOSURE;

        public static Kind parse(String id) {
            return Enums.parse(Kind.class, id);
        }
    }

    public boolean temporary() {
        return to != null;
    }
}
