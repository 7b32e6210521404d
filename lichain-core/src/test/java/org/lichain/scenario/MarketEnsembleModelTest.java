package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.market.MarketInputs;
import org.lichain.market.Scenario;
import org.lichain.market.Simulation;
import org.lichain.market.SimulationResult;
import org.lichain.market.SuccessiveShortestPathSolver;
import org.lichain.world.World;

/** The market model behind the ensemble: neutral draws reproduce the market's base run; inputs move it the right way. */
class MarketEnsembleModelTest {
    static final YearMonth FROM = YearMonth.of(2020, 1);
    static final YearMonth TO = YearMonth.of(2032, 12);
    static World world;

    @BeforeAll
    static void load() {
        world = MarketEnsembleModel.embeddedWorld();
    }

    static double[][] run(List<UncertainParameter> params) {
        ScenarioSpec spec = ScenarioSpec.of("t", "market", FROM, TO, 1, params);
        MarketEnsembleModel m = new MarketEnsembleModel(spec, world);
        double[][] out = new double[3][spec.months()];
        m.run(new Sampler(spec).draw(1, 0), out);
        return out;
    }

    static UncertainParameter fixed(String name, double v) {
        return UncertainParameter.of(name, new Distribution.Fixed(v));
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) {
            s += v[t];
        }
        return s / (to - from);
    }

    @Test
    void noUncertainInputs_reproducesTheMarketBaseRun() {
        ScenarioSpec spec = ScenarioSpec.of("t", "market", FROM, TO, 1, List.of());
        Draw d = new Sampler(spec).draw(1, 0);
        double[][] out = new double[3][spec.months()];
        new MarketEnsembleModel(spec, world).run(d, out);
        Scenario base = Scenario.base().withName("t").withPeriod(FROM, TO);
        SimulationResult r = Simulation.run(MarketInputs.fromWorld(world, base), d.modelSeed(),
                new SuccessiveShortestPathSolver());
        assertThat(out[0]).containsExactly(r.priceCnyPerTInclVat());
        assertThat(out[2]).containsExactly(r.shareAtLoss("lepidolite", "CN"));
    }

    @Test
    void neutralValues_changeNothing() {
        double[][] none = run(List.of());
        double[][] neutral = run(List.of(fixed("cost_inflation", 1.0), fixed("project_delay_months", 0),
                fixed("state_support", 1.0), fixed("policy_path", 0)));
        assertThat(neutral[0]).containsExactly(none[0]);
    }

    @Test
    void costInflation_raisesThePriceAfter2025() {
        double[][] base = run(List.of());
        double[][] dear = run(List.of(fixed("cost_inflation", 1.3)));
        int from = 12 * 6; // 2026-01
        int to = 12 * 13;  // 2032-12
        assertThat(mean(dear[0], from, to)).isGreaterThan(mean(base[0], from, to));
        assertThat(mean(dear[0], 0, 60)).isEqualTo(mean(base[0], 0, 60)); // 2020-2024 untouched
    }

    @Test
    void higherDemandPath_raisesThePrice() {
        Series up = new Series(new int[] {2024, 2030}, new Distribution[] {new Distribution.Fixed(1.0),
                new Distribution.Fixed(1.25)});
        double[][] base = run(List.of());
        double[][] high = run(List.of(UncertainParameter.of("demand_path", up)));
        assertThat(mean(high[0], 84, 156)).isGreaterThan(mean(base[0], 84, 156));
    }

    @Test
    void projectDelay_addsToGreenfieldLeadTimes_notToFastTrack() {
        ScenarioSpec spec = ScenarioSpec.of("t", "market", FROM, TO, 1, List.of(fixed("project_delay_months", 12)));
        MarketEnsembleModel m = new MarketEnsembleModel(spec, world);
        Scenario s = m.scenario(new Sampler(spec).draw(1, 0));
        org.lichain.market.MarketData data = world.extension(org.lichain.market.MarketData.class)
                .orElseGet(org.lichain.market.MarketDataExtension::loadEmbedded);
        assertThat(s.priceFormation().get("lead_time_hard_rock_months"))
                .isEqualTo(data.parameter("lead_time_hard_rock_months") + 12);
        assertThat(s.priceFormation().get("lead_time_brine_months"))
                .isEqualTo(data.parameter("lead_time_brine_months") + 12);
        assertThat(s.priceFormation()).doesNotContainKey("lead_time_fast_track_months");
    }
}
