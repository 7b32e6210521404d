package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.lichain.world.Asset;
import org.lichain.world.CapacityEvent;
import org.lichain.world.CapacityTimeline;
import org.lichain.world.Fx;
import org.lichain.world.InputPrices;
import org.lichain.world.MonthlyPrices;
import org.lichain.world.Production;
import org.lichain.world.ReferencePrices;
import org.lichain.world.World;

/**
 * The data vintage at an origin month T: the World as it was known at the end of T. It holds
 * <ul>
 * <li>record rows up to T only: monthly prices ({@code prices_monthly.csv}) and reference history
 *     ({@code market_history.csv}) with period ≤ T; annual outcomes (reported production, annual reference prices)
 *     of years complete by T (December of the year ≤ T);</li>
 * <li>input prices and FX rows dated ≤ T (both tables hold their last value flat after it);</li>
 * <li>capacity events known by T ({@link CapacityEvent#knownFrom()}: the {@code known_from} column, default the
 *     event's start month when historical, the dataset's vintage 2025-12 for an announced future event).</li>
 * <li>the demand drivers as known then ({@link #demandKnownAt}: realised years to the last complete one, the rest
 *     extrapolated; the presets' projections only from the dataset's vintage).</li>
 * </ul>
 * Scenario policies and shocks have their own vintage ({@link Scenario#knownAt}). Not vintaged (named
 * simplification, docs/forecast.md): the process and cost parameters, companies and everything outside the market.
 * A pure function: the same World and origin give an equal World.
 */
public final class Vintage {
    private Vintage() {
    }

    /** The World as known at the end of month {@code origin}. */
    public static World of(World w, YearMonth origin) {
        List<Asset> assets = new ArrayList<>();
        for (Asset a : w.assets()) {
            List<CapacityEvent> known = new ArrayList<>();
            for (CapacityEvent e : a.capacity().events()) {
                if (e.knownBy(origin)) {
                    known.add(e);
                }
            }
            assets.add(known.size() == a.capacity().events().size() ? a
                    : a.withCapacity(new CapacityTimeline(known)));
        }
        List<Production> production = new ArrayList<>();
        for (Production p : w.allProduction()) {
            if (yearKnown(p.year(), origin)) {
                production.add(p);
            }
        }
        List<InputPrices.Price> inputs = new ArrayList<>();
        for (InputPrices.Price p : w.inputPrices().rows()) {
            if (!p.from().isAfter(origin)) {
                inputs.add(p);
            }
        }
        Map<YearMonth, Fx.Rates> fx = new HashMap<>(w.fx().table().headMap(origin, true));
        if (fx.isEmpty()) {
            throw new org.lichain.dataset.InvalidInputException("origin " + origin
                    + " is before the first month of the FX table " + w.fx().table().firstKey());
        }
        List<ReferencePrices.Point> refs = new ArrayList<>();
        for (ReferencePrices.Point p : w.referencePrices().rows()) {
            if (periodKnown(p.period(), origin)) {
                refs.add(p);
            }
        }
        Map<Class<?>, Object> ext = new HashMap<>(w.extensions());
        w.extension(MonthlyPrices.class).ifPresent(mp -> {
            List<MonthlyPrices.Point> rows = new ArrayList<>();
            for (MonthlyPrices.Point p : mp.rows()) {
                if (!p.period().isAfter(origin)) {
                    rows.add(p);
                }
            }
            ext.put(MonthlyPrices.class, new MonthlyPrices(rows));
        });
        w.extension(MarketData.class).ifPresent(md -> {
            List<MarketData.HistoryPoint> hist = new ArrayList<>();
            for (MarketData.HistoryPoint h : md.history()) {
                if (periodKnown(h.period(), origin)) {
                    hist.add(h);
                }
            }
            ext.put(MarketData.class, new MarketData(demandKnownAt(md.presets(), origin), md.intensityKgLcePerKwh(),
                    md.regionSharePct(), md.freight(), md.parameters(), hist));
        });
        return new World(assets, w.routeParameters(), w.assetParameters(), production, new InputPrices(inputs),
                new Fx(fx), w.gridFactors(), w.fiscal(), new ReferencePrices(refs), ext);
    }

    /**
     * The demand drivers as known at {@code origin}. A year's realised demand is known at the end of its December;
     * the presets' projections (the dataset's sources, IEA 2025) are known from the dataset's vintage
     * ({@link CapacityEvent#DATASET_VINTAGE}). Before it, every year after the last known one is extrapolated from the
     * known years: each driver grows at its trailing growth over up to three known years, bounded by ±30% a year (the
     * bound investors use, {@link InvestmentDecision#projectedDemand}); the EV LFP share is held. With fewer than two
     * known years, battery drivers grow at the long-run growth before the drivers begin (21% a year,
     * {@code MarketInputs.BATTERY_BACKCAST_LOG_GROWTH_PER_YEAR}) from the last known year, or from the preset's first
     * year as a proxy of the level known before it; industrial use is held. Named simplification: no forecaster's
     * outlook of the time is in the data.
     */
    static Map<String, NavigableMap<Integer, MarketData.DriverYear>> demandKnownAt(
            Map<String, NavigableMap<Integer, MarketData.DriverYear>> presets, YearMonth origin) {
        if (!origin.isBefore(CapacityEvent.DATASET_VINTAGE)) {
            return presets;
        }
        Map<String, NavigableMap<Integer, MarketData.DriverYear>> out = new LinkedHashMap<>();
        for (var e : presets.entrySet()) {
            NavigableMap<Integer, MarketData.DriverYear> all = e.getValue();
            NavigableMap<Integer, MarketData.DriverYear> known = new TreeMap<>();
            for (var y : all.entrySet()) {
                if (yearKnown(y.getKey(), origin)) {
                    known.put(y.getKey(), y.getValue());
                }
            }
            NavigableMap<Integer, MarketData.DriverYear> v = new TreeMap<>(known);
            // the level to grow from: the last known year, or (none known yet) the preset's first year as a proxy
            int last = known.isEmpty() ? all.firstKey() : known.lastKey();
            MarketData.DriverYear d = known.isEmpty() ? all.firstEntry().getValue() : known.lastEntry().getValue();
            // the growth: the trailing growth over up to three known years; with fewer than two, the long-run battery
            // growth before the drivers begin (MarketInputs.BATTERY_BACKCAST_LOG_GROWTH_PER_YEAR), industrial flat
            Integer base = known.size() < 2 ? null : known.floorKey(Math.max(known.firstKey(), last - 3));
            MarketData.DriverYear b = base == null ? null : known.get(base);
            int span = base == null ? 1 : Math.max(1, last - base);
            v.put(last, d);
            // every year from the last known one to the data's horizon (annual knots: the interpolation between them
            // does not depend on which later rows the data has)
            for (int year = last + 1; year <= all.lastKey(); year++) {
                int n = year - last;
                v.put(year, b == null
                        ? new MarketData.DriverYear(backcastGrown(d.evGwh(), n), backcastGrown(d.storageGwh(), n),
                                backcastGrown(d.consumerGwh(), n), d.industrialTLce(), d.evLfpSharePct())
                        : new MarketData.DriverYear(grown(d.evGwh(), b.evGwh(), span, n),
                                grown(d.storageGwh(), b.storageGwh(), span, n),
                                grown(d.consumerGwh(), b.consumerGwh(), span, n),
                                grown(d.industrialTLce(), b.industrialTLce(), span, n), d.evLfpSharePct()));
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static double backcastGrown(double level, int n) {
        return level * Math.exp(MarketInputs.BATTERY_BACKCAST_LOG_GROWTH_PER_YEAR * n);
    }

    /** {@code last} grown {@code n} years at the log growth per year from {@code base} ({@code span} years earlier), bounded. */
    static double grown(double last, double base, int span, int n) {
        double g = last > 0 && base > 0 ? Math.log(last / base) / span : 0.0;
        g = Math.max(-InvestmentDecision.MAX_LOG_GROWTH_PER_YEAR, Math.min(InvestmentDecision.MAX_LOG_GROWTH_PER_YEAR, g));
        return last * Math.exp(g * n);
    }

    /** An annual outcome of {@code year} is known at the end of its December. */
    static boolean yearKnown(int year, YearMonth origin) {
        return !YearMonth.of(year, 12).isAfter(origin);
    }

    /** A period {@code YYYY} (known at the end of its December) or {@code YYYY-MM}, known by the origin. */
    static boolean periodKnown(String period, YearMonth origin) {
        if (period.length() == 4) {
            return yearKnown(Integer.parseInt(period), origin);
        }
        return !YearMonth.parse(period.substring(0, 7)).isAfter(origin);
    }
}
