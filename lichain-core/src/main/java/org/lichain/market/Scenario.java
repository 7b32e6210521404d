package org.lichain.market;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A market scenario: period, seed, demand preset and multipliers, trade policies, state support, shocks and
 * price-formation parameter overrides. Read from YAML by {@link ScenarioParser}; {@link #base()} is the
 * embedded base scenario (historical policies only).
 *
 * @param forceMarketEvents when true, the dataset's capacity events with cause {@code market} (closures and restarts
 *                          caused by price) are applied as inputs; by default the simulation ignores them and must
 *                          produce such closures itself
 * @param demandMultipliers factors on demand by key: {@code all}, a segment ({@code ev}, {@code storage},
 *                          {@code consumer}, {@code industrial}) or a demand region ({@code CN}, {@code EU}, ...)
 */
public record Scenario(String name, YearMonth from, YearMonth to, long seed, String demandPreset,
                       Map<String, Double> demandMultipliers, double demandNoisePct,
                       List<Tariff> tariffs, List<ExportBan> exportBans, List<Quota> quotas,
                       List<StateSupport> stateSupport, List<Shock> shocks, Map<String, Double> priceFormation,
                       boolean forceMarketEvents) {

    public static final String DEFAULT_PRESET = "stated_policies";
    /** Products in the trade network. */
    public static final List<String> PRODUCTS = List.of("concentrate", "chemical");

    public Scenario {
        demandMultipliers = Map.copyOf(demandMultipliers);
        tariffs = List.copyOf(tariffs);
        exportBans = List.copyOf(exportBans);
        quotas = List.copyOf(quotas);
        stateSupport = List.copyOf(stateSupport);
        shocks = List.copyOf(shocks);
        priceFormation = Map.copyOf(priceFormation);
    }

    /** A scenario that leaves the dataset's market-caused capacity events to the model. */
    public Scenario(String name, YearMonth from, YearMonth to, long seed, String demandPreset,
                    Map<String, Double> demandMultipliers, double demandNoisePct, List<Tariff> tariffs,
                    List<ExportBan> exportBans, List<Quota> quotas, List<StateSupport> stateSupport, List<Shock> shocks,
                    Map<String, Double> priceFormation) {
        this(name, from, to, seed, demandPreset, demandMultipliers, demandNoisePct, tariffs, exportBans, quotas,
                stateSupport, shocks, priceFormation, false);
    }

    /**
     * A tariff on {@code product} from {@code origin} (country) to {@code destination} (country or demand region):
     * {@code rate} ad valorem (0.25 = 25% of the product's value) plus {@code specificUsdPerTLce}, from–to inclusive
     * ({@code to} null = open).
     */
    public record Tariff(String origin, String destination, String product, double rate, double specificUsdPerTLce,
                         YearMonth from, YearMonth to, YearMonth knownFrom) {
        /** A tariff known from its start month. */
        public Tariff(String origin, String destination, String product, double rate, double specificUsdPerTLce,
                      YearMonth from, YearMonth to) {
            this(origin, destination, product, rate, specificUsdPerTLce, from, to, null);
        }
    }

    /** No exports of {@code product} from {@code country} from–to. */
    public record ExportBan(String country, String product, YearMonth from, YearMonth to, YearMonth knownFrom) {
        /** A ban known from its start month. */
        public ExportBan(String country, String product, YearMonth from, YearMonth to) {
            this(country, product, from, to, null);
        }
    }

    /** At most {@code tLcePerYear} of {@code product} exported from {@code country} (spread evenly over months). */
    public record Quota(String country, String product, double tLcePerYear, YearMonth from, YearMonth to,
                        YearMonth knownFrom) {
        /** A quota known from its start month. */
        public Quota(String country, String product, double tLcePerYear, YearMonth from, YearMonth to) {
            this(country, product, tLcePerYear, from, to, null);
        }
    }

    /**
     * State support for an asset or all assets in a region ({@code CN-JX}) or country ({@code CN}):
     * the operator keeps running while the price stays above (1 − lossTolerance) × C1, and curtails only after
     * {@code extraMonths} more months than usual below that line; while running it produces at least
     * {@code utilisationFloorPct} of its capacity (NaN: the parameter {@code supported_utilisation_floor_pct}).
     */
    public record StateSupport(String asset, String region, double lossTolerance, int extraMonths,
                               double utilisationFloorPct) {
        /** Support with the default utilisation floor ({@code supported_utilisation_floor_pct}). */
        public StateSupport(String asset, String region, double lossTolerance, int extraMonths) {
            this(asset, region, lossTolerance, extraMonths, Double.NaN);
        }
    }

    /** A supply shock: {@code suspend} an asset from–to, or {@code add_capacity} of t LCE/yr from a month. */
    public record Shock(String type, String asset, double tLcePerYear, YearMonth from, YearMonth to,
                        YearMonth knownFrom) {
        /** A shock known from its start month. */
        public Shock(String type, String asset, double tLcePerYear, YearMonth from, YearMonth to) {
            this(type, asset, tLcePerYear, from, to, null);
        }
    }

    /**
     * Data vintage of a dated policy or shock: the month it became known, {@code knownFrom} when given (YAML key
     * {@code known_from}), else its start month (a policy without a start is always known).
     */
    static boolean knownBy(YearMonth knownFrom, YearMonth from, YearMonth origin) {
        YearMonth k = knownFrom != null ? knownFrom : from;
        return k == null || !k.isAfter(origin);
    }

    /**
     * The scenario as known at {@code origin} (data vintage): only the tariffs, export bans, quotas and shocks known
     * by then ({@code known_from}, default their start month). State support has no date and is kept.
     */
    public Scenario knownAt(YearMonth origin) {
        return new Scenario(name, from, to, seed, demandPreset, demandMultipliers, demandNoisePct,
                tariffs.stream().filter(x -> knownBy(x.knownFrom(), x.from(), origin)).toList(),
                exportBans.stream().filter(x -> knownBy(x.knownFrom(), x.from(), origin)).toList(),
                quotas.stream().filter(x -> knownBy(x.knownFrom(), x.from(), origin)).toList(),
                stateSupport,
                shocks.stream().filter(x -> knownBy(x.knownFrom(), x.from(), origin)).toList(),
                priceFormation, forceMarketEvents);
    }

    /** True when a policy window holds month {@code m}. */
    static boolean active(YearMonth from, YearMonth to, YearMonth m) {
        return (from == null || !m.isBefore(from)) && (to == null || !m.isAfter(to));
    }

    /** The embedded base scenario (2020-01 to 2040-12, historical policies, seed 1). */
    public static Scenario base() {
        return ScenarioParser.embeddedBase();
    }

    public Scenario withPeriod(YearMonth newFrom, YearMonth newTo) {
        return new Scenario(name, newFrom, newTo, seed, demandPreset, demandMultipliers, demandNoisePct, tariffs,
                exportBans, quotas, stateSupport, shocks, priceFormation, forceMarketEvents);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, from, to, newSeed, demandPreset, demandMultipliers, demandNoisePct, tariffs,
                exportBans, quotas, stateSupport, shocks, priceFormation, forceMarketEvents);
    }

    public Scenario withName(String newName) {
        return new Scenario(newName, from, to, seed, demandPreset, demandMultipliers, demandNoisePct, tariffs,
                exportBans, quotas, stateSupport, shocks, priceFormation, forceMarketEvents);
    }

    public Scenario withShock(Shock s) {
        return new Scenario(name, from, to, seed, demandPreset, demandMultipliers, demandNoisePct, tariffs,
                exportBans, quotas, stateSupport, concat(shocks, s), priceFormation, forceMarketEvents);
    }

    public Scenario withTariff(Tariff t) {
        return new Scenario(name, from, to, seed, demandPreset, demandMultipliers, demandNoisePct,
                concat(tariffs, t), exportBans, quotas, stateSupport, shocks, priceFormation, forceMarketEvents);
    }

    public Scenario withExportBan(ExportBan b) {
        return new Scenario(name, from, to, seed, demandPreset, demandMultipliers, demandNoisePct, tariffs,
                concat(exportBans, b), quotas, stateSupport, shocks, priceFormation, forceMarketEvents);
    }

    public Scenario withStateSupport(StateSupport s) {
        return new Scenario(name, from, to, seed, demandPreset, demandMultipliers, demandNoisePct, tariffs,
                exportBans, quotas, concat(stateSupport, s), shocks, priceFormation, forceMarketEvents);
    }

    public Scenario withPriceFormation(Map<String, Double> p) {
        return new Scenario(name, from, to, seed, demandPreset, demandMultipliers, demandNoisePct, tariffs,
                exportBans, quotas, stateSupport, shocks, p, forceMarketEvents);
    }

    private static <T> List<T> concat(List<T> list, T extra) {
        java.util.ArrayList<T> l = new java.util.ArrayList<>(list);
        l.add(extra);
        return l;
    }
}
