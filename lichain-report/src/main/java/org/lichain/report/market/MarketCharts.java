package org.lichain.report.market;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lichain.market.Backtest;
import org.lichain.market.DemandRegion;
import org.lichain.market.SimulationResult;
import org.lichain.report.Canvas;

/**
 * XChart PNG charts of a market simulation for the report: price path, supply by resource type, the balance
 * (demand, production, stocks), self-sufficiency and China's supply by origin; and the backtest's simulated-vs-actual
 * price. Each method returns PNG bytes; {@link #writeAll} writes the set to a folder.
 */
public final class MarketCharts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    private MarketCharts() {
    }

    /** Months as fractional years (2022.0 = Jan 2022), so that axis ticks fall on calendar years. */
    private static List<Double> dates(SimulationResult r) {
        List<Double> d = new ArrayList<>();
        for (int t = 0; t < r.months(); t++) {
            d.add(year(r.month(t)));
        }
        return d;
    }

    static double year(java.time.YearMonth m) {
        return m.getYear() + (m.getMonthValue() - 1) / 12.0;
    }

    static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("year")
                .yAxisTitle(yTitle).build();
        c.getStyler().setMarkerSize(0);
        org.lichain.report.ChartStyle.timeAxes(c); // legend below the plot, plain years, readable numbers
        return c;
    }

    private static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    private static List<Double> scaled(double[] a, double f) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v * f);
        }
        return l;
    }

    private static byte[] png(XYChart c, SimulationResult r) {
        return org.lichain.report.ChartStyle.png(c, "LiChain market simulation, scenario " + r.scenario() + ", seed "
                + r.seed() + " (lichain simulate), embedded dataset");
    }

    /** China spot battery-grade carbonate, CNY/t incl. VAT, with the marginal cost. */
    public static byte[] pricePath(SimulationResult r) {
        XYChart c = chart("China battery-grade carbonate spot (" + r.scenario() + ")", "CNY per t incl. 13% VAT");
        List<Double> d = dates(r);
        c.addSeries("simulated spot", d, list(r.priceCnyPerTInclVat())).setMarker(SeriesMarkers.NONE);
        double[] mc = new double[r.months()];
        for (int t = 0; t < r.months(); t++) {
            mc[t] = r.marginalCostUsdPerTLce()[t] * r.priceCnyPerTInclVat()[t] / r.priceUsdPerTLce()[t];
        }
        c.addSeries("C1 of the marginal producer", d, list(mc)).setMarker(SeriesMarkers.NONE);
        return png(c, r);
    }

    /** Production by resource type, kt LCE per month (lines). */
    public static byte[] supplyByType(SimulationResult r) {
        XYChart c = chart("Mined supply by resource type", "kt LCE per month");
        List<Double> d = dates(r);
        for (String type : new TreeSet<>(r.assetResourceTypes())) {
            XYSeries s = c.addSeries(type, d, scaled(r.productionOfType(type), 1e-3));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(org.lichain.report.ChartStyle.colour(type));
        }
        return png(c, r);
    }

    /** The balance: demand, production, consumption, unmet demand and stocks, kt LCE. */
    public static byte[] balance(SimulationResult r) {
        XYChart c = chart("Balance", "kt LCE (flows per month, stocks at month end)");
        List<Double> d = dates(r);
        c.addSeries("demand", d, scaled(r.demandTLce(), 1e-3)).setMarker(SeriesMarkers.NONE);
        c.addSeries("production", d, scaled(r.productionTLce(), 1e-3)).setMarker(SeriesMarkers.NONE);
        c.addSeries("unmet demand", d, scaled(r.unmetDemandTLce(), 1e-3)).setMarker(SeriesMarkers.NONE);
        c.addSeries("consumer stocks", d, scaled(r.consumerStockTLce(), 1e-3)).setMarker(SeriesMarkers.NONE);
        c.addSeries("producer stocks", d, scaled(r.producerStockTLce(), 1e-3)).setMarker(SeriesMarkers.NONE);
        return png(c, r);
    }

    /** Domestic mine supply / demand and domestic conversion / demand, by demand region, percent. */
    public static byte[] selfSufficiency(SimulationResult r) {
        // ROW (rest of the world: mines far above its small demand, ~2,600%) would flatten the regions that matter;
        // it is left out of this scale and named in the title. JK = Japan and South Korea.
        XYChart c = chart("Self-sufficiency: domestic supply / domestic demand (ROW off scale; JK = Japan + Korea)",
                "% of demand");
        List<Double> d = dates(r);
        for (DemandRegion reg : DemandRegion.values()) {
            if (reg.id().equals("ROW")) {
                continue;
            }
            c.addSeries(reg.id() + " mines", d, scaled(r.mineSelfSufficiency()[reg.ordinal()], 100))
                    .setMarker(SeriesMarkers.NONE);
        }
        c.addSeries("CN conversion", d, scaled(r.conversionSelfSufficiency()[DemandRegion.CN.ordinal()], 100))
                .setMarker(SeriesMarkers.NONE);
        return png(c, r);
    }

    /** Lithium reaching Chinese buyers by country of origin, kt LCE per month. */
    public static byte[] tradeFlows(SimulationResult r) {
        XYChart c = chart("China's supply by origin of the lithium", "kt LCE per month");
        List<Double> d = dates(r);
        for (int o = 0; o < r.countries().size(); o++) {
            double total = 0;
            for (double v : r.chinaSupplyByOrigin()[o]) {
                total += v;
            }
            if (total > 0) {
                // "ZZ" is the market model's code for generic new projects without a site (no country yet)
                String country = r.countries().get(o);
                c.addSeries(country.equals("ZZ") ? "new projects (no site yet)" : country, d,
                        scaled(r.chinaSupplyByOrigin()[o], 1e-3)).setMarker(SeriesMarkers.NONE);
            }
        }
        return png(c, r);
    }

    /** Simulated China spot against the reference points of the backtest. */
    public static byte[] backtest(Backtest.Report rep) {
        SimulationResult r = rep.result();
        XYChart c = chart("Backtest 2020-2025: simulated vs actual", "CNY per t incl. 13% VAT");
        c.addSeries("simulated", dates(r), list(r.priceCnyPerTInclVat())).setMarker(SeriesMarkers.NONE);
        List<Double> d = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (Backtest.PricePoint p : rep.prices()) {
            d.add(year(java.time.YearMonth.parse(p.month())));
            v.add(p.actualCnyPerT());
        }
        XYSeries s = c.addSeries("actual (market_history.csv)", d, v);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        c.getStyler().setMarkerSize(8);
        return png(c, r);
    }

    public static void backtestPng(Backtest.Report rep, Path file) {
        Canvas.write(file, backtest(rep));
    }

    /** All five simulation charts by file name ({@code market_price.png}, ...). */
    public static Map<String, byte[]> all(SimulationResult r) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("market_price.png", pricePath(r));
        m.put("market_supply_by_type.png", supplyByType(r));
        m.put("market_balance.png", balance(r));
        m.put("market_self_sufficiency.png", selfSufficiency(r));
        m.put("market_trade_flows.png", tradeFlows(r));
        return m;
    }

    /** Writes {@link #all} into {@code dir}; returns the files written. */
    public static List<Path> writeAll(SimulationResult r, Path dir) {
        List<Path> out = new ArrayList<>();
        for (var e : all(r).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Canvas.write(p, e.getValue());
            out.add(p);
        }
        return out;
    }
}
