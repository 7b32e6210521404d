package org.lichain.market;

import java.time.YearMonth;
import java.util.NavigableMap;
import org.lichain.world.MonthlyPrices;
import org.lichain.world.World;

/**
 * A forecaster of the China battery-grade carbonate price (CNY per t incl. VAT, monthly mean) from what was known at an
 * origin month: the model and the benchmarks (no change, drift, the futures price) behind one interface, so that every
 * figure of the rolling-origin record is side by side. Implementations are pure functions of the {@link Origin}.
 */
public interface Forecaster {
    /** Short id used in JSON ({@code model}, {@code no_change}, {@code drift}, {@code futures}). */
    String id();

    /**
     * The forecast for the {@code months} months after the origin, or null when this forecaster has nothing to say at
     * that origin (the futures price before the contract was listed).
     */
    Forecast forecast(Origin origin, int months);

    /**
     * What is known at the end of the origin month: the data vintage ({@link Vintage#of}), its carbonate monthly means
     * (CNY per t incl. VAT) and the futures month-end settlements up to the origin.
     */
    record Origin(YearMonth month, World vintage, NavigableMap<YearMonth, Double> record,
                  NavigableMap<YearMonth, Double> futures) {

        /** The vintage of {@code world} at {@code month}. */
        public static Origin of(World world, YearMonth month) {
            World v = Vintage.of(world, month);
            NavigableMap<YearMonth, Double> rec = MarketInputs.priceRecord(v);
            if (rec.isEmpty() || !rec.lastKey().equals(month)) {
                throw new org.lichain.dataset.InvalidInputException("origin " + month
                        + ": the price record (prices_monthly.csv, series " + MonthlyPrices.CARBONATE_SMM
                        + ") has no monthly mean for that month" + (rec.isEmpty() ? "" : " (it ends " + rec.lastKey() + ")"));
            }
            NavigableMap<YearMonth, Double> fut = new java.util.TreeMap<>();
            v.extension(MonthlyPrices.class).ifPresent(mp -> mp.series(FUTURES_SERIES, MonthlyPrices.MONTH_END)
                    .forEach((m, p) -> fut.put(m, p.value())));
            return new Origin(month, v, rec, java.util.Collections.unmodifiableNavigableMap(fut));
        }

        /** The last observed monthly mean, CNY per t incl. VAT. */
        public double lastCnyPerTInclVat() {
            return record.lastEntry().getValue();
        }
    }

    /** The series of the Guangzhou (GFEX) lithium carbonate main-contract settlement in {@code prices_monthly.csv}. */
    String FUTURES_SERIES = "gfex_lc_main_settle";

    /**
     * A forecast from an origin: per month after it (index 0 = the month after the origin), the 10th, 50th and 90th
     * percentile of the China carbonate monthly mean, CNY per t incl. VAT (a point forecaster has p10 = p50 = p90).
     */
    record Forecast(String forecaster, YearMonth origin, double[] p10, double[] p50, double[] p90) {
        public int months() {
            return p50.length;
        }
    }
}
