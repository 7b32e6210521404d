package org.lichain.world;

import java.time.YearMonth;

/**
 * One change in an asset's capacity. Permanent when {@code to} is null (the nameplate changes from
 * {@code from}, reached linearly over {@code rampMonths}); temporary otherwise (capacity capped from
 * {@code from} to {@code to} inclusive, e.g. a suspension at 0).
 *
 * @param cause why the capacity changed: exogenous ({@link Cause#exogenous()}) or {@link Cause#MARKET} (a closure or
 *              restart caused by price, which the market simulation must produce itself)
 * @param knownFrom the month from which the event was known (data vintage: a forecast made at an origin sees only
 *                  events known by then); null in the constructor means the default {@link #defaultKnownFrom}
 */
public record CapacityEvent(YearMonth from, YearMonth to, double capacityTLcePerYear, int rampMonths,
                            Kind kind, Cause cause, String source, YearMonth knownFrom) {

    /**
     * The month the embedded dataset's sources were read: no event can be known after it, and an event dated after it
     * (an announced project) is known from it at the latest.
     */
    public static final YearMonth DATASET_VINTAGE = YearMonth.of(2025, 12);

    public CapacityEvent {
        if (knownFrom == null) {
            knownFrom = defaultKnownFrom(from);
        }
    }

    /** An event known from its default month ({@link #defaultKnownFrom}). */
    public CapacityEvent(YearMonth from, YearMonth to, double capacityTLcePerYear, int rampMonths,
                         Kind kind, Cause cause, String source) {
        this(from, to, capacityTLcePerYear, rampMonths, kind, cause, source, null);
    }

    /**
     * When an event without a stated {@code known_from} became known: its start month when historical (on or before
     * {@link #DATASET_VINTAGE}), else {@link #DATASET_VINTAGE} (the date the source of an announced future event was
     * read; the dataset does not carry each source's own date: named simplification).
     */
    public static YearMonth defaultKnownFrom(YearMonth from) {
        return from == null || from.isAfter(DATASET_VINTAGE) ? DATASET_VINTAGE : from;
    }

    /** True when the event was known at {@code origin}. */
    public boolean knownBy(YearMonth origin) {
        return !knownFrom.isAfter(origin);
    }

    /** Kinds of capacity change, as in {@code capacity_events.csv}. */
    public enum Kind {
        START, EXPANSION, CURTAILMENT, SUSPENSION, RESTART, CLOSURE;

        public static Kind parse(String id) {
            return Enums.parse(Kind.class, id);
        }
    }

    /** Why a capacity changed, as in the {@code cause} column of {@code capacity_events.csv}. */
    public enum Cause {
        /** A plant built or expanded. */
        CONSTRUCTION,
        /** A ramp-up schedule. */
        RAMP,
        /** A licence lapsed or was granted. */
        PERMIT,
        /** An accident or outage. */
        ACCIDENT,
        /** A government order or inspection. */
        POLICY,
        /** An aggregate row that follows the residual of reference totals (dataset structure). */
        RECONCILIATION,
        /** A closure or restart caused by price (care and maintenance): an outcome of the market, not an input. */
        MARKET;

        public static Cause parse(String id) {
            return Enums.parse(Cause.class, id);
        }

        public boolean exogenous() {
            return this != MARKET;
        }
    }

    /**
     * An event whose cause is not given (programmatic use): construction for starts and expansions, policy otherwise.
     */
    public CapacityEvent(YearMonth from, YearMonth to, double capacityTLcePerYear, int rampMonths, Kind kind,
                         String source) {
        this(from, to, capacityTLcePerYear, rampMonths, kind,
                kind == Kind.START || kind == Kind.EXPANSION ? Cause.CONSTRUCTION : Cause.POLICY, source);
    }

    public boolean temporary() {
        return to != null;
    }
}
