package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.lichain.world.World;

/**
 * Forecasts from rolling origins and their record. For every origin T from {@link #FIRST_ORIGIN}, each forecaster
 * forecasts from the vintage at T only ({@link Forecaster.Origin}); the model's band is its ensemble
 * ({@link ModelForecaster}) widened by the model error measured in its own record before T:
 * <p>
 * <b>Band ("model")</b>: at horizon h, the errors e_j = ln(actual at j+h) − ln(ensemble median from origin j at h) of
 * every earlier origin j with j+h ≤ T (outcomes known at T); the forecast's p10, p50 and p90 are the quantiles of
 * {ln(member i at h) + e_j} over all members i and errors j (the ensemble convolved with the empirical error
 * distribution: it carries the model's past bias as well as its spread). With fewer than {@link #MIN_ERRORS} errors
 * (early origins, long horizons) the band is the ensemble's alone ({@code band_basis: ensemble}).
 * <p>
 * Deterministic: origins run in parallel on a pool of the given size, each origin's result depends only on its own
 * vintage and seed, and results are assembled in origin order.
 */
public final class RollingForecast {
    /** The first origin of every record on the embedded data (two years after the start of the record, 2017-01). */
    public static final YearMonth FIRST_ORIGIN = YearMonth.of(2019, 1);
    /** Months of record before the first origin (a drift and twelve months of state need a past). */
    static final int MONTHS_BEFORE_FIRST_ORIGIN = 24;
    /** Fewer past errors at a horizon than this: the band is the ensemble's alone. */
    public static final int MIN_ERRORS = 6;
    public static final int[] DEFAULT_HORIZONS = {1, 3, 6, 12, 24};
    /** Forecasters in the order of every table. */
    public static final List<String> FORECASTERS = List.of("model", "model_ensemble", "no_change", "drift", "futures");

    private RollingForecast() {
    }

    /** One origin: every forecaster's forecast (futures null where none existed), the model ensemble, the band basis. */
    public record OriginForecasts(YearMonth origin, Map<String, Forecaster.Forecast> byForecaster,
                                  ModelForecaster.Ensemble ensemble, String[] bandBasis) {
    }

    /**
     * A record: forecasts from each origin, scored per forecaster and horizon against {@code actual}; the model's error
     * band uses the record from {@code firstOrigin}.
     */
    public record Record(List<OriginForecasts> origins, int[] horizons, Map<String, List<ForecastScore.Score>> scores,
                         NavigableMap<YearMonth, Double> actual, int runs, long seed, YearMonth firstOrigin) {
    }

    /**
     * The first origin of the record on a price record: {@link #FIRST_ORIGIN}, or later when the record starts less
     * than {@value #MONTHS_BEFORE_FIRST_ORIGIN} months before it (a {@code --data} folder with a shorter record).
     */
    public static YearMonth firstOrigin(NavigableMap<YearMonth, Double> record) {
        if (record.isEmpty()) {
            throw new org.lichain.dataset.InvalidInputException(
                    "the dataset has no price record (prices_monthly.csv): there is nothing to forecast from");
        }
        YearMonth f = record.firstKey().plusMonths(MONTHS_BEFORE_FIRST_ORIGIN);
        return f.isAfter(FIRST_ORIGIN) ? f : FIRST_ORIGIN;
    }

    /**
     * The rolling-origin record on a world: origins {@code from..to} scored at {@code horizons} against the world's
     * monthly record (origins earlier than {@code from}, from {@link #FIRST_ORIGIN}, are run too: the model's error
     * band at an origin uses the record before it).
     */
    public static Record record(World w, YearMonth from, YearMonth to, int[] horizons, int runs, long seed,
                                int threads) {
        return record(w, Scenario.base(), from, to, horizons, runs, seed, threads);
    }

    /** The record on a base scenario other than the embedded one (its policies as known at each origin). */
    public static Record record(World w, Scenario base, YearMonth from, YearMonth to, int[] horizons, int runs,
                                long seed, int threads) {
        NavigableMap<YearMonth, Double> actual = MarketInputs.priceRecord(w);
        YearMonth first = firstOrigin(actual);
        if (from.isBefore(first)) {
            throw new org.lichain.dataset.InvalidInputException("--origins: the first origin is " + first
                    + " (two years after the record's start); got " + from);
        }
        if (to.isBefore(from)) {
            throw new org.lichain.dataset.InvalidInputException("--origins: " + to + " is before " + from);
        }
        if (to.isAfter(actual.lastKey())) {
            throw new org.lichain.dataset.InvalidInputException("--origins: " + to
                    + " is after the end of the price record " + actual.lastKey());
        }
        int maxH = Arrays.stream(horizons).max().orElse(1);
        List<OriginForecasts> all = forecasts(w, base, first, to, maxH, runs, seed, threads, actual);
        List<OriginForecasts> scored = new ArrayList<>();
        for (OriginForecasts o : all) {
            if (!o.origin().isBefore(from)) {
                scored.add(o);
            }
        }
        return new Record(scored, horizons.clone(), score(scored, horizons, actual), actual, runs, seed, first);
    }

    /**
     * Forecasts from every origin {@code first..last} for {@code months} months, each from its own vintage; the model
     * band from the errors known at each origin ({@code actual} restricted to months ≤ the origin). A month the record
     * lacks (a gap in a {@code --data} folder's record) is not an origin.
     */
    static List<OriginForecasts> forecasts(World w, Scenario base, YearMonth first, YearMonth last, int months,
                                           int runs, long seed, int threads,
                                           NavigableMap<YearMonth, Double> actual) {
        int n = (int) MarketInputs.monthsBetween(first, last) + 1;
        ModelForecaster model = new ModelForecaster(base, runs, seed);
        // the yearly fits first (one per year, in parallel), then the origins
        int[] years = IntStream.rangeClosed(first.getYear(), last.getYear()).toArray();
        Forecaster.Origin[] origins = new Forecaster.Origin[n];
        ModelForecaster.Ensemble[] ens = new ModelForecaster.Ensemble[n];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            // the fit takes its own vintage (December before the year): no vintage to build here
            pool.submit(() -> IntStream.range(0, years.length).parallel().forEach(i -> model.fitFor(w, years[i])))
                    .get();
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                if (actual.containsKey(first.plusMonths(i))) { // a month missing from the record is no origin
                    origins[i] = Forecaster.Origin.of(w, first.plusMonths(i));
                    ens[i] = model.ensemble(origins[i], months);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        List<OriginForecasts> out = new ArrayList<>();
        double[][] medians = new double[n][];
        for (int i = 0; i < n; i++) {
            medians[i] = ens[i] == null ? null : ModelForecaster.Ensemble.quantile(ens[i].cnyPerTInclVat(), 0.5);
        }
        for (int i = 0; i < n; i++) {
            if (ens[i] == null) {
                continue;
            }
            YearMonth o = first.plusMonths(i);
            Map<String, Forecaster.Forecast> by = new LinkedHashMap<>();
            String[] basis = new String[months];
            World vw = origins[i].vintage();
            double capCny = Simulation.CHOKE_PRICE_USD * vw.fx().cnyPerUsd(o) * (1 + vw.fiscal().chinaVatPct() / 100.0);
            by.put("model", band(ens[i], medians, first, i, actual.headMap(o, true), basis, capCny));
            by.put("model_ensemble", new Forecaster.Forecast("model_ensemble", o,
                    ModelForecaster.Ensemble.quantile(ens[i].cnyPerTInclVat(), 0.1), medians[i],
                    ModelForecaster.Ensemble.quantile(ens[i].cnyPerTInclVat(), 0.9)));
            by.put("no_change", BenchmarkForecasters.NO_CHANGE.forecast(origins[i], months));
            by.put("drift", BenchmarkForecasters.DRIFT.forecast(origins[i], months));
            by.put("futures", BenchmarkForecasters.FUTURES.forecast(origins[i], months));
            out.add(new OriginForecasts(o, by, ens[i], basis));
        }
        return out;
    }

    /** The model band at origin {@code i} (see the class comment); {@code known} = actual months up to the origin. */
    static Forecaster.Forecast band(ModelForecaster.Ensemble e, double[][] medians, YearMonth first, int i,
                                    NavigableMap<YearMonth, Double> known, String[] basis, double capCnyPerT) {
        int months = e.cnyPerTInclVat()[0].length;
        double[] p10 = new double[months];
        double[] p50 = new double[months];
        double[] p90 = new double[months];
        for (int h = 1; h <= months; h++) {
            List<Double> errors = new ArrayList<>();
            for (int j = 0; j + h <= i; j++) {
                Double a = known.get(first.plusMonths(j + h));
                if (a != null && medians[j] != null) {
                    errors.add(Math.log(a) - Math.log(medians[j][h - 1]));
                }
            }
            double[][] members = e.cnyPerTInclVat();
            double[] v;
            if (errors.size() < MIN_ERRORS) {
                v = new double[members.length];
                for (int k = 0; k < members.length; k++) {
                    v[k] = Math.log(members[k][h - 1]);
                }
                basis[h - 1] = "ensemble";
            } else {
                v = new double[members.length * errors.size()];
                int c = 0;
                for (double[] member : members) {
                    double lm = Math.log(member[h - 1]);
                    for (double err : errors) {
                        v[c++] = lm + err;
                    }
                }
                basis[h - 1] = "ensemble+record";
            }
            Arrays.sort(v);
            // a band value beyond the model's own last bound (the choke price, at the origin's exchange rate, incl.
            // VAT) is no price the model can form: bounded there
            p10[h - 1] = Math.min(capCnyPerT, Math.exp(ModelForecaster.quantileSorted(v, 0.1)));
            p50[h - 1] = Math.min(capCnyPerT, Math.exp(ModelForecaster.quantileSorted(v, 0.5)));
            p90[h - 1] = Math.min(capCnyPerT, Math.exp(ModelForecaster.quantileSorted(v, 0.9)));
        }
        return new Forecaster.Forecast("model", first.plusMonths(i), p10, p50, p90);
    }

    /** Scores every forecaster at each horizon over the origins whose outcome is in {@code actual}. */
    static Map<String, List<ForecastScore.Score>> score(List<OriginForecasts> origins, int[] horizons,
                                                        NavigableMap<YearMonth, Double> actual) {
        Map<String, List<ForecastScore.Score>> out = new LinkedHashMap<>();
        for (String f : FORECASTERS) {
            List<ForecastScore.Score> list = new ArrayList<>();
            for (int h : horizons) {
                List<OriginForecasts> cases = new ArrayList<>();
                for (OriginForecasts o : origins) {
                    Forecaster.Forecast fc = o.byForecaster().get(f);
                    if (fc != null && h <= fc.months() && actual.containsKey(o.origin().plusMonths(h))) {
                        cases.add(o);
                    }
                }
                int n = cases.size();
                double[] fcst = new double[n];
                double[] act = new double[n];
                double[] nc = new double[n];
                double[] fut = new double[n];
                double[] lo = new double[n];
                double[] hi = new double[n];
                for (int k = 0; k < n; k++) {
                    OriginForecasts o = cases.get(k);
                    Forecaster.Forecast fc = o.byForecaster().get(f);
                    fcst[k] = fc.p50()[h - 1];
                    lo[k] = fc.p10()[h - 1];
                    hi[k] = fc.p90()[h - 1];
                    act[k] = actual.get(o.origin().plusMonths(h));
                    nc[k] = o.byForecaster().get("no_change").p50()[h - 1];
                    Forecaster.Forecast ff = o.byForecaster().get("futures");
                    fut[k] = ff == null ? Double.NaN : ff.p50()[h - 1];
                }
                boolean banded = f.startsWith("model");
                list.add(ForecastScore.score(h, fcst, act, nc, fut, banded ? lo : null, banded ? hi : null));
            }
            out.put(f, list);
        }
        return out;
    }

    /** A forecast from one origin with its band, the history before it and the record of skill known at it. */
    public record Outlook(YearMonth origin, Forecaster.Forecast model, ModelForecaster.Ensemble ensemble,
                          String[] bandBasis, NavigableMap<YearMonth, Double> history, double cnyPerUsd,
                          double vatPct, Record skill) {
    }

    /**
     * The forecast at {@code origin} for {@code months} months: everything is computed on the vintage at the origin
     * (records and events after it cannot enter); the skill is the rolling record of origins before it, scored on the
     * outcomes known at it.
     */
    public static Outlook forecast(World w, YearMonth origin, int months, int runs, long seed, int threads) {
        return forecast(w, Scenario.base(), origin, months, runs, seed, threads);
    }

    /** The forecast on a base scenario other than the embedded one (its policies as known at the origin). */
    public static Outlook forecast(World w, Scenario base, YearMonth origin, int months, int runs, long seed,
                                   int threads) {
        if (months < 1 || months > 120) {
            throw new org.lichain.dataset.InvalidInputException("--months must be 1..120 (got " + months + ")");
        }
        YearMonth first = firstOrigin(MarketInputs.priceRecord(w));
        if (origin.isBefore(first)) {
            throw new org.lichain.dataset.InvalidInputException("--origin: the first origin is " + first
                    + " (two years after the record's start); got " + origin);
        }
        Forecaster.Origin o = Forecaster.Origin.of(w, origin);
        World v = o.vintage();
        int[] horizons = Arrays.stream(DEFAULT_HORIZONS).filter(h -> h <= Math.max(months, 24)).toArray();
        int len = Math.max(months, Arrays.stream(horizons).max().orElse(1));
        List<OriginForecasts> all = forecasts(v, base.knownAt(origin), first, origin, len, runs, seed, threads,
                o.record());
        OriginForecasts last = all.get(all.size() - 1);
        List<OriginForecasts> before = all.subList(0, all.size() - 1);
        Record skill = new Record(before, horizons, score(before, horizons, o.record()), o.record(), runs, seed, first);
        Forecaster.Forecast m = last.byForecaster().get("model");
        Forecaster.Forecast cut = new Forecaster.Forecast("model", origin, Arrays.copyOf(m.p10(), months),
                Arrays.copyOf(m.p50(), months), Arrays.copyOf(m.p90(), months));
        return new Outlook(origin, cut, last.ensemble(), Arrays.copyOf(last.bandBasis(), months), o.record(),
                v.fx().cnyPerUsd(origin), v.fiscal().chinaVatPct(), skill);
    }
}
