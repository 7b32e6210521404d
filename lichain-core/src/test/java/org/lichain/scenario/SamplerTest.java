package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SamplerTest {
    static final ScenarioSpec TWO = ScenarioSpec.of("two", "toy-test", YearMonth.of(2030, 1), YearMonth.of(2030, 12), 1,
            List.of(UncertainParameter.of("a", new Distribution.Normal(0, 1)),
                    UncertainParameter.of("b", new Distribution.Uniform(0, 10))));

    @Property(tries = 200)
    void runDraw_dependsOnSeedAndRunAlone(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1_000_000) int run) {
        Sampler s = new Sampler(TWO);
        Draw first = s.draw(seed, run);
        s.draw(seed, run + 1); // other draws in between change nothing
        Draw again = new Sampler(TWO).draw(seed, run);
        assertThat(again.values()).containsExactly(first.values());
        assertThat(again.runSeed()).isEqualTo(first.runSeed());
        assertThat(again.modelSeed()).isEqualTo(first.modelSeed());
        assertThat(first.value("b")).isBetween(0.0, 10.0);
    }

    @Test
    void neighbouringRunsAndSeeds_giveDifferentStreams() {
        assertThat(Sampler.runSeed(7, 0)).isNotEqualTo(Sampler.runSeed(7, 1));
        assertThat(Sampler.runSeed(7, 0)).isNotEqualTo(Sampler.runSeed(8, 0));
        assertThat(new Sampler(TWO).draw(7, 0).values()).isNotEqualTo(new Sampler(TWO).draw(7, 1).values());
    }

    @Test
    void copula_reachesTheTargetRankCorrelation() {
        ScenarioSpec spec = TWO.withCorrelations(List.of(new RankCorrelation("a", "b", 0.7, 0)));
        Sampler s = new Sampler(spec);
        int n = 4000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            Draw d = s.draw(42, i);
            a[i] = d.value("a");
            b[i] = d.value("b");
        }
        // sampling error of Spearman's rho at n = 4000 is about (1 - 0.49) / sqrt(4000) = 0.008
        assertThat(EnsembleStatistics.spearman(a, b)).isCloseTo(0.7, within(0.03));
        // and the marginals are kept: b stays uniform on [0, 10] (median 5)
        assertThat(EnsembleStatistics.percentile(b, 50)).isCloseTo(5.0, within(0.3));
    }

    @Test
    void independentInputs_areUncorrelated() {
        Sampler s = new Sampler(TWO);
        int n = 4000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            Draw d = s.draw(42, i);
            a[i] = d.value("a");
            b[i] = d.value("b");
        }
        assertThat(EnsembleStatistics.spearman(a, b)).isCloseTo(0.0, within(0.05));
    }
}
