package org.lichain.market;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The market's own part of the dataset: demand drivers by preset, battery lithium intensity, regional demand
 * shares, freight, model parameters and the reference history used by the backtest. Loaded by
 * {@link MarketDataExtension}; every value carries a source in its file.
 */
public record MarketData(Map<String, NavigableMap<Integer, DriverYear>> presets,
                         Map<String, NavigableMap<Integer, Double>> intensityKgLcePerKwh,
                         Map<DemandRegion, NavigableMap<Integer, Double>> regionSharePct,
                         List<FreightRule> freight,
                         Map<String, Double> parameters,
                         List<HistoryPoint> history) {

    /** One year of a demand preset (global). */
    public record DriverYear(double evGwh, double storageGwh, double consumerGwh, double industrialTLce,
                             double evLfpSharePct) {
    }

    /** Freight for a product from an origin country to a destination ({@code *} any, {@code same} same country). */
    public record FreightRule(String product, String origin, String destination, double usdPerTLce) {
    }

    /** A point of reference history (period {@code YYYY} or {@code YYYY-MM}). */
    public record HistoryPoint(String series, String period, double value, String unit, String source) {
    }

    /**
     * The monthly price record (SMM battery-grade carbonate, monthly mean), from {@code prices_monthly.csv}: added to
     * {@link #history} under this series name by {@link MarketDataExtension}.
     */
    public static final String PRICE_RECORD_SERIES = "cn_li2co3_battery_spot_smm_monthly_avg";

    /** The recorded China carbonate price of a month, CNY per t incl. VAT, or NaN when the record has none. */
    public double recordedCnyPerTInclVat(java.time.YearMonth m) {
        String key = m.toString();
        for (HistoryPoint h : history) {
            if (h.series().equals(PRICE_RECORD_SERIES) && h.period().equals(key)) {
                return h.value();
            }
        }
        return Double.NaN;
    }

    /** A named parameter; {@link IllegalStateException} naming it when absent. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalStateException("market parameter '" + name + "' is missing from market_parameters.csv");
        }
        return v;
    }
}
