package org.lichain.report.scenario;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lichain.scenario.EnsembleStatistics;
import org.lichain.scenario.EnsembleSummary;
import org.lichain.scenario.Metric;

/**
 * Charts of an ensemble: a fan chart per metric (annual p5–p95 and p25–p75 bands around the median) and a
 * tornado chart of input sensitivities (Spearman rank correlation of each drawn input with a key output).
 */
public final class EnsembleCharts {
    private static final Color OUTER = new Color(0xC6DBEF);
    private static final Color INNER = new Color(0x6BAED6);
    private static final Color MEDIAN = new Color(0x08306B);

    private EnsembleCharts() {
    }

    /** Fan chart of metric {@code m}: bands are filled between percentiles, the median is a line. */
    public static XYChart fan(EnsembleSummary s, int m) {
        Metric metric = s.metrics().get(m);
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title(metric.description() + " — " + s.scenario() + ", " + s.runs() + " runs")
                .xAxisTitle("year").yAxisTitle(metric.unit() + " (annual " + metric.aggregation().name()
                        .toLowerCase(Locale.ROOT) + ")").build();
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        org.lichain.report.ChartStyle.timeAxes(chart); // year ticks, no "6E5", legend below
        int years = s.years();
        double[] x = new double[years];
        double[][] p = new double[5][years];
        for (int y = 0; y < years; y++) {
            x[y] = s.firstYear() + y;
            for (int k = 0; k < 5; k++) {
                p[k][y] = s.percentiles()[m][y][k];
            }
        }
        double floor = java.util.Arrays.stream(p[0]).min().orElse(0);
        floor = Math.min(0, floor);
        chart.getStyler().setYAxisMin(floor);
        // XChart fills an area series down to the axis; painting p95, p75, p25, p5 in that order with the
        // p5 and p25 areas in the lower band's colours leaves the bands between the percentiles visible.
        area(chart, "p5–p95", x, p[4], OUTER);
        area(chart, "p25–p75", x, p[3], INNER);
        area(chart, " ", x, p[1], OUTER).setShowInLegend(false);
        area(chart, "  ", x, p[0], Color.WHITE).setShowInLegend(false);
        XYSeries med = chart.addSeries("median (p50)", x, p[2]);
        med.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        med.setLineColor(MEDIAN);
        med.setLineStyle(new BasicStroke(2.5f));
        med.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static XYSeries area(XYChart chart, String name, double[] x, double[] y, Color c) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(c);
        s.setLineColor(c);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /**
     * Tornado chart: one horizontal bar per input from 0 to its Spearman rank correlation with output
     * {@code output} (an index into {@link EnsembleSummary#outputs()}), largest |ρ| on top.
     */
    public static XYChart tornado(EnsembleSummary s, int output) {
        String outName = s.outputs().get(output);
        XYChart chart = new XYChartBuilder().width(900).height(Math.max(300, 120 + 45 * s.inputs().size()))
                .title("Which inputs drive " + outName + " (" + s.scenario() + ", " + s.runs() + " runs)")
                .xAxisTitle("Spearman rank correlation with " + outName).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(-1.0).setXAxisMax(1.0);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.inputs().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> Math.abs(s.sensitivity()[output][i])));
        String[] labels = new String[order.size()];
        for (int row = 0; row < order.size(); row++) {
            int i = order.get(row);
            labels[row] = s.inputs().get(i);
            double rho = s.sensitivity()[output][i];
            XYSeries bar = chart.addSeries(s.inputs().get(i), new double[] {0, rho}, new double[] {row, row});
            bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            bar.setLineColor(rho >= 0 ? new Color(0xD6604D) : new Color(0x4393C3));
            bar.setLineStyle(new BasicStroke(22f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            bar.setMarker(SeriesMarkers.NONE);
            // the input's name and value on the empty side of the axis (XChart has no category y axis here)
            chart.addAnnotation(new AnnotationText(labels[row] + String.format(Locale.ROOT, "  (%+.2f)", rho),
                    rho >= 0 ? -0.5 : 0.5, row, false));
        }
        chart.getStyler().setYAxisMin(-0.7).setYAxisMax(order.size() - 0.3);
        chart.getStyler().setYAxisTicksVisible(false);
        return chart;
    }

    /**
     * Overlaid medians and p5/p95 lines of one metric for several scenarios (for {@code lichain compare}).
     * All summaries must report the metric under the same annual name.
     */
    public static XYChart compare(List<EnsembleSummary> summaries, String annualName) {
        EnsembleSummary first = summaries.get(0);
        Metric metric = first.metrics().stream().filter(m -> m.annualName().equals(annualName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + annualName));
        XYChart chart = new XYChartBuilder().width(900).height(500).title(metric.description() + ": scenarios")
                .xAxisTitle("year").yAxisTitle(metric.unit()).build();
        org.lichain.report.ChartStyle.timeAxes(chart); // year ticks, no "6E5", legend below
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        Color[] palette = {new Color(0x1B9E77), new Color(0xD95F02), new Color(0x7570B3), new Color(0xE7298A),
                new Color(0x66A61E), new Color(0xE6AB02)};
        int idx = 0;
        for (EnsembleSummary s : summaries) {
            int m = -1;
            for (int i = 0; i < s.metrics().size(); i++) {
                if (s.metrics().get(i).annualName().equals(annualName)) {
                    m = i;
                }
            }
            if (m < 0) {
                throw new IllegalArgumentException("scenario " + s.scenario() + " has no metric " + annualName);
            }
            Color c = palette[idx++ % palette.length];
            double[] x = new double[s.years()];
            double[][] p = new double[3][s.years()];
            for (int y = 0; y < s.years(); y++) {
                x[y] = s.firstYear() + y;
                p[0][y] = s.percentiles()[m][y][0];
                p[1][y] = s.percentiles()[m][y][2];
                p[2][y] = s.percentiles()[m][y][4];
            }
            line(chart, s.scenario() + " p50", x, p[1], c, SeriesLines.SOLID, true);
            line(chart, s.scenario() + " p5 and p95 (dashed)", x, p[0], c, SeriesLines.DASH_DASH, true);
            line(chart, s.scenario() + " p95", x, p[2], c, SeriesLines.DASH_DASH, false);
        }
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color c, BasicStroke stroke,
            boolean legend) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(c);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(legend);
    }

    static String source(EnsembleSummary s) {
        return "LiChain Monte Carlo ensemble (lichain mc), scenario " + s.scenario() + ", " + s.runs() + " runs, seed "
                + s.seed() + ", embedded dataset";
    }

    /**
     * Writes {@code fan_<metric>.png} for every metric and {@code tornado_<output>.png} for the mean of every
     * metric into {@code dir}; returns the file names.
     */
    public static List<String> writeAll(EnsembleSummary s, Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        for (int m = 0; m < s.metrics().size(); m++) {
            String name = "fan_" + s.metrics().get(m).name() + ".png";
            org.lichain.report.Canvas.write(dir.resolve(name), org.lichain.report.ChartStyle.png(fan(s, m), source(s)));
            files.add(name);
        }
        if (!s.inputs().isEmpty()) {
            for (int m = 0; m < s.metrics().size(); m++) {
                int out = s.outputs().indexOf(s.metrics().get(m).name() + "_mean");
                String name = "tornado_" + s.outputs().get(out) + ".png";
                org.lichain.report.Canvas.write(dir.resolve(name),
                        org.lichain.report.ChartStyle.png(tornado(s, out), source(s)));
                files.add(name);
            }
        }
        return files;
    }

    /** A plain-text table of the annual percentiles of every metric (every year), for terminals and files. */
    public static String table(EnsembleSummary s, int yearStep) {
        StringBuilder sb = new StringBuilder();
        for (int m = 0; m < s.metrics().size(); m++) {
            Metric metric = s.metrics().get(m);
            sb.append(metric.annualName()).append(" [").append(metric.unit()).append("]\n");
            sb.append(String.format(Locale.ROOT, "  %-6s", "year"));
            for (double p : EnsembleStatistics.PERCENTILES) {
                sb.append(String.format(Locale.ROOT, " %14s", "p" + (int) p));
            }
            sb.append('\n');
            for (int y = 0; y < s.years(); y++) {
                if (y % yearStep != 0 && y != s.years() - 1) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "  %-6d", s.firstYear() + y));
                for (int k = 0; k < EnsembleStatistics.PERCENTILES.length; k++) {
                    sb.append(String.format(Locale.ROOT, " %14s", format(s.percentiles()[m][y][k])));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
