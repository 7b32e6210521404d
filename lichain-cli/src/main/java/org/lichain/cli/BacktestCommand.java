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
        header = "Runs the market from 2020-01 on exogenous inputs only and compares it with the recorded history.",
        description = {"Runs the base scenario from 2020-01 to 2025-12 on exogenous inputs only (demand drivers, "
                + "capacity timelines, input prices, policies) and compares it with the reference history: error "
                + "of the log China carbonate price, peak timing, turning points, lepidolite growth and losses, "
                + "China's import dependence."})
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--json", description = "Print the metrics as JSON.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the simulated-vs-actual price chart (PNG).")
    Path png;

    @Override
    public Integer call() throws IOException {
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
