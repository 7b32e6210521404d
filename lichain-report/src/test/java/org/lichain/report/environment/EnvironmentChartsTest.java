package org.lichain.report.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class EnvironmentChartsTest {
    @TempDir
    Path dir;

    @Test
    void riverProfile_carriesTheLimitAsASeries_andWritesPngAndSvg() throws Exception {
        XYChart c = EnvironmentCharts.riverProfile("t", new double[] {1, 2, 3}, new double[] {5, 1, 0.05}, 0.1,
                "GB 3838-2002");
        assertThat(c.getSeries("concentration")).isNotNull();
        assertThat(c.getSeries("GB 3838-2002 0.10 µg/L").getYData()).containsExactly(0.1, 0.1);
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue();
        Path png = dir.resolve("p.png");
        Path svg = dir.resolve("p.svg");
        EnvironmentCharts.write(c, png);
        EnvironmentCharts.write(c, svg);
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P'); // \x89PNG
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void residueStockInMegatonnes_andStationSeriesSplitsBelowDetection() {
        XYChart s = EnvironmentCharts.residueStock("yichun", YearMonth.of(2023, 1), new double[] {1e6, 2.5e6});
        assertThat(s.getSeries("residue stock").getYData()).containsExactly(1.0, 2.5);
        XYChart st = EnvironmentCharts.stationSeries("ST", List.of(LocalDateTime.of(2023, 1, 1, 0, 0),
                LocalDateTime.of(2023, 1, 2, 0, 0)), new double[] {0.2, 0.02}, new boolean[] {false, true}, 0.1);
        assertThat(st.getSeriesCollection()).extracting(x -> x.getName()).containsExactly("measured",
                "below detection (at the limit)", "limit");
    }

    @Test
    void unknownExtensionIsRefused() {
        XYChart c = EnvironmentCharts.residueStock("x", YearMonth.of(2023, 1), new double[] {1});
        assertThatThrownBy(() -> EnvironmentCharts.write(c, dir.resolve("c.gif"))).hasMessageContaining(".png or .svg");
    }
}
