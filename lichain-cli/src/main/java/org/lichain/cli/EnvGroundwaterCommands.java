package org.lichain.cli;

import static org.lichain.environment.EnvironmentLedger.HISTORICAL_FROM_YEAR;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lichain.environment.IncidentReplay;
import org.lichain.environment.MonitoringStore;
import org.lichain.environment.RiverNetwork;
import org.lichain.environment.StationKind;
import org.lichain.environment.groundwater.GroundwaterModel;
import org.lichain.environment.groundwater.GroundwaterSite;
import org.lichain.environment.groundwater.GroundwaterSites;
import org.lichain.environment.groundwater.SourceTerm;
import org.lichain.environment.groundwater.WellDesign;
import org.lichain.environment.groundwater.WellReview;
import org.lichain.report.environment.EnvironmentCharts;
import org.lichain.report.environment.GroundwaterCharts;
import org.lichain.report.environment.GroundwaterJson;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lichain env groundwater | wells-design | replay}: residue-stack leaks, well sampling design, incident replay. */
final class EnvGroundwaterCommands {
    private EnvGroundwaterCommands() {
    }

    /** A site by id; an unknown id is the user's error (exit 2, naming the known ids). */
    static GroundwaterSite site(World w, String id) {
        try {
            return sites(w).site(id);
        } catch (java.util.NoSuchElementException e) {
            throw new InvalidInputException("--site: " + e.getMessage());
        }
    }

    static GroundwaterSites sites(World w) {
        return w.extension(GroundwaterSites.class).orElseThrow(() -> new InvalidInputException(
                "the dataset has no groundwater sites (groundwater_sites.csv, groundwater_points.csv)"));
    }

    static void checkYear(int year) {
        if (year < HISTORICAL_FROM_YEAR || year > 2035) {
            throw new InvalidInputException("--year " + year + ": must be between " + HISTORICAL_FROM_YEAR
                    + " and 2035 (the residue stock comes from the ledger)");
        }
    }

    static void checkChart(Path file, String option) {
        if (file != null) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!n.endsWith(".png") && !n.endsWith(".svg")) {
                throw new InvalidInputException(option + " " + file + ": the chart file must end in .png or .svg");
            }
        }
    }

    static GroundwaterModel.SiteStack stack(World w, GroundwaterSite site, int year, Double stockT) {
        if (stockT != null) {
            if (!(stockT > 0) || !Double.isFinite(stockT)) {
                throw new InvalidInputException("--stock-t " + stockT + ": must be a positive number of tonnes");
            }
            return GroundwaterModel.givenStack(stockT, "--stock-t");
        }
        GroundwaterModel.SiteStack s = GroundwaterModel.stackOf(w, site, year, HISTORICAL_FROM_YEAR);
        if (!(s.stack().stockT() > 0)) {
            throw new InvalidInputException("--site " + site.id() + ": asset " + site.asset()
                    + " has no residue stock in the ledger by the end of " + year + " (neither reported production "
                    + "nor capacity in the dataset); give the stack with --stock-t T");
        }
        return s;
    }

    static double dryFlow(RiverNetwork n, GroundwaterSite s) {
        return GroundwaterModel.dryFlowM3PerS(n, s);
    }

    static String years(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    // ---------------------------------------------------------------- groundwater
    @Command(name = "groundwater", mixinStandardHelpOptions = true,
            description = "A residue-stack leak at a site: the thallium plume at the wells, candidate positions and "
                    + "receptors over time, with the arrival (GB/T 14848 class III limit) and peak at each.")
    static final class GroundwaterCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--site", required = true, description = "Groundwater site id (e.g. GW-YONGXING).")
        String site;
        @Option(names = "--year", defaultValue = "2023",
                description = "The stack is the ledger's residue stock at the end of this year; the leak starts in "
                        + "January of it (default ${DEFAULT-VALUE}).")
        int year;
        @Option(names = "--stock-t", description = "Residue in the stack, t (default: the ledger's stock of the site's "
                + "asset at the end of --year).")
        Double stockT;
        @Option(names = "--scenario", defaultValue = "liner-failure",
                description = "intact, liner-failure or cover-and-liner-failure (default ${DEFAULT-VALUE}).")
        String scenario;
        @Option(names = "--years", defaultValue = "30", description = "Years simulated (default ${DEFAULT-VALUE}).")
        int horizon;
        @Option(names = {"--png", "--chart"}, paramLabel = "FILE", description = "Chart of the plume at the points (.png/.svg).")
        Path png;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            checkYear(year);
            checkChart(png, "--png");
            SourceTerm.Scenario sc = SourceTerm.Scenario.parse(scenario.toLowerCase(Locale.ROOT));
            if (horizon < 1 || horizon > 100) {
                throw new InvalidInputException("--years " + horizon + ": must be 1 to 100");
            }
            World w = data.world();
            GroundwaterSite s = site(w, site);
            RiverNetwork n = EnvCommand.network(w);
            GroundwaterModel.SiteStack ss = stack(w, s, year, stockT);
            GroundwaterModel.Stack st = ss.stack();
            GroundwaterModel.Result r = GroundwaterModel.run(s, sc, st.stockT(), st.tlInResidueKg(),
                    GroundwaterModel.rainFactors(n.reach(s.rainReach())), year, horizon);
            if (png != null) {
                EnvironmentCharts.write(GroundwaterCharts.wells(r, sc.id()), png);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                GroundwaterJson.groundwater(o, r, sc.id(), dryFlow(n, s));
                o.put("stock_basis", ss.basis());
                Json.print(out, o);
                return 0;
            }
            SourceTerm.Leachate l = r.leachate();
            double inf = 0;
            double tl = 0;
            for (int k = 0; k < 12; k++) {
                inf += l.infiltrationM3()[k];
                tl += l.tlG()[k];
            }
            GroundwaterSite.Aquifer a = s.aquifer();
            out.printf(Locale.ROOT, "Groundwater at %s (%s, asset %s): %s from January %d, %d years%n", s.id(), s.name(),
                    s.asset(), sc.id(), year, horizon);
            out.printf(Locale.ROOT, "  stack     %,.0f t residue at the end of %d: %,.0f m2 (%.0f m square, %.0f m high); "
                            + "Tl in residue %,.0f kg, leachable %,.0f kg%n", r.stockT(), year, l.areaM2(), l.widthM(),
                    s.leaching().stackHeightM(), r.tlInResidueKg(), l.inventoryKg());
            out.println("            stock basis: " + ss.basis());
            out.printf(Locale.ROOT, "  leachate  %,.0f m3 to the aquifer in the first year carrying %.3f kg Tl; source "
                    + "up to %.3f µg/L over a %.1f m mixing depth; %.2f kg leached in %d years%n", inf, tl / 1000.0,
                    java.util.Arrays.stream(l.sourceUgPerL()).limit(12).max().orElse(0), l.mixingDepthM(),
                    l.leachedKg(), horizon);
            out.printf(Locale.ROOT, "  aquifer   K %.1f m/day, i %.4f, n %.2f: seepage %.3f m/day; Tl front %.1f m/yr "
                            + "(R %.1f); aL %.0f m, aT %.1f m%n", a.conductivityMPerDay(), a.gradient(), a.porosity(),
                    a.seepageVelocityMPerDay(), a.thalliumVelocityMPerDay() * 365.25, a.retardation(),
                    a.longitudinalDispersivityM(), a.transverseDispersivityM());
            out.printf(Locale.ROOT, "  %-20s %-13s %6s %6s %11s %11s %7s %6s%n", "point", "kind", "x m", "y m",
                    "arrival yr", "peak µg/L", "at yr", "class");
            for (GroundwaterModel.PointResult p : r.points()) {
                out.printf(Locale.ROOT, "  %-20s %-13s %6.0f %6.0f %11s %11.4f %7s %6s%n", p.id(), p.kind().id(),
                        p.xM(), p.yM(), years(p.arrivalYears()), p.peakUgPerL(), years(p.peakYears()),
                        p.peakClass().label());
            }
            if (r.riverFluxGPerDay().length > 0) {
                double f = r.riverFluxGPerDay()[r.months() - 1];
                out.printf(Locale.ROOT, "  to the river: %.4f g Tl/day after %d years, adding %.6f µg/L to %s at its "
                                + "driest flow %.1f m3/s%n", f, horizon, GroundwaterModel.riverAddedUgPerL(r, r.months(),
                        dryFlow(n, s)), s.rainReach(), dryFlow(n, s));
            }
            out.println("  arrival = first month end at or above the GB/T 14848 class III limit 0.1 µg/L; all site "
                    + "parameters are estimates (groundwater_sites.csv)");
            if (png != null) {
                out.println("  chart written to " + png);
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- wells-design
    @Command(name = "wells-design", mixinStandardHelpOptions = true,
            description = "Monte Carlo over leaks under a site's stack: the probability that monthly sampling of a set "
                    + "of wells detects a leak before it reaches a receptor; the best K wells (greedy with its bound, "
                    + "exhaustive when small); what half-monthly sampling or one more well buys.")
    static final class WellsDesignCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--site", required = true, description = "Groundwater site id.")
        String site;
        @Option(names = "--wells", required = true, description = "Number of wells K to choose.")
        int wells;
        @Option(names = "--year", defaultValue = "2023", description = "Stack of the end of this year (default ${DEFAULT-VALUE}).")
        int year;
        @Option(names = "--stock-t", description = "Residue in the stack, t (default: the ledger's stock).")
        Double stockT;
        @Option(names = "--trials", defaultValue = "2000", description = "Monte Carlo trials (default ${DEFAULT-VALUE}).")
        int trials;
        @Option(names = "--seed", defaultValue = "15", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            checkYear(year);
            if (trials < 10 || trials > 1_000_000) {
                throw new InvalidInputException("--trials " + trials + ": must be 10 to 1,000,000");
            }
            World w = data.world();
            GroundwaterSite s = site(w, site);
            int n = s.points(GroundwaterSite.PointKind.WELL, GroundwaterSite.PointKind.CANDIDATE).size();
            if (wells < 1 || wells > n) {
                throw new InvalidInputException("--wells " + wells + ": must be 1 to " + n + " (the site's existing and "
                        + "candidate wells)");
            }
            GroundwaterModel.SiteStack ss = stack(w, s, year, stockT);
            GroundwaterModel.Stack st = ss.stack();
            WellDesign.Report r = WellDesign.report(s, st.stockT(), st.tlInResidueKg(), wells,
                    WellDesign.Options.defaults().withTrials(trials).withSeed(seed));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                GroundwaterJson.design(o, r, st, year);
                o.put("stock_basis", ss.basis());
                Json.print(out, o);
                return 0;
            }
            out.printf(Locale.ROOT, "Well design at %s: %d trials (seed %d), leaks under a %,.0f t stack over %d years; "
                            + "%.0f %% of leaks reach a receptor%n", s.id(), r.trials(), seed, st.stockT(),
                    r.options().horizonYears(), 100.0 * r.receptorReached() / r.trials());
            out.printf(Locale.ROOT, "  existing %-30s monthly: P(detect before a receptor) = %.3f%n",
                    String.join(", ", r.existingWells()), r.existingMonthly());
            WellDesign.Choice b = r.monthly();
            out.printf(Locale.ROOT, "  best %d monthly: %s  P = %.3f (%s; greedy %s P = %.3f, upper bound %.3f)%n",
                    wells, String.join(", ", b.recommendedWells()), b.recommendedProbability(), b.method(),
                    String.join(", ", b.wells()), b.probability(), b.upperBound());
            out.printf(Locale.ROOT, "  same wells every half month: P = %.3f (%+.3f); mean detection %.0f days after "
                            + "the leak instead of %.0f; every 14 days: P = %.3f%n", r.bestHalfMonthly(),
                    r.bestHalfMonthly() - b.recommendedProbability(), r.meanDelayHalfMonthlyDays(),
                    r.meanDelayMonthlyDays(), r.bestEvery14DaysProbability());
            if (r.oneMoreWell() != null) {
                out.printf(Locale.ROOT, "  one more well (best %d monthly): %s  P = %.3f (%+.3f)%n", wells + 1,
                        String.join(", ", r.oneMoreWell().recommendedWells()), r.oneMoreWell().recommendedProbability(),
                        r.oneMoreWell().recommendedProbability() - b.recommendedProbability());
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- wells
    @Command(name = "wells", mixinStandardHelpOptions = true,
            description = "The monitoring wells' thallium samples in the store: GB/T 14848-2017 class of the latest and "
                    + "worst sample, Mann-Kendall trend, alerts, and the source stack of each well.")
    static final class WellsCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Mixin
        EnvCommand.DbOption db;
        @Option(names = "--trend", defaultValue = "6", description = "Trend window, latest samples (${DEFAULT-VALUE}).")
        int trend;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (trend < 3) {
                throw new InvalidInputException("--trend " + trend + ": must be at least 3 samples");
            }
            World w = data.world();
            RiverNetwork n = EnvCommand.network(w);
            GroundwaterSites gs = w.extension(GroundwaterSites.class).orElse(null);
            List<String> wellIds = n.stations().stream().filter(x -> x.kind() == StationKind.WELL)
                    .map(RiverNetwork.Station::id).toList();
            List<MonitoringStore.Measurement> ms;
            try (MonitoringStore store = db.open(true)) {
                ms = store.measurements("thallium");
            }
            List<WellReview.WellStatus> review = WellReview.review(gs, wellIds, ms, trend);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                GroundwaterJson.wells(o.putArray("wells"), review);
                Json.print(out, o);
                return 0;
            }
            out.printf(Locale.ROOT, "%d well(s) with thallium samples (GB/T 14848-2017 classes: I-III <= 0.1, IV <= 1, "
                    + "V > 1 µg/L)%n", review.size());
            for (var x : review) {
                out.printf(Locale.ROOT, "  %-22s %3d samples, latest %s %s%.4f µg/L class %s, worst class %s, trend %s "
                                + "(z %.2f); source stack %s%n", x.station(), x.samples(), x.latestAt(),
                        x.latestBelowDetection() ? "<" : "", x.latestUgPerL(), x.latestClass().label(),
                        x.worstClass().label(), x.trend(), x.mannKendallZ(), x.site().isEmpty() ? "unknown"
                                : x.site() + " (asset " + x.stackAsset() + ", " + Math.round(x.stackDistanceM())
                                + " m upgradient)");
                x.alerts().forEach(a -> out.println("      " + a));
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- replay
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay a river thallium incident with the river model: the releases consistent with the "
                    + "observation, travel hours to the intake, and what upstream stations would have seen.")
    static final class ReplayCmd implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "INCIDENT", description = "Incident id: jinjiang-2022.")
        String incident;
        @Option(names = "--observed-ug-per-l", defaultValue = "0.22",
                description = "Observed concentration at the intake, µg/L (default ${DEFAULT-VALUE}: an assumed figure; "
                        + "no concentration for this event is published in the stored sources).")
        double observed;
        @Option(names = "--velocity-spread", defaultValue = "0.3",
                description = "Relative uncertainty of river velocities for the travel-time range (default ${DEFAULT-VALUE}).")
        double spread;
        @Option(names = {"--png", "--chart"}, paramLabel = "FILE", description = "Chart of the replayed pulses (.png/.svg).")
        Path png;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!incident.equals("jinjiang-2022")) {
                throw new InvalidInputException("unknown incident '" + incident + "' (known: jinjiang-2022)");
            }
            if (!(observed > 0) || !Double.isFinite(observed)) {
                throw new InvalidInputException("--observed-ug-per-l " + observed + ": must be a positive number");
            }
            if (!(spread >= 0 && spread < 1)) {
                throw new InvalidInputException("--velocity-spread " + spread + ": must be at least 0 and below 1");
            }
            checkChart(png, "--png");
            RiverNetwork n = EnvCommand.network(data.world());
            IncidentReplay.Result r = IncidentReplay.replay(n, IncidentReplay.jinjiang2022(observed), spread);
            if (png != null) {
                EnvironmentCharts.write(GroundwaterCharts.replay(n, r), png);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                GroundwaterJson.replay(o, r);
                Json.print(out, o);
                return 0;
            }
            IncidentReplay.Incident i = r.incident();
            out.printf(Locale.ROOT, "%s%n  observed %.3f µg/L at %s on %s (limit %.2f µg/L); November flow there "
                            + "%.1f m3/s%n", i.title(), i.observedUgPerL(), i.station(), i.observedAt(),
                    r.limitUgPerL(), r.flowAtStationM3PerS());
            out.println("  sources named: " + i.attributionSource());
            out.printf(Locale.ROOT, "  %-16s %-6s %6s %14s %8s %16s %11s  %s%n", "outfall", "named", "km",
                    "travel h", "sigma h", "pulse kg", "cont. kg/d", "release (at peak)");
            for (IncidentReplay.Candidate c : r.candidates()) {
                out.printf(Locale.ROOT, "  %-16s %-6s %6.1f %5.1f (%4.1f-%4.1f) %8.2f %6.3f-%8.3f %11.3f  %s%n",
                        c.outfall(), c.named() ? "yes" : "", c.distanceKm(), c.travelHours(),
                        c.travelHoursFastVelocity(), c.travelHoursSlowVelocity(), c.sigmaHours(), c.minimumMassKg(),
                        c.massAtRangeEdgeKg(), c.continuousKgPerDay(), c.releaseAtPeak());
                for (IncidentReplay.UpstreamView v : c.upstream()) {
                    out.printf(Locale.ROOT, "      %-22s peak %.3f µg/L at %s (%.1f h before the observation); hourly "
                                    + "sampling first alert %s; daily sampling sees %.3f-%.3f µg/L, catches it %.0f %% "
                                    + "of the time%n", v.station(), v.peakUgPerL(), v.peakAt(),
                            v.leadHoursBeforeObservation(), v.hourlyFirstAlertAt() == null ? "none"
                                    : v.hourlyFirstAlertAt().toString(), v.dailyMaxSampledMinUgPerL(),
                            v.dailyMaxSampledMaxUgPerL(), 100 * v.dailyCatchShare());
                }
            }
            out.println("  caveats:");
            r.caveats().forEach(c -> out.println("    - " + c));
            out.println("  assumptions:");
            i.assumptions().forEach(c -> out.println("    - " + c));
            out.println("    - observation: " + i.observationSource());
            if (png != null) {
                out.println("  chart written to " + png);
            }
            return 0;
        }
    }
}
