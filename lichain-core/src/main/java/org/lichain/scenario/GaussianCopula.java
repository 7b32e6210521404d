package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import java.util.List;

/**
 * Imposes Spearman rank correlations between inputs with a Gaussian copula (Iman–Conover style, by
 * construction rather than reordering): independent standard normals z are mixed as z' = L z, where L is the
 * Cholesky factor of the normal-score correlation matrix, and each input is taken at the quantile Φ(z'_k).
 * A Spearman target ρs is converted to the normal-score (Pearson) correlation r = 2 sin(π ρs / 6), the exact
 * relation for a bivariate normal.
 */
public final class GaussianCopula {
    private final double[] lower; // n x n, row-major, lower triangle of the Cholesky factor
    private final int n;

    private GaussianCopula(double[] lower, int n) {
        this.lower = lower;
        this.n = n;
    }

    /**
     * Builds the copula; throws {@link IllegalArgumentException} naming the problem if the requested
     * correlations are not a valid correlation matrix.
     */
    public static GaussianCopula of(List<UncertainParameter> params, List<RankCorrelation> corr) {
        int n = params.size();
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) {
            r[i * n + i] = 1.0;
        }
        var index = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < n; i++) {
            index.put(params.get(i).name(), i);
        }
        for (RankCorrelation c : corr) {
            Integer a = index.get(c.a());
            Integer b = index.get(c.b());
            if (a == null || b == null) {
                throw new InvalidInputException("correlation names an unknown parameter: " + c.a() + ", " + c.b());
            }
            double pearson = 2.0 * Math.sin(Math.PI * c.rho() / 6.0);
            r[a * n + b] = pearson;
            r[b * n + a] = pearson;
        }
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = r[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 1e-10)) {
                        throw new InvalidInputException("the rank correlations are inconsistent (the correlation "
                                + "matrix is not positive definite, at parameter '" + params.get(i).name() + "')");
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return new GaussianCopula(l, n);
    }

    /** Maps independent uniforms {@code u} (in place) to correlated uniforms with the target rank correlations. */
    public void correlate(double[] u) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = Distribution.STANDARD_NORMAL.inverseCumulativeProbability(u[i]);
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += lower[i * n + k] * z[k];
            }
            u[i] = clampOpen(Distribution.STANDARD_NORMAL.cumulativeProbability(s));
        }
    }

    static double clampOpen(double u) {
        return Math.min(1.0 - 0x1.0p-53, Math.max(0x1.0p-53, u));
    }
}
