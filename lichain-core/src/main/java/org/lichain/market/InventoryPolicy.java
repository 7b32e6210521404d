package org.lichain.market;

/**
 * Consumers' stock policy (converters, cathode and cell makers): the stock cover they want rises with the recent
 * price trend (restocking when prices rise, destocking when they fall), but the trend enters through
 * {@code tanh}, so its effect is bounded by ±{@code inventory_momentum_gain} of normal cover however fast prices move;
 * purchases close the gap to the wanted stock over {@code inventory_adjust_months}. Pure; tested in
 * {@code InventoryPolicyTest}.
 */
public final class InventoryPolicy {
    /** Log price change over six months at which the momentum term reaches tanh(1) = 76% of its bound. */
    static final double MOMENTUM_SCALE_LOG = 0.5;

    private InventoryPolicy() {
    }

    /** Wanted cover in months of use. */
    public static double desiredCoverMonths(MarketParameters p, double logPriceChange6m, double logDemandGrowth12m) {
        double m = 1 + p.inventoryMomentumGain() * Math.tanh(logPriceChange6m / MOMENTUM_SCALE_LOG)
                + p.inventoryDemandGrowthGain() * logDemandGrowth12m;
        return Math.max(p.inventoryCoverMinMonths(), Math.min(p.inventoryCoverMaxMonths(),
                p.inventoryCoverMonths() * m));
    }

    /** A region's purchases this month: use plus the stock gap spread over the adjustment months, never negative. */
    public static double purchases(double useTLce, double coverMonths, double stockTLce, double adjustMonths) {
        return Math.max(0.0, useTLce + (coverMonths * useTLce - stockTLce) / adjustMonths);
    }
}
