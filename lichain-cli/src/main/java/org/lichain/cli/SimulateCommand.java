package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lichain.market.MarketCsv;
import org.lichain.market.ResultJson;
import org.lichain.market.MarketInputs;
import org.lichain.market.Scenario;
import org.lichain.market.ScenarioParser;
import org.lichain.market.Simulation;
import org.lichain.market.SimulationResult;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain simulate}: the monthly market simulation of a scenario (default: the base scenario). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        header = "Simulates the lithium market month by month, from demand and supply to trade and the China spot price.",
        description = {"Simulates the lithium market month by month: demand, supply (curtailment, restarts, "
                + "investment), inventories, trade flows under tariffs and bans, and the China spot price.",
                "Prints an annual summary; --json F writes the full monthly result (fields in docs/market.md), "
                        + "--csv DIR and --parquet DIR write monthly tables."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario YAML (default: the embedded base scenario).")
    Path scenario;

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month (default: the scenario's, 2020-01).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month (default: the scenario's, 2040-12).")
    String to;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full result as JSON to FILE ('-' = stdout).")
    String json;

    @Option(names = "--csv", paramLabel = "DIR", description = "Write monthly.csv, production_by_asset.csv, trade_flows.csv and annual.csv to DIR.")
    Path csv;

    @Option(names = "--parquet", paramLabel = "DIR", description = "Write the same tables as Parquet files (via DuckDB) to DIR.")
    Path parquet;

    @Mixin
    XlsxOption xlsx;

    @Override
    public Integer call() throws IOException {
        World w = data.world();
        Scenario s = loadScenario(scenario, w);
        s = withPeriod(s, from, to, w);
        long sd = seed == null ? s.seed() : seed;
        SimulationResult r = Simulation.runFrom(w, s.withSeed(sd), sd);
        PrintWriter out = spec.commandLine().getOut();
        if (json != null) {
            String text = ResultJson.toJson(r);
            if (json.equals("-")) {
                out.println(text);
                out.flush();
                return 0;
            }
            Json.write(Path.of(json), ResultJson.tree(r));
        }
        if (csv != null) {
            MarketCsv.writeCsv(r, csv);
        }
        if (parquet != null) {
            MarketCsv.writeParquet(r, parquet);
        }
        if (xlsx.xlsx != null) {
            // the monthly result as --json writes it, plus the annual summary table printed below
            com.fasterxml.jackson.databind.node.ObjectNode node = ResultJson.tree(r);
            com.fasterxml.jackson.databind.node.ObjectNode annual = node.putObject("annual");
            for (Map.Entry<Integer, Map<String, Double>> e : ResultJson.annual(r).entrySet()) {
                com.fasterxml.jackson.databind.node.ObjectNode y = annual.putObject(Integer.toString(e.getKey()));
                e.getValue().forEach(y::put);
            }
            xlsx.write(spec, node, "months", data);
        }
        printSummary(out, r);
        if (s.from().isAfter(java.time.YearMonth.of(2020, 1))) {
            // a start after the base run's first month is not the base run from a later month: say what it starts from
            out.println("The run " + MarketInputs.spinUpState(MarketInputs.priceRecord(w), s.from()) + ".");
        }
        if (json != null) {
            out.println("JSON: " + json);
        }
        if (csv != null) {
            out.println("CSV: " + csv);
        }
        if (parquet != null) {
            out.println("Parquet: " + parquet);
        }
        if (xlsx.xlsx != null) {
            out.println("workbook: " + xlsx.xlsx);
        }
        out.flush();
        return 0;
    }

    /** The scenario file (the base scenario when null), its ids checked against {@code world}. */
    static Scenario loadScenario(Path file, World world) {
        if (file == null) {
            return Scenario.base();
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--scenario " + file + ": no such file");
        }
        return ScenarioParser.parse(file.toString(), org.lichain.dataset.TextInput.read(file), world);
    }

    static Scenario withPeriod(Scenario s, String from, String to, org.lichain.world.World world) {
        YearMonth f = from == null ? s.from() : month("--from", from);
        YearMonth t = to == null ? s.to() : month("--to", to);
        if (t.isBefore(f)) {
            throw new InvalidInputException("--to " + t + " is before --from " + f);
        }
        if (f.isBefore(YearMonth.of(2015, 1))) {
            throw new InvalidInputException("--from " + f + ": must be 2015-01 or later");
        }
        String beyond = to == null ? null : ScenarioParser.beyondData(world, s.demandPreset(), t);
        if (beyond != null) {
            throw new InvalidInputException("--to " + t + ": " + beyond);
        }
        return s.withPeriod(f, t);
    }

    static YearMonth month(String option, String v) {
        YearMonth m = CliMonths.parse(option, v);
        if (m.isBefore(org.lichain.dataset.RowReader.FIRST_MONTH) || m.isAfter(org.lichain.dataset.RowReader.LAST_MONTH)) {
            throw new InvalidInputException(option + " " + v + ": outside " + org.lichain.dataset.RowReader.FIRST_MONTH
                    + " to " + org.lichain.dataset.RowReader.LAST_MONTH);
        }
        return m;
    }

    static void printSummary(PrintWriter out, SimulationResult r) {
        out.printf("Scenario %s, seed %d, %s..%s (annual: t LCE sums, prices and shares means of months)%n",
                r.scenario(), r.seed(), r.month(0), r.month(r.months() - 1));
        out.printf("%-6s %14s %12s %12s %12s %12s %10s %10s %10s%n", "year", "CNY/t incl.VAT", "USD/t LCE",
                "demand t", "production t", "lepidolite t", "lep.loss", "CN self", "CN imp t");
        for (Map.Entry<Integer, Map<String, Double>> e : ResultJson.annual(r).entrySet()) {
            Map<String, Double> m = e.getValue();
            out.printf("%-6d %14.0f %12.0f %12.0f %12.0f %12.0f %9.0f%% %9.0f%% %10.0f%n", e.getKey(),
                    m.get("price_cny_per_t_incl_vat_avg"), m.get("price_usd_per_t_lce_avg"), m.get("demand_t_lce"),
                    m.get("production_t_lce"), m.get("lepidolite_production_t_lce"),
                    100 * m.get("share_of_cn_lepidolite_at_loss_avg"), 100 * m.get("self_sufficiency_CN_avg"),
                    m.get("imports_t_lce_CN"));
        }
    }
}
