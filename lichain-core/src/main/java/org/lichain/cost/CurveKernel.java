package org.lichain.cost;

/** The allocation-light heart of a cost curve: order by cost, cumulate, weighted statistics. */
public final class CurveKernel {
    private CurveKernel() {
    }

    /**
     * Indices of {@code cost} in ascending order; ties keep index order, so the result is deterministic.
     * A primitive bottom-up merge sort on (cost, index) pairs: no boxing.
     */
    public static int[] order(double[] cost) {
        int n = cost.length;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = Double.compare(cost[a[j]], cost[a[i]]) < 0 ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** Cumulative sums of {@code values} taken in {@code order}. */
    public static double[] cumulative(int[] order, double[] values) {
        double[] cum = new double[order.length];
        double s = 0;
        for (int i = 0; i < order.length; i++) {
            s += values[order[i]];
            cum[i] = s;
        }
        return cum;
    }

    /** Weighted median of {@code values} with weights {@code w} over the given (cost-sorted) order. */
    public static double weightedMedian(int[] order, double[] values, double[] w) {
        double total = 0;
        for (int i : order) {
            total += w[i];
        }
        if (order.length == 0) {
            return Double.NaN;
        }
        if (total <= 0) {
            return values[order[order.length / 2]];
        }
        double acc = 0;
        for (int i : order) {
            acc += w[i];
            if (acc >= total / 2.0) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }

    /** Share of weight whose value exceeds {@code price}. */
    public static double shareAbove(double[] values, double[] w, double price) {
        double total = 0;
        double above = 0;
        for (int i = 0; i < values.length; i++) {
            total += w[i];
            if (values[i] > price) {
                above += w[i];
            }
        }
        return total > 0 ? above / total : 0.0;
    }
}
