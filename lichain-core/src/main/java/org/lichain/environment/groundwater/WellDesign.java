package org.lichain.environment.groundwater;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Well-sampling design at a site, by Monte Carlo over leaks: the probability that sampling a set of wells on a schedule
 * detects a leak (a sample at or above the threshold) before the plume reaches a receptor (the river bank or a supply
 * well, at the same threshold), and the best k wells from the site's candidate positions.
 *
 * <p>Each trial draws (seeded, one {@link SplittableRandom} per trial index, so results do not depend on threads or
 * order): a square leak patch under the stack (width a uniform fraction of the stack side, position uniform within
 * the stack), a start time (uniform in the first half of the horizon), the aquifer (conductivity log-normal about the
 * site value; retardation and dispersivities log-uniform between half and twice the site values, R ≥ 1) and the phase
 * of the sampling calendar. The leak is a constant source (the patch's mean leachate under
 * {@link SourceTerm.Scenario#LINER_FAILURE}; named simplifications: no seasonal cycle and no inventory depletion within
 * the horizon), so the concentration at a point rises monotonically and its threshold crossing is found by bisection
 * ({@link Plume#crossingDays}). A well detects at its first sample at or after its crossing; the deadline is the first
 * receptor crossing, or the end of the horizon when no receptor is reached (then a detection within the horizon
 * counts).
 *
 * <p>Choosing k wells to maximise the share of trials detected in time is a maximum-coverage problem: the objective is
 * monotone submodular, so the greedy choice is within (1 − 1/e) of the optimum (Nemhauser, Wolsey &amp; Fisher 1978),
 * and the data-dependent bound f(S) + Σ of the k largest remaining marginal gains (Minoux 1978; Krause &amp; Golovin
 * 2014) bounds the optimum from above; both are reported. When C(n, k) ≤ {@link #EXHAUSTIVE_LIMIT} every set is also
 * tried and the exact optimum is reported.
 */
public final class WellDesign {
    /** Largest number of k-subsets tried exhaustively. */
    public static final long EXHAUSTIVE_LIMIT = 20_000;
    /** A month of the sampling calendar, days (365.25/12). */
    public static final double MONTH_DAYS = 365.25 / 12.0;

    private WellDesign() {
    }

    /**
     * @param trials           Monte Carlo trials
     * @param seed             random seed
     * @param horizonYears     simulated years after the first possible leak
     * @param intervalDays     sampling interval (monthly = {@link #MONTH_DAYS})
     * @param thresholdUgPerL  detection and receptor threshold (GB/T 14848 class III limit by default)
     * @param patchFractionMin smallest leak-patch width as a fraction of the stack side
     * @param patchFractionMax largest
     * @param conductivitySigmaLn standard deviation of ln K
     */
    public record Options(int trials, long seed, int horizonYears, double intervalDays, double thresholdUgPerL,
                          double patchFractionMin, double patchFractionMax, double conductivitySigmaLn) {
        public static Options defaults() {
            return new Options(2000, 15L, 30, MONTH_DAYS, GroundwaterClass.CLASS_III_LIMIT_UG_PER_L, 0.05, 0.3, 0.7);
        }

        public Options withTrials(int n) {
            return new Options(n, seed, horizonYears, intervalDays, thresholdUgPerL, patchFractionMin,
                    patchFractionMax, conductivitySigmaLn);
        }

        public Options withIntervalDays(double d) {
            return new Options(trials, seed, horizonYears, d, thresholdUgPerL, patchFractionMin, patchFractionMax,
                    conductivitySigmaLn);
        }

        public Options withSeed(long s) {
            return new Options(trials, s, horizonYears, intervalDays, thresholdUgPerL, patchFractionMin,
                    patchFractionMax, conductivitySigmaLn);
        }
    }

    /**
     * The simulated trials: for each trial its deadline (days) and, per sampled point (wells then candidates, in
     * {@link #pointIds} order), the day of detection (+∞ when never within the horizon).
     */
    public record Trials(List<String> pointIds, double[] deadlineDays, double[][] detectionDays, double horizonDays,
                         int receptorReached) {
        /** Detected in time: [trial][point]. */
        public boolean[][] inTime() {
            boolean[][] b = new boolean[deadlineDays.length][pointIds.size()];
            for (int t = 0; t < b.length; t++) {
                for (int j = 0; j < b[t].length; j++) {
                    b[t][j] = detectionDays[t][j] < deadlineDays[t] && detectionDays[t][j] <= horizonDays;
                }
            }
            return b;
        }

        /** The probability that at least one of the points (indices) detects in time. */
        public double probability(int[] set) {
            int hit = 0;
            for (int t = 0; t < deadlineDays.length; t++) {
                for (int j : set) {
                    if (detectionDays[t][j] < deadlineDays[t] && detectionDays[t][j] <= horizonDays) {
                        hit++;
                        break;
                    }
                }
            }
            return deadlineDays.length == 0 ? 0.0 : hit / (double) deadlineDays.length;
        }

        /** Mean days from the leak start to the first detection by the set, over the trials it detects in time. */
        public double meanDetectionDelayDays(int[] set, double[] leakStartDays) {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < deadlineDays.length; t++) {
                double first = Double.POSITIVE_INFINITY;
                for (int j : set) {
                    first = Math.min(first, detectionDays[t][j]);
                }
                if (first < deadlineDays[t] && first <= horizonDays) {
                    sum += first - leakStartDays[t];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        public int index(String id) {
            int i = pointIds.indexOf(id);
            if (i < 0) {
                throw new org.lichain.dataset.InvalidInputException("unknown point " + id);
            }
            return i;
        }
    }

    /** Trials plus the leak start of each trial (days). */
    public record Simulation(Trials trials, double[] leakStartDays) {
    }

    /**
     * Runs the Monte Carlo for a stack of {@code stockT} t holding {@code tlInResidueKg} of thallium (the leak's
     * rainfall is the site's annual mean: constant source).
     */
    public static Simulation simulate(GroundwaterSite site, double stockT, double tlInResidueKg, Options o) {
        return crossings(site, stockT, tlInResidueKg, o).sampledEvery(o.intervalDays());
    }

    /**
     * The Monte Carlo's draws and crossing times, before rounding to a sampling calendar: the draws do not depend on
     * the sampling interval, so one set of trials serves every calendar ({@link #sampledEvery}).
     */
    record Crossings(List<String> ids, double[] deadline, double[][] crossDays, double[] phase, double horizon,
                     int reached, double[] start) {
        /** Detection at the first sampling date on or after each crossing (calendar of the given interval and phase). */
        Simulation sampledEvery(double intervalDays) {
            double[][] det = new double[crossDays.length][];
            for (int t = 0; t < det.length; t++) {
                det[t] = new double[crossDays[t].length];
                for (int j = 0; j < det[t].length; j++) {
                    double cross = crossDays[t][j];
                    det[t][j] = Double.isInfinite(cross) ? Double.POSITIVE_INFINITY
                            : phase[t] + Math.ceil((cross - phase[t]) / intervalDays) * intervalDays;
                }
            }
            return new Simulation(new Trials(ids, deadline, det, horizon, reached), start);
        }
    }

    static Crossings crossings(GroundwaterSite site, double stockT, double tlInResidueKg, Options o) {
        if (!(stockT > 0)) {
            throw new org.lichain.dataset.InvalidInputException("site " + site.id() + " has no residue stock (asset " + site.asset() + ")");
        }
        if (o.trials() < 1) {
            throw new org.lichain.dataset.InvalidInputException("trials must be at least 1");
        }
        List<GroundwaterSite.Point> sampled = site.points(GroundwaterSite.PointKind.WELL,
                GroundwaterSite.PointKind.CANDIDATE);
        List<GroundwaterSite.Point> receptors = site.points(GroundwaterSite.PointKind.RIVER,
                GroundwaterSite.PointKind.RECEPTOR_WELL);
        double side = SourceTerm.stackSideM(site, stockT);
        double horizon = o.horizonYears() * 365.25;
        double[] deadline = new double[o.trials()];
        double[][] crossDays = new double[o.trials()][sampled.size()];
        double[] phases = new double[o.trials()];
        double[] start = new double[o.trials()];
        double[] flat = new double[12];
        Arrays.fill(flat, 1.0);
        int reached = 0;
        GroundwaterSite.Aquifer base = site.aquifer();
        for (int t = 0; t < o.trials(); t++) {
            SplittableRandom rnd = new SplittableRandom(mix(o.seed(), t));
            double w = side * (o.patchFractionMin() + rnd.nextDouble() * (o.patchFractionMax() - o.patchFractionMin()));
            double yc = -side / 2 + w / 2 + rnd.nextDouble() * (side - w);
            double xs = -side + w + rnd.nextDouble() * (side - w); // patch's downgradient edge, ≤ 0
            double t0 = rnd.nextDouble() * horizon / 2;
            double k = base.conductivityMPerDay() * Math.exp(o.conductivitySigmaLn() * gaussian(rnd));
            double r = Math.max(1.0, base.retardation() * Math.exp(Math.log(0.5) + rnd.nextDouble() * Math.log(4.0)));
            double fa = Math.exp(Math.log(0.5) + rnd.nextDouble() * Math.log(4.0));
            // the calendar's phase is drawn within a month for any interval, so a calendar whose interval divides a month
            // holds every monthly date (half-monthly sampling can only detect sooner, trial by trial)
            double phase = rnd.nextDouble() * MONTH_DAYS;
            GroundwaterSite.Aquifer a = base.withConductivity(k).withRetardation(r).withDispersivities(
                    base.longitudinalDispersivityM() * fa, base.transverseDispersivityM() * fa);
            GroundwaterSite trialSite = site.withAquifer(a);
            double inventory = tlInResidueKg * site.leaching().tlLeachableFraction() * (w * w) / (side * side);
            SourceTerm.Leachate l = SourceTerm.leachate(trialSite, SourceTerm.Scenario.LINER_FAILURE, w, w, inventory,
                    flat, 1, 1);
            double c0 = l.sourceUgPerL()[0];
            double ratio = c0 > 0 ? o.thresholdUgPerL() / c0 : Double.POSITIVE_INFINITY;
            double dl = Double.POSITIVE_INFINITY;
            for (GroundwaterSite.Point p : receptors) {
                double y = p.kind() == GroundwaterSite.PointKind.RIVER ? 0.0 : p.yM() - yc;
                dl = Math.min(dl, t0 + Plume.crossingDays(a, w, p.xM() - xs, y, ratio));
            }
            if (dl <= horizon) {
                reached++;
            }
            deadline[t] = dl <= horizon ? dl : Double.POSITIVE_INFINITY;
            start[t] = t0;
            phases[t] = phase;
            for (int j = 0; j < sampled.size(); j++) {
                GroundwaterSite.Point p = sampled.get(j);
                crossDays[t][j] = t0 + Plume.crossingDays(a, w, p.xM() - xs, p.yM() - yc, ratio);
            }
        }
        List<String> ids = sampled.stream().map(GroundwaterSite.Point::id).toList();
        return new Crossings(ids, deadline, crossDays, phases, horizon, reached, start);
    }

    /**
     * A chosen set: the greedy wells with their marginal gains and probability, the online upper bound, and the exact
     * optimum when it was searched exhaustively (NaN and empty otherwise).
     */
    public record Choice(List<String> wells, List<Double> marginalGains, double probability, double upperBound,
                         double exhaustiveOptimum, List<String> exhaustiveWells, String method) {
        /** The wells to propose: the exact optimum when known, else the greedy set. */
        public List<String> recommendedWells() {
            return exhaustiveWells.isEmpty() ? wells : exhaustiveWells;
        }

        public double recommendedProbability() {
            return exhaustiveWells.isEmpty() ? probability : exhaustiveOptimum;
        }
    }

    /** The greedy k wells (ties to the earlier point), its online upper bound, and the exact optimum when small. */
    public static Choice best(Trials tr, int k) {
        int n = tr.pointIds().size();
        if (k < 1 || k > n) {
            throw new org.lichain.dataset.InvalidInputException("--wells " + k + ": must be 1 to " + n + " (the site's candidate and "
                    + "existing wells)");
        }
        boolean[][] hit = tr.inTime();
        int trials = hit.length;
        boolean[] covered = new boolean[trials];
        List<Integer> chosen = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        double f = 0;
        double bound = 1.0;
        for (int step = 0; step < k; step++) {
            int[] gain = gains(hit, covered, chosen);
            // online bound at the current set: f(S) + sum of the k largest marginal gains
            int[] sorted = gain.clone();
            Arrays.sort(sorted);
            double top = 0;
            for (int i = 0; i < k && i < n; i++) {
                top += sorted[n - 1 - i];
            }
            bound = Math.min(bound, f + top / (double) trials);
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!chosen.contains(j) && (best < 0 || gain[j] > gain[best])) {
                    best = j;
                }
            }
            chosen.add(best);
            gains.add(gain[best] / (double) trials);
            f += gain[best] / (double) trials;
            for (int t = 0; t < trials; t++) {
                covered[t] |= hit[t][best];
            }
        }
        int[] after = gains(hit, covered, chosen);
        Arrays.sort(after);
        double top = 0;
        for (int i = 0; i < k && i < n; i++) {
            top += after[n - 1 - i];
        }
        bound = Math.min(bound, f + top / (double) trials);
        double exact = Double.NaN;
        List<String> exactWells = List.of();
        if (binomial(n, k) <= EXHAUSTIVE_LIMIT) {
            int[] idx = new int[k];
            for (int i = 0; i < k; i++) {
                idx[i] = i;
            }
            int[] bestSet = null;
            double bestP = -1;
            while (idx != null) {
                double p = tr.probability(idx);
                if (p > bestP + 1e-12) {
                    bestP = p;
                    bestSet = idx.clone();
                }
                idx = next(idx, n);
            }
            exact = bestP;
            List<String> w = new ArrayList<>();
            for (int j : bestSet) {
                w.add(tr.pointIds().get(j));
            }
            exactWells = w;
        }
        List<String> names = chosen.stream().map(tr.pointIds()::get).toList();
        return new Choice(names, gains, f, bound, exact, exactWells,
                Double.isNaN(exact) ? "greedy (max coverage) with online bound"
                        : "exhaustive optimum over all " + binomial(n, k) + " sets (greedy shown for comparison)");
    }

    private static int[] gains(boolean[][] hit, boolean[] covered, List<Integer> chosen) {
        int n = hit.length == 0 ? 0 : hit[0].length;
        int[] g = new int[n];
        for (int t = 0; t < hit.length; t++) {
            if (covered[t]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (hit[t][j] && !chosen.contains(j)) {
                    g[j]++;
                }
            }
        }
        return g;
    }

    private static int[] next(int[] idx, int n) {
        int k = idx.length;
        int i = k - 1;
        while (i >= 0 && idx[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        idx[i]++;
        for (int j = i + 1; j < k; j++) {
            idx[j] = idx[j - 1] + 1;
        }
        return idx;
    }

    static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
            if (c > Long.MAX_VALUE / 64) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    /** Indices of point ids in a trials' order. */
    public static int[] indices(Trials tr, List<String> ids) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tr.index(ids.get(i));
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller (one value); deterministic for a given generator state
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static long mix(long seed, long trial) {
        long z = seed * 0x9E3779B97F4A7C15L + trial + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The design report: best k, with monthly and half-monthly sampling and one more well. */
    public record Report(String site, int k, Options options, int trials, int receptorReached,
                         List<String> existingWells, double existingMonthly, Choice monthly, double bestHalfMonthly,
                         double meanDelayMonthlyDays, double meanDelayHalfMonthlyDays, Choice oneMoreWell,
                         double bestEvery14DaysProbability) {
    }

    /**
     * The full design question: existing wells sampled monthly; the best k monthly (the recommended set: exhaustive
     * optimum when searched, else greedy); the same k sampled every half month (a calendar that contains the monthly dates, so it can only detect sooner); and the best k + 1 monthly.
     */
    public static Report report(GroundwaterSite site, double stockT, double tlInResidueKg, int k, Options o) {
        Crossings trials = crossings(site, stockT, tlInResidueKg, o); // one Monte Carlo for every calendar below
        Simulation monthly = trials.sampledEvery(MONTH_DAYS);
        Simulation half = trials.sampledEvery(MONTH_DAYS / 2);
        Trials tm = monthly.trials();
        int n = tm.pointIds().size();
        if (k < 1 || k > n) {
            throw new org.lichain.dataset.InvalidInputException("--wells " + k + ": must be 1 to " + n + " (the site's candidate and "
                    + "existing wells)");
        }
        List<String> existing = site.points(GroundwaterSite.PointKind.WELL).stream().map(GroundwaterSite.Point::id)
                .toList();
        double pExisting = existing.isEmpty() ? 0.0 : tm.probability(indices(tm, existing));
        Choice best = best(tm, k);
        int[] set = indices(tm, best.recommendedWells());
        double pHalf = half.trials().probability(set);
        Choice more = k + 1 <= n ? best(tm, k + 1) : null;
        // literally every two weeks: a 14-day calendar does not hold the monthly dates, so it is reported, not bounded
        double p14 = trials.sampledEvery(14.0).trials().probability(set);
        return new Report(site.id(), k, o, o.trials(), tm.receptorReached(), existing, pExisting, best, pHalf,
                tm.meanDetectionDelayDays(set, monthly.leakStartDays()),
                half.trials().meanDetectionDelayDays(set, half.leakStartDays()), more, p14);
    }
}
