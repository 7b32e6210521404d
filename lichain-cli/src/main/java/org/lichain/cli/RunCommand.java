package org.lichain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lichain.company.CompanyModel;
import org.lichain.company.CompanyPnl;
import org.lichain.company.SimulationPricePath;
import org.lichain.company.TransferPricing;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.environment.EnvironmentLedger;
import org.lichain.environment.Footprint;
import org.lichain.environment.ProductionSeries;
import org.lichain.market.ResultJson;
import org.lichain.market.Simulation;
import org.lichain.market.SimulationResult;
import org.lichain.report.HtmlReport;
import org.lichain.report.company.CompanyCharts;
import org.lichain.report.environment.EnvironmentCharts;
import org.lichain.report.market.MarketCharts;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain run}: the main end-to-end job on the dataset; prints a summary and writes an HTML report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs the main job end to end: the base market scenario, the 2025 cost curve, the footprint and CATL's P&L, with an HTML report.",
        description = {"The main job, end to end on the dataset: the base market scenario 2020-2035 (price, supply,",
                "balance, self-sufficiency, trade), the 2025 cost curve, Yichun's environmental footprint and the",
                "CATL chain P&L from the simulation; prints a summary and writes OUT/report.html with charts and tables."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        // five phases, about a minute in all: a progress bar with ETA on stderr (off with --quiet)
        try (WorkProgress b = new WorkProgress("run", 5, "phases")) {
            bar = b;
            return work();
        }
    }

    private WorkProgress bar;

    private void phase(String what, long t0) {
        timing(what, t0);
        bar.step();
    }

    private Integer work() {
        World w = data.world();
        PrintWriter o = spec.commandLine().getOut();
        HtmlReport report = new HtmlReport("LiChain report: base scenario 2020-2035");
        report.paragraph("Everything below is computed from the embedded dataset (sources: 'lichain assets show ID', "
                + "docs/dataset-sources.md) with exogenous inputs only; prices after 2023 are simulated, not given.");

        // 1. the market
        long t0 = System.nanoTime();
        SimulationResult r = Simulation.runBase2020to2035(w);
        phase("market simulation", t0);
        Map<Integer, Map<String, Double>> annual = ResultJson.annual(r);
        o.println("Base scenario 2020-2035 (market simulation; annual means of monthly prices, sums of flows)");
        List<String> header = List.of("year", "price CNY/t incl. VAT", "price USD/t LCE", "demand t LCE",
                "production t LCE", "CN lepidolite t LCE", "CN lepidolite at a loss", "CN mine self-sufficiency",
                "CN imports t LCE");
        o.printf(Locale.ROOT, "%-5s %14s %11s %12s %12s %12s %9s %9s %12s%n", "year", "cny_t_vat", "usd_t", "demand_t",
                "production_t", "cn_lep_t", "lep_loss", "cn_self", "cn_imports_t");
        List<List<Object>> rows = new ArrayList<>();
        for (var e : annual.entrySet()) {
            Map<String, Double> m = e.getValue();
            o.printf(Locale.ROOT, "%-5d %,14.0f %,11.0f %,12.0f %,12.0f %,12.0f %8.0f%% %8.0f%% %,12.0f%n", e.getKey(),
                    m.get("price_cny_per_t_incl_vat_avg"), m.get("price_usd_per_t_lce_avg"), m.get("demand_t_lce"),
                    m.get("production_t_lce"), m.get("lepidolite_production_t_lce"),
                    100 * m.get("share_of_cn_lepidolite_at_loss_avg"), 100 * m.get("self_sufficiency_CN_avg"),
                    m.get("imports_t_lce_CN"));
            rows.add(List.of(e.getKey(), m.get("price_cny_per_t_incl_vat_avg"), m.get("price_usd_per_t_lce_avg"),
                    m.get("demand_t_lce"), m.get("production_t_lce"), m.get("lepidolite_production_t_lce"),
                    pct(m.get("share_of_cn_lepidolite_at_loss_avg")), pct(m.get("self_sufficiency_CN_avg")),
                    m.get("imports_t_lce_CN")));
        }
        report.heading("Market: base scenario 2020-2035");
        report.table(header, rows);
        for (var chart : MarketCharts.all(r).entrySet()) {
            String file = chart.getKey().endsWith(".png") ? chart.getKey() : chart.getKey() + ".png";
            report.image(file, chart.getValue(), "Market: "
                    + file.replace(".png", "").replace("market_", "").replace('_', ' '));
        }

        phase("market charts", t0);
        // 2. the 2025 cost curve at the latest known price (the 2025 average of the monthly record)
        CostCurve spot = CurveCommand.build(w, 2025, null, null, null, CostBreakdown.Basis.C1);
        o.println();
        CurveCommand.printSummary(o, spot, 12, true);
        report.paragraph(String.format(Locale.ROOT, "Price for the 2025 curve: USD %,.0f/t LCE ex-VAT = CNY %,.0f/t "
                + "incl. VAT (%s).", spot.priceUsdPerTLce(), spot.priceCnyPerTInclVat(), spot.priceSource()));
        report.costCurve(spot, "curve-2025.png");

        phase("cost curve", t0);
        // 3. environment: Yichun's footprint from the simulated production
        // generic incentive projects of the market (no site in the dataset) have no footprint site: left out
        List<String> known = new ArrayList<>();
        List<double[]> rowsByAsset = new ArrayList<>();
        for (int i = 0; i < r.assetIds().size(); i++) {
            if (w.findAsset(r.assetIds().get(i)).isPresent()) {
                known.add(r.assetIds().get(i));
                rowsByAsset.add(r.productionByAsset()[i]);
            }
        }
        ProductionSeries simulated = ProductionSeries.of(r.start(), known.toArray(new String[0]),
                rowsByAsset.toArray(new double[0][]), "market simulation (dataset assets only)");
        EnvironmentLedger ledger = EnvironmentLedger.compute(w, simulated);
        report.heading("Environment: residue, CO2 and thallium (simulated production)");
        List<List<Object>> envRows = new ArrayList<>();
        o.println();
        o.println("Environmental footprint from the simulated production (residue = leach residue; CO2e scope 1+2, mine to chemical)");
        for (String region : List.of("yichun", "CN", "world")) {
            for (int year : new int[] {2023, 2025, 2030}) {
                Footprint f = Footprint.of(ledger, year, region, 10);
                o.printf(Locale.ROOT, "  %-7s %d: residue %,13.0f t, tailings %,13.0f t, CO2e %,12.0f t, Tl to water %,8.1f kg, residue stock %,14.0f t%n",
                        region, year, f.residueT(), f.tailingsT(), f.co2eT(), f.thalliumToWaterKg(), f.residueStockT());
                envRows.add(List.of(region, year, f.productionTLce(), f.residueT(), f.tailingsT(), f.co2eT(),
                        f.thalliumToWaterKg(), f.residueStockT()));
            }
        }
        report.table(List.of("region", "year", "production t LCE", "leach residue t", "tailings t", "CO2e t",
                "Tl to water kg", "residue stock t (end of year)"), envRows);
        // reported vs simulated residue, with the basis of each named (issue 14): the footprint command books the
        // dataset's reported production (else capacity); this report books the market simulation's production
        EnvironmentLedger reportedLedger = EnvironmentLedger.historical(w, 2025,
                ProductionSeries.Basis.REPORTED_ELSE_CAPACITY);
        List<List<Object>> rec = new ArrayList<>();
        o.println("Residue on two bases (leach residue, t): reported = dataset production (else capacity), as "
                + "'lichain env footprint'; simulated = the market simulation above");
        for (String region : List.of("yichun", "CN")) {
            for (int year : new int[] {2023, 2025}) {
                double rep = Footprint.of(reportedLedger, year, region, 10).residueT();
                double sim = Footprint.of(ledger, year, region, 10).residueT();
                rec.add(List.of(region, year, rep, sim, sim - rep, rep > 0 ? String.format(Locale.ROOT, "%+.0f%%",
                        100 * (sim - rep) / rep) : "-"));
                o.printf(Locale.ROOT, "  %-7s %d: reported %,13.0f t, simulated %,13.0f t (%+.0f%%)%n", region, year,
                        rep, sim, rep > 0 ? 100 * (sim - rep) / rep : 0.0);
            }
        }
        report.paragraph("Reported vs simulated residue. 'Reported' books the dataset's reported production of each "
                + "asset (its capacity where nothing is reported), as 'lichain env footprint --basis reported' does; "
                + "'simulated' books the market simulation's production, as the table above. The difference is the "
                + "simulation's output against the record, not the residue intensity (the same per t LCE).");
        report.table(List.of("region", "year", "residue t (basis: reported production, else capacity)",
                "residue t (basis: market simulation)", "simulated − reported t", "difference"), rec);
        report.image("residue-stock-yichun.png", png(EnvironmentCharts.residueStock("yichun", r.start(),
                Footprint.residueStockSeries(ledger, "yichun"))), "Cumulative leach-residue stock in Yichun");

        phase("environment", t0);
        // 4. a company along the chain: dated 2025 reference prices and reported output, and the simulation
        report.heading("Company: CATL 2025 along the chain");
        List<List<Object>> seg = new ArrayList<>();
        o.println();
        for (var path : List.of(
                org.lichain.company.GivenPricePath.reference(w, CompanyModel.companies(w), 2025),
                (org.lichain.company.PricePath) new SimulationPricePath(r))) {
            CompanyPnl catl = CompanyModel.pnl(w, "CATL", 2025, path, TransferPricing.MARKET);
            o.printf(Locale.ROOT, "CATL 2025 (%s): integrated margin USD %,.0f m%n", path.name(),
                    catl.integratedMarginUsd() / 1e6);
            for (var s2 : catl.annual().entrySet()) {
                String name = s2.getKey().name().toLowerCase(Locale.ROOT);
                seg.add(List.of(path.name(), name, s2.getValue().revenueUsd() / 1e6, s2.getValue().costUsd() / 1e6,
                        s2.getValue().marginUsd() / 1e6));
                o.printf(Locale.ROOT, "  %-11s margin USD %,10.1f m%n", name, s2.getValue().marginUsd() / 1e6);
            }
            if (path instanceof SimulationPricePath) {
                report.table(List.of("price path", "segment", "revenue USD m", "cash cost USD m", "margin USD m"), seg);
                report.image("company-catl-2025.png", CompanyCharts.png(CompanyCharts.monthly(catl)),
                        "CATL 2025 (simulation): margin by segment and month");
            }
        }
        phase("company", t0);
        Path html = report.write(out, "report.html");
        o.println();
        o.printf(Locale.ROOT, "report: %s%n", html);
        return 0;
    }

    static void timing(String what, long t0) {
        if (Boolean.getBoolean("lichain.timing") || Console.verbose()) {
            System.err.printf(Locale.ROOT, "[%.2f s] %s%n", (System.nanoTime() - t0) / 1e9, what);
        }
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
