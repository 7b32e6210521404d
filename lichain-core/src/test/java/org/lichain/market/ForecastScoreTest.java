package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scoring kernel on hand-computed toy series. */
class ForecastScoreTest {

    /**
     * Actual 100 → 110 → 121 (+10% a month). From origin month 0 (last value 100), at horizon 1:
     * no-change 100 against 110: |ln(100/110)| = 0.09531; from origin 1 (110) against 121: the same 0.09531.
     * A forecaster that says 105 then 115.5: |ln(105/110)| = |ln(115.5/121)| = 0.04652; bias −0.04652.
     * MAE 0.04652, MASE = 0.04652 / 0.09531 = 0.4881. Band 100..108 covers 110? no; 110..125 covers 121: yes → 50%.
     * Futures 110 (exact) at origin 1 only: skill = 1 − 0.04652 / 0 → undefined (NaN); at origin 0 none.
     */
    @Test
    void handComputedToySeries() {
        double[] actual = {110, 121};
        double[] noChange = {100, 110};
        double[] forecast = {105, 115.5};
        ForecastScore.Score s = ForecastScore.score(1, forecast, actual, noChange, new double[] {Double.NaN, 121},
                new double[] {100, 110}, new double[] {108, 125});
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.maeLog()).isCloseTo(Math.log(110 / 105.0), within(1e-12));
        assertThat(s.maeLog()).isCloseTo(0.04652, within(1e-5));
        assertThat(s.biasLog()).isCloseTo(-0.04652, within(1e-5));
        assertThat(s.maseNoChange()).isCloseTo(0.4881, within(1e-4));
        assertThat(s.coverageP10P90()).isEqualTo(0.5);
        assertThat(s.nFutures()).isEqualTo(1);
        assertThat(s.skillVsFutures()).isNaN(); // futures exact: no error to scale by
    }

    /**
     * Futures 115 at both origins against actual 110, 121: |ln(115/110)| = 0.04445, |ln(115/121)| = 0.05086, mean
     * 0.047655; the forecaster's MAE 0.046520 → skill = 1 − 0.046520 / 0.047655 = 0.0238.
     */
    @Test
    void skillAgainstTheFutures() {
        ForecastScore.Score s = ForecastScore.score(1, new double[] {105, 115.5}, new double[] {110, 121},
                new double[] {100, 110}, new double[] {115, 115}, null, null);
        assertThat(s.skillVsFutures()).isCloseTo(0.0238, within(1e-4));
        assertThat(s.coverageP10P90()).isNaN();
    }

    /** The no-change forecast scored against itself: MASE exactly 1; an oracle: MAE 0, MASE 0, full coverage. */
    @Test
    void noChangeScoresOne_andAnOracleScoresZero() {
        double[] actual = {90, 120, 80};
        double[] nc = {100, 90, 120};
        assertThat(ForecastScore.score(1, nc, actual, nc, null, null, null).maseNoChange()).isEqualTo(1.0);
        ForecastScore.Score oracle = ForecastScore.score(1, actual, actual, nc, null, actual, actual);
        assertThat(oracle.maeLog()).isZero();
        assertThat(oracle.maseNoChange()).isZero();
        assertThat(oracle.coverageP10P90()).isEqualTo(1.0);
    }

    /**
     * A driftless Gaussian random walk (σ 0.05 a month, 20,000 steps, fixed seed): the drift forecaster (the walk's own
     * model with its estimated drift) scores MASE ≈ 1 against no change at 1 and 12 months (within 3%), since on a random
     * walk nothing beats the last value.
     */
    @Test
    void randomWalk_driftForecasterScoresMaseAboutOne() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 20_000;
        double[] log = new double[n];
        for (int t = 1; t < n; t++) {
            log[t] = log[t - 1] + 0.05 * ModelForecaster.gaussian(rng);
        }
        for (int h : new int[] {1, 12}) {
            int cases = n - h - 100;
            double[] fc = new double[cases];
            double[] act = new double[cases];
            double[] nc = new double[cases];
            for (int k = 0; k < cases; k++) {
                int o = k + 100;
                double drift = (log[o] - log[0]) / o;
                fc[k] = Math.exp(log[o] + drift * h);
                nc[k] = Math.exp(log[o]);
                act[k] = Math.exp(log[o + h]);
            }
            assertThat(ForecastScore.score(h, fc, act, nc, null, null, null).maseNoChange())
                    .isCloseTo(1.0, within(0.03));
        }
    }
}
