package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnsembleStatisticsTest {
    @Test
    void percentile_isType7() {
        double[] x = {4, 1, 3, 2, 5};
        // sorted 1..5; h = 4 * 0.25 = 1 -> 2; h = 4 * 0.05 = 0.2 -> 1 + 0.2 * (2 - 1) = 1.2
        assertThat(EnsembleStatistics.percentile(x, 25)).isEqualTo(2.0);
        assertThat(EnsembleStatistics.percentile(x, 5)).isCloseTo(1.2, within(1e-12));
        assertThat(EnsembleStatistics.percentile(x, 95)).isCloseTo(4.8, within(1e-12));
        assertThat(EnsembleStatistics.percentile(new double[] {Double.NaN}, 50)).isNaN();
    }

    @Test
    void spearman_usesAverageRanksForTies() {
        assertThat(EnsembleStatistics.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
        // monotone but not linear -> 1
        assertThat(EnsembleStatistics.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 64})).isEqualTo(1.0);
        assertThat(EnsembleStatistics.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isEqualTo(-1.0);
        assertThat(EnsembleStatistics.spearman(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isEqualTo(0.0);
    }
}
