package org.lichain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lichain.dataset.InvalidInputException;
import org.lichain.market.ForecastJson;
import org.lichain.market.MarketInputs;
import org.lichain.market.RollingForecast;
import org.lichain.report.market.ForecastCharts;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain forecast}: the price outlook from what was known at an origin, with its measured skill. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        header = "Forecasts the China carbonate price from the data known at an origin, with its measured skill.",
        description = {"From the data vintage at the origin (record rows up to it, events known by it), the market "
                + "model runs an ensemble over uncertain inputs from the observed state; the p10-p90 band adds the "
                + "model error measured in its own rolling-origin record before the origin. Prints a monthly and a "
                + "quarterly table and the record per horizon (MAE of log price, MASE against the no-change "
                + "forecast, p10-p90 coverage). Method: docs/forecast.md."})
public final class ForecastCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--origin", paramLabel = "YYYY-MM", description = "Origin month (default: the last month of the price record).")
    String origin;

    @Option(names = "--months", paramLabel = "N", defaultValue = "24", description = "Months after the origin (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "20", description = "Ensemble members per origin (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores; results are identical).")
    Integer threads;

    @Option(names = "--json", paramLabel = "F", description = "Write the forecast as JSON to F ('-' prints it).")
    String json;

    @Option(names = "--csv", paramLabel = "F", description = "Write the monthly table as CSV to F.")
    Path csv;

    @Option(names = "--png", paramLabel = "F", description = "Write the chart (history and band) as PNG to F.")
    Path png;

    @Override
    public Integer call() {
        World w = data.world();
        YearMonth o;
        if (origin == null) {
            var rec = MarketInputs.priceRecord(w);
            if (rec.isEmpty()) {
                throw new InvalidInputException("--origin: the dataset has no price record (prices_monthly.csv)");
            }
            o = rec.lastKey();
        } else {
            o = CliMonths.parse("--origin", origin);
        }
        RollingForecast.Outlook f = RollingForecast.forecast(w, o, months, CliRuns.of(runs), seed,
                CliThreads.of(threads));
        PrintWriter out = spec.commandLine().getOut();
        if ("-".equals(json)) {
            Json.print(out, ForecastJson.tree(f));
            return 0;
        }
        if (json != null) {
            Json.write(Path.of(json), ForecastJson.tree(f));
        }
        double usd = 1.0 / (f.cnyPerUsd() * (1 + f.vatPct() / 100.0));
        double[] sc6 = ForecastJson.ratioToCarbonateUsd(f, f.ensemble().sc6UsdPerT());
        double[] lioh = ForecastJson.ratioToCarbonateUsd(f, f.ensemble().hydroxideUsdPerT());
        if (csv != null) {
            StringBuilder sb = new StringBuilder("month,cny_per_t_incl_vat_p10,cny_per_t_incl_vat_p50,"
                    + "cny_per_t_incl_vat_p90,usd_per_t_lce_p10,usd_per_t_lce_p50,usd_per_t_lce_p90,"
                    + "sc6_usd_per_t_p10,sc6_usd_per_t_p50,sc6_usd_per_t_p90,hydroxide_usd_per_t_p10,"
                    + "hydroxide_usd_per_t_p50,hydroxide_usd_per_t_p90,band_basis\n");
            for (int h = 1; h <= f.model().months(); h++) {
                double u10 = f.model().p10()[h - 1] * usd;
                double u50 = f.model().p50()[h - 1] * usd;
                double u90 = f.model().p90()[h - 1] * usd;
                double s = sc6[h - 1];
                double l = lioh[h - 1];
                sb.append(String.format(Locale.ROOT, "%s,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%s%n",
                        o.plusMonths(h), f.model().p10()[h - 1], f.model().p50()[h - 1], f.model().p90()[h - 1],
                        u10, u50, u90, u10 * s, u50 * s, u90 * s, u10 * l, u50 * l, u90 * l, f.bandBasis()[h - 1]));
            }
            org.lichain.dataset.AtomicFile.write(csv, sb.toString());
        }
        if (png != null) {
            ForecastCharts.forecastPng(f, png);
        }
        out.printf("Forecast from %s (vintage: record to %s, events known by %s); %d members, seed %d%n", o, o, o,
                runs, seed);
        out.printf("last observed monthly mean: CNY %,.0f/t incl. VAT%n", f.history().lastEntry().getValue());
        out.printf("%-8s %12s %12s %12s %12s %12s %12s%n", "month", "p10 CNY/t", "p50 CNY/t", "p90 CNY/t",
                "p50 USD/t", "SC6 p50 USD", "LiOH p50 USD");
        for (int h = 1; h <= f.model().months(); h++) {
            double u50 = f.model().p50()[h - 1] * usd;
            out.printf(Locale.ROOT, "%-8s %,12.0f %,12.0f %,12.0f %,12.0f %,12.0f %,12.0f%n", o.plusMonths(h),
                    f.model().p10()[h - 1], f.model().p50()[h - 1], f.model().p90()[h - 1], u50, u50 * sc6[h - 1],
                    u50 * lioh[h - 1]);
        }
        out.printf("%-8s %12s %12s %12s%n", "quarter", "p10 CNY/t", "p50 CNY/t", "p90 CNY/t");
        for (var e : ForecastJson.quarters(f).entrySet()) {
            out.printf(Locale.ROOT, "%-8s %,12.0f %,12.0f %,12.0f%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    e.getValue()[2]);
        }
        out.println("Record of the model before this origin (origins " + f.skill().firstOrigin() + ".."
                + o.minusMonths(1) + ", scored on outcomes known at " + o + "):");
        BacktestCommand.skillTable(out, f.skill());
        if (json != null) {
            out.println("JSON: " + json);
        }
        if (csv != null) {
            out.println("CSV: " + csv);
        }
        if (png != null) {
            out.println("chart: " + png);
        }
        out.flush();
        return 0;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

}
