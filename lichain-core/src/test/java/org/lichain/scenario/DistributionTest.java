package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class DistributionTest {
    @Test
    void uniform_isLinearInTheQuantile() {
        // 10 + 0.25 * (30 - 10) = 15
        assertThat(new Distribution.Uniform(10, 30).quantile(0.25)).isEqualTo(15.0);
    }

    @Test
    void triangular_matchesTheClosedFormOnBothSides() {
        var t = new Distribution.Triangular(0, 1, 2);
        // mode at the median of a symmetric triangle
        assertThat(t.quantile(0.5)).isCloseTo(1.0, within(1e-12));
        // left side: min + sqrt(u (max-min)(mode-min)) = sqrt(0.125 * 2 * 1) = 0.5
        assertThat(t.quantile(0.125)).isCloseTo(0.5, within(1e-12));
        // right side: max - sqrt((1-u)(max-min)(max-mode)) = 2 - sqrt(0.125 * 2) = 1.5
        assertThat(t.quantile(0.875)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void normal_andTruncatedNormal() {
        // z(0.975) = 1.959964; 10 + 2 * 1.959964 = 13.919928
        assertThat(new Distribution.Normal(10, 2).quantile(0.975)).isCloseTo(13.919928, within(1e-6));
        // truncated to [10, inf): the median of the upper half, u=0.5 -> z(0.75) = 0.674490 -> 11.348980
        assertThat(new Distribution.Normal(10, 2, 10, Double.POSITIVE_INFINITY).quantile(0.5))
                .isCloseTo(11.348980, within(1e-6));
    }

    @Test
    void lognormal_isGivenByItsMedian() {
        assertThat(new Distribution.LogNormal(2, 0.5).quantile(0.5)).isCloseTo(2.0, within(1e-12));
        // median * exp(sigma * z(0.975)) = 2 * exp(0.979982) = 2 * 2.664408 = 5.328817
        assertThat(new Distribution.LogNormal(2, 0.5).quantile(0.975)).isCloseTo(5.328817, within(1e-5));
    }

    @Test
    void discrete_usesCumulativeWeights() {
        var d = new Distribution.Discrete(new double[] {1, 2, 3}, new double[] {1, 1, 2});
        // cumulative shares 0.25, 0.5, 1.0
        assertThat(d.quantile(0.2)).isEqualTo(1.0);
        assertThat(d.quantile(0.3)).isEqualTo(2.0);
        assertThat(d.quantile(0.49)).isEqualTo(2.0);
        assertThat(d.quantile(0.5)).isEqualTo(3.0);
    }

    @Test
    void series_interpolatesLinearlyAndIsFlatOutside() {
        var s = new Series(new int[] {2020, 2030}, new Distribution[] {new Distribution.Fixed(1.0),
                new Distribution.Uniform(1.0, 3.0)});
        double[] k = s.knotValues(0.5); // [1.0, 2.0]
        assertThat(k).containsExactly(1.0, 2.0);
        assertThat(s.at(2025, k)).isCloseTo(1.5, within(1e-12));
        assertThat(s.at(2010, k)).isEqualTo(1.0);
        assertThat(s.at(2040, k)).isEqualTo(2.0);
    }

    @Test
    void badParameters_areRejectedWithTheReason() {
        assertThatThrownBy(() -> new Distribution.Triangular(0, 3, 2)).hasMessageContaining("min <= mode <= max");
        assertThatThrownBy(() -> new Distribution.LogNormal(-1, 1)).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> new Distribution.Discrete(new double[] {1}, new double[] {1, 2}))
                .hasMessageContaining("as many weights");
    }

    @Property(tries = 300)
    void quantiles_areMonotoneAndWithinBounds(@ForAll @DoubleRange(min = 0.01, max = 0.99) double u1,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double u2) {
        double lo = Math.min(u1, u2);
        double hi = Math.max(u1, u2);
        Distribution[] all = {new Distribution.Uniform(-1, 4), new Distribution.Triangular(0, 0.2, 5),
                new Distribution.Normal(3, 1, 0, 5), new Distribution.LogNormal(1, 0.3)};
        for (Distribution d : all) {
            assertThat(d.quantile(lo)).isLessThanOrEqualTo(d.quantile(hi));
        }
        assertThat(all[2].quantile(lo)).isBetween(0.0, 5.0);
        assertThat(all[1].quantile(hi)).isBetween(0.0, 5.0);
    }
}
