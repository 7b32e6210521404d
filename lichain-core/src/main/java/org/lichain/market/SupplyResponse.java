package org.lichain.market;

/**
 * How an operating asset responds to price, cost and unsold stock (pure functions; hand-computed tests in
 * {@code SupplyResponseTest}).
 * <ul>
 * <li><b>Utilisation</b> is an outcome: normal at cost, rising toward the maximum as the price reaches twice C1,
 * falling below cost by {@code loss_utilisation_slope} per unit of shortfall (not under the minimum); then cut when
 * producers' unsold stock exceeds its target cover ({@link #unsoldStockFactor}); state support is a floor on the
 * result.</li>
 * <li><b>Care and maintenance and restart</b> ({@link #nextOperatingShare}): the operating share of capacity moves
 * toward a wanted share that is 1 while the loss stays within the operator's tolerance and falls to 0 as losses
 * deepen, at most over {@code curtail_after_months} (+ its support's extra months) going down and
 * {@code restart_after_months} going up; continuous in the price and without memory, so a small price change
 * moves supply a little, never a whole plant at once, and shocks fade. The
 * decision margin is the price minus C1 for a stand-alone operator; an integrated owner (a battery or car maker
 * that owns the mine) adds its downstream margin per t LCE: it decides on the chain margin.</li>
 * </ul>
 */
public final class SupplyResponse {
    private SupplyResponse() {
    }

    /**
     * Utilisation of an operating asset at a price/C1 ratio: normal at cost; rising toward max as the price
     * reaches twice C1; falling below cost by {@code loss_utilisation_slope} per unit of shortfall, not under min.
     */
    public static double priceUtilisation(MarketParameters p, double priceOverC1) {
        double uN = p.normalUtilisationPct() / 100.0;
        if (priceOverC1 >= 1) {
            double up = Math.log(priceOverC1) / Math.log(2);
            return uN + (p.maxUtilisationPct() / 100.0 - uN) * Math.max(0, Math.min(1, up));
        }
        return Math.max(p.minUtilisationPct() / 100.0, uN * (1 - p.lossUtilisationSlope() * (1 - priceOverC1)));
    }

    /**
     * Output factor for unsold stock: 1 while producers' stock is at most {@code targetMonths} of the market's use,
     * {@code (targetMonths / stockMonths)^0.5} above it (smooth and decreasing: twice the target stock cuts output
     * by 29%).
     */
    public static double unsoldStockFactor(double stockMonths, double targetMonths) {
        if (!(stockMonths > targetMonths) || targetMonths <= 0) {
            return 1.0;
        }
        return Math.sqrt(targetMonths / stockMonths);
    }

    /** Utilisation after price, unsold stock and the support floor: {@code max(floor, price × stock factor)}. */
    public static double utilisation(MarketParameters p, double priceOverC1, double stockFactor, double floor) {
        return Math.max(floor, priceUtilisation(p, priceOverC1) * stockFactor);
    }

    /**
     * Width, in relative margin, over which the wanted operating share falls from 1 to 0 below the loss line (20
     * points of C1; estimate: judgement): an operator idles lines progressively as losses deepen.
     */
    static final double IDLE_BAND = 0.20;

    /**
     * The operating share an operator wants at a relative decision margin {@code x = margin / C1}: 1 while the loss
     * is within its tolerance, falling linearly to 0 over {@link #IDLE_BAND} beyond it. A function of the margin only:
     * no hysteresis, so a run has no memory of which way the price came from.
     */
    public static double wantedOperatingShare(double x, double lossTolerance) {
        return Math.max(0.0, Math.min(1.0, 1 + (x + lossTolerance) / IDLE_BAND));
    }

    /**
     * The share of an asset's capacity in operation (not in care and maintenance) after one month: it moves toward
     * the wanted share ({@link #wantedOperatingShare}) by at most 1/{@code curtailAfterMonths} of capacity a month
     * going down (care and maintenance takes months) and 1/{@code restartAfterMonths} going up (restarts take
     * months). Continuous in the price, and contracting toward one state for a given price, so shocks fade.
     */
    public static double nextOperatingShare(double share, double decisionMarginUsd, double c1Usd,
                                            double lossTolerance, double curtailAfterMonths,
                                            double restartAfterMonths) {
        double x = c1Usd > 0 ? decisionMarginUsd / c1Usd : 0.0;
        double want = wantedOperatingShare(x, lossTolerance);
        if (want < share) {
            return Math.max(want, share - 1.0 / curtailAfterMonths);
        }
        return Math.min(want, share + 1.0 / restartAfterMonths);
    }
}
