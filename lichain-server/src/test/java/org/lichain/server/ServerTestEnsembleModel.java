package org.lichain.server;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import org.lichain.scenario.Draw;
import org.lichain.scenario.EnsembleModel;
import org.lichain.scenario.EnsembleModelProvider;
import org.lichain.scenario.Metric;
import org.lichain.scenario.ScenarioSpec;

/**
 * TEST ONLY: a closed-form model that exercises the mc job plumbing over HTTP (drawn inputs, the model's own
 * seed, the three key metrics). It is not a market model and says nothing about lithium; it is registered
 * (model name {@code server-test}) only on the test classpath.
 */
public final class ServerTestEnsembleModel implements EnsembleModel {
    private final ScenarioSpec spec;

    ServerTestEnsembleModel(ScenarioSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.PRICE, Metric.SELF_SUFFICIENCY_CN, Metric.LEPIDOLITE_SHARE_AT_LOSS);
    }

    @Override
    public void run(Draw d, double[][] out) {
        SplittableRandom noise = new SplittableRandom(d.modelSeed());
        YearMonth m = spec.from();
        for (int t = 0; t < spec.months(); t++) {
            double demand = d.multiplierOr("demand_path", m, 1.0);
            double price = 100_000 * demand * (1 + 0.1 * (noise.nextDouble() - 0.5));
            out[0][t] = price;
            out[1][t] = 0.4 / demand;
            out[2][t] = Math.max(0, Math.min(1, 1.2 - price / 100_000));
            m = m.plusMonths(1);
        }
    }

    /** Registered in src/test/resources/META-INF/services under the name {@code server-test}. */
    public static final class Provider implements EnsembleModelProvider {
        @Override
        public String name() {
            return "server-test";
        }

        @Override
        public EnsembleModel create(ScenarioSpec spec) {
            return new ServerTestEnsembleModel(spec);
        }
    }
}
