package org.lichain.report.company;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.lichain.company.CompanyPnl;
import org.lichain.company.Segment;

/** XChart bar charts of company margins by segment (USD million), as PNG bytes. */
public final class CompanyCharts {
    public static final int WIDTH = 1100;
    public static final int HEIGHT = 650;
    private static final Color[] COLOURS = {new Color(0x8c564b), new Color(0xd62728), new Color(0x1f77b4),
            new Color(0x2ca02c)};

    private CompanyCharts() {
    }

    /** Margin by segment per company (grouped bars), one group per company. */
    public static CategoryChart compare(List<CompanyPnl> pnls) {
        if (pnls.isEmpty()) {
            throw new IllegalArgumentException("no company to chart");
        }
        int year = pnls.get(0).year();
        CategoryChart c = chart("Margin by segment, " + year + " (" + pnls.get(0).transferPricing().id()
                + " transfer pricing)", "company");
        List<String> names = new ArrayList<>();
        for (CompanyPnl p : pnls) {
            names.add(p.companyId());
        }
        for (Segment s : Segment.values()) {
            List<Double> v = new ArrayList<>();
            for (CompanyPnl p : pnls) {
                v.add(p.segment(s).marginUsd() / 1e6);
            }
            c.addSeries(s.id(), names, v).setFillColor(COLOURS[s.ordinal()]);
        }
        return c;
    }

    /** One company: margin by segment per month (grouped bars). */
    public static CategoryChart monthly(CompanyPnl p) {
        CategoryChart c = chart(p.companyId() + ": margin by segment per month, " + p.year() + " (integrated "
                + String.format(Locale.ROOT, "%,.1f", p.integratedMarginUsd() / 1e6) + " USD m)", "month");
        List<String> months = new ArrayList<>();
        for (CompanyPnl.Month m : p.months()) {
            months.add(m.month().toString());
        }
        for (Segment s : Segment.values()) {
            List<Double> v = new ArrayList<>();
            for (CompanyPnl.Month m : p.months()) {
                v.add(m.segments().get(s).marginUsd() / 1e6);
            }
            c.addSeries(s.id(), months, v).setFillColor(COLOURS[s.ordinal()]);
        }
        return c;
    }

    /** The chart as PNG with its source line (LiChain's company model on the embedded dataset). */
    public static byte[] png(CategoryChart chart) {
        return org.lichain.report.ChartStyle.png(chart, "LiChain company model (lichain company), embedded dataset: "
                + "reported production, company_plants.csv, prices as named in the title");
    }

    private static CategoryChart chart(String title, String xTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle("margin, USD million").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setOverlapped(false);
        c.getStyler().setYAxisDecimalPattern("#,##0.#");
        c.getStyler().setXAxisLabelRotation(45);
        return c;
    }
}
