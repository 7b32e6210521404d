package org.lichain.market;

/**
 * How an operating asset responds to price, cost and unsold stock (pure functions; hand-computed tests in
 * {@code SupplyResponseTest}).
 * <ul>
 * <li><b>Utilisation</b> is an outcome: normal at cost, rising toward the maximum as the price reaches twice C1,
 * falling below cost by {@code loss_utilisation_slope} per unit of shortfall (not under the minimum); then cut when
 * producers' unsold stock exceeds its target cover ({@link #unsoldStockFactor}); state support is a floor on the
 * result.</li>
 * <li><b>Closure and restart</b> (care and maintenance) with hysteresis ({@link #nextRunning}): an operator closes after
 * {@code curtail_after_months} (+ its support's extra months) in a row in which its decision margin is below
 * −loss tolerance × C1, and restarts after {@code restart_after_months} in a row above the restart margin. The
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
     * Output factor for unsold stock: 1 while producers' stock is at most {@code targetMonths} of their output,
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

    /** The closure state after one month; {@code counters} = {below, above}, updated in place. */
    public static boolean nextRunning(boolean running, double decisionMarginUsd, double c1Usd, double lossTolerance,
                                      double curtailAfterMonths, double restartMarginPct, double restartAfterMonths,
                                      int[] counters) {
        if (running) {
            counters[0] = decisionMarginUsd < -lossTolerance * c1Usd ? counters[0] + 1 : 0;
            if (counters[0] >= curtailAfterMonths) {
                counters[1] = 0;
                return false;
            }
            return true;
        }
        counters[1] = decisionMarginUsd > restartMarginPct / 100.0 * c1Usd ? counters[1] + 1 : 0;
        if (counters[1] >= restartAfterMonths) {
            counters[0] = 0;
            return true;
        }
        return false;
    }
}
