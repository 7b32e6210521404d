package org.lichain.market;

/**
 * Price formation, one continuous rule (no long/short regime switch). Each month the China spot price moves a share
 * of the way (in logs) toward a target:
 * <pre>
 *   target = softCap( MC(Q) × tightness^(−β), choke )
 *   MC(Q)      = cost at the margin of AVAILABLE capacity (running or idle: what it takes to bring supply out) at the
 *                quantity Q buyers use: the step supply curve, extended beyond all available capacity as
 *                top × (Q / capacity)^(1/ε), averaged over Q ± 5%
 *   tightness  = stocks held (producers' + consumers') ÷ stocks wanted (consumers' desired + producers' normal)
 *   softCap(v, c) = c × tanh(v / c): smooth, increasing, never above the choke price c
 *   P_t = P_{t−1}^(1−λ) × target^λ
 * </pre>
 * Removing capacity can only raise MC(Q) and lower stocks, so it can only raise the target; keeping a producer
 * running adds stock and lowers it. Pure functions: each is tested by hand in {@code PriceFormationTest}.
 */
public final class PriceFormation {
    private PriceFormation() {
    }

    /** The month's target and its parts (USD per t LCE ex-VAT; tightness and cover factor are ratios). */
    public record Target(double marginalCostUsd, double tightness, double coverFactor, double targetUsd) {
    }

    /**
     * Half-width of the window over which the supply curve is averaged, as a share of the quantity (5%): the step of
     * one plant is smoothed out, and since the window is fixed in quantity, removing capacity can only raise the
     * average (the step curve shifts left, pointwise up) and a larger quantity can only raise it.
     */
    public static final double SMOOTHING_HALF_WIDTH = 0.05;

    /**
     * The cost at the margin of available capacity at quantity {@code q}: the step supply curve of the assets in
     * {@code order[0..n)} (sorted by {@code cost}, each with {@code capacity} per month; zero capacities skipped),
     * extended beyond the total capacity as {@code top × (x / total)^(1/beyondElasticity)}, averaged over
     * [q(1 − w), q(1 + w)] with w = {@link #SMOOTHING_HALF_WIDTH}. With no capacity at all: NaN.
     */
    public static double marginalCostOfAvailable(double[] cost, double[] capacity, int[] order, int n, double q,
                                                 double beyondElasticity) {
        return marginalCostOfAvailable(cost, capacity, order, n, q, beyondElasticity, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #marginalCostOfAvailable(double[], double[], int[], int, double, double)}, with the curve beyond all
     * capacity extended from {@code max(top, builtTopCost)}: the dearest plant that exists this month, available or
     * not. Then taking a plant out (suspended, idle, stranded) can never lower the curve, not even the dearest one
     * (whose removal would otherwise lower the base of the extension).
     */
    public static double marginalCostOfAvailable(double[] cost, double[] capacity, int[] order, int n, double q,
                                                 double beyondElasticity, double builtTopCost) {
        double lo = q * (1 - SMOOTHING_HALF_WIDTH);
        double hi = q * (1 + SMOOTHING_HALF_WIDTH);
        if (!(hi > lo)) { // no use: the cheapest available plant
            for (int k = 0; k < n; k++) {
                if (capacity[order[k]] > 0) {
                    return cost[order[k]];
                }
            }
            return Double.NaN;
        }
        double integral = 0;
        double cum = 0;
        double top = Double.NaN;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double c = capacity[i];
            if (!(c > 0)) {
                continue;
            }
            double a = Math.max(lo, cum);
            double b = Math.min(hi, cum + c);
            if (b > a) {
                integral += (b - a) * cost[i];
            }
            cum += c;
            top = cost[i];
            if (cum >= hi) {
                break; // the window is covered: later plants change neither the integral nor (no extension) the top
            }
        }
        if (Double.isNaN(top)) {
            return Double.NaN;
        }
        top = Math.max(top, builtTopCost);
        if (hi > cum) { // the extension beyond all capacity: ∫ top (x/cum)^e dx = top cum/(e+1) [(x/cum)^(e+1)]
            double e = 1.0 / beyondElasticity;
            double a = Math.max(lo, cum);
            integral += top * cum / (e + 1) * (Math.pow(hi / cum, e + 1) - Math.pow(a / cum, e + 1));
        }
        return integral / (hi - lo);
    }

    /** {@code tightness^(−β)}: 1 at normal stocks, above 1 when stocks are short of what is wanted. */
    public static double coverFactor(double tightness, double beta) {
        return Math.pow(Math.max(tightness, 1e-3), -beta);
    }

    /** {@code choke × tanh(v / choke)}: smooth, increasing, ≈ v well below the choke price, never above it. */
    public static double softCap(double v, double choke) {
        return choke * Math.tanh(v / choke);
    }

    /** The target from its inputs (stocks in t LCE; wanted stocks must be positive). */
    public static Target target(double marginalCostUsd, double stocksHeldTLce, double stocksWantedTLce, double beta,
                                double chokeUsd) {
        double x = stocksHeldTLce / Math.max(stocksWantedTLce, 1e-9);
        double g = coverFactor(x, beta);
        return new Target(marginalCostUsd, x, g, softCap(marginalCostUsd * g, chokeUsd));
    }

    /** Partial adjustment in logs: {@code prev^(1−λ) × target^λ}; the first month takes the target. */
    public static double adjust(double prevUsd, double targetUsd, double lambda) {
        if (Double.isNaN(prevUsd)) {
            return targetUsd;
        }
        return Math.exp((1 - lambda) * Math.log(prevUsd) + lambda * Math.log(targetUsd));
    }

    /** Bound on the scarcity premium of a region, as a share of China's price. */
    public static final double MAX_REGIONAL_SCARCITY_SHARE = 1.0;

    /**
     * A region's price: China's price plus the difference in landed cost (freight and tariffs per t LCE of the real
     * arcs into the region and into China), plus a scarcity premium of {@code P × unmetShare} (bounded by
     * {@link #MAX_REGIONAL_SCARCITY_SHARE}); never negative.
     */
    public static double regional(double chinaPriceUsd, double landedUsd, double chinaLandedUsd, double unmetShare) {
        double scarcity = chinaPriceUsd * Math.min(MAX_REGIONAL_SCARCITY_SHARE, Math.max(0, unmetShare));
        return Math.max(0.0, chinaPriceUsd + landedUsd - chinaLandedUsd + scarcity);
    }
}
