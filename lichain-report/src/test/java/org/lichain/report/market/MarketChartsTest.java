package org.lichain.report.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.DatasetLoader;
import org.lichain.market.Scenario;
import org.lichain.market.Simulation;
import org.lichain.market.SimulationResult;

class MarketChartsTest {
    @Test
    void allFiveCharts_arePngsOfTheChartSize(@TempDir Path dir) throws Exception {
        Scenario s = Scenario.base().withPeriod(YearMonth.of(2020, 1), YearMonth.of(2023, 12));
        SimulationResult r = Simulation.run(DatasetLoader.loadEmbedded(), s, 1);
        var charts = MarketCharts.all(r);
        assertThat(charts.keySet()).containsExactly("market_price.png", "market_supply_by_type.png",
                "market_balance.png", "market_self_sufficiency.png", "market_trade_flows.png");
        for (var e : charts.entrySet()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(e.getValue()));
            assertThat(img).as(e.getKey()).isNotNull();
            assertThat(img.getWidth()).isEqualTo(MarketCharts.WIDTH);
            assertThat(img.getHeight()).isEqualTo(MarketCharts.HEIGHT + org.lichain.report.ChartStyle.SOURCE_LINE_PX);
        }
        assertThat(MarketCharts.writeAll(r, dir)).hasSize(5).allSatisfy(p -> assertThat(p).exists());
    }
}
