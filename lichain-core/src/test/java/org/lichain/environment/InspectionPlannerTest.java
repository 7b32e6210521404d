package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lichain.world.World;

class InspectionPlannerTest {
    private static InspectionPlanner.SiteRisk site(String id, double discharge, double stock, int exceed, double km,
                                                   int wells) {
        return new InspectionPlanner.SiteRisk(id, "P-" + id, discharge, stock, exceed, km, "INTAKE", wells);
    }

    @Test
    void knapsackPicksTheRiskiestCombinationThatFits_notTheGreedyOne() {
        // risks (max discharge 1, stock 100, exceedances 2):
        // A: 0.35·1 + 0.25·1 + 0 + 0.15/(1+0) = 0.75, days 1 + 1 + 0 = 2
        // B: 0.35·0.8 + 0 + 0.25·1 + 0.15/(1+1) = 0.605, days 1
        // C: 0.35·0.8 + 0 + 0.25·1 + 0.075 = 0.605, days 1
        // capacity 2: {A} = 0.75 < {B, C} = 1.21 → B and C
        List<InspectionPlanner.SiteRisk> sites = List.of(site("A", 1.0, 100, 0, 0, 0), site("B", 0.8, 0, 2, 10, 0),
                site("C", 0.8, 0, 2, 10, 0));
        InspectionPlanner.Plan plan = InspectionPlanner.plan(sites, YearMonth.of(2023, 1), 2.0);
        assertThat(plan.visits()).extracting(InspectionPlanner.Visit::outfall).containsExactlyInAnyOrder("B", "C");
        assertThat(plan.riskCovered()).isCloseTo(1.21, within(1e-9));
        assertThat(plan.usedDays()).isEqualTo(2.0);
        assertThat(plan.visits().get(0).reason()).startsWith("risk 0.605: estimated Tl discharge 0.80 kg/month");
        assertThat(plan.notVisited()).extracting(InspectionPlanner.Visit::outfall).containsExactly("A");
    }

    @Test
    void sitesFromTheNetworkAndLedger_haveDischargeStockAndNearestIntake() {
        World w = EnvFixtures.world();
        RiverNetwork n = w.extension(RiverNetwork.class).orElseThrow();
        EnvironmentLedger l = EnvironmentLedger.compute(w,
                ProductionSeries.historical(w, 2023, 2023, ProductionSeries.Basis.REPORTED_ELSE_CAPACITY));
        List<InspectionPlanner.SiteRisk> sites = InspectionPlanner.sites(n, l, YearMonth.of(2023, 6), List.of());
        InspectionPlanner.SiteRisk yongxing = sites.stream().filter(s -> s.outfall().equals("OF-YONGXING")).findFirst()
                .orElseThrow();
        // CN-JX-03: 6,000 t reported in 2023 → 500 t LCE/month · 2.527295 g Tl/t = 1.2636 kg/month
        assertThat(yongxing.dischargeKgPerMonth()).isCloseTo(1.2636, within(1e-4));
        // OF-YONGXING (TR-YF km 25) → ST-INTAKE-SHANGGAO (JJ-3 km 30): 20 + 30 = 50 km
        assertThat(yongxing.nearestIntake()).isEqualTo("ST-INTAKE-SHANGGAO");
        assertThat(yongxing.intakeDistanceKm()).isCloseTo(50.0, within(1e-9));
        assertThat(yongxing.wells()).isEqualTo(1);
        InspectionPlanner.Plan plan = InspectionPlanner.plan(sites, YearMonth.of(2023, 6), 4.0);
        assertThat(plan.usedDays()).isLessThanOrEqualTo(4.0);
        assertThat(plan.visits()).allSatisfy(v -> assertThat(v.reason()).startsWith("risk "));
    }

    @Test
    void negativeCapacityIsRejected() {
        assertThatThrownBy(() -> InspectionPlanner.plan(List.of(), YearMonth.of(2023, 1), -1))
                .hasMessageContaining("capacity");
    }
}
