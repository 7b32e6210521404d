package org.lichain.market;

/**
 * The scoring kernel of the rolling-origin record, a pure function over the cases of one horizon (one case = one
 * origin whose outcome at that horizon is in the record). All errors are in logs: e = ln(forecast) − ln(actual).
 * <ul>
 * <li>{@code maeLog} = mean |e|; {@code biasLog} = mean e (positive: forecasts too high);</li>
 * <li>{@code maseNoChange} = MAE of the forecaster ÷ MAE of the no-change forecast over the same cases (the scale of
 *     a mean absolute scaled error taken from the no-change forecast at the same horizon, so no-change scores exactly
 *     1 and below 1 is better than it); NaN when the no-change forecast has no error;</li>
 * <li>{@code skillVsFutures} = 1 − MAE ÷ MAE of the futures forecast over the cases where a futures price existed at the
 *     origin (NaN without such cases), with their count {@code nFutures};</li>
 * <li>{@code coverageP10P90} = share of cases with p10 ≤ actual ≤ p90 (NaN when no band is given).</li>
 * </ul>
 */
public final class ForecastScore {
    private ForecastScore() {
    }

    /** The scores of one forecaster at one horizon. */
    public record Score(int horizonMonths, int n, double maeLog, double biasLog, double maseNoChange,
                        double skillVsFutures, int nFutures, double coverageP10P90) {
    }

    /**
     * Scores one horizon. Arrays are per case (equal lengths); prices in any one unit (they enter as logs).
     *
     * @param forecast  the forecaster's point forecast (its p50)
     * @param actual    the recorded outcome
     * @param noChange  the no-change forecast (the last observed value at the origin)
     * @param futures   the futures forecast, NaN where none existed at the origin; may be null
     * @param p10       lower band, may be null (no band: coverage NaN)
     * @param p90       upper band, may be null
     */
    public static Score score(int horizonMonths, double[] forecast, double[] actual, double[] noChange,
                              double[] futures, double[] p10, double[] p90) {
        int n = actual.length;
        if (forecast.length != n || noChange.length != n || (futures != null && futures.length != n)
                || (p10 != null && p10.length != n) || (p90 != null && p90.length != n)) {
            throw new IllegalArgumentException("score: arrays of different lengths");
        }
        double abs = 0;
        double sum = 0;
        double absNoChange = 0;
        double absF = 0;
        double absFut = 0;
        int nFut = 0;
        int covered = 0;
        for (int i = 0; i < n; i++) {
            double la = Math.log(actual[i]);
            double e = Math.log(forecast[i]) - la;
            abs += Math.abs(e);
            sum += e;
            absNoChange += Math.abs(Math.log(noChange[i]) - la);
            if (futures != null && !Double.isNaN(futures[i])) {
                absF += Math.abs(e);
                absFut += Math.abs(Math.log(futures[i]) - la);
                nFut++;
            }
            if (p10 != null && p90 != null && p10[i] <= actual[i] && actual[i] <= p90[i]) {
                covered++;
            }
        }
        if (n == 0) {
            return new Score(horizonMonths, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
        }
        return new Score(horizonMonths, n, abs / n, sum / n, absNoChange > 0 ? abs / absNoChange : Double.NaN,
                nFut > 0 && absFut > 0 ? 1 - absF / absFut : Double.NaN, nFut,
                p10 != null && p90 != null ? covered / (double) n : Double.NaN);
    }
}
