package org.lichain.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.lichain.report.scenario.EnsembleCharts;
import org.lichain.scenario.EnsembleDirectory;
import org.lichain.scenario.EnsembleModels;
import org.lichain.scenario.EnsembleRunner;
import org.lichain.scenario.EnsembleSummary;
import org.lichain.scenario.Metric;
import org.lichain.scenario.ScenarioSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lichain compare A.yaml B.yaml …}: ensembles of several scenarios side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Runs an ensemble of each scenario and shows their percentiles side by side.",
        description = {"Runs an ensemble of each scenario (as 'lichain mc' does, each into DIR/<name>/) and shows "
                + "them side by side: a table of p5/p50/p95 per metric and year, and overlaid charts "
                + "(DIR/compare_<metric>.png).",
                "With --seed, every scenario uses the same seed (common random numbers)."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Ensemble scenario files (YAML).")
    List<Path> scenarios;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200", description = "Runs per scenario (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for every scenario (default: each scenario's own).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "compare", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "Do not show progress bars.")
    boolean noProgress;

    @Option(names = "--json", description = "Print the comparison as JSON: {scenarios: [name], metrics: {metric: {scenario: {year: {p5..p95}}}}}.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<ScenarioSpec> specs = new ArrayList<>();
        for (Path p : scenarios) {
            specs.add(McCommand.load(p));
        }
        int t = CliThreads.of(threads);
        List<EnsembleSummary> summaries = new ArrayList<>();
        Set<String> dirs = new HashSet<>();
        for (ScenarioSpec s : specs) {
            String name = s.name();
            for (int i = 2; !dirs.add(name); i++) {
                name = s.name() + "-" + i;
            }
            EnsembleRunner.Options o = new EnsembleRunner.Options(runs, t, seed == null ? s.seed() : seed,
                    EnsembleRunner.Options.DEFAULT_CHUNK_RUNS);
            try (McCommand.Progress p = new McCommand.Progress(noProgress || Console.quiet(), "compare " + s.name())) {
                EnsembleDirectory.Result r = EnsembleDirectory.run(s, EnsembleModels.create(s), o, out.resolve(name),
                        false, p, (stage, summary) -> EnsembleCharts.writeAll(summary, stage));
                summaries.add(r.summary());
            }
        }
        List<String> metricNames = summaries.get(0).metrics().stream().map(Metric::annualName)
                .filter(n -> summaries.stream().allMatch(s -> s.metrics().stream().anyMatch(m -> m.annualName().equals(n))))
                .toList();
        for (String metric : metricNames) {
            BitmapEncoder.saveBitmap(EnsembleCharts.compare(summaries, metric),
                    out.resolve("compare_" + metric + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        }
        String table = table(summaries, metricNames);
        Json.write(out.resolve("compare.json"), toJson(summaries, metricNames));
        Files.writeString(out.resolve("compare.txt"), table);
        var w = spec.commandLine().getOut();
        if (json) {
            Json.print(w, toJson(summaries, metricNames));
        } else {
            w.print(table);
            w.println("results in " + out + " (one folder per scenario, compare_<metric>.png, compare.json)");
            w.flush();
        }
        return 0;
    }

    static String table(List<EnsembleSummary> summaries, List<String> metrics) {
        StringBuilder sb = new StringBuilder();
        for (String metric : metrics) {
            sb.append(metric).append(": p50 [p5 .. p95]\n");
            sb.append(String.format(Locale.ROOT, "  %-6s", "year"));
            for (EnsembleSummary s : summaries) {
                sb.append(String.format(Locale.ROOT, " %-34s", s.scenario()));
            }
            sb.append('\n');
            EnsembleSummary first = summaries.get(0);
            for (int y = 0; y < first.years(); y++) {
                int year = first.firstYear() + y;
                if (y % 5 != 0 && y != first.years() - 1) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "  %-6d", year));
                for (EnsembleSummary s : summaries) {
                    double[] p = percentiles(s, metric, year);
                    sb.append(String.format(Locale.ROOT, " %-34s", p == null ? "-"
                            : fmt(p[2]) + " [" + fmt(p[0]) + " .. " + fmt(p[4]) + "]"));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static double[] percentiles(EnsembleSummary s, String metric, int year) {
        int y = year - s.firstYear();
        if (y < 0 || y >= s.years()) {
            return null;
        }
        for (int m = 0; m < s.metrics().size(); m++) {
            if (s.metrics().get(m).annualName().equals(metric)) {
                return s.percentiles()[m][y];
            }
        }
        return null;
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    static ObjectNode toJson(List<EnsembleSummary> summaries, List<String> metrics) {
        ObjectNode root = Json.object();
        var names = root.putArray("scenarios");
        summaries.forEach(s -> names.add(s.scenario()));
        ObjectNode ms = root.putObject("metrics");
        for (String metric : metrics) {
            ObjectNode mn = ms.putObject(metric);
            for (EnsembleSummary s : summaries) {
                ObjectNode sn = (ObjectNode) s.toJson(Json.MAPPER).get("metrics").get(metric);
                mn.set(s.scenario(), sn);
            }
        }
        return root;
    }
}
