package org.lichain.world;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Historical reference prices, by series and period ({@code YYYY} annual average or {@code YYYY-MM}). */
public final class ReferencePrices {
    /** Annual battery-grade carbonate price series used as the default curve price. */
    public static final String CARBONATE_ANNUAL_USD = "li2co3_battery_usd_per_t";

    /** One row of {@code reference_prices.csv}. */
    public record Point(String series, String period, double value, String unit, String source) {
    }

    private final List<Point> rows;
    private final Map<String, NavigableMap<String, Point>> bySeries = new HashMap<>();

    public ReferencePrices(List<Point> rows) {
        this.rows = List.copyOf(rows);
        for (Point p : rows) {
            bySeries.computeIfAbsent(p.series(), k -> new TreeMap<>()).put(p.period(), p);
        }
    }

    public List<Point> rows() {
        return rows;
    }

    public NavigableMap<String, Point> series(String name) {
        return bySeries.getOrDefault(name, new TreeMap<>());
    }

    /** The annual point of {@code year}, or of the latest year before it. */
    public Optional<Point> annualAtOrBefore(String series, int year) {
        Point best = null;
        for (Point p : series(series).values()) {
            if (p.period().length() == 4 && Integer.parseInt(p.period()) <= year) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }
}
