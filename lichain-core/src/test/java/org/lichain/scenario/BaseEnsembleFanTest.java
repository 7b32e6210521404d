package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's goal on the ensemble: the embedded base ensemble (the one `lichain mc` runs by default), 200 runs at its
 * own seed, has a 2030 price fan (annual average, p95 / p5) of at most 4. The runs are computed by the same
 * {@link EnsembleRunner} and summarised by the same {@link SummaryBuilder} as the command.
 */
class BaseEnsembleFanTest {
    @Test
    void baseEnsemble200Runs_2030PriceFan_isAtMostFour() throws IOException {
        ScenarioSpec spec;
        try (InputStream in = getClass().getResourceAsStream("/org/lichain/scenario/base-ensemble.yaml")) {
            assertThat(in).as("embedded base ensemble").isNotNull();
            spec = ScenarioFile.parse("base-ensemble.yaml", "base", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        MarketEnsembleModel model = new MarketEnsembleModel(spec, MarketEnsembleModel.embeddedWorld());
        EnsembleLayout layout = new EnsembleLayout(spec, model.metrics());
        int runs = 200;
        SummaryBuilder summary = new SummaryBuilder(layout, spec.seed(), runs);
        EnsembleRunner.run(spec, model, new EnsembleRunner.Options(runs, 2, spec.seed(), 25), new BitSet(),
                batch -> {
                    synchronized (summary) {
                        summary.add(batch);
                    }
                }, n -> { });
        EnsembleSummary s = summary.build();
        int metric = -1;
        for (int m = 0; m < layout.metrics().size(); m++) {
            if (layout.metrics().get(m).annualName().equals("price_cny_per_t_incl_vat_avg")) {
                metric = m;
            }
        }
        assertThat(metric).as("price metric").isNotNegative();
        int y2030 = 2030 - layout.firstYear();
        double p5 = s.percentiles()[metric][y2030][0];
        double p95 = s.percentiles()[metric][y2030][4];
        assertThat(p5).as("2030 p5, CNY/t").isPositive();
        assertThat(p95 / p5).as("2030 price fan p95/p5 (p5 %.0f, p95 %.0f CNY/t)", p5, p95).isLessThanOrEqualTo(4.0);
    }
}
