package org.lichain.world;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Monthly exchange rates; a month outside the table uses the nearest month that has one. */
public final class Fx {
    /** One month's rates. */
    public record Rates(double cnyPerUsd, double audPerUsd, String source) {
    }

    private final NavigableMap<YearMonth, Rates> byMonth;

    public Fx(Map<YearMonth, Rates> byMonth) {
        if (byMonth.isEmpty()) {
            throw new IllegalArgumentException("fx table is empty");
        }
        this.byMonth = new TreeMap<>(byMonth);
    }

    public Rates at(YearMonth m) {
        Map.Entry<YearMonth, Rates> e = byMonth.floorEntry(m);
        if (e == null) {
            e = byMonth.firstEntry();
        }
        return e.getValue();
    }

    public double cnyPerUsd(YearMonth m) {
        return at(m).cnyPerUsd();
    }

    public double audPerUsd(YearMonth m) {
        return at(m).audPerUsd();
    }

    public NavigableMap<YearMonth, Rates> table() {
        return java.util.Collections.unmodifiableNavigableMap(byMonth);
    }
}
