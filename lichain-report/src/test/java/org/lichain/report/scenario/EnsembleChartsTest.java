package org.lichain.report.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.lichain.scenario.EnsembleSummary;
import org.lichain.scenario.Metric;

class EnsembleChartsTest {
    /** Two years of one metric, two inputs: p5..p95 = 1..5 in 2030 and 2..6 in 2031. */
    static EnsembleSummary summary() {
        double[][][] pct = {{{1, 2, 3, 4, 5}, {2, 3, 4, 5, 6}}};
        return new EnsembleSummary("s", "toy-test", 7, 100, 2030, List.of(Metric.PRICE), pct,
                List.of("cost_inflation", "demand_path"), List.of("price_cny_per_t_incl_vat_mean"),
                new double[][] {{0.8, -0.3}});
    }

    @Test
    void fan_hasTheBandsAndTheMedian() {
        XYChart c = EnsembleCharts.fan(summary(), 0);
        assertThat(c.getSeriesCollection()).extracting(org.knowm.xchart.XYSeries::getName).contains("p5–p95", "p25–p75", "median (p50)");
        assertThat(c.getSeries("median (p50)").getYData()).containsExactly(3.0, 4.0);
        assertThat(c.getSeries("p5–p95").getYData()).containsExactly(5.0, 6.0);
    }

    @Test
    void tornado_putsTheLargestSensitivityOnTop() {
        XYChart c = EnsembleCharts.tornado(summary(), 0);
        // rows bottom-up by |rho|: demand_path (0.3) at y = 0, cost_inflation (0.8) at y = 1
        assertThat(c.getSeries("demand_path").getYData()).containsExactly(0.0, 0.0);
        assertThat(c.getSeries("cost_inflation").getXData()).containsExactly(0.0, 0.8);
        assertThat(c.getSeries("cost_inflation").getYData()).containsExactly(1.0, 1.0);
    }

    @Test
    void writeAllAndTable(@TempDir Path tmp) throws Exception {
        assertThat(EnsembleCharts.writeAll(summary(), tmp)).containsExactly("fan_price_cny_per_t_incl_vat.png",
                "tornado_price_cny_per_t_incl_vat_mean.png");
        assertThat(tmp.resolve("fan_price_cny_per_t_incl_vat.png")).isNotEmptyFile();
        String t = EnsembleCharts.table(summary(), 1);
        assertThat(t).contains("price_cny_per_t_incl_vat_avg [CNY/t incl. VAT]").contains("2030").contains("2031");
        assertThat(t.lines().filter(l -> l.startsWith("  2031")).findFirst().orElseThrow())
                .matches("\\s+2031\\s+2\\.00\\s+3\\.00\\s+4\\.00\\s+5\\.00\\s+6\\.00");
    }
}
