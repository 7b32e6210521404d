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

    /** A named parameter; {@link IllegalStateException} naming it when absent. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalStateException("market parameter '" + name + "' is missing from market_parameters.csv");
        }
        return v;
    }
}
