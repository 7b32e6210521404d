package org.lichain.report.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.lichain.environment.groundwater.GroundwaterModel;
import org.lichain.environment.groundwater.GroundwaterSite;
import org.lichain.environment.groundwater.SourceTerm;

/** The groundwater chart carries one series per plotted point plus the class III limit; the JSON names units. */
class GroundwaterChartsTest {
    static GroundwaterModel.Result result() {
        GroundwaterSite s = new GroundwaterSite("GW-T", "A", "test", "R",
                new GroundwaterSite.Aquifer(5, 0.005, 0.25, 15, 5, 0.5, 4.2, 0),
                new GroundwaterSite.Leaching(10, 1650, true, 0.02, 0.3, 0.01, 123.5, 0.1),
                new GroundwaterSite.Domain(500, 1000, 600), List.of(
                new GroundwaterSite.Point("W", GroundwaterSite.PointKind.WELL, 30, 0, "ST-W", "t"),
                new GroundwaterSite.Point("C-15-W", GroundwaterSite.PointKind.CANDIDATE, 15, -60, "", "t"),
                new GroundwaterSite.Point("RIVER", GroundwaterSite.PointKind.RIVER, 400, 0, "", "t")), "t");
        double[] flat = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        return GroundwaterModel.run(s, SourceTerm.Scenario.LINER_FAILURE, 1e6, 24_700, flat, 2023, 5);
    }

    @Test
    void wells_seriesPerPointAndTheLimit() {
        XYChart c = GroundwaterCharts.wells(result(), "liner-failure");
        // the off-axis candidate is left to the JSON; the well, the river and the limit are drawn
        assertThat(c.getSeries("W (well)")).isNotNull();
        assertThat(c.getSeries("RIVER (river)")).isNotNull();
        assertThat(c.getSeries("GB/T 14848 class III 0.1 µg/L").getYData()).containsExactly(0.1, 0.1);
        assertThat(c.getSeries("C-15-W (candidate)")).isNull();
        assertThat(c.getSeries("W (well)").getXData()).hasSize(60);
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue();
    }

    @Test
    void json_hasUnitsInTheFieldNames_andYearlyValues() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        GroundwaterJson.groundwater(o, result(), "liner-failure");
        assertThat(o.get("points").get(0).get("ug_per_l_end_of_year")).hasSize(5);
        assertThat(o.has("tl_leached_kg")).isTrue();
        assertThat(o.get("aquifer").get("tl_front_velocity_m_per_year").asDouble()).isEqualTo(8.696); // 0.1/4.2·365.25
    }
}
