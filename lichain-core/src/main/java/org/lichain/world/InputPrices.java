package org.lichain.world;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prices of inputs (power, fuels, reagents) by item, region and month, converted to USD with the
 * month's FX. A region without its own price uses its country's (CN-JX → CN), then the default {@code *}.
 */
public final class InputPrices {
    /** A raw price row: value in {@code unit} ({@code cny_per_kwh}, {@code usd_per_t}, ...). */
    public record Price(String item, String region, YearMonth from, double value, String unit, String source) {
    }

    private final Map<String, NavigableMap<YearMonth, Price>> byKey = new HashMap<>();
    private final List<Price> rows;

    public InputPrices(List<Price> rows) {
        this.rows = List.copyOf(rows);
        for (Price p : rows) {
            byKey.computeIfAbsent(p.item() + "|" + p.region(), k -> new TreeMap<>()).put(p.from(), p);
        }
    }

    public List<Price> rows() {
        return rows;
    }

    /** The row in force for item, region and month, falling back from province to country to {@code *}. */
    public Optional<Price> find(String item, String region, YearMonth m) {
        for (String r : fallbacks(region)) {
            NavigableMap<YearMonth, Price> series = byKey.get(item + "|" + r);
            if (series != null) {
                Map.Entry<YearMonth, Price> e = series.floorEntry(m);
                if (e == null) {
                    e = series.firstEntry();
                }
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Price in USD per unit of quantity (per kWh, per GJ or per t), or 0 when the item is unknown. */
    public double usd(String item, String region, YearMonth m, Fx fx) {
        return find(item, region, m).map(p -> toUsd(p, fx.at(m))).orElse(0.0);
    }

    static double toUsd(Price p, Fx.Rates rates) {
        if (p.unit().startsWith("cny_")) {
            return p.value() / rates.cnyPerUsd();
        }
        if (p.unit().startsWith("aud_")) {
            return p.value() / rates.audPerUsd();
        }
        return p.value();
    }

    static List<String> fallbacks(String region) {
        List<String> out = new ArrayList<>(3);
        out.add(region);
        int dash = region.indexOf('-');
        if (dash > 0) {
            out.add(region.substring(0, dash));
        }
        out.add("*");
        return out;
    }
}
