package org.lichain.report.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Environment charts (XChart): residue stock over time, concentration along the river with the limit, station series. */
public final class EnvironmentCharts {
    private EnvironmentCharts() {
    }

    /** Cumulative leach residue of a region at the end of each month, Mt. */
    public static XYChart residueStock(String region, YearMonth start, double[] stockT) {
        XYChart c = new XYChartBuilder().width(900).height(500).title("Leach residue stock, " + region)
                .xAxisTitle("month").yAxisTitle("residue stock (Mt)").build();
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < stockT.length; i++) {
            x.add(Date.from(start.plusMonths(i).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            y.add(stockT[i] / 1e6);
        }
        c.addSeries("residue stock", x, y).setMarker(SeriesMarkers.NONE);
        c.getStyler().setDatePattern("yyyy-MM");
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /** Concentration along the river (µg/L against km below the source) with the limit as a horizontal line. */
    public static XYChart riverProfile(String title, double[] distanceKm, double[] ugPerL, double limitUgPerL,
                                       String limitName) {
        XYChart c = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("distance downstream (km)")
                .yAxisTitle("thallium (µg/L)").build();
        c.addSeries("concentration", distanceKm, ugPerL).setMarker(SeriesMarkers.NONE);
        boolean positive = ugPerL.length > 0;
        for (double v : ugPerL) {
            positive &= v > 0;
        }
        c.getStyler().setYAxisLogarithmic(positive); // orders of magnitude between outfall and limit
        double end = distanceKm.length == 0 ? 1 : distanceKm[distanceKm.length - 1];
        XYSeries lim = c.addSeries(limitName + " " + String.format(Locale.ROOT, "%.2f µg/L", limitUgPerL),
                new double[] {distanceKm.length == 0 ? 0 : distanceKm[0], end}, new double[] {limitUgPerL, limitUgPerL});
        lim.setMarker(SeriesMarkers.NONE);
        return c;
    }

    /** One station's series: detected values, below-detection values (at their limit) and the limit. */
    public static XYChart stationSeries(String station, List<LocalDateTime> time, double[] ugPerL, boolean[] belowDetection,
                                        double limitUgPerL) {
        XYChart c = new XYChartBuilder().width(900).height(500).title("Thallium at " + station).xAxisTitle("time")
                .yAxisTitle("thallium (µg/L)").build();
        List<Date> xd = new ArrayList<>();
        List<Double> yd = new ArrayList<>();
        List<Date> xb = new ArrayList<>();
        List<Double> yb = new ArrayList<>();
        for (int i = 0; i < time.size(); i++) {
            Date d = Date.from(time.get(i).toInstant(ZoneOffset.UTC));
            (belowDetection[i] ? xb : xd).add(d);
            (belowDetection[i] ? yb : yd).add(ugPerL[i]);
        }
        if (!xd.isEmpty()) {
            c.addSeries("measured", xd, yd).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        if (!xb.isEmpty()) {
            c.addSeries("below detection (at the limit)", xb, yb)
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.TRIANGLE_DOWN);
        }
        if (!time.isEmpty()) {
            List<Date> xl = List.of(Date.from(time.get(0).toInstant(ZoneOffset.UTC)),
                    Date.from(time.get(time.size() - 1).toInstant(ZoneOffset.UTC)));
            c.addSeries("limit", xl, List.of(limitUgPerL, limitUgPerL)).setMarker(SeriesMarkers.NONE);
        }
        c.getStyler().setDatePattern("yyyy-MM-dd HH:mm");
        return c;
    }

    /** Writes PNG or SVG by the file's extension. */
    public static void write(XYChart chart, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (name.endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else if (name.endsWith(".png")) {
                org.lichain.report.Canvas.write(file, org.lichain.report.ChartStyle.png(chart,
                        "LiChain environment model (lichain env), embedded dataset and the monitoring store"));
            } else {
                throw new IllegalArgumentException("chart file must end in .png or .svg: " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }
}
