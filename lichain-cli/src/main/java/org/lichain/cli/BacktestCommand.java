package org.lichain.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lichain.market.Backtest;
import org.lichain.report.market.MarketCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain backtest}: the 2020-2025 market run on exogenous inputs, compared with the reference history. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        header = "Runs the market from 2020-01 on exogenous inputs only and compares it with the recorded history; "
                + "with --rolling, scores forecasts from rolling origins.",
        description = {"Runs the base scenario from 2020-01 to 2025-12 on exogenous inputs only (demand drivers, "
                + "capacity timelines, input prices, policies) and compares it with the reference history: error "
                + "of the log China carbonate price, peak timing, turning points, lepidolite growth and losses, "
                + "China's import dependence. With --rolling: the rolling-origin record of forecasts, each made from "
                + "the data known at its origin and scored per horizon against the record (docs/forecast.md)."})
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--json", description = "Print the metrics as JSON.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the simulated-vs-actual price chart (PNG); "
            + "with --rolling, forecast fans from several origins over the actual path.")
    Path png;

    @Option(names = "--rolling", description = "Rolling-origin record: a forecast from every origin's data vintage, "
            + "scored per horizon against the monthly record (docs/forecast.md).")
    boolean rolling;

    @Option(names = "--origins", paramLabel = "A..B", description = "With --rolling: first and last origin "
            + "(default: 2019-01..2025-06).")
    String origins;

    @Option(names = "--horizons", paramLabel = "H", split = ",", description = "With --rolling: horizons in "
            + "months (default: 1,3,6,12,24).")
    int[] horizons;

    @Option(names = "--runs", paramLabel = "R", description = "With --rolling: ensemble members per origin "
            + "(default: 20).")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "With --rolling: seed (default: 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "With --rolling: worker threads (default: all cores; "
            + "results are identical).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        if (rolling) {
            return rolling();
        }
        if (origins != null || horizons != null || runs != null || seed != null || threads != null) {
            throw new org.lichain.dataset.InvalidInputException(
                    "--origins, --horizons, --runs, --seed and --threads need --rolling");
        }
        Backtest.Report r = Backtest.run(data.world());
        if (png != null) {
            MarketCharts.backtestPng(r, png);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, toJson(r));
            return 0;
        }
        out.println("Backtest 2020-01..2025-12 (base scenario, exogenous inputs only)");
        out.printf("%-8s %16s %16s%n", "month", "actual CNY/t", "simulated CNY/t");
        for (Backtest.PricePoint p : r.prices()) {
            out.printf("%-8s %16.0f %16.0f%n", p.month(), p.actualCnyPerT(), p.simulatedCnyPerT());
        }
        out.printf("mean |log error| of the monthly price %.3f (2020-2023, calibration period: %.3f; 2024-2025, out of "
                + "sample: %.3f)%n", r.meanAbsLogError(), r.meanAbsLogErrorInSample(), r.meanAbsLogErrorOutOfSample());
        out.printf("2024 average: simulated CNY %.0f/t, recorded CNY %.0f/t (%+.0f%%)%n", r.average2024SimulatedCnyPerT(),
                r.average2024RecordedCnyPerT(), 100 * (r.average2024SimulatedCnyPerT() / r.average2024RecordedCnyPerT() - 1));
        out.printf("Jianxiawo (CN-JX-01) produces in %d of the 24 months of 2024-2025%n",
                r.jianxiawoRunningMonths2024to2025());
        out.printf("simulated peak %s at CNY %.0f/t (actual Nov 2022): timing error %+d months%n",
                r.simulatedPeakMonth(), r.simulatedPeakCnyPerT(), r.peakTimingErrorMonths());
        out.printf("turning points: %s%n", r.turningPoints());
        out.printf("fall from peak to Jun 2025: %.1f%%%n", r.fallPeakToMid2025Pct());
        out.printf("Chinese lepidolite: %s t LCE by year; 2025/2020 = %.1fx; share at a loss in 2025: %.0f%%%n",
                rounded(r.lepidoliteTLceByYear()), r.lepidoliteGrowth2020to2025(), 100 * r.lepidoliteShareAtLoss2025());
        out.printf("China 2025: domestic mine supply / demand %.0f%%, imports / demand %.0f%%%n",
                100 * r.chinaMineSelfSufficiency2025(), 100 * r.chinaImportShare2025());
        out.printf("production 2020-2023 vs dataset reports, by resource type: %s%n",
                rounded(r.productionErrorPctByType2020to2023()));
        if (png != null) {
            out.println("chart: " + png);
        }
        out.flush();
        return 0;
    }

    private int rolling() {
        java.time.YearMonth from = java.time.YearMonth.of(2019, 1);
        java.time.YearMonth to = java.time.YearMonth.of(2025, 6);
        if (origins != null) {
            String[] parts = origins.split("\\.\\.", -1);
            if (parts.length != 2) {
                throw new org.lichain.dataset.InvalidInputException("--origins: '" + origins
                        + "' is not a range YYYY-MM..YYYY-MM");
            }
            from = CliMonths.parse("--origins", parts[0]);
            to = CliMonths.parse("--origins", parts[1]);
        }
        int[] hs = horizons == null ? org.lichain.market.RollingForecast.DEFAULT_HORIZONS : horizons;
        for (int h : hs) {
            if (h < 1 || h > 60) {
                throw new org.lichain.dataset.InvalidInputException("--horizons: " + h + " is not in 1..60 months");
            }
        }
        int runs = CliRuns.of(this.runs == null ? 20 : this.runs);
        long seed = this.seed == null ? 1 : this.seed;
        int t = CliThreads.of(threads);
        org.lichain.market.RollingForecast.Record r = org.lichain.market.RollingForecast.record(data.world(), from, to,
                hs, runs, seed, t);
        if (png != null) {
            org.lichain.report.market.ForecastCharts.rollingPng(r, 18, png);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, org.lichain.market.ForecastJson.tree(r));
            return 0;
        }
        out.println("Rolling-origin record: origins " + from + ".." + to + " (" + r.origins().size() + "), " + runs
                + " members, seed " + seed + "; each forecast from its origin's data vintage only");
        skillTable(out, r);
        if (png != null) {
            out.println("chart: " + png);
        }
        out.flush();
        return 0;
    }

    /** The record per horizon: the model's scores, then MAE of log price of every forecaster side by side. */
    static void skillTable(PrintWriter out, org.lichain.market.RollingForecast.Record r) {
        var model = r.scores().get("model");
        out.printf("%-8s %5s %9s %9s %9s %9s %10s %9s%n", "horizon", "n", "MAE log", "bias log", "MASE nc",
                "p10-p90", "vs futures", "n fut");
        for (int k = 0; k < r.horizons().length; k++) {
            var s = model.get(k);
            out.printf("%-8s %5d %9s %9s %9s %9s %10s %9d%n", s.horizonMonths() + " mo", s.n(),
                    ForecastCommand.fmt(s.maeLog()), ForecastCommand.fmt(s.biasLog()),
                    ForecastCommand.fmt(s.maseNoChange()), ForecastCommand.pct(s.coverageP10P90()),
                    ForecastCommand.fmt(s.skillVsFutures()), s.nFutures());
        }
        out.println("MAE of log price by forecaster (MASE nc = MAE / MAE of no change; vs futures = 1 - MAE / MAE of "
                + "futures, on origins with a futures price):");
        out.printf("%-8s", "horizon");
        for (String f : r.scores().keySet()) {
            out.printf(" %14s", f);
        }
        out.println();
        for (int k = 0; k < r.horizons().length; k++) {
            out.printf("%-8s", r.horizons()[k] + " mo");
            for (var e : r.scores().values()) {
                out.printf(" %14s", ForecastCommand.fmt(e.get(k).maeLog()));
            }
            out.println();
        }
    }

    private static String rounded(java.util.Map<?, Double> m) {
        StringBuilder sb = new StringBuilder("{");
        for (var e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append('=').append(String.format(java.util.Locale.ROOT, "%.0f", e.getValue()));
        }
        return sb.append('}').toString();
    }

    static ObjectNode toJson(Backtest.Report r) {
        ObjectNode o = Json.object();
        o.put("from", Backtest.FROM.toString());
        o.put("to", Backtest.TO.toString());
        ArrayNode pts = o.putArray("prices");
        for (Backtest.PricePoint p : r.prices()) {
            ObjectNode n = pts.addObject();
            n.put("month", p.month());
            n.put("actual_cny_per_t_incl_vat", p.actualCnyPerT());
            n.put("simulated_cny_per_t_incl_vat", Math.round(p.simulatedCnyPerT()));
        }
        o.put("mean_abs_log_price_error", r.meanAbsLogError());
        o.put("mean_abs_log_price_error_2020_2023", r.meanAbsLogErrorInSample());
        o.put("mean_abs_log_price_error_2024_2025_out_of_sample", r.meanAbsLogErrorOutOfSample());
        o.put("average_2024_simulated_cny_per_t_incl_vat", Math.round(r.average2024SimulatedCnyPerT()));
        o.put("average_2024_recorded_cny_per_t_incl_vat", Math.round(r.average2024RecordedCnyPerT()));
        o.put("jianxiawo_months_producing_2024_2025", r.jianxiawoRunningMonths2024to2025());
        o.put("simulated_peak_month", r.simulatedPeakMonth());
        o.put("simulated_peak_cny_per_t_incl_vat", Math.round(r.simulatedPeakCnyPerT()));
        o.put("peak_timing_error_months", r.peakTimingErrorMonths());
        ArrayNode tp = o.putArray("turning_points");
        r.turningPoints().forEach(tp::add);
        o.put("fall_peak_to_2025_06_pct", r.fallPeakToMid2025Pct());
        ObjectNode lep = o.putObject("cn_lepidolite_t_lce");
        r.lepidoliteTLceByYear().forEach((y, v) -> lep.put(Integer.toString(y), Math.round(v)));
        o.put("cn_lepidolite_growth_2020_to_2025", r.lepidoliteGrowth2020to2025());
        o.put("cn_lepidolite_share_at_loss_2025", r.lepidoliteShareAtLoss2025());
        o.put("cn_mine_self_sufficiency_2025", r.chinaMineSelfSufficiency2025());
        o.put("cn_imports_share_of_demand_2025", r.chinaImportShare2025());
        ObjectNode pe = o.putObject("production_error_pct_2020_2023_by_resource_type");
        r.productionErrorPctByType2020to2023().forEach(pe::put);
        return o;
    }
}
