package org.lichain.market;

/**
 * Price formation, one continuous rule (no long/short regime switch). Each month the China spot price moves a share
 * of the way (in logs) toward a target:
 * <pre>
 *   target = softCap( MC(Q) × tightness^(−β), choke )
 *   MC(Q)      = cost at the margin of AVAILABLE capacity (running or idle: what it takes to bring supply out) at the
 *                quantity Q buyers use; beyond all available capacity the curve is extended as
 *                top × (Q / capacity)^(1/ε)
 *   tightness  = stocks held (producers' + consumers') ÷ stocks wanted (consumers' desired + producers' normal)
 *   softCap(v, c) = c × tanh(v / c): smooth, increasing, below the choke price c for every finite v
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
     * The cost at the margin of available capacity at quantity {@code q}: the supply curve of the assets in
     * {@code order[0..n)} (sorted by {@code cost}, each with {@code capacity} per month) read as a piecewise-linear
     * curve through the midpoints of the assets' capacity blocks (flat before the first and up to the end of the
     * last block); beyond the total capacity {@code top × (q / total)^(1/beyondElasticity)}. Assets with zero
     * capacity are skipped. With no capacity at all: NaN.
     */
    public static double marginalCostOfAvailable(double[] cost, double[] capacity, int[] order, int n, double q,
                                                 double beyondElasticity) {
        double cum = 0;
        double prevMid = Double.NaN;
        double prevCost = Double.NaN;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double c = capacity[i];
            if (!(c > 0)) {
                continue;
            }
            double mid = cum + c / 2;
            if (q <= mid) {
                if (Double.isNaN(prevMid)) {
                    return cost[i];
                }
                double w = (q - prevMid) / (mid - prevMid);
                return prevCost + w * (cost[i] - prevCost);
            }
            prevMid = mid;
            prevCost = cost[i];
            cum += c;
        }
        if (Double.isNaN(prevCost)) {
            return Double.NaN;
        }
        if (q <= cum) {
            return prevCost;
        }
        return prevCost * Math.pow(q / cum, 1.0 / beyondElasticity);
    }

    /** {@code tightness^(−β)}: 1 at normal stocks, above 1 when stocks are short of what is wanted. */
    public static double coverFactor(double tightness, double beta) {
        return Math.pow(Math.max(tightness, 1e-3), -beta);
    }

    /** {@code choke × tanh(v / choke)}: smooth, increasing, ≈ v well below the choke price, never reaching it. */
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
