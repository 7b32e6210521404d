package org.lichain.market;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.lichain.dataset.CsvTable;
import org.lichain.dataset.DatasetExtension;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problems;
import org.lichain.dataset.RowReader;
import org.lichain.world.World;

/**
 * Loads {@link MarketData} from {@code demand_drivers.csv}, {@code battery_intensity.csv}, {@code demand_regions.csv},
 * {@code trade_freight.csv}, {@code market_parameters.csv} and {@code market_history.csv}. A user folder that lacks
 * one of these files falls back to the embedded file, so older exported datasets keep working. (The monthly price
 * record is the World's {@code MonthlyPrices}, read by {@code MarketInputs.fromWorld}.)
 */
public final class MarketDataExtension implements DatasetExtension<MarketData> {
    public static final String DRIVERS = "demand_drivers.csv";
    public static final String INTENSITY = "battery_intensity.csv";
    public static final String REGIONS = "demand_regions.csv";
    public static final String FREIGHT = "trade_freight.csv";
    public static final String PARAMETERS = "market_parameters.csv";
    public static final String HISTORY = "market_history.csv";
    static final Set<String> CHEMISTRIES = Set.of("lfp", "nmc");

    @Override
    public Class<MarketData> type() {
        return MarketData.class;
    }

    @Override
    public List<String> files() {
        return List.of(DRIVERS, INTENSITY, REGIONS, FREIGHT, PARAMETERS, HISTORY);
    }

    @Override
    public MarketData load(DatasetSource source, World core, Problems problems) {
        return load(source, problems);
    }

    /** Loads the market data alone (without the core world), e.g. for synthetic tests. */
    public static MarketData loadEmbedded() {
        Problems p = new Problems();
        MarketData d = load(DatasetSource.embedded(), p);
        p.throwIfAny("invalid market data (embedded dataset)");
        return d;
    }

    static MarketData load(DatasetSource source, Problems problems) {
        Map<String, NavigableMap<Integer, MarketData.DriverYear>> presets = new LinkedHashMap<>();
        CsvTable t = table(source, DRIVERS, problems);
        if (t != null && t.requireColumns(problems, "preset", "year", "ev_gwh", "storage_gwh", "consumer_gwh",
                "industrial_t_lce", "ev_lfp_share_pct", "source")) {
            for (CsvTable.Row row : t.rows()) {
                RowReader r = new RowReader(t, row, problems);
                String preset = r.required("preset");
                int year = r.integer("year", 1990, 2100);
                var d = new MarketData.DriverYear(r.nonNegative("ev_gwh"), r.nonNegative("storage_gwh"),
                        r.nonNegative("consumer_gwh"), r.nonNegative("industrial_t_lce"),
                        r.between("ev_lfp_share_pct", 0, 100));
                r.source();
                if (r.ok() && presets.computeIfAbsent(preset, k -> new TreeMap<>()).put(year, d) != null) {
                    r.fail("year", Integer.toString(year), "duplicate year for preset " + preset);
                }
            }
        }
        Map<String, NavigableMap<Integer, Double>> intensity = new HashMap<>();
        t = table(source, INTENSITY, problems);
        if (t != null && t.requireColumns(problems, "chemistry", "year", "kg_lce_per_kwh", "source")) {
            for (CsvTable.Row row : t.rows()) {
                RowReader r = new RowReader(t, row, problems);
                String chem = r.required("chemistry");
                if (!chem.isEmpty() && !CHEMISTRIES.contains(chem)) {
                    r.fail("chemistry", chem, "must be one of lfp, nmc");
                }
                int year = r.integer("year", 1990, 2100);
                double v = r.between("kg_lce_per_kwh", 0.1, 5.0);
                r.source();
                if (r.ok()) {
                    intensity.computeIfAbsent(chem, k -> new TreeMap<>()).put(year, v);
                }
            }
            for (String c : CHEMISTRIES) {
                if (!intensity.containsKey(c)) {
                    problems.add(INTENSITY, 0, 0, "chemistry", c, "no rows for this chemistry");
                }
            }
        }
        Map<DemandRegion, NavigableMap<Integer, Double>> shares = new EnumMap<>(DemandRegion.class);
        t = table(source, REGIONS, problems);
        if (t != null && t.requireColumns(problems, "year", "region", "share_pct", "source")) {
            for (CsvTable.Row row : t.rows()) {
                RowReader r = new RowReader(t, row, problems);
                int year = r.integer("year", 1990, 2100);
                DemandRegion region = r.parsed("region", DemandRegion::parse);
                double v = r.between("share_pct", 0, 100);
                r.source();
                if (r.ok()) {
                    shares.computeIfAbsent(region, k -> new TreeMap<>()).put(year, v);
                }
            }
        }
        List<MarketData.FreightRule> freight = new ArrayList<>();
        t = table(source, FREIGHT, problems);
        if (t != null && t.requireColumns(problems, "product", "origin", "destination", "usd_per_t_lce", "source")) {
            for (CsvTable.Row row : t.rows()) {
                RowReader r = new RowReader(t, row, problems);
                String product = r.required("product");
                if (!product.isEmpty() && !product.equals("concentrate") && !product.equals("chemical")) {
                    r.fail("product", product, "must be concentrate or chemical");
                }
                String origin = r.required("origin");
                String dest = r.required("destination");
                double v = r.nonNegative("usd_per_t_lce");
                r.source();
                if (r.ok()) {
                    freight.add(new MarketData.FreightRule(product, origin, dest, v));
                }
            }
        }
        Map<String, Double> params = new LinkedHashMap<>();
        t = table(source, PARAMETERS, problems);
        if (t != null && t.requireColumns(problems, "parameter", "value", "unit", "source")) {
            for (CsvTable.Row row : t.rows()) {
                RowReader r = new RowReader(t, row, problems);
                String name = r.required("parameter");
                if (!name.isEmpty() && !MarketParameters.NAMES.contains(name)) {
                    r.fail("parameter", name, "unknown market parameter; known: " + MarketParameters.NAMES);
                }
                double v = r.nonNegative("value");
                r.source();
                if (r.ok()) {
                    params.put(name, v);
                }
            }
            for (String n : MarketParameters.NAMES) {
                if (!params.containsKey(n) && problems.isEmpty()) {
                    problems.add(PARAMETERS, 0, 0, "parameter", n, "required parameter is missing");
                }
            }
        }
        List<MarketData.HistoryPoint> history = new ArrayList<>();
        t = table(source, HISTORY, problems);
        if (t != null && t.requireColumns(problems, "series", "period", "value", "unit", "source")) {
            for (CsvTable.Row row : t.rows()) {
                RowReader r = new RowReader(t, row, problems);
                String series = r.required("series");
                String period = r.required("period");
                if (!period.matches("\\d{4}(-\\d{2})?")) {
                    r.fail("period", period, "must be YYYY or YYYY-MM");
                }
                double v = r.number("value", true);
                String unit = r.required("unit");
                String src = r.source();
                if (r.ok()) {
                    history.add(new MarketData.HistoryPoint(series, period, v, unit, src));
                }
            }
        }
        if (!presets.containsKey(Scenario.DEFAULT_PRESET)) {
            problems.add(DRIVERS, 0, 0, "preset", Scenario.DEFAULT_PRESET, "the default preset is missing");
        }
        return new MarketData(presets, intensity, shares, freight, params, history);
    }

    private static CsvTable table(DatasetSource source, String file, Problems problems) {
        var text = source.read(file).or(() -> DatasetSource.embedded().read(file));
        if (text.isEmpty()) {
            problems.add(file, 0, 0, null, null, "required file is missing from " + source.name());
            return null;
        }
        return CsvTable.parse(file, text.get(), problems);
    }
}
