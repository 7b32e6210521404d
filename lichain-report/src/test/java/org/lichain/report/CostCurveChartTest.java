package org.lichain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;

/**
 * Issue 16: the chart's axis loops are bounded by a tick count, not by adding a step to a double, so no capacity
 * can make {@code draw} loop forever (the dataset refuses such capacities first; this is the second guard).
 */
class CostCurveChartTest {
    static CostCurve curve(double capacityTLce) {
        CostCurve.Entry e = new CostCurve.Entry("X", "X", "CN", "lepidolite", "mine", capacityTLce, capacityTLce,
                "capacity", 9000, 11000, 80000, capacityTLce, capacityTLce, null);
        return new CostCurve(2025, null, CostBreakdown.Basis.C1, 10000, 80000, "test", List.of(e), Map.of(),
                Map.of());
    }

    @Test
    void hugeButFiniteCapacity_drawsWithABoundedNumberOfTicks() {
        // 1e300 t: x + step == x in double arithmetic long before the end of the axis; the old loop never ended
        assertThat(CostCurveChart.png(curve(1e300))).isNotEmpty();
        assertThat(CostCurveChart.png(curve(60_000))).isNotEmpty();
    }

    @Test
    void infiniteCapacity_isRefused_notLoopedOver() {
        assertThatThrownBy(() -> CostCurveChart.png(curve(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot draw");
    }

    @Test
    void ticksAreBounded() {
        for (double total : new double[] {1, 7.5, 1e3, 1e9, 1e300}) {
            double step = CostCurveChart.niceStep(total / 8);
            assertThat(total / step).as("ticks for " + total).isLessThanOrEqualTo(CostCurveChart.MAX_TICKS);
        }
    }
}
