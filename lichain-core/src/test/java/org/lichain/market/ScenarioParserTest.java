package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetException;
import org.lichain.dataset.Problem;

class ScenarioParserTest {
    private static DatasetException fails(String yaml) {
        return catchThrowableOfType(DatasetException.class, () -> ScenarioParser.parse("s.yaml", yaml));
    }

    private static Problem only(DatasetException e) {
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void fullScenario_isReadOnTopOfTheBase() {
        Scenario s = ScenarioParser.parse("ban.yaml", """
                name: zw-ban
                from: 2022-01
                to: 2030-12
                seed: 42
                demand:
                  preset: faster_transition
                  multipliers: {ev: 1.1, CN: 0.9}
                policies:
                  tariffs:
                    - {origin: CN, destination: US, product: chemical, rate: 0.5, from: 2026-01}
                  export_bans:
                    - {country: ZW, product: concentrate, from: 2024-01}
                  quotas:
                    - {country: AU, product: concentrate, t_lce_per_year: 300000, from: 2027-01, to: 2028-12}
                  state_support:
                    - {asset: CN-JX-01, loss_tolerance: 0.6, extra_months: 12}
                shocks:
                  - {type: suspend, asset: CN-JX-01, from: 2026-01, to: 2026-06}
                  - {type: add_capacity, asset: AU-WA-01, t_lce_per_year: 50000, from: 2027-01}
                price_formation:
                  scarcity_elasticity: 0.3
                """);
        assertThat(s.name()).isEqualTo("zw-ban");
        assertThat(s.from()).isEqualTo(YearMonth.of(2022, 1));
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.demandPreset()).isEqualTo("faster_transition");
        assertThat(s.demandMultipliers()).containsEntry("ev", 1.1).containsEntry("CN", 0.9);
        // base policies are inherited: the base has 1 tariff, 1 export ban and 1 state-support rule
        assertThat(s.tariffs()).hasSize(2);
        assertThat(s.exportBans()).hasSize(2);
        assertThat(s.quotas()).hasSize(1);
        assertThat(s.stateSupport()).hasSize(2);
        assertThat(s.shocks()).extracting(Scenario.Shock::type).containsExactly("suspend", "add_capacity");
        assertThat(s.priceFormation()).containsEntry("scarcity_elasticity", 0.3);
    }

    @Test
    void badMonth_isReportedWithLineAndField() {
        Problem p = only(fails("name: x\nfrom: 2020-13\n"));
        assertThat(p.file()).isEqualTo("s.yaml");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.field()).isEqualTo("from");
        assertThat(p.value()).isEqualTo("2020-13");
    }

    @Test
    void unknownTopLevelKey_isReported() {
        Problem p = only(fails("name: x\n\nshockz: []\n"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.value()).isEqualTo("shockz");
        assertThat(p.reason()).contains("unknown key");
    }

    @Test
    void tariffWithBadProductAndRate_reportsBoth() {
        DatasetException e = fails("""
                policies:
                  tariffs:
                    - {origin: CN, destination: US, product: cars, rate: 0.25}
                    - {origin: CN, destination: US, product: chemical, rate: -1}
                """);
        assertThat(e.problems()).extracting(Problem::line).containsExactly(3, 4);
        assertThat(e.problems()).extracting(Problem::field)
                .containsExactly("policies.tariffs.product", "policies.tariffs.rate");
    }

    @Test
    void stateSupportNeedsRegionOrAsset_andToleranceWithinZeroToOne() {
        DatasetException e = fails("""
                policies:
                  state_support:
                    - {loss_tolerance: 1.5}
                """);
        assertThat(e.problems()).extracting(Problem::field)
                .contains("policies.state_support", "policies.state_support.loss_tolerance");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void shockOfUnknownType_andAddCapacityWithoutAmount() {
        DatasetException e = fails("""
                shocks:
                  - {type: explode, asset: X, from: 2025-01}
                  - {type: add_capacity, asset: X, from: 2025-01}
                """);
        assertThat(e.problems()).extracting(Problem::field)
                .containsExactly("shocks.type", "shocks.t_lce_per_year");
        assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 3);
    }

    @Test
    void toBeforeFrom_isReported() {
        Problem p = only(fails("from: 2030-01\nto: 2025-01\n"));
        assertThat(p.field()).isEqualTo("to");
    }

    @Test
    void unknownPriceParameter_andBadMultiplierKey() {
        DatasetException e = fails("""
                demand:
                  multipliers: {mars: 2}
                price_formation:
                  warp_speed: 3
                """);
        assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 4);
    }

    @Test
    void brokenYaml_isReportedWithItsLine() {
        Problem p = only(fails("name: x\npolicies: [unclosed\n"));
        assertThat(p.line()).isGreaterThanOrEqualTo(2);
        assertThat(p.reason()).startsWith("invalid YAML");
    }

    @Test
    void baseScenario_hasTheHistoricalPolicies() {
        Scenario b = Scenario.base();
        assertThat(b.from()).isEqualTo(YearMonth.of(2020, 1));
        assertThat(b.to()).isEqualTo(YearMonth.of(2040, 12));
        assertThat(b.exportBans()).extracting(Scenario.ExportBan::country).containsExactly("ZW");
        assertThat(b.stateSupport()).extracting(Scenario.StateSupport::region).containsExactly("CN-JX");
    }

    /** Data vintage: {@code known_from} on policies and shocks, its default, the base scenario's stated months. */
    @Test
    void knownFrom_isRead_defaultsToTheStart_andFiltersAtAnOrigin() {
        Scenario s = ScenarioParser.parse("v.yaml", """
                name: v
                inherit_policies: false
                policies:
                  export_bans:
                    - {country: ZW, product: concentrate, from: 2024-01, known_from: 2022-12}
                    - {country: ZW, product: chemical, from: 2024-01}
                shocks:
                  - {type: suspend, asset: CN-JX-01, from: 2023-01, to: 2023-03, known_from: 2022-11}
                """);
        assertThat(s.exportBans()).extracting(Scenario.ExportBan::knownFrom)
                .containsExactly(YearMonth.of(2022, 12), null);
        // at 2023-06 only the first is known (the second, without known_from, from its start 2024-01)
        assertThat(s.knownAt(YearMonth.of(2023, 6)).exportBans()).extracting(Scenario.ExportBan::product)
                .containsExactly("concentrate");
        assertThat(s.knownAt(YearMonth.of(2024, 1)).exportBans()).hasSize(2);
        assertThat(s.knownAt(YearMonth.of(2022, 10)).shocks()).isEmpty();
        assertThat(s.knownAt(YearMonth.of(2022, 11)).shocks()).hasSize(1);
        // the embedded base scenario states when its announced policies became known (sources in the YAML)
        assertThat(Scenario.base().exportBans().get(0).knownFrom()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(Scenario.base().tariffs().get(0).knownFrom()).isEqualTo(YearMonth.of(2024, 5));
    }

    @Test
    void badKnownFrom_isReportedWithLineAndField() {
        Problem p = only(fails("name: x\nshocks:\n  - {type: suspend, asset: CN-JX-01, from: 2023-01, known_from: 2022/11}\n"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("shocks.known_from");
        assertThat(p.value()).isEqualTo("2022/11");
    }
}
