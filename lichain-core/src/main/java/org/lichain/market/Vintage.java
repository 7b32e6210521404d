package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * </ul>
 * Scenario policies and shocks have their own vintage ({@link Scenario#knownAt}). Not vintaged (named
 * simplification, docs/forecast.md): the demand drivers ({@code demand_drivers.csv} holds the realised battery demand of
 * past years next to the presets' projections; a forecast is conditioned on them), the process and cost parameters,
 * companies and everything outside the market. A pure function: the same World and origin give an equal World.
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
            ext.put(MarketData.class, new MarketData(md.presets(), md.intensityKgLcePerKwh(), md.regionSharePct(),
                    md.freight(), md.parameters(), hist));
        });
        return new World(assets, w.routeParameters(), w.assetParameters(), production, new InputPrices(inputs),
                new Fx(fx), w.gridFactors(), w.fiscal(), new ReferencePrices(refs), ext);
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
