package org.lichain.market;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

/**
 * The benchmark forecasters (point forecasts, p10 = p50 = p90):
 * <ul>
 * <li>{@link #NO_CHANGE}: the last observed monthly mean held flat (a random walk's forecast);</li>
 * <li>{@link #DRIFT}: the last observed monthly mean grown at the record's mean monthly log change up to the origin
 *     (a random walk with drift);</li>
 * <li>{@link #FUTURES}: the Guangzhou (GFEX) main-contract settlement at the end of the origin month held flat, where it
 *     exists (from 2023-07). Named simplification: the record holds only the main (most active) contract, not a curve
 *     by maturity, so the "curve" is one price for every horizon; it is taken as VAT-inclusive like the spot.</li>
 * </ul>
 */
public final class BenchmarkForecasters {
    private BenchmarkForecasters() {
    }

    public static final Forecaster NO_CHANGE = new Forecaster() {
        @Override
        public String id() {
            return "no_change";
        }

        @Override
        public Forecast forecast(Origin o, int months) {
            return flat(id(), o.month(), o.lastCnyPerTInclVat(), months);
        }
    };

    public static final Forecaster DRIFT = new Forecaster() {
        @Override
        public String id() {
            return "drift";
        }

        @Override
        public Forecast forecast(Origin o, int months) {
            Map.Entry<YearMonth, Double> first = o.record().firstEntry();
            long n = MarketInputs.monthsBetween(first.getKey(), o.month());
            double drift = n > 0 ? Math.log(o.lastCnyPerTInclVat() / first.getValue()) / n : 0.0;
            double[] p = new double[months];
            for (int h = 1; h <= months; h++) {
                p[h - 1] = o.lastCnyPerTInclVat() * Math.exp(drift * h);
            }
            return new Forecast(id(), o.month(), p, p.clone(), p.clone());
        }
    };

    public static final Forecaster FUTURES = new Forecaster() {
        @Override
        public String id() {
            return "futures";
        }

        @Override
        public Forecast forecast(Origin o, int months) {
            Double settle = o.futures().get(o.month());
            return settle == null ? null : flat(id(), o.month(), settle, months);
        }
    };

    static Forecaster.Forecast flat(String id, YearMonth origin, double value, int months) {
        double[] p = new double[months];
        Arrays.fill(p, value);
        return new Forecaster.Forecast(id, origin, p, p.clone(), p.clone());
    }
}
