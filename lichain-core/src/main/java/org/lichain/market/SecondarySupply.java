package org.lichain.market;

/**
 * Lithium that does not come from mines, and demand that the lithium price itself removes (pure functions, tested in
 * {@code SecondarySupplyTest}); every rate is a market parameter with its source or estimate in
 * {@code market_parameters.csv}.
 * <ul>
 * <li><b>Recycling</b>: manufacturing scrap (a share of this month's battery demand comes back from cathode and cell
 * plants) plus end-of-life batteries (battery demand one lifetime earlier × collection and recovery).</li>
 * <li><b>Substitution</b>: sodium-ion takes a share of LFP-type demand (LFP EVs and storage) that rises smoothly with
 * the expected lithium price between a threshold and a saturation price.</li>
 * <li><b>Demand destruction</b>: above a threshold price, demand falls with a constant elasticity.</li>
 * <li><b>Short-run response</b>: demand moves with the price relative to its expected level (small elasticity).</li>
 * </ul>
 */
public final class SecondarySupply {
    private SecondarySupply() {
    }

    /** Recycled supply, t LCE per month. */
    public static double recycledTLce(double batteryDemandNowTLce, double batteryDemandOneLifetimeAgoTLce,
                                      double scrapPct, double endOfLifeRecoveredPct) {
        return batteryDemandNowTLce * scrapPct / 100.0 + batteryDemandOneLifetimeAgoTLce * endOfLifeRecoveredPct / 100.0;
    }

    /**
     * Sodium-ion share of LFP-type demand at an expected lithium price: 0 up to {@code thresholdUsd}, {@code maxPct}
     * from {@code saturationUsd}, a smoothstep in log price between.
     */
    public static double sodiumShare(double expectedPriceUsd, double thresholdUsd, double saturationUsd,
                                     double maxPct) {
        if (!(expectedPriceUsd > thresholdUsd)) {
            return 0.0;
        }
        double x = Math.min(1.0, Math.log(expectedPriceUsd / thresholdUsd) / Math.log(saturationUsd / thresholdUsd));
        return maxPct / 100.0 * x * x * (3 - 2 * x);
    }

    /** Demand factor from destruction: 1 up to {@code thresholdUsd}, {@code (P/threshold)^(−elasticity)} above. */
    public static double destructionFactor(double expectedPriceUsd, double thresholdUsd, double elasticity) {
        if (!(expectedPriceUsd > thresholdUsd)) {
            return 1.0;
        }
        return Math.pow(expectedPriceUsd / thresholdUsd, -elasticity);
    }

    /**
     * Short-run demand response to a price away from its expected level: {@code (P / expected)^(−elasticity)}
     * (buyers defer, thrift and draw down when the price is above what they expect, and pull forward when below).
     */
    public static double shortRunDemandFactor(double priceUsd, double expectedPriceUsd, double elasticity) {
        return Math.pow(priceUsd / expectedPriceUsd, -elasticity);
    }
}
