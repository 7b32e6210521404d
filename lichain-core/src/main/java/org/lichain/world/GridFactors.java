package org.lichain.world;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Grid CO2 emission factors, kg CO2 per kWh, by region and year (latest year at or before the asked one). */
public final class GridFactors {
    /** One row of {@code grid_factors.csv}. */
    public record Factor(String region, int year, double kgCo2PerKwh, String source) {
    }

    private final Map<String, NavigableMap<Integer, Factor>> byRegion = new HashMap<>();
    private final List<Factor> rows;

    public GridFactors(List<Factor> rows) {
        this.rows = List.copyOf(rows);
        for (Factor f : rows) {
            byRegion.computeIfAbsent(f.region(), k -> new TreeMap<>()).put(f.year(), f);
        }
    }

    public List<Factor> rows() {
        return rows;
    }

    /** Factor for region and year, falling back from province to country to {@code *}. */
    public OptionalDouble kgCo2PerKwh(String region, int year) {
        for (String r : InputPrices.fallbacks(region)) {
            NavigableMap<Integer, Factor> series = byRegion.get(r);
            if (series != null) {
                Map.Entry<Integer, Factor> e = series.floorEntry(year);
                if (e == null) {
                    e = series.firstEntry();
                }
                return OptionalDouble.of(e.getValue().kgCo2PerKwh());
            }
        }
        return OptionalDouble.empty();
    }
}
