package org.lichain.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code lichain forecast} and {@code lichain backtest --rolling}: keys in a fixed order, prices rounded to
 * whole units, scores to 4 decimals, no timestamps (identical inputs and seed give identical bytes); a missing value is
 * {@code null}.
 */
public final class ForecastJson {
    private static final ObjectMapper MAPPER = ResultJson.MAPPER;

    private ForecastJson() {
    }

    public static String toJson(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The forecast contract (issue 13): origin, months, price bands, history, skill per horizon, method notes. */
    public static ObjectNode tree(RollingForecast.Outlook o) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("origin", o.origin().toString());
        root.put("runs", o.skill().runs());
        root.put("seed", o.skill().seed());
        int n = o.model().months();
        ArrayNode months = root.putArray("months");
        for (int h = 1; h <= n; h++) {
            months.add(o.origin().plusMonths(h).toString());
        }
        double usdFactor = 1.0 / (o.cnyPerUsd() * (1 + o.vatPct() / 100.0));
        ObjectNode price = root.putObject("price");
        band(price.putObject("cny_per_t_incl_vat"), o.model().p10(), o.model().p50(), o.model().p90(), 1.0);
        band(price.putObject("usd_per_t_lce"), o.model().p10(), o.model().p50(), o.model().p90(), usdFactor);
        double[] sc6Ratio = ratioToCarbonateUsd(o, o.ensemble().sc6UsdPerT());
        double[] liohRatio = ratioToCarbonateUsd(o, o.ensemble().hydroxideUsdPerT());
        bandTimes(price.putObject("sc6_usd_per_t"), o.model(), usdFactor, sc6Ratio);
        bandTimes(price.putObject("hydroxide_usd_per_t"), o.model(), usdFactor, liohRatio);
        ArrayNode basis = root.putArray("band_basis");
        for (String b : o.bandBasis()) {
            basis.add(b);
        }
        root.put("cny_per_usd", o.cnyPerUsd());
        root.put("fitted_cover_price_elasticity", o.ensemble().beta());
        root.put("fitted_price_adjustment_per_month", o.ensemble().lambda());
        com.fasterxml.jackson.databind.node.ObjectNode fitted = root.putObject("fitted_parameters");
        o.ensemble().fitted().forEach(fitted::put);
        ObjectNode hist = root.putObject("history");
        ArrayNode hm = hist.putArray("months");
        ArrayNode hv = hist.putArray("cny_per_t_incl_vat");
        YearMonth firstHist = o.origin().minusMonths(35);
        for (var e : o.history().tailMap(firstHist, true).entrySet()) {
            hm.add(e.getKey().toString());
            hv.add(Math.round(e.getValue()));
        }
        ObjectNode q = root.putObject("quarterly");
        quarterly(q, o, usdFactor);
        root.set("skill", skill(o.skill()));
        ObjectNode rec = root.putObject("skill_record");
        rec.put("origins_from", o.skill().firstOrigin().toString());
        rec.put("origins_to", o.origin().minusMonths(1).toString());
        rec.put("scored_against", "the monthly record up to the origin");
        return root;
    }

    /** Per horizon: the model's scores and each benchmark's, every entry with the same keys. */
    public static ObjectNode skill(RollingForecast.Record r) {
        ObjectNode s = MAPPER.createObjectNode();
        List<ForecastScore.Score> model = r.scores().get("model");
        for (int k = 0; k < r.horizons().length; k++) {
            ObjectNode h = s.putObject(Integer.toString(r.horizons()[k]));
            score(h, model.get(k));
            ObjectNode others = h.putObject("forecasters");
            for (Map.Entry<String, List<ForecastScore.Score>> e : r.scores().entrySet()) {
                score(others.putObject(e.getKey()), e.getValue().get(k));
            }
        }
        return s;
    }

    private static void score(ObjectNode o, ForecastScore.Score s) {
        o.put("n", s.n());
        num(o, "mae_log", s.maeLog());
        num(o, "bias_log", s.biasLog());
        num(o, "mase_no_change", s.maseNoChange());
        num(o, "coverage_p10_p90", s.coverageP10P90());
        num(o, "skill_vs_futures", s.skillVsFutures());
        o.put("n_futures", s.nFutures());
    }

    /** The {@code backtest --rolling} JSON: options, scores per horizon, each origin's forecasts. */
    public static ObjectNode tree(RollingForecast.Record r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("origins_from", r.origins().get(0).origin().toString());
        root.put("origins_to", r.origins().get(r.origins().size() - 1).origin().toString());
        root.put("origin_count", r.origins().size());
        root.put("runs", r.runs());
        root.put("seed", r.seed());
        ArrayNode hs = root.putArray("horizons_months");
        for (int h : r.horizons()) {
            hs.add(h);
        }
        ArrayNode fs = root.putArray("forecasters");
        RollingForecast.FORECASTERS.forEach(fs::add);
        root.set("skill", skill(r));
        ArrayNode origins = root.putArray("origins");
        for (RollingForecast.OriginForecasts of : r.origins()) {
            ObjectNode o = origins.addObject();
            o.put("origin", of.origin().toString());
            ObjectNode by = o.putObject("cny_per_t_incl_vat");
            for (String f : RollingForecast.FORECASTERS) {
                Forecaster.Forecast fc = of.byForecaster().get(f);
                if (fc == null) {
                    by.putNull(f);
                    continue;
                }
                ObjectNode b = by.putObject(f);
                if (f.startsWith("model")) {
                    band(b, fc.p10(), fc.p50(), fc.p90(), 1.0);
                } else {
                    ArrayNode a = b.putArray("p50");
                    for (double v : fc.p50()) {
                        a.add(Math.round(v));
                    }
                }
            }
            ArrayNode act = o.putArray("actual_cny_per_t_incl_vat");
            int n = of.byForecaster().get("model").months();
            for (int h = 1; h <= n; h++) {
                Double a = r.actual().get(of.origin().plusMonths(h));
                if (a == null) {
                    act.addNull();
                } else {
                    act.add(Math.round(a));
                }
            }
        }
        return root;
    }

    private static void quarterly(ObjectNode q, RollingForecast.Outlook o, double usdFactor) {
        ArrayNode qs = q.putArray("quarters");
        ArrayNode p10 = q.putArray("cny_per_t_incl_vat_p10");
        ArrayNode p50 = q.putArray("cny_per_t_incl_vat_p50");
        ArrayNode p90 = q.putArray("cny_per_t_incl_vat_p90");
        ArrayNode u50 = q.putArray("usd_per_t_lce_p50");
        ArrayNode full = q.putArray("months_in_forecast");
        for (Map.Entry<String, double[]> e : quarters(o).entrySet()) {
            double[] v = e.getValue();
            qs.add(e.getKey());
            p10.add(Math.round(v[0]));
            p50.add(Math.round(v[1]));
            p90.add(Math.round(v[2]));
            u50.add(Math.round(v[1] * usdFactor));
            full.add((int) v[3]);
        }
    }

    /** Quarter means of an outlook's band, for tables: label → {p10, p50, p90, months}, CNY per t incl. VAT. */
    public static java.util.LinkedHashMap<String, double[]> quarters(RollingForecast.Outlook o) {
        java.util.LinkedHashMap<String, double[]> out = new java.util.LinkedHashMap<>();
        for (int h = 1; h <= o.model().months(); h++) {
            YearMonth m = o.origin().plusMonths(h);
            String label = m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
            double[] acc = out.computeIfAbsent(label, k -> new double[4]);
            acc[0] += o.model().p10()[h - 1];
            acc[1] += o.model().p50()[h - 1];
            acc[2] += o.model().p90()[h - 1];
            acc[3]++;
        }
        for (double[] acc : out.values()) {
            for (int k = 0; k < 3; k++) {
                acc[k] /= acc[3];
            }
        }
        return out;
    }

    /**
     * Per month, the median over members of a product's price ÷ the member's carbonate price in USD per t LCE ex-VAT:
     * SC6 and hydroxide are priced off carbonate in the model (hydroxide a fixed premium, SC6 a netback share that
     * moves with tightness), so their bands are the carbonate band (with its record error) times this ratio.
     */
    public static double[] ratioToCarbonateUsd(RollingForecast.Outlook o, double[][] product) {
        double usdFactor = 1.0 / (o.cnyPerUsd() * (1 + o.vatPct() / 100.0));
        double[][] cny = o.ensemble().cnyPerTInclVat();
        int n = o.model().months();
        double[][] ratio = new double[cny.length][n];
        for (int k = 0; k < cny.length; k++) {
            for (int h = 0; h < n; h++) {
                ratio[k][h] = product[k][h] / (cny[k][h] * usdFactor);
            }
        }
        return ModelForecaster.Ensemble.quantile(ratio, 0.5);
    }

    private static void bandTimes(ObjectNode o, Forecaster.Forecast f, double usdFactor, double[] ratio) {
        int n = f.months();
        double[] p10 = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        for (int h = 0; h < n; h++) {
            p10[h] = f.p10()[h] * usdFactor * ratio[h];
            p50[h] = f.p50()[h] * usdFactor * ratio[h];
            p90[h] = f.p90()[h] * usdFactor * ratio[h];
        }
        band(o, p10, p50, p90, 1.0);
    }

    private static void band(ObjectNode o, double[] p10, double[] p50, double[] p90, double factor) {
        rounded(o.putArray("p10"), p10, factor);
        rounded(o.putArray("p50"), p50, factor);
        rounded(o.putArray("p90"), p90, factor);
    }

    private static void rounded(ArrayNode a, double[] values, double factor) {
        for (double v : values) {
            a.add(Math.round(v * factor));
        }
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, Math.round(v * 10000) / 10000.0);
        }
    }
}
