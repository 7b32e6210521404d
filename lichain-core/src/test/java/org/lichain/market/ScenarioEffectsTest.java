package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;

/** Scenario effects on the embedded world have the right sign and a plausible size (2020-2030 runs). */
class ScenarioEffectsTest {
    private static MarketInputs inputs;
    private static Scenario base;
    private static SimulationResult baseRun;

    @BeforeAll
    static void setUp() {
        base = Scenario.base().withPeriod(YearMonth.of(2020, 1), YearMonth.of(2030, 12));
        inputs = MarketInputs.fromWorld(DatasetLoader.loadEmbedded(), base);
        baseRun = run(base);
    }

    private static SimulationResult run(Scenario s) {
        return Simulation.run(inputs.withScenario(s), 1, new SuccessiveShortestPathSolver());
    }

    private static double sum(double[] a, SimulationResult r, int y0, int y1) {
        double s = 0;
        for (int t = 0; t < r.months(); t++) {
            int y = r.month(t).getYear();
            if (y >= y0 && y <= y1) {
                s += a[t];
            }
        }
        return s;
    }

    private static double flow(SimulationResult r, String origin, DemandRegion to, int y0, int y1) {
        int o = r.countries().indexOf(origin);
        double s = 0;
        for (int t = 0; t < r.months(); t++) {
            int y = r.month(t).getYear();
            if (y >= y0 && y <= y1) {
                s += r.flowCountryToRegion()[t][o][to.ordinal()];
            }
        }
        return s;
    }

    private static Scenario withDemand(Map<String, Double> multipliers) {
        return new Scenario("demand", base.from(), base.to(), 1, base.demandPreset(), multipliers, 0, base.tariffs(),
                base.exportBans(), base.quotas(), base.stateSupport(), base.shocks(), base.priceFormation());
    }

    @Test
    void suspendingJianxiawo_raisesThePrice() {
        SimulationResult shock = run(base.withShock(
                new Scenario.Shock("suspend", "CN-JX-01", 0, YearMonth.of(2024, 1), YearMonth.of(2025, 6))));
        double before = sum(baseRun.priceUsdPerTLce(), baseRun, 2024, 2025);
        double after = sum(shock.priceUsdPerTLce(), shock, 2024, 2025);
        assertThat(after).isGreaterThan(before);
        assertThat(after / before).isLessThan(2.0); // one mine of ~60 kt/yr: a rise, not a spike
        // nothing changes before the suspension
        assertThat(sum(shock.priceUsdPerTLce(), shock, 2020, 2023))
                .isEqualTo(sum(baseRun.priceUsdPerTLce(), baseRun, 2020, 2023));
    }

    @Test
    void zimbabweConcentrateBan_raisesChinasRelianceOnAustralia() {
        // in the base run Zimbabwe ships concentrate to China in 2021-2022 (in the 2023-25 glut its high landed cost
        // makes it the one that holds stock); a ban from 2021 moves that share to the other origins, Australia first
        int zw = baseRun.countries().indexOf("ZW");
        assertThat(sum(baseRun.chinaFeedByOrigin()[zw], baseRun, 2021, 2022)).isPositive();
        SimulationResult ban = run(base.withExportBan(
                new Scenario.ExportBan("ZW", "concentrate", YearMonth.of(2021, 1), null)));
        double before = sum(baseRun.chinaImportedFeedShare("AU"), baseRun, 2021, 2022);
        double after = sum(ban.chinaImportedFeedShare("AU"), ban, 2021, 2022);
        assertThat(after).isGreaterThan(before);
        assertThat(sum(ban.chinaFeedByOrigin()[zw], ban, 2021, 2040)).isZero();
    }

    @Test
    void anAnnouncedBan_isFrontRun_soLessStockIsStrandedAndThePriceRisesLess() {
        // the base scenario states Zimbabwe's concentrate ban from 2027-01 as known from 2025-06 (reference/facts.md
        // §6); the same ban as a surprise (known only from its start) is the counterfactual
        List<Scenario.ExportBan> bans = new ArrayList<>();
        for (Scenario.ExportBan b : base.exportBans()) {
            bans.add(b.country().equals("ZW") && b.product().equals("concentrate")
                    ? new Scenario.ExportBan(b.country(), b.product(), b.from(), b.to()) : b);
        }
        assertThat(bans).isNotEqualTo(base.exportBans());
        SimulationResult surprise = run(new Scenario("surprise", base.from(), base.to(), 1, base.demandPreset(),
                base.demandMultipliers(), 0, base.tariffs(), bans, base.quotas(), base.stateSupport(), base.shocks(),
                base.priceFormation()));
        int zw = baseRun.countries().indexOf("ZW");
        // Zimbabwe ships more to China between the announcement and the ban ...
        assertThat(sum(baseRun.chinaFeedByOrigin()[zw], baseRun, 2025, 2026))
                .isGreaterThan(sum(surprise.chinaFeedByOrigin()[zw], surprise, 2025, 2026));
        // ... so less of what it produced before the ban is left behind it ...
        double producedBefore = sum(baseRun.productionOfCountry("ZW"), baseRun, 2020, 2026);
        assertThat(producedBefore).isEqualTo(sum(surprise.productionOfCountry("ZW"), surprise, 2020, 2026));
        double strandedAnnounced = producedBefore - sum(baseRun.chinaFeedByOrigin()[zw], baseRun, 2020, 2026);
        double strandedSurprise = producedBefore - sum(surprise.chinaFeedByOrigin()[zw], surprise, 2020, 2026);
        assertThat(strandedAnnounced).isLessThan(strandedSurprise);
        // ... and the ban raises the 2027 price less than the surprise does
        assertThat(sum(baseRun.priceUsdPerTLce(), baseRun, 2027, 2027))
                .isLessThan(sum(surprise.priceUsdPerTLce(), surprise, 2027, 2027));
    }

    @Test
    void usTariffOnChineseChemicals_shiftsUsImportsToOtherOrigins() {
        // a world where North America buys from China (NA demand x 4), with and without a 100% US tariff from 2021
        Scenario na = withDemand(Map.of("NA", 4.0));
        SimulationResult open = run(na);
        SimulationResult tariff = run(na.withTariff(
                new Scenario.Tariff("CN", "US", "chemical", 1.0, 0, YearMonth.of(2021, 1), null)));
        assertThat(flow(open, "CN", DemandRegion.NA, 2021, 2024)).isPositive();
        assertThat(flow(tariff, "CN", DemandRegion.NA, 2021, 2024))
                .isLessThan(flow(open, "CN", DemandRegion.NA, 2021, 2024));
        double othersOpen = flow(open, "CL", DemandRegion.NA, 2021, 2024) + flow(open, "AR", DemandRegion.NA, 2021, 2024);
        double othersTariff = flow(tariff, "CL", DemandRegion.NA, 2021, 2024)
                + flow(tariff, "AR", DemandRegion.NA, 2021, 2024);
        assertThat(othersTariff).isGreaterThan(othersOpen);
    }

    @Test
    void moreStateSupport_keepsMoreLepidoliteRunning_andLowersThePrice() {
        Scenario.StateSupport more = new Scenario.StateSupport(null, "CN-JX", 0.8, 24, 60);
        SimulationResult supported = run(base.withStateSupport(more));
        // 2020-2025: Yichun produces more under deeper support (a higher utilisation floor and loss tolerance)
        assertThat(sum(supported.productionOfType("lepidolite"), supported, 2020, 2025))
                .isGreaterThan(sum(baseRun.productionOfType("lepidolite"), baseRun, 2020, 2025));
        assertThat(sum(supported.priceUsdPerTLce(), supported, 2020, 2025))
                .isLessThan(sum(baseRun.priceUsdPerTLce(), baseRun, 2020, 2025));
        // in an oversupplied world (demand x 0.8) the effect is large: lepidolite output +20% or more
        Scenario glut = withDemand(Map.of("all", 0.8));
        SimulationResult g0 = run(glut);
        SimulationResult g1 = run(glut.withStateSupport(more));
        assertThat(sum(g1.productionOfType("lepidolite"), g1, 2020, 2030))
                .isGreaterThan(1.2 * sum(g0.productionOfType("lepidolite"), g0, 2020, 2030));
        assertThat(sum(g1.priceUsdPerTLce(), g1, 2020, 2030)).isLessThan(sum(g0.priceUsdPerTLce(), g0, 2020, 2030));
    }
}
