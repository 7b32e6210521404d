package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lichain.market.Calibration;
import org.lichain.market.MarketDataExtension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain calibrate}: fits the market's price-formation parameters on the backtest. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        header = "Fits the market's behavioural parameters by grid search on the 2020-2023 price record.",
        description = {"Fits the market's behavioural parameters (the grid in docs/market.md: cover price elasticity, "
                + "price adjustment speed, short-run demand elasticity, stock cover, producers' stock target, "
                + "scarcity elasticity beyond capacity) by grid search against the monthly SMM "
                + "carbonate record 2020-2023 (prices_monthly.csv); 2024-2025 is held out and reported as out of "
                + "sample.",
                "--write DIR updates DIR/market_parameters.csv (a dataset folder from 'lichain dataset export'), "
                        + "marking each fitted row with this command and its score."})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--write", paramLabel = "DIR", description = "Dataset folder whose market_parameters.csv to update.")
    Path write;

    @Option(names = "--json", description = "Print the fit as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Calibration.Fit fit = Calibration.fit(data.world());
        PrintWriter out = spec.commandLine().getOut();
        if (write != null) {
            update(write.resolve(MarketDataExtension.PARAMETERS), fit);
        }
        if (json) {
            var o = Json.object();
            var p = o.putObject("parameters");
            for (String k : Calibration.GRID.keySet()) {
                p.put(k, fit.parameters().get(k));
            }
            o.put("score", fit.score());
            o.put("grid_points_evaluated", fit.evaluated());
            o.set("backtest", BacktestCommand.toJson(fit.report()));
            Json.print(out, o);
            return 0;
        }
        out.printf("Evaluated %d grid points; best score %.4f (mean |log price error| 2020-2023 + 0.05 x |peak timing error|)%n",
                fit.evaluated(), fit.score());
        for (String k : Calibration.GRID.keySet()) {
            out.printf("  %-30s %s%n", k, fmt(fit.parameters().get(k)));
        }
        out.printf("peak %s, fall to Jun 2025 %.1f%%, mean |log error| 2020-2023 %.3f, 2024-2025 (out of sample) %.3f%n",
                fit.report().simulatedPeakMonth(), fit.report().fallPeakToMid2025Pct(),
                fit.report().meanAbsLogErrorInSample(), fit.report().meanAbsLogErrorOutOfSample());
        if (write != null) {
            out.println("updated " + write.resolve(MarketDataExtension.PARAMETERS));
        }
        out.flush();
        return 0;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    static void update(Path file, Calibration.Fit fit) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file (export a dataset with 'lichain dataset export DIR')");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> outLines = new ArrayList<>();
        String src = String.format(Locale.ROOT, "\"fitted: lichain calibrate (grid search over Calibration.GRID on the "
                + "monthly record 2020-01..2023-12 only, 2024-25 held out; score = %.3f)\"", fit.score());
        for (String line : lines) {
            String key = line.split(",", 2)[0];
            Map<String, Double> p = fit.parameters();
            if (Calibration.GRID.containsKey(key)) {
                String[] parts = line.split(",", 4);
                outLines.add(key + "," + fmt(p.get(key)) + "," + parts[2] + "," + src);
            } else {
                outLines.add(line);
            }
        }
        org.lichain.dataset.AtomicFile.write(file, String.join(System.lineSeparator(), outLines)
                + System.lineSeparator());
    }
}
