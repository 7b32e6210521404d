package org.lichain.environment;

import java.util.Arrays;

/**
 * Non-negative least squares, min ‖Ax − b‖ subject to x ≥ 0, by the active-set method of Lawson and Hanson (1974).
 * A pure kernel on arrays; the sub-problems are solved by Cholesky on the normal equations of the passive columns
 * (with a relative ridge of 1e-12 for numerical safety).
 */
public final class Nnls {
    private Nnls() {
    }

    /** @param a row-major m × n matrix */
    public static double[] solve(double[][] a, double[] b, int maxIterations) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        double[] x = new double[n];
        boolean[] passive = new boolean[n];
        double[] r = b.clone();
        double[] w = new double[n];
        double tol = 1e-10 * Math.max(1.0, norm(b));
        for (int iter = 0; iter < maxIterations; iter++) {
            gradient(a, r, w);
            int j = -1;
            double best = tol;
            for (int k = 0; k < n; k++) {
                if (!passive[k] && w[k] > best) {
                    best = w[k];
                    j = k;
                }
            }
            if (j < 0) {
                break;
            }
            passive[j] = true;
            for (int inner = 0; inner < 3 * n + 10; inner++) {
                double[] z = leastSquares(a, b, passive);
                boolean feasible = true;
                double alpha = 1.0;
                for (int k = 0; k < n; k++) {
                    if (passive[k] && z[k] <= 0) {
                        feasible = false;
                        double t = x[k] / (x[k] - z[k]);
                        if (t < alpha) {
                            alpha = t;
                        }
                    }
                }
                if (feasible) {
                    System.arraycopy(z, 0, x, 0, n);
                    break;
                }
                for (int k = 0; k < n; k++) {
                    x[k] += alpha * (z[k] - x[k]);
                    if (passive[k] && x[k] <= 1e-15) {
                        passive[k] = false;
                        x[k] = 0;
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    if (x[k] != 0) {
                        s += a[i][k] * x[k];
                    }
                }
                r[i] = b[i] - s;
            }
        }
        return x;
    }

    private static void gradient(double[][] a, double[] r, double[] w) {
        Arrays.fill(w, 0);
        for (int i = 0; i < a.length; i++) {
            double ri = r[i];
            if (ri == 0) {
                continue;
            }
            double[] row = a[i];
            for (int k = 0; k < w.length; k++) {
                w[k] += row[k] * ri;
            }
        }
    }

    private static double[] leastSquares(double[][] a, double[] b, boolean[] passive) {
        int n = passive.length;
        int[] idx = new int[n];
        int p = 0;
        for (int k = 0; k < n; k++) {
            if (passive[k]) {
                idx[p++] = k;
            }
        }
        double[][] g = new double[p][p];
        double[] c = new double[p];
        for (double[] row : a) {
            for (int u = 0; u < p; u++) {
                double au = row[idx[u]];
                if (au == 0) {
                    continue;
                }
                for (int v = 0; v <= u; v++) {
                    g[u][v] += au * row[idx[v]];
                }
            }
        }
        for (int i = 0; i < a.length; i++) {
            for (int u = 0; u < p; u++) {
                c[u] += a[i][idx[u]] * b[i];
            }
        }
        double trace = 0;
        for (int u = 0; u < p; u++) {
            trace += g[u][u];
        }
        double ridge = 1e-12 * Math.max(trace / Math.max(p, 1), 1e-300);
        // Cholesky G = L Lᵀ (lower triangle stored in g)
        for (int u = 0; u < p; u++) {
            for (int v = 0; v <= u; v++) {
                double s = g[u][v] + (u == v ? ridge : 0);
                for (int k = 0; k < v; k++) {
                    s -= g[u][k] * g[v][k];
                }
                g[u][v] = u == v ? Math.sqrt(Math.max(s, 1e-300)) : s / g[v][v];
            }
        }
        double[] y = new double[p];
        for (int u = 0; u < p; u++) {
            double s = c[u];
            for (int k = 0; k < u; k++) {
                s -= g[u][k] * y[k];
            }
            y[u] = s / g[u][u];
        }
        double[] z = new double[p];
        for (int u = p - 1; u >= 0; u--) {
            double s = y[u];
            for (int k = u + 1; k < p; k++) {
                s -= g[k][u] * z[k];
            }
            z[u] = s / g[u][u];
        }
        double[] full = new double[n];
        for (int u = 0; u < p; u++) {
            full[idx[u]] = z[u];
        }
        return full;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
