package org.lichain.cli;

import static org.lichain.environment.EnvironmentLedger.HISTORICAL_FROM_YEAR;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lichain.environment.AlertPages;
import org.lichain.environment.Alerts;
import org.lichain.environment.Attribution;
import org.lichain.environment.EnvironmentLedger;
import org.lichain.environment.Footprint;
import org.lichain.environment.InspectionPlanner;
import org.lichain.environment.MeasurementCsv;
import org.lichain.environment.MonitoringStore;
import org.lichain.environment.ProductionSeries;
import org.lichain.environment.RiverNetwork;
import org.lichain.environment.Spill;
import org.lichain.report.environment.EnvJson;
import org.lichain.report.environment.EnvironmentCharts;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lichain env ...}: residue/CO2/water/thallium footprint, river transport, monitoring, alerts, attribution, plans. */
@Command(name = "env", mixinStandardHelpOptions = true,
        header = "Computes environmental ledgers, river transport, spills, monitoring alerts, source attribution and inspection plans.",
        description = "Environment: footprint ledgers, the river network, spills, monitoring data, alerts, source "
                + "attribution and inspection plans.",
        subcommands = {EnvCommand.FootprintCmd.class, EnvCommand.RiverCmd.class, EnvCommand.SpillCmd.class,
                EnvCommand.IngestCmd.class, EnvCommand.AlertsCmd.class, EnvCommand.AttributeCmd.class,
                EnvCommand.PlanCmd.class, EnvGroundwaterCommands.GroundwaterCmd.class,
                EnvGroundwaterCommands.WellsDesignCmd.class, EnvGroundwaterCommands.WellsCmd.class,
                EnvGroundwaterCommands.ReplayCmd.class})
public final class EnvCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static RiverNetwork network(World w) {
        return w.extension(RiverNetwork.class).orElseThrow(() -> new InvalidInputException(
                "the dataset has no river network (river_reaches.csv, river_flows.csv, river_outfalls.csv, "
                        + "monitoring_stations.csv, env_standards.csv)"));
    }

    static double round(double v, int digits) {
        return EnvJson.round(v, digits);
    }

    static Set<String> stationIds(RiverNetwork n) {
        Set<String> s = new LinkedHashSet<>();
        n.stations().forEach(x -> s.add(x.id()));
        return s;
    }

    /** The {@code --db FILE} option shared by the monitoring commands. */
    static final class DbOption {
        @Option(names = "--db", paramLabel = "FILE",
                description = "Monitoring database (DuckDB file); default: monitoring.duckdb in the user's data folder "
                        + "(~/.local/share/lichain on Linux).")
        Path db;

        Path path() {
            return db == null ? MonitoringStore.defaultPath() : db;
        }

        MonitoringStore open(boolean mustExist) {
            Path p = path();
            if (mustExist && !Files.exists(p)) {
                throw new InvalidInputException("--db " + p + ": no monitoring store there yet (run 'lichain env ingest "
                        + "FILE' first)");
            }
            return MonitoringStore.open(p);
        }
    }

    // ---------------------------------------------------------------- footprint
    @Command(name = "footprint", mixinStandardHelpOptions = true,
            description = "Residue, tailings, CO2e, water and thallium of a region in a year, with intensities per t LCE.")
    static final class FootprintCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--year", required = true, description = "Calendar year.")
        int year;
        @Option(names = "--region", defaultValue = "world",
                description = "world, yichun, a country (CN) or a region (CN-JX); default ${DEFAULT-VALUE}.")
        String region;
        @Option(names = "--basis", defaultValue = "reported",
                description = "reported (reported production, else capacity), capacity (full capacity) or simulated "
                        + "(the market simulation's base scenario 2020-2035); default ${DEFAULT-VALUE}.")
        String basis;
        @Option(names = "--stack-height-m", defaultValue = "10", description = "Residue stack height for the storage "
                + "area, m (estimate; default ${DEFAULT-VALUE}).")
        double stackHeightM;
        @Option(names = "--chart", paramLabel = "FILE", description = "Write the residue stock over time (.png or .svg).")
        Path chart;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (year < 1990 || year > 2100) {
                throw new InvalidInputException("--year " + year + ": must be between 1990 and 2100");
            }
            String chosen = basis.toLowerCase(Locale.ROOT);
            if (!chosen.equals("reported") && !chosen.equals("capacity") && !chosen.equals("simulated")) {
                throw new InvalidInputException("--basis " + basis + ": use reported, capacity or simulated");
            }
            World w = data.world();
            Footprint.checkRegion(region, w.assets());
            EnvironmentLedger l;
            if (chosen.equals("simulated")) {
                if (year < 2020 || year > 2035) {
                    throw new InvalidInputException("--year " + year + ": the simulated basis covers 2020 to 2035");
                }
                l = EnvironmentLedger.compute(w, ProductionSeries.fromSimulation(w,
                        org.lichain.market.Simulation.runBase2020to2035(w)));
            } else {
                l = EnvironmentLedger.historical(w, year, chosen.equals("reported")
                        ? ProductionSeries.Basis.REPORTED_ELSE_CAPACITY : ProductionSeries.Basis.CAPACITY);
            }
            Footprint f = Footprint.of(l, year, region, stackHeightM);
            PrintWriter out = spec.commandLine().getOut();
            if (chart != null) {
                EnvironmentCharts.write(EnvironmentCharts.residueStock(region, l.production.start(),
                        Footprint.residueStockSeries(l, region)), chart);
            }
            if (json) {
                ObjectNode o = Json.object();
                EnvJson.footprint(o, f, l.production.start().toString());
                Json.print(out, o);
                return 0;
            }
            out.printf(Locale.ROOT, "Environmental footprint %d, %s (%s)%n", year, region, f.basis());
            out.printf(Locale.ROOT, "  production        %,14.0f t LCE%n", f.productionTLce());
            out.printf(Locale.ROOT, "  leach residue     %,14.0f t%n", f.residueT());
            out.printf(Locale.ROOT, "  tailings          %,14.0f t%n", f.tailingsT());
            out.printf(Locale.ROOT, "  CO2e (scope 1+2)  %,14.0f t%n", f.co2eT());
            out.printf(Locale.ROOT, "  water             %,14.0f m3%n", f.waterM3());
            out.printf(Locale.ROOT, "  Tl to water       %,14.1f kg   Tl to residue %,.1f kg%n", f.thalliumToWaterKg(),
                    f.thalliumToResidueKg());
            out.printf(Locale.ROOT, "  residue stock     %,14.0f t since %s; %,.0f m2 at %.0f m stack height%n",
                    f.residueStockT(), l.production.start(), f.storageAreaM2(), f.stackHeightM());
            out.println("  intensity by resource type (per t LCE):");
            for (var e : f.intensityByResourceType().entrySet()) {
                out.printf(Locale.ROOT, "    %-11s residue %6.1f t  tailings %6.1f t  CO2e %5.1f t  water %6.1f m3%n",
                        e.getKey(), e.getValue().residueTPerTLce(), e.getValue().tailingsTPerTLce(),
                        e.getValue().co2eTPerTLce(), e.getValue().waterM3PerTLce());
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- river
    @Command(name = "river", mixinStandardHelpOptions = true, description = "The river network: reaches, outfalls, stations.")
    static final class RiverCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--month", defaultValue = "0", description = "Also write a steady-state concentration chart for "
                + "this calendar month (1-12) from the historical thallium discharges of --year (with --chart).")
        int month;
        @Option(names = "--year", defaultValue = "2023", description = "Year of discharges for --chart (default ${DEFAULT-VALUE}).")
        int year;
        @Option(names = "--chart", paramLabel = "FILE", description = "Steady-state Tl along the Jinjiang with the limit.")
        Path chart;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            World w = data.world();
            RiverNetwork n = network(w);
            PrintWriter out = spec.commandLine().getOut();
            if (chart != null) {
                int m = month == 0 ? 1 : month;
                if (m < 1 || m > 12) {
                    throw new InvalidInputException("--month " + month + ": must be 1 to 12");
                }
                EnvironmentLedger l = EnvironmentLedger.historical(w, year,
                        ProductionSeries.Basis.REPORTED_ELSE_CAPACITY);
                double[] loads = new double[n.outfalls().size()];
                for (int i = 0; i < loads.length; i++) {
                    RiverNetwork.Outfall o = n.outfalls().get(i);
                    if (!o.plant().isEmpty()) {
                        loads[i] = l.thalliumToWaterGPerS(l.assetIndex(o.plant()), YearMonth.of(year, m));
                    }
                }
                var prof = org.lichain.environment.Transport.steadyProfile(n, loads, new RiverNetwork.Point(
                        n.topologicalOrder().get(0).id(), 0), m, 1.0);
                double[] x = prof.stream().mapToDouble(p -> p.distanceKm()).toArray();
                double[] y = prof.stream().mapToDouble(p -> p.ugPerL()).toArray();
                EnvironmentCharts.write(EnvironmentCharts.riverProfile("Steady-state thallium, " + YearMonth.of(year, m)
                        + ", from " + n.topologicalOrder().get(0).id(), x, y, 0.1, "GB 3838-2002"), chart);
            }
            if (json) {
                ObjectNode o = org.lichain.report.environment.RiverJson.network(n);
                Json.print(out, o);
                return 0;
            }
            out.println("Reaches (downstream order from the headwaters):");
            for (RiverNetwork.Reach x : n.topologicalOrder()) {
                out.printf(Locale.ROOT, "  %-6s %5.0f km  mean %7.1f m3/s (driest month %6.1f)  -> %s  %s%n", x.id(),
                        x.lengthKm(), x.meanFlowM3PerS(), java.util.Arrays.stream(x.flowM3PerS()).min().orElse(0),
                        x.downstream().isEmpty() ? "(outlet)" : x.downstream(), x.name());
            }
            out.println("Outfalls:");
            for (RiverNetwork.Outfall x : n.outfalls()) {
                out.printf(Locale.ROOT, "  %-16s %-10s %-6s km %5.1f%n", x.id(), x.plant().isEmpty() ? "(" + x.kind() + ")"
                        : x.plant(), x.reach(), x.km());
            }
            out.println("Stations:");
            for (RiverNetwork.Station x : n.stations()) {
                out.printf(Locale.ROOT, "  %-24s %-8s %-6s km %5.1f  limit %.3f µg/L (%s)%n", x.id(), x.kind().id(),
                        x.reach(), x.km(), n.limitUgPerL(x), x.standard());
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- spill
    @Command(name = "spill", mixinStandardHelpOptions = true,
            description = "A thallium pulse at an outfall: arrival time and peak at every downstream river station.")
    static final class SpillCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--outfall", required = true, description = "Outfall id (see 'lichain env river').")
        String outfall;
        @Option(names = "--tl-kg", required = true, description = "Thallium released, kg.")
        double tlKg;
        @Option(names = "--at", required = true, description = "Release time, YYYY-MM-DDTHH:MM (its month sets the flows).")
        String at;
        @Option(names = "--emit-measurements", paramLabel = "FILE",
                description = "Write the synthetic station samples (every 2 h) in the ingest CSV format.")
        Path emit;
        @Option(names = "--chart", paramLabel = "FILE", description = "Peak concentration along the river (.png/.svg).")
        Path chart;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LocalDateTime t;
            try {
                t = LocalDateTime.parse(at.length() == 10 ? at + "T00:00" : at);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("--at " + at + ": not a date-time YYYY-MM-DDTHH:MM");
            }
            if (!(tlKg > 0) || !Double.isFinite(tlKg)) {
                throw new InvalidInputException("--tl-kg " + tlKg + ": must be a positive number of kg");
            }
            RiverNetwork n = network(data.world());
            outfall = Ids.option("--outfall", outfall, n.outfalls().stream().map(RiverNetwork.Outfall::id).toList(),
                    "outfall", "list them with 'lichain env river'");
            List<Spill.StationImpact> impacts = Spill.impacts(n, outfall, tlKg, t.getMonthValue());
            if (emit != null) {
                org.lichain.dataset.AtomicFile.write(emit, Spill.toCsv(Spill.samples(n, outfall, tlKg, t, 2.0)));
            }
            if (chart != null) {
                List<double[]> p = Spill.peakProfile(n, outfall, tlKg, t.getMonthValue(), 1.0);
                EnvironmentCharts.write(EnvironmentCharts.riverProfile(String.format(Locale.ROOT,
                        "Peak thallium after %.1f kg at %s, %s", tlKg, outfall, t), p.stream().mapToDouble(v -> v[0])
                        .toArray(), p.stream().mapToDouble(v -> v[1]).toArray(), 0.1, "GB 3838-2002"), chart);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                o.put("outfall", outfall);
                o.put("tl_kg", tlKg);
                o.put("at", t.toString());
                o.put("month", t.getMonthValue());
                ArrayNode st = o.putArray("stations");
                for (Spill.StationImpact i : impacts) {
                    ObjectNode j = st.addObject();
                    j.put("id", i.id());
                    j.put("kind", i.kind().id());
                    j.put("distance_km", round(i.distanceKm(), 3));
                    j.put("arrival_hours", round(i.arrivalHours(), 2));
                    j.put("arrival_time", t.plusSeconds(Math.round(i.arrivalHours() * 3600)).toString());
                    j.put("peak_ug_per_l", round(i.peakUgPerL(), 5));
                    j.put("limit_ug_per_l", i.limitUgPerL());
                    j.put("exceeds", i.exceeds());
                    j.put("spread_sigma_hours", round(i.sigmaHours(), 2));
                    j.put("hours_above_limit", round(i.hoursAboveLimit(), 2));
                    if (i.exceeds()) {
                        double half = i.hoursAboveLimit() / 2;
                        j.put("above_limit_from", t.plusSeconds(Math.round((i.arrivalHours() - half) * 3600)).toString());
                        j.put("above_limit_to", t.plusSeconds(Math.round((i.arrivalHours() + half) * 3600)).toString());
                    }
                }
                Json.print(out, o);
                return 0;
            }
            out.printf(Locale.ROOT, "%.2f kg thallium at %s, %s (flows of month %d)%n", tlKg, outfall, t,
                    t.getMonthValue());
            out.printf(Locale.ROOT, "  %-24s %-8s %8s %9s %10s %8s %12s%n", "station", "kind", "km", "arrival h",
                    "peak µg/L", "limit", "h above limit");
            for (Spill.StationImpact i : impacts) {
                out.printf(Locale.ROOT, "  %-24s %-8s %8.1f %9.1f %10.4f %8.3f %12.1f %s%n", i.id(), i.kind().id(),
                        i.distanceKm(), i.arrivalHours(), i.peakUgPerL(), i.limitUgPerL(), i.hoursAboveLimit(),
                        i.exceeds() ? (i.kind() == org.lichain.environment.StationKind.INTAKE
                                ? "EXCEEDS: intake above its limit for " + String.format(Locale.ROOT, "%.1f h",
                                i.hoursAboveLimit()) : "EXCEEDS") : "");
            }
            if (emit != null) {
                out.println("  samples written to " + emit);
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- ingest
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest a measurement CSV (station,time,analyte,value,unit,detection_limit,qualifier,lab) into "
                    + "the monitoring store; bad rows are quarantined with reasons; re-ingesting is idempotent.")
    static final class IngestCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Mixin
        DbOption db;
        @Parameters(paramLabel = "FILE", description = "Measurement CSV file.")
        Path file;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Option(names = "--max-problems", defaultValue = "1000", description = "Problems listed (all are stored in "
                + "the quarantine table); default ${DEFAULT-VALUE}.")
        int maxProblems;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": no such file");
            }
            RiverNetwork n = network(data.world());
            MonitoringStore.IngestResult r;
            try (MonitoringStore store = db.open(false)) {
                r = store.ingest(file, stationIds(n));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                o.put("accepted", r.accepted());
                o.put("quarantined", r.quarantined());
                o.put("duplicates", r.duplicates());
                o.put("db", db.path().toString());
                ArrayNode p = o.putArray("problems");
                for (MeasurementCsv.Rejected x : r.problems().subList(0, Math.min(maxProblems, r.problems().size()))) {
                    ObjectNode j = p.addObject();
                    j.put("line", x.line());
                    j.put("field", x.field());
                    j.put("reason", x.reason());
                }
                o.put("problems_truncated", r.problems().size() > maxProblems);
                Json.print(out, o);
                return allRejected(r);
            }
            out.printf(Locale.ROOT, "%s: %d accepted, %d quarantined, %d already stored (%s)%n", file, r.accepted(),
                    r.quarantined(), r.duplicates(), db.path());
            for (MeasurementCsv.Rejected x : r.problems().subList(0, Math.min(maxProblems, r.problems().size()))) {
                out.printf(Locale.ROOT, "  %s:%d: %s%s%n", file.getFileName(), x.line(),
                        x.field().isEmpty() ? "" : "field '" + x.field() + "' ", x.reason());
            }
            return allRejected(r);
        }

        /** Exit 2 when the file had lines and every one was rejected: a wrong file is not a successful ingest. */
        private int allRejected(MonitoringStore.IngestResult r) {
            if (r.accepted() == 0 && r.duplicates() == 0 && r.quarantined() > 0) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("lichain: " + file + ": every line was rejected (" + r.quarantined()
                        + " quarantined, see above); no measurement was stored");
                err.flush();
                return Main.EXIT_INVALID_INPUT;
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- alerts
    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Exceedances in the monitoring store: single values, rolling means, rising trends; with the "
                    + "outfalls upstream and their estimated discharge.")
    static final class AlertsCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Mixin
        DbOption db;
        @Option(names = "--rolling", defaultValue = "3", description = "Rolling-mean window, samples (${DEFAULT-VALUE}).")
        int rolling;
        @Option(names = "--trend", defaultValue = "6", description = "Trend window, samples (${DEFAULT-VALUE}).")
        int trend;
        @Option(names = "--chart", paramLabel = "FILE", description = "Series of --station with its limit (.png/.svg).")
        Path chart;
        @Option(names = "--station", description = "Station for --chart.")
        String station;
        @Option(names = "--limit", paramLabel = "N", description = "One page of at most N alerts (1-100000), by "
                + "station then time, like GET /api/env/alerts: memory bounded by the page; prints the cursor of the "
                + "next page.")
        Integer limit;
        @Option(names = "--cursor", paramLabel = "C", description = "The page after the one that printed this cursor "
                + "(with --limit and the same --rolling and --trend; the API's next_cursor works too).")
        String cursor;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (rolling < 1 || trend < 3) {
                throw new InvalidInputException("--rolling must be ≥ 1 and --trend ≥ 3 samples");
            }
            World w = data.world();
            RiverNetwork n = network(w);
            if (chart != null && station == null) {
                throw new InvalidInputException("--chart needs --station ID");
            }
            if (limit != null || cursor != null) {
                return page(w, n);
            }
            RiverNetwork.Station s = station == null ? null : n.station(Ids.option("--station", station,
                    n.stations().stream().map(RiverNetwork.Station::id).toList(), "station",
                    "list them with 'lichain env river'"));
            List<MonitoringStore.Measurement> series = new ArrayList<>();
            List<Alerts.Alert> alerts;
            try (MonitoringStore store = db.open(true)) {
                alerts = streamAlerts(w, n, store, new Alerts.Options(rolling, trend),
                        chart == null ? null : s.id(), series::add);
            }
            if (chart != null) {
                double[] v = series.stream().mapToDouble(MonitoringStore.Measurement::valueUgPerL).toArray();
                boolean[] bdl = new boolean[series.size()];
                for (int i = 0; i < bdl.length; i++) {
                    bdl[i] = series.get(i).belowDetection();
                }
                EnvironmentCharts.write(EnvironmentCharts.stationSeries(s.id(), series.stream()
                        .map(MonitoringStore.Measurement::time).toList(), v, bdl, n.limitUgPerL(s)), chart);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                EnvJson.alertsAndIncidents(o, alerts,
                        w.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null));
                Json.print(out, o);
                return 0;
            }
            List<Alerts.Incident> incidents = Alerts.incidents(alerts);
            out.printf("%d alert(s) in %d incident(s) (alerts within %d h at stations sharing an upstream outfall)%n",
                    alerts.size(), incidents.size(), Alerts.INCIDENT_WINDOW_HOURS);
            for (Alerts.Incident i : incidents) {
                out.printf(Locale.ROOT, "  incident %d: %s .. %s, %d alert(s) at %s, up to %.1f× the limit; upstream of "
                                + "all: %s%n", i.number(), i.first(), i.last(), i.alerts(), String.join(", ", i.stations()),
                        i.maxTimesLimit(), i.commonUpstream().isEmpty() ? "none" : String.join(", ", i.commonUpstream()));
            }
            out.println("alerts:");
            for (Alerts.Alert a : alerts) {
                out.printf(Locale.ROOT, "  %s %-24s %-13s %s%n", a.time(), a.station(), a.kind(), a.detail());
                StringBuilder sb = new StringBuilder("      upstream: ");
                for (Alerts.Upstream u : a.upstream()) {
                    sb.append(u.outfall()).append(String.format(Locale.ROOT, " (%.0f km, %s) ", u.distanceKm(),
                            Double.isNaN(u.thalliumKgPerMonth()) ? "discharge unknown"
                                    : String.format(Locale.ROOT, "%.2f kg Tl/month", u.thalliumKgPerMonth())));
                }
                out.println(a.upstream().isEmpty() ? "      upstream: none" : sb.toString().stripTrailing());
                var gs = w.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null);
                var site = gs == null || a.stationKind().surface() ? null : gs.siteOfStation(a.station());
                if (site != null) {
                    out.printf(Locale.ROOT, "      source stack: %s (asset %s), the residue stack upgradient of the "
                            + "well%n", site.id(), site.asset());
                }
            }
            return 0;
        }

        /** One page of alerts ({@link AlertPages}), as {@code GET /api/env/alerts} gives it. */
        private int page(World w, RiverNetwork n) {
            if (chart != null) {
                throw new InvalidInputException("--chart draws a station's whole series: give it without --limit and "
                        + "--cursor");
            }
            int lim = limit == null ? 100 : limit;
            if (lim < 1 || lim > MAX_PAGE) {
                throw new InvalidInputException("--limit " + lim + ": must be 1 to " + MAX_PAGE);
            }
            Alerts.Options o = new Alerts.Options(rolling, trend);
            AlertPages.Cursor c;
            try {
                c = cursor == null ? null : AlertPages.Cursor.decode(cursor, o);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--cursor: " + e.getMessage());
            }
            AlertPages.Page p;
            try (MonitoringStore store = db.open(true)) {
                p = AlertPages.page(n, o, store, c, lim, HISTORICAL_FROM_YEAR, y -> Alerts.historicalDischarge(w, y));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o2 = Json.object();
                EnvJson.alertPage(o2, p, lim,
                        w.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null));
                Json.print(out, o2);
                return 0;
            }
            out.printf(Locale.ROOT, "%d alert(s) on this page, by station then time (%d of %d stored measurements "
                    + "read)%n", p.alerts().size(), p.scanned(), p.measurements());
            for (Alerts.Alert a : p.alerts()) {
                out.printf(Locale.ROOT, "  %s %-24s %-13s %s%n", a.time(), a.station(), a.kind(), a.detail());
            }
            String next = p.next() == null ? null : p.next().encode();
            out.println(next == null ? "last page" : "next page: --cursor " + next);
            return 0;
        }
    }

    /** The most alerts one page of {@code env alerts --limit} holds. */
    static final int MAX_PAGE = 100_000;

    /** Measurements one read of {@link #streamAlerts} holds at most. */
    static final int SCAN_BATCH = 100_000;

    /**
     * The alerts of every stored thallium measurement, equal to {@link #alerts} over all of them, without holding
     * them: each station's measurements stream through its {@link Alerts.StationEvaluator} in batches of
     * {@link #SCAN_BATCH} (issue 16: the command read every measurement into memory). Memory is bounded by one batch
     * and the alerts found. {@code seriesOf} (may be null) also receives that station's measurements, for a chart.
     */
    static List<Alerts.Alert> streamAlerts(World w, RiverNetwork n, MonitoringStore store, Alerts.Options o,
                                           String seriesOf, java.util.function.Consumer<MonitoringStore.Measurement>
                                                   series) {
        return streamAlerts(w, n, store, o, seriesOf, series, SCAN_BATCH);
    }

    /** As above with {@code batch} measurements per read (tests use small batches to cross batch boundaries). */
    static List<Alerts.Alert> streamAlerts(World w, RiverNetwork n, MonitoringStore store, Alerts.Options o,
                                           String seriesOf, java.util.function.Consumer<MonitoringStore.Measurement>
                                                   series, int batch) {
        MonitoringStore.Extent ext = store.extent("thallium");
        int maxYear = ext.latest() == null ? HISTORICAL_FROM_YEAR : ext.latest().getYear();
        var discharge = Alerts.historicalDischarge(w, maxYear);
        List<Alerts.Alert> out = new ArrayList<>();
        List<RiverNetwork.Station> stations = n.stations().stream()
                .sorted(java.util.Comparator.comparing(RiverNetwork.Station::id)).toList();
        for (RiverNetwork.Station st : stations) {
            Alerts.StationEvaluator ev = new Alerts.StationEvaluator(n, st, o, discharge);
            if (!ev.analyte().equals("thallium")) {
                continue;
            }
            boolean charted = st.id().equals(seriesOf);
            MonitoringStore.Measurement[] last = {null};
            while (true) {
                MonitoringStore.Measurement after = last[0];
                long got = store.scanStation("thallium", st.id(), after == null ? null : after.time(),
                        after == null ? null : after.lab(), batch, m -> {
                            ev.add(m, true, out::add);
                            if (charted) {
                                series.accept(m);
                            }
                            last[0] = m;
                            return true;
                        });
                if (got < batch) {
                    break;
                }
            }
        }
        out.sort(Alerts.BY_TIME_THEN_STATION); // as Alerts.evaluate
        return out;
    }

    /** Alerts with discharges from the historical ledger (reported production, else capacity). */
    static List<Alerts.Alert> alerts(World w, RiverNetwork n, List<MonitoringStore.Measurement> ms, Alerts.Options o) {
        int maxYear = ms.stream().mapToInt(m -> m.time().getYear()).max().orElse(HISTORICAL_FROM_YEAR);
        return Alerts.evaluate(n, ms, o, Alerts.historicalDischarge(w, maxYear));
    }

    // ---------------------------------------------------------------- attribute
    @Command(name = "attribute", mixinStandardHelpOptions = true,
            description = "Rank the outfalls that best explain the river exceedances in the store, grouping those the "
                    + "data cannot tell apart, with a confidence per group and the sample that would separate them.")
    static final class AttributeCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Mixin
        DbOption db;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RiverNetwork n = network(data.world());
            List<MonitoringStore.Measurement> ms;
            try (MonitoringStore store = db.open(true)) {
                ms = store.measurements("thallium");
            }
            Attribution.Result r = Attribution.attribute(n, ms);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                EnvJson.attribution(o, r);
                Json.print(out, o);
                return 0;
            }
            if (r.candidates().isEmpty()) {
                out.println(r.note());
                return 0;
            }
            out.printf(Locale.ROOT, "%d samples, %d exceedances; joint fit R² %.3f (%s)%n", r.samples(),
                    r.exceedances(), r.fitR2(), r.note());
            out.println("Groups the data can tell apart (likelihood ratio of single-outfall fits), best first:");
            for (int i = 0; i < r.groups().size(); i++) {
                Attribution.Group g = r.groups().get(i);
                out.printf(Locale.ROOT, "  %d. confidence %.3f  %s%n", i + 1, g.confidence(),
                        String.join(", ", g.outfalls()));
            }
            out.println("Candidates (score = share of the joint fit's mass):");
            for (Attribution.Candidate x : r.candidates()) {
                out.printf(Locale.ROOT, "  %-16s %-10s score %.3f  %.2f kg  weight %.3f  group %d  %s%n", x.outfall(),
                        x.plant(), x.score(), x.releasedKg(), x.likelihoodWeight(), x.group() + 1,
                        x.meanReleaseTime() == null ? "" : "around " + x.meanReleaseTime());
            }
            for (Attribution.SeparatingSample s : r.separatingSamples()) {
                out.printf(Locale.ROOT, "Sample that would separate group 1%s: %s at %s (%.1f σ apart: %s)%n",
                        s.afterLastSample() ? " (still possible)" : " (had it been taken)", s.location(), s.time(),
                        s.separationSigma(), predicted(s.predictedUgPerL()));
            }
            return 0;
        }
    }

    static String predicted(java.util.Map<String, Double> byOutfall) {
        StringBuilder sb = new StringBuilder();
        byOutfall.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.4f µg/L", k, v)));
        return sb.toString();
    }

    // ---------------------------------------------------------------- plan
    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "A month's inspection plan maximising the risk covered within inspector capacity (ILP, "
                    + "OR-Tools SCIP), with the reason for each visit.")
    static final class PlanCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Mixin
        DbOption db;
        @Option(names = "--month", required = true, description = "Month YYYY-MM.")
        String month;
        @Option(names = "--inspector-days", defaultValue = "8", description = "Inspector-days available in the month "
                + "(default ${DEFAULT-VALUE}).")
        double inspectorDays;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            YearMonth m = CliMonths.parse("--month", month);
            World w = data.world();
            RiverNetwork n = network(w);
            List<Alerts.Alert> past = new ArrayList<>();
            java.util.Optional<Attribution.Result> attributed = java.util.Optional.empty();
            boolean stored = Files.exists(db.path());
            if (stored) {
                try (MonitoringStore store = db.open(true)) {
                    List<MonitoringStore.Measurement> ms = store.measurements("thallium");
                    past = alerts(w, n, ms, Alerts.Options.DEFAULT);
                    attributed = InspectionPlanner.attributionFor(n, ms, m);
                }
            }
            EnvironmentLedger l = EnvironmentLedger.historical(w, Math.max(m.getYear(), HISTORICAL_FROM_YEAR),
                    ProductionSeries.Basis.REPORTED_ELSE_CAPACITY);
            InspectionPlanner.Plan p = InspectionPlanner.plan(InspectionPlanner.sites(n, l, m, past), m, inspectorDays,
                    attributed.orElse(null));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                EnvJson.plan(o, p, past.size(), stored ? db.path().toString() : "none", attributed);
                Json.print(out, o);
                return 0;
            }
            out.printf(Locale.ROOT, "Inspection plan %s: %.1f of %.1f inspector-days, risk covered %.3f of %.3f (%s)%n",
                    m, p.usedDays(), p.capacityDays(), p.riskCovered(), p.riskTotal(), p.solver());
            for (InspectionPlanner.Visit x : p.visits()) {
                out.printf(Locale.ROOT, "  visit %-16s %-10s %.1f d  %s%n", x.outfall(), x.plant(), x.days(), x.reason());
            }
            for (InspectionPlanner.Visit x : p.notVisited()) {
                out.printf(Locale.ROOT, "  skip  %-16s %-10s %.1f d  risk %.3f%n", x.outfall(), x.plant(), x.days(),
                        x.risk());
            }
            if (attributed.isPresent()) {
                for (Attribution.SeparatingSample s : attributed.get().separatingSamples()) {
                    out.printf(Locale.ROOT, "  sample to separate the group%s: %s at %s (%.1f σ apart: %s)%n",
                            s.afterLastSample() ? " (still possible)" : " (had it been taken)", s.location(),
                            s.time(), s.separationSigma(), predicted(s.predictedUgPerL()));
                }
            }
            return 0;
        }
    }
}
