package org.lichain.scenario;

import java.util.Arrays;

/** Order statistics and rank correlation used by ensemble summaries; pure functions on arrays. */
public final class EnsembleStatistics {
    /** Percentiles reported everywhere (fan charts, summary.json, tables). */
    public static final double[] PERCENTILES = {5, 25, 50, 75, 95};

    private EnsembleStatistics() {
    }

    /**
     * Percentile {@code p} (0..100) by linear interpolation between order statistics (Hyndman–Fan type 7,
     * the default of R and NumPy): h = (n − 1) p / 100, x[floor h] + (h − floor h)(x[floor h + 1] − x[floor h]).
     * NaN values are ignored; NaN if none is left.
     */
    public static double percentile(double[] values, double p) {
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return percentileOfSorted(x, p);
    }

    static double percentileOfSorted(double[] x, double p) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double h = (x.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, x.length - 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }

    /** Ranks 1..n with ties given their average rank. */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(v[idx[j + 1]], v[idx[i]]) == 0) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Spearman rank correlation (Pearson correlation of average ranks); 0 when either side is constant. */
    public static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0.0;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
