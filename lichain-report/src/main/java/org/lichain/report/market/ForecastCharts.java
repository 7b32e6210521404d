package org.lichain.report.market;

import java.awt.Color;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lichain.market.Forecaster;
import org.lichain.market.RollingForecast;
import org.lichain.report.Canvas;
import org.lichain.report.ChartStyle;

/**
 * Charts of forecasts: one forecast's p10–p50–p90 fan after the observed path ({@link #forecast}), and fans from
 * several origins of the rolling record over the actual path ({@link #rolling}). China carbonate, CNY per t incl. VAT.
 */
public final class ForecastCharts {
    private ForecastCharts() {
    }

    private static XYChart chart(String title) {
        return MarketCharts.chart(title, "CNY per t incl. 13% VAT");
    }

    private static void fan(XYChart c, String name, Forecaster.Forecast f, Color colour) {
        List<Double> x = new ArrayList<>();
        List<Double> p10 = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p90 = new ArrayList<>();
        for (int h = 1; h <= f.months(); h++) {
            x.add(MarketCharts.year(f.origin().plusMonths(h)));
            p10.add(f.p10()[h - 1]);
            p50.add(f.p50()[h - 1]);
            p90.add(f.p90()[h - 1]);
        }
        XYSeries lo = c.addSeries(name + " (p10)", x, p10);
        XYSeries mid = c.addSeries(name, x, p50);
        XYSeries hi = c.addSeries(name + " (p90)", x, p90);
        for (XYSeries s : List.of(lo, mid, hi)) {
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour);
            s.setShowInLegend(s == mid);
        }
        mid.setLineWidth(2.5f);
        lo.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 4f}, 0f));
        hi.setLineStyle(lo.getLineStyle());
    }

    private static void history(XYChart c, Map<YearMonth, Double> record, String name) {
        List<Double> x = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        record.forEach((m, p) -> {
            x.add(MarketCharts.year(m));
            v.add(p);
        });
        XYSeries s = c.addSeries(name, x, v);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.BLACK);
    }

    /** A tick at a fractional year as YYYY-MM (a forecast spans a few years only). */
    static String yearMonth(Double x) {
        long months = Math.round(x * 12);
        return String.format(java.util.Locale.ROOT, "%d-%02d", Math.floorDiv(months, 12), Math.floorMod(months, 12) + 1);
    }

    /** The forecast's fan after the observed path (the 36 months before the origin). */
    public static byte[] forecast(RollingForecast.Outlook o) {
        XYChart c = chart("China carbonate: forecast from " + o.origin() + " (p10 / p50 / p90)");
        history(c, o.history().tailMap(o.origin().minusMonths(35), true), "observed monthly mean (SMM)");
        fan(c, "forecast p50 (dashed: p10, p90)", o.model(), new Color(0x1f77b4));
        c.getStyler().setxAxisTickLabelsFormattingFunction(ForecastCharts::yearMonth);
        return ChartStyle.png(c, "lichain forecast --origin " + o.origin() + " --runs " + o.skill().runs() + " --seed "
                + o.skill().seed() + "; band: ensemble with the model error of the rolling record (docs/forecast.md)");
    }

    public static void forecastPng(RollingForecast.Outlook o, Path file) {
        Canvas.write(file, forecast(o));
    }

    /** Fans from every {@code every}-th origin of the record (first origin first) over the actual path. */
    public static byte[] rolling(RollingForecast.Record r, int every) {
        XYChart c = chart("Model forecasts (p50; dashed p10, p90) from origins of the rolling record, over the actual path");
        history(c, r.actual().tailMap(r.origins().get(0).origin().minusMonths(12), true), "actual (SMM)");
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b)};
        int k = 0;
        for (int i = 0; i < r.origins().size(); i += Math.max(1, every)) {
            RollingForecast.OriginForecasts of = r.origins().get(i);
            fan(c, of.origin().toString(), of.byForecaster().get("model"), colours[k % colours.length]);
            k++;
        }
        c.getStyler().setxAxisTickLabelsFormattingFunction(ForecastCharts::yearMonth);
        return ChartStyle.png(c, "lichain backtest --rolling (model p10 / p50 / p90 from each origin's vintage; "
                + "docs/forecast.md)");
    }

    public static void rollingPng(RollingForecast.Record r, int every, Path file) {
        Canvas.write(file, rolling(r, every));
    }
}
