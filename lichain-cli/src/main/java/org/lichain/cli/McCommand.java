package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lichain.report.scenario.EnsembleCharts;
import org.lichain.scenario.EnsembleDirectory;
import org.lichain.scenario.EnsembleModel;
import org.lichain.scenario.EnsembleModels;
import org.lichain.scenario.EnsembleRunner;
import org.lichain.scenario.EnsembleSummary;
import org.lichain.scenario.ScenarioFile;
import org.lichain.scenario.ScenarioSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain mc}: a Monte Carlo ensemble on all cores, into DuckDB, Parquet, summary.json and charts. */
@Command(name = "mc", mixinStandardHelpOptions = true,
        header = "Runs a Monte Carlo ensemble of a scenario and writes its results, yearly percentiles and charts.",
        description = {"Runs a Monte Carlo ensemble of a scenario on all cores: per-run x per-month key metrics and a "
                + "per-run summary (drawn inputs, outputs) into DIR/results.duckdb, DIR/runs.parquet and "
                + "DIR/months.parquet; DIR/summary.json (p5..p95 per year); fan and tornado charts.",
                "Without --scenario: the embedded base ensemble 2020-2040 (see docs/scenario.md).",
                "--data DIR runs the market model on another dataset (as written by 'lichain dataset export').",
                "Runs are bit-identical for any --threads; a killed run continues with --resume."})
public final class McCommand implements Callable<Integer> {
    /** Classpath location of the embedded base ensemble. */
    public static final String BASE_ENSEMBLE = "/org/lichain/scenario/base-ensemble.yaml";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "F", description = "Ensemble scenario file (YAML); default: the base ensemble.")
    Path scenario;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "Number of runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Ensemble seed (default: the scenario's seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: mc-<scenario name>).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted ensemble in --out (same scenario, runs and seed).")
    boolean resume;

    @Option(names = "--chunk-runs", paramLabel = "N", hidden = true, defaultValue = "25",
            description = "Runs per chunk (the unit of work and of resume).")
    int chunkRuns;

    @Option(names = "--clean", description = "Discard the unfinished ensemble in --out (after a kill or a failure) "
            + "instead of running; finished results in the folder are kept.")
    boolean clean;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(names = "--json", description = "Print summary.json instead of the table.")
    boolean json;

    @Mixin
    DataOptions data;

    @Mixin
    XlsxOption xlsx;

    @Override
    public Integer call() throws IOException {
        if (seed != null && seed < 0) {
            throw new InvalidInputException("--seed " + seed + ": must be 0 or more");
        }
        if (clean) {
            if (out == null && scenario == null) {
                throw new InvalidInputException("--clean needs --out DIR (or --scenario F for its default folder)");
            }
            Path d = out != null ? out : Path.of("mc-" + load(scenario).name());
            boolean removed = EnsembleDirectory.clean(d);
            spec.commandLine().getOut().println(removed ? "removed the unfinished ensemble in " + d
                    : "no unfinished ensemble in " + d);
            return 0;
        }
        ScenarioSpec s = load(scenario);
        EnsembleModel model = data.dataDir == null ? EnsembleModels.create(s)
                : EnsembleModels.create(s, data.world(), "sha256:" + fingerprint(data.dataDir));
        int t = CliThreads.of(threads);
        EnsembleRunner.Options o = new EnsembleRunner.Options(runs, t, seed == null ? s.seed() : seed, chunkRuns);
        Path dir = out == null ? Path.of("mc-" + s.name()) : out;
        var err = spec.commandLine().getErr();
        var outW = spec.commandLine().getOut();
        EnsembleDirectory.Result r;
        Progress p = new Progress(noProgress || Console.quiet(), "mc " + s.name());
        try (p) {
            r = EnsembleDirectory.run(s, model, o, dir, resume, p, (stage, summary) -> {
                Files.writeString(stage.resolve("summary.txt"), header(summary) + EnsembleCharts.table(summary, 1));
                EnsembleCharts.writeAll(summary, stage);
            });
        }
        if (!r.alreadyComplete()) {
            Console.note(err, p.timing(r.runsComputed(), t));
        }
        if (r.alreadyComplete()) {
            err.println("lichain: " + dir + " already holds a finished ensemble; nothing to resume");
            return 0;
        }
        if (xlsx.xlsx != null) {
            xlsx.write(spec, forWorkbook((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                    Files.readString(dir.resolve(EnsembleDirectory.SUMMARY)))), null, data);
        }
        if (json) {
            outW.print(Files.readString(dir.resolve(EnsembleDirectory.SUMMARY)));
            outW.flush();
        } else {
            outW.print(header(r.summary()));
            outW.print(EnsembleCharts.table(r.summary(), 5));
            outW.println("runs computed now: " + r.runsComputed() + ", resumed: " + r.runsResumed()
                    + "; results in " + dir + " (results.duckdb, runs.parquet, months.parquet, summary.json, charts)");
            outW.flush();
        }
        return 0;
    }

    /** A hash of every file under a dataset folder (relative path and content), for the resume manifest. */
    static String fingerprint(Path dir) throws IOException {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.util.List<Path> files;
        try (var st = Files.walk(dir)) {
            files = st.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Files.readAllBytes(f));
            md.update((byte) 0);
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    static String header(EnsembleSummary s) {
        return "Ensemble '" + s.scenario() + "' (model " + s.model() + "): " + s.runs() + " runs, seed " + s.seed()
                + "\n";
    }

    /** Reads --scenario, or the embedded base ensemble. */
    static ScenarioSpec load(Path scenario) throws IOException {
        if (scenario != null) {
            if (!Files.isRegularFile(scenario)) {
                throw new InvalidInputException("--scenario " + scenario + ": no such file");
            }
            return ScenarioFile.read(scenario);
        }
        try (InputStream in = McCommand.class.getResourceAsStream(BASE_ENSEMBLE)) {
            if (in == null) {
                throw new IllegalStateException("embedded base ensemble " + BASE_ENSEMBLE + " is missing");
            }
            return ScenarioFile.parse("base-ensemble.yaml (embedded)", "base",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * summary.json arranged for a workbook: the percentiles as one long table (metric, unit, year, p5..p95) instead of
     * nested objects; every other field as it is.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode forWorkbook(
            com.fasterxml.jackson.databind.node.ObjectNode summary) {
        com.fasterxml.jackson.databind.node.ObjectNode out = summary.deepCopy();
        out.remove("metrics");
        com.fasterxml.jackson.databind.node.ArrayNode rows = out.putArray("percentiles_by_year");
        var metrics = summary.get("metrics").fields();
        while (metrics.hasNext()) {
            var m = metrics.next();
            var years = m.getValue().fields();
            while (years.hasNext()) {
                var y = years.next();
                com.fasterxml.jackson.databind.node.ObjectNode r = rows.addObject();
                r.put("metric", m.getKey());
                r.put("unit", summary.path("units").path(m.getKey()).asText(""));
                r.put("year", Integer.parseInt(y.getKey()));
                r.setAll((com.fasterxml.jackson.databind.node.ObjectNode) y.getValue());
            }
        }
        return out;
    }

    /** The progress bar with ETA (on stderr), fed from worker threads. */
    static final class Progress implements EnsembleDirectory.Listener, AutoCloseable {
        private final boolean off;
        private final String task;
        private ProgressBar bar;
        private long startNanos;
        private long computedNanos;
        private long endNanos;

        Progress(boolean off, String task) {
            this.off = off;
            this.task = task;
        }

        @Override
        public synchronized void started(int totalRuns, int runsAlreadyDone) {
            startNanos = System.nanoTime();
            if (off) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalRuns)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .startsFrom(runsAlreadyDone, Duration.ZERO).build();
        }

        @Override
        public synchronized void runsDone(int runs) {
            if (bar != null) {
                bar.stepBy(runs);
            }
        }

        @Override
        public synchronized void finalising() {
            computedNanos = System.nanoTime();
            if (bar != null) {
                bar.setExtraMessage(" writing results");
            }
        }

        @Override
        public synchronized void close() {
            endNanos = System.nanoTime();
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }

        /** One line for stderr: how long computing and writing took (wall clock, for the user). */
        synchronized String timing(int runsComputed, int threads) {
            double compute = (computedNanos - startNanos) / 1e9;
            double write = (endNanos - computedNanos) / 1e9;
            return String.format(java.util.Locale.ROOT,
                    "lichain: computed %d runs in %.1f s on %d thread%s (%.1f runs/s); results written in %.1f s",
                    runsComputed, compute, threads, threads == 1 ? "" : "s",
                    compute > 0 ? runsComputed / compute : 0.0, write);
        }
    }
}
