package org.lichain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Issue 14: readable numbers on every chart, one colour per resource type, a source line under each chart. */
class ChartStyleTest {
    @Test
    void numbers_haveSeparators_yearsDoNot_andThereIsNoMinusZeroOrScientificNotation() {
        assertThat(ChartStyle.number(600_000.0)).isEqualTo("600,000");
        assertThat(ChartStyle.number(2_887_793.4)).isEqualTo("2,887,793");
        assertThat(ChartStyle.number(-0.0)).isEqualTo("0");
        assertThat(ChartStyle.number(-0.001)).isEqualTo("0");
        assertThat(ChartStyle.number(0.25)).isEqualTo("0.25");
        assertThat(ChartStyle.number(-12.4)).isEqualTo("-12");
        assertThat(ChartStyle.year(2020.0)).isEqualTo("2020");
    }

    @Test
    void resourceTypes_haveDistinctColours() {
        assertThat(ChartStyle.RESOURCE_COLOURS.values()).doesNotHaveDuplicates();
        assertThat(ChartStyle.hex("brine")).isEqualTo("#0072b2");
    }

    @Test
    void png_addsASourceLineUnderTheChart() throws Exception {
        XYChart c = new XYChartBuilder().width(400).height(300).title("t").build();
        c.addSeries("s", new double[] {2020, 2021}, new double[] {1, 2});
        ChartStyle.timeAxes(c);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ChartStyle.png(c, "a test source")));
        assertThat(img.getHeight()).isEqualTo(300 + ChartStyle.SOURCE_LINE_PX);
        int dark = 0;
        for (int y = 300; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFF) < 160) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("pixels of the source text").isGreaterThan(20);
    }
}
