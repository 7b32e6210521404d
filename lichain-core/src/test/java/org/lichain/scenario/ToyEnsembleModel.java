package org.lichain.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * TEST ONLY: a tiny deterministic closed-form model that exercises the ensemble plumbing (inputs, series,
 * the model's own seed) with the three key metrics. It is not a market model and says nothing about lithium.
 * Optional base setting {@code sleep_ms} slows each run down (for the kill-and-resume test).
 */
public final class ToyEnsembleModel implements EnsembleModel {
    private final ScenarioSpec spec;
    private final long sleepMs;

    public ToyEnsembleModel(ScenarioSpec spec) {
        this.spec = spec;
        long s = 0;
        if (!spec.baseYaml().isEmpty()) {
            try {
                JsonNode base = new YAMLMapper().readTree(spec.baseYaml());
                s = base.path("sleep_ms").asLong(0);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        this.sleepMs = s;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.PRICE, Metric.SELF_SUFFICIENCY_CN, Metric.LEPIDOLITE_SHARE_AT_LOSS);
    }

    @Override
    public void run(Draw d, double[][] out) {
        if (sleepMs > 0) {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double growth = d.valueOr("demand_growth", 1.0);
        double inflation = d.valueOr("cost_inflation", 1.0);
        SplittableRandom noise = new SplittableRandom(d.modelSeed());
        YearMonth m = spec.from();
        for (int t = 0; t < spec.months(); t++) {
            double demand = d.multiplierOr("demand_path", m, 1.0) * Math.pow(growth, t / 12.0);
            double price = 80_000 * inflation * demand * (1 + 0.3 * Math.sin(2 * Math.PI * t / 48.0))
                    * (1 + 0.02 * (noise.nextDouble() - 0.5));
            out[0][t] = price;
            out[1][t] = 0.4 / demand;
            out[2][t] = Math.max(0, Math.min(1, 1.2 - price / 100_000));
            m = m.plusMonths(1);
        }
    }

    /** Registered for tests under the name {@code toy-test}. */
    public static final class Provider implements EnsembleModelProvider {
        @Override
        public String name() {
            return "toy-test";
        }

        @Override
        public EnsembleModel create(ScenarioSpec spec) {
            return new ToyEnsembleModel(spec);
        }
    }
}
