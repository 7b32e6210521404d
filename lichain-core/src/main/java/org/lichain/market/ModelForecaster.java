package org.lichain.market;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.lichain.world.World;

/**
 * The market model as a forecaster: from the vintage at the origin T, the base scenario as known at T
 * ({@link Scenario#knownAt}) runs from the observed state at T, once per ensemble member over uncertain inputs.
 * <p>
 * <b>State at the origin</b> (a spin-up): the member runs from 2020-01 with the recorded monthly price imposed on every
 * month up to T ({@link MarketInputs#withObservedPriceUntil}), then freely after T. The operating status and utilisation
 * of assets, producers' and consumers' stocks, FIDs (committed projects) and price expectations at T are therefore the
 * model's response to the prices that were observed, on the capacity events known by T; FX and input prices are held
 * at their last known value. Origins before 2020-01 start at T+1 from the recorded price of the twelve months to T
 * alone (first price, expectation, trend; stocks at the initial cover). The uncertain inputs:
 * <ul>
 * <li>the demand level: all demand × exp(σ z), σ = {@value #DEMAND_SIGMA} (estimate: judgement of the spread of
 *     battery-demand outlooks over two years, not a sourced figure), z standard normal;</li>
 * <li>the cover elasticity β of the price: the fitted value + U(−0.5, 0.5), within 1.5–4;</li>
 * <li>the adjustment speed λ: the fitted value × exp(U(−0.3, 0.3)), within 0.05–0.6;</li>
 * <li>the seed of the run (lead times of new projects).</li>
 * </ul>
 * Member k draws from {@code SplittableRandom(seed × 1,000,003 + k)}: the same members at every origin (common random
 * numbers), the same result on any thread count.
 * <p>
 * <b>Parameters fitted only on data before the origin</b> (yearly refit): for an origin in year Y, every parameter of
 * the calibration grid ({@link Calibration#GRID}: β, λ, the short-run demand elasticity, consumers' cover, producers'
 * target, ε beyond capacity) is chosen on that grid by the mean absolute log error of a run from 2020-01 to December
 * Y−1 on the vintage of December Y−1 against the record of those months; origins in 2020 and before (no record month
 * after the run's start before them) use each parameter's grid centre ((min + max) / 2), not the embedded fit.
 */
public final class ModelForecaster implements Forecaster {
    public static final double DEMAND_SIGMA = 0.08;
    /** The first month of the runs the yearly fit scores. */
    static final YearMonth FIT_FROM = YearMonth.of(2020, 1);

    private final Scenario scenario;
    private final int runs;
    private final long seed;
    private final Map<Integer, Map<String, Double>> fits = new HashMap<>();

    /** The model on the embedded base scenario ({@link Scenario#base()}). */
    public ModelForecaster(int runs, long seed) {
        this(Scenario.base(), runs, seed);
    }

    /**
     * The model on a base scenario (its policies and shocks as known at each origin, {@link Scenario#knownAt}; its
     * period is replaced).
     */
    public ModelForecaster(Scenario scenario, int runs, long seed) {
        if (runs < 1) {
            throw new org.lichain.dataset.InvalidInputException("--runs must be at least 1 (got " + runs + ")");
        }
        this.scenario = scenario;
        this.runs = runs;
        this.seed = seed;
    }

    @Override
    public String id() {
        return "model_ensemble";
    }

    /**
     * The ensemble of an origin: per member and month after the origin, the China carbonate price (CNY per t incl. VAT),
     * SC6 (USD per t) and hydroxide (USD per t); {@code fitted}: the parameters fitted before the origin.
     */
    public record Ensemble(YearMonth origin, double[][] cnyPerTInclVat, double[][] sc6UsdPerT,
                           double[][] hydroxideUsdPerT, Map<String, Double> fitted) {
        /** The fitted cover elasticity β (the members' centre). */
        public double beta() {
            return fitted.get("cover_price_elasticity");
        }

        /** The fitted adjustment speed λ (the members' centre). */
        public double lambda() {
            return fitted.get("price_adjustment_per_month");
        }

        /** The p-quantile over members, per month (linear interpolation between order statistics). */
        public static double[] quantile(double[][] members, double p) {
            int months = members[0].length;
            double[] out = new double[months];
            double[] col = new double[members.length];
            for (int t = 0; t < months; t++) {
                for (int k = 0; k < members.length; k++) {
                    col[k] = members[k][t];
                }
                Arrays.sort(col);
                out[t] = quantileSorted(col, p);
            }
            return out;
        }
    }

    /** The p-quantile of sorted values (type 7: linear between order statistics). */
    static double quantileSorted(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public Forecast forecast(Origin o, int months) {
        Ensemble e = ensemble(o, months);
        return new Forecast(id(), o.month(), Ensemble.quantile(e.cnyPerTInclVat(), 0.1),
                Ensemble.quantile(e.cnyPerTInclVat(), 0.5), Ensemble.quantile(e.cnyPerTInclVat(), 0.9));
    }

    /** Runs the ensemble at an origin. */
    public Ensemble ensemble(Origin o, int months) {
        Map<String, Double> fit = fitFor(o.vintage(), o.month().getYear());
        // the state at the origin: a spin-up from Simulation.SPIN_UP_START with the observed price imposed up to the origin
        // (origins before it start at the month after the origin from the recorded price alone)
        YearMonth first = o.month().isBefore(Simulation.SPIN_UP_START) ? o.month().plusMonths(1) : Simulation.SPIN_UP_START;
        int skip = (int) MarketInputs.monthsBetween(first, o.month().plusMonths(1));
        Scenario base = scenario.knownAt(o.month()).withPeriod(first, o.month().plusMonths(months));
        MarketInputs prepared = MarketInputs.fromWorld(o.vintage(), base).withObservedPriceUntil(o.month());
        double[][] cny = new double[runs][];
        double[][] sc6 = new double[runs][];
        double[][] lioh = new double[runs][];
        SuccessiveShortestPathSolver solver = new SuccessiveShortestPathSolver();
        for (int k = 0; k < runs; k++) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + k);
            double z = gaussian(rng);
            double beta = Math.min(4.0, Math.max(1.5, fit.get("cover_price_elasticity") + rng.nextDouble(-0.5, 0.5)));
            double lambda = Math.min(0.6, Math.max(0.05,
                    fit.get("price_adjustment_per_month") * Math.exp(rng.nextDouble(-0.3, 0.3))));
            Map<String, Double> pf = new HashMap<>(base.priceFormation());
            pf.putAll(fit);
            pf.put("cover_price_elasticity", beta);
            pf.put("price_adjustment_per_month", lambda);
            Map<String, Double> mult = new HashMap<>(base.demandMultipliers());
            mult.merge("all", Math.exp(DEMAND_SIGMA * z), (a, b) -> a * b);
            Scenario s = new Scenario(base.name(), base.from(), base.to(), base.seed(), base.demandPreset(), mult,
                    base.demandNoisePct(), base.tariffs(), base.exportBans(), base.quotas(), base.stateSupport(),
                    base.shocks(), pf, base.forceMarketEvents());
            SimulationResult r = Simulation.run(prepared.withScenario(s), seed + k, solver);
            cny[k] = Arrays.copyOfRange(r.priceCnyPerTInclVat(), skip, skip + months);
            sc6[k] = Arrays.copyOfRange(r.sc6UsdPerT(), skip, skip + months);
            lioh[k] = Arrays.copyOfRange(r.hydroxideUsdPerT(), skip, skip + months);
        }
        return new Ensemble(o.month(), cny, sc6, lioh, fit);
    }

    /** Box-Muller from two uniforms of the member's stream. */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The grid's parameters for origins in {@code year}, fitted on the record before it (class comment); cached per year. */
    Map<String, Double> fitFor(World vintage, int year) {
        synchronized (fits) {
            Map<String, Double> f = fits.get(year);
            if (f != null) {
                return f;
            }
        }
        Map<String, Double> f = fit(vintage, scenario, year);
        synchronized (fits) {
            fits.putIfAbsent(year, f);
            return fits.get(year);
        }
    }

    /** Each grid parameter's centre, (min + max) / 2: the prior before any record month. */
    static Map<String, Double> prior() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (var e : Calibration.GRID.entrySet()) {
            double[] g = e.getValue();
            out.put(e.getKey(), (Arrays.stream(g).min().orElseThrow() + Arrays.stream(g).max().orElseThrow()) / 2);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The yearly fit (pure: depends only on the vintage of December {@code year − 1} of {@code world}). */
    static Map<String, Double> fit(World world, Scenario scenario, int year) {
        YearMonth end = YearMonth.of(year - 1, 12);
        if (end.isBefore(FIT_FROM)) {
            return prior();
        }
        World v = Vintage.of(world, end);
        Scenario base = scenario.knownAt(end).withPeriod(FIT_FROM, end);
        MarketInputs prepared = MarketInputs.fromWorld(v, base);
        java.util.NavigableMap<YearMonth, Double> rec = prepared.priceRecordCnyPerTInclVat;
        Calibration.Best best = Calibration.search(prepared, base.seed(), r -> {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < r.months(); t++) {
                Double a = rec.get(r.month(t));
                if (a != null) {
                    sum += Math.abs(Math.log(r.priceCnyPerTInclVat()[t] / a));
                    n++;
                }
            }
            return n > 0 ? sum / n : Double.POSITIVE_INFINITY;
        });
        return best.grid() != null ? best.grid() : prior(); // none scored (no recorded month in the run): the prior
    }
}
