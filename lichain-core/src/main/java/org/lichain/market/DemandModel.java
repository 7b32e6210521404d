package org.lichain.market;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Monthly lithium demand in t LCE by demand region and segment, from the dataset's drivers: battery GWh by segment
 * times kg LCE per kWh by chemistry (both interpolated linearly between the years given, anchored at mid-year),
 * plus non-battery industrial use, split by region with the regional shares. Storage cells are counted as LFP and
 * consumer cells as NMC (named simplification: LCO/NCA/other chemistries take the NMC intensity).
 */
public final class DemandModel {
    /** Demand segments, in output order. */
    public static final String[] SEGMENTS = {"ev_lfp", "ev_nmc", "storage", "consumer", "industrial"};

    private DemandModel() {
    }

    /**
     * Demand {@code [segment][region][month]} in t LCE per month.
     *
     * @param multipliers factors by {@code all}, segment group ({@code ev}, {@code storage}, {@code consumer},
     *                    {@code industrial}) or region id; they multiply
     */
    public static double[][][] monthly(MarketData data, String preset, Map<String, Double> multipliers,
                                       YearMonth start, int months) {
        NavigableMap<Integer, MarketData.DriverYear> drivers = data.presets().get(preset);
        if (drivers == null) {
            throw new InvalidInputException("unknown demand preset '" + preset + "', known: "
                    + data.presets().keySet());
        }
        DemandRegion[] regions = DemandRegion.values();
        double[][][] out = new double[SEGMENTS.length][regions.length][months];
        double all = multipliers.getOrDefault("all", 1.0);
        for (int t = 0; t < months; t++) {
            YearMonth m = start.plusMonths(t);
            double x = m.getYear() + (m.getMonthValue() - 0.5) / 12.0; // fractional time, anchors at Y + 0.5
            double ev = interp(drivers, x, MarketData.DriverYear::evGwh);
            double storage = interp(drivers, x, MarketData.DriverYear::storageGwh);
            double consumer = interp(drivers, x, MarketData.DriverYear::consumerGwh);
            double industrial = interp(drivers, x, MarketData.DriverYear::industrialTLce);
            double lfpShare = interp(drivers, x, MarketData.DriverYear::evLfpSharePct) / 100.0;
            double lfp = interpD(data.intensityKgLcePerKwh().get("lfp"), x);
            double nmc = interpD(data.intensityKgLcePerKwh().get("nmc"), x);
            // GWh x kg/kWh = 1e6 kWh x kg/kWh = 1e6 kg = 1,000 t per GWh per (kg/kWh); /12 for a month
            double[] seg = {
                    ev * lfpShare * lfp * 1000.0 / 12.0 * mult(multipliers, "ev"),
                    ev * (1 - lfpShare) * nmc * 1000.0 / 12.0 * mult(multipliers, "ev"),
                    storage * lfp * 1000.0 / 12.0 * mult(multipliers, "storage"),
                    consumer * nmc * 1000.0 / 12.0 * mult(multipliers, "consumer"),
                    industrial / 12.0 * mult(multipliers, "industrial")};
            double[] share = new double[regions.length];
            double sum = 0;
            for (DemandRegion r : regions) {
                NavigableMap<Integer, Double> s = data.regionSharePct().get(r);
                share[r.ordinal()] = s == null ? 0.0 : interpD(s, x) * mult(multipliers, r.id());
                sum += share[r.ordinal()];
            }
            double base = baseSum(data, x); // once per month: it depends on x only
            for (int k = 0; k < SEGMENTS.length; k++) {
                for (DemandRegion r : regions) {
                    out[k][r.ordinal()][t] = seg[k] * all * (sum > 0 ? share[r.ordinal()] / sum
                            * (sum / base) : 0.0);
                }
            }
        }
        return out;
    }

    private static double baseSum(MarketData data, double x) {
        double s = 0;
        for (DemandRegion r : DemandRegion.values()) {
            NavigableMap<Integer, Double> m = data.regionSharePct().get(r);
            s += m == null ? 0 : interpD(m, x);
        }
        return s <= 0 ? 1 : s;
    }

    private static double mult(Map<String, Double> m, String key) {
        return m.getOrDefault(key, 1.0);
    }

    private static double interp(NavigableMap<Integer, MarketData.DriverYear> map, double x,
                                 java.util.function.ToDoubleFunction<MarketData.DriverYear> f) {
        int y = (int) Math.floor(x - 0.5);
        var lo = map.floorEntry(y);
        var hi = map.ceilingEntry(y + 1);
        if (lo == null) {
            return f.applyAsDouble(map.firstEntry().getValue());
        }
        if (hi == null) {
            return f.applyAsDouble(lo.getValue());
        }
        double x0 = lo.getKey() + 0.5;
        double x1 = hi.getKey() + 0.5;
        double w = Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
        return f.applyAsDouble(lo.getValue()) * (1 - w) + f.applyAsDouble(hi.getValue()) * w;
    }

    static double interpD(NavigableMap<Integer, Double> map, double x) {
        int y = (int) Math.floor(x - 0.5);
        var lo = map.floorEntry(y);
        var hi = map.ceilingEntry(y + 1);
        if (lo == null) {
            return map.firstEntry().getValue();
        }
        if (hi == null) {
            return lo.getValue();
        }
        double x0 = lo.getKey() + 0.5;
        double x1 = hi.getKey() + 0.5;
        double w = Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
        return lo.getValue() * (1 - w) + hi.getValue() * w;
    }
}
