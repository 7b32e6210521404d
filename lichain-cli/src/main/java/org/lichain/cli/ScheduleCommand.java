package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lichain.dataset.Problems;
import org.lichain.operations.Buffer;
import org.lichain.operations.PlantModels;
import org.lichain.operations.Schedule;
import org.lichain.operations.Stage;
import org.lichain.operations.Tariff;
import org.lichain.operations.TariffCsv;
import org.lichain.report.Canvas;
import org.lichain.report.operations.ScheduleCharts;
import org.lichain.world.Asset;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain schedule}: the cheapest hourly production schedule of a plant for a month under time-of-use power. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        header = "Schedules a plant hour by hour for a month to minimise its power cost under a time-of-use tariff.",
        description = {"Hourly production schedule of a plant for a month that minimises the power cost under a",
                "time-of-use tariff, within the plant's limits (rates, minimum loads, ramps, stops, buffers, targets).",
                "Reports the cost against a flat schedule and the share of kWh in valley hours.",
                "'--list' shows the plants that have a model (every converter, integrated and brine plant)."})
public final class ScheduleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--list", description = "List the plants that have a model.")
    boolean list;

    @Option(names = "--plant", paramLabel = "ID", description = "Asset id of the plant (see --list).")
    String plant;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Month to schedule (default: ${DEFAULT-VALUE}).",
            defaultValue = "2025-07")
    String month;

    @Option(names = "--tariff", paramLabel = "NAME|FILE",
            description = "Tariff id from the dataset (e.g. CN-JX-2022) or a CSV file in the tariffs.csv form; "
                    + "default: the plant region's tariff.")
    String tariff;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the chart (stage loads over the tariff bands).")
    Path png;

    @Option(names = "--day-png", paramLabel = "FILE",
            description = "Write a typical day by stage over the tariff bands and an hour-by-day heat map of power (PNG).")
    Path dayPng;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the chart as SVG.")
    Path svg;

    @Override
    public Integer call() {
        World w = data.world();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            list(w, out);
            return 0;
        }
        if (plant == null) {
            throw new InvalidInputException("give --plant ID (see 'lichain schedule --list') or --list");
        }
        YearMonth m = CliMonths.parse("--month", month);
        Tariff t = tariff == null ? null : resolveTariff(w, tariff);
        String plantId = Ids.resolve(plant, w.assets().stream().map(org.lichain.world.Asset::id).toList(), "plant",
                "list them with 'lichain schedule --list'");
        Schedule s = PlantModels.schedule(w, plantId, m, t);
        if (dayPng != null) {
            Canvas.write(dayPng, ScheduleCharts.typicalDayPng(s));
        }
        if (png != null) {
            Canvas.write(png, ScheduleCharts.png(s));
        }
        if (svg != null) {
            Canvas.write(svg, ScheduleCharts.svg(s));
        }
        if (json) {
            Json.print(out, toJson(s, m));
        } else {
            human(s, m, out);
        }
        return 0;
    }

    /** A dataset tariff id, or a file in the tariffs.csv form (its first tariff). */
    static Tariff resolveTariff(World w, String nameOrFile) {
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p)) {
            String text = org.lichain.dataset.TextInput.read(p); // strict UTF-8, no NUL, located
            Problems problems = new Problems();
            List<Tariff> list = TariffCsv.parse(p.toString(), text, problems);
            problems.throwIfAny("invalid tariff file " + p);
            if (list.isEmpty()) {
                throw new InvalidInputException("tariff file " + p + " has no tariff");
            }
            return list.get(0);
        }
        return PlantModels.tariff(w, nameOrFile);
    }

    private void list(World w, PrintWriter out) {
        YearMonth m = CliMonths.parse("--month", month);
        List<Asset> plants = PlantModels.plants(w);
        if (json) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (Asset a : plants) {
                ObjectNode o = arr.addObject();
                o.put("id", a.id());
                o.put("name", a.name());
                o.put("country", a.country());
                o.put("route", a.route().id());
                o.put("kind", a.kind().id());
                o.put("region", a.region());
                o.put("tariff", PlantModels.tariffFor(w, a, m).id());
            }
            Json.print(out, arr);
            return;
        }
        out.printf(Locale.ROOT, "%-14s %-26s %-8s %-12s %-18s %s%n", "id", "route", "country", "kind", "tariff", "name");
        for (Asset a : plants) {
            out.printf(Locale.ROOT, "%-14s %-26s %-8s %-12s %-18s %s%n", a.id(), a.route().id(), a.country(),
                    a.kind().id(), PlantModels.tariffFor(w, a, m).id(), a.name());
        }
        out.printf(Locale.ROOT, "%d plants with a model%n", plants.size());
        out.flush();
    }

    static ObjectNode toJson(Schedule s, YearMonth m) {
        ObjectNode o = Json.object();
        o.put("plant", s.plant().id());
        o.put("month", m.toString());
        o.put("hours", s.hours());
        o.put("target_met", true);
        o.put("cost_cny", round(s.costCny(), 2));
        o.put("flat_cost_cny", round(s.flatCostCny(), 2));
        o.put("saving_pct", round(s.savingPct(), 4));
        o.put("valley_kwh_share", round(s.valleyKwhShare(), 6));
        o.put("flat_valley_kwh_share", round(s.flatValleyKwhShare(), 6));
        ArrayNode stages = o.putArray("stages");
        for (int i = 0; i < s.plant().stages().size(); i++) {
            Stage st = s.plant().stages().get(i);
            ObjectNode so = stages.addObject();
            so.put("id", st.id());
            so.put("kwh", round(s.stageKwh(i), 1));
            double k = s.stageKwh(i);
            so.put("valley_kwh_share", round(k > 0 ? s.stageValleyKwh(i) / k : 0, 6));
            so.put("name", st.name());
            double fk = s.flatStageKwh(i);
            so.put("flat_kwh", round(fk, 1));
            so.put("flat_valley_kwh_share", round(fk > 0 ? s.flatStageValleyKwh(i) / fk : 0, 6));
            so.put("kwh_per_t_lce", round(st.kwhPerTLce(), 3));
            so.put("kwh_per_t_throughput", round(st.kwhPerTThroughput(), 3));
            so.put("max_rate_t_lce_per_h", round(st.maxRateTLcePerH(), 6));
            so.put("rate_swing_pct_of_max", round(s.rateSwingPct(i), 3));
            so.put("restarts", s.restarts()[i]);
            ArrayNode r = so.putArray("rate_t_lce_per_h");
            for (double v : s.rateTLcePerH()[i]) {
                r.add(round(v, 6));
            }
        }
        ArrayNode buffers = o.putArray("buffers");
        for (int b = 0; b < s.plant().buffers().size(); b++) {
            Buffer bf = s.plant().buffers().get(b);
            ObjectNode bo = buffers.addObject();
            bo.put("id", bf.id());
            bo.put("name", bf.name());
            bo.put("capacity_t_lce", round(bf.capacityTLce(), 6));
            bo.put("start_t_lce", round(bf.startLevelTLce(), 6));
            ArrayNode l = bo.putArray("level_t_lce");
            for (double v : s.bufferLevelTLce()[b]) {
                l.add(round(v, 6));
            }
        }
        o.put("tariff", s.tariff().tariffId());
        o.put("effective_cny_per_kwh", round(s.effectiveCnyPerKwh(), 6));
        o.put("flat_effective_cny_per_kwh", round(s.flatEffectiveCnyPerKwh(), 6));
        o.put("restart_cost_cny", round(s.restartCostCny(), 2));
        o.put("output_t_lce", round(s.outputTLce(), 3));
        o.put("target_t_lce_per_period", round(s.plant().target().tLcePerPeriod(), 3));
        o.put("target_period", s.plant().target().periodName());
        o.put("flat_feasible", s.flatFeasible());
        o.put("solver", s.solver());
        o.put("optimal", s.optimal());
        o.put("model_source", s.plant().source());
        ArrayNode price = o.putArray("price_cny_per_kwh");
        for (double v : s.tariff().priceCnyPerKwh()) {
            price.add(round(v, 6));
        }
        return o;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static void human(Schedule s, YearMonth m, PrintWriter out) {
        out.printf(Locale.ROOT, "%s (%s), %s, %d hours, tariff %s%n", s.plant().name(), s.plant().id(), m, s.hours(),
                s.tariff().tariffId());
        out.printf(Locale.ROOT, "target %.1f t LCE per %s met; output %.1f t LCE%n",
                s.plant().target().tLcePerPeriod(), s.plant().target().periodName(), s.outputTLce());
        out.printf(Locale.ROOT, "power cost %,.0f CNY vs flat schedule %,.0f CNY: saving %.2f %% (restarts %,.0f CNY)%n",
                s.costCny(), s.flatCostCny(), s.savingPct(), s.restartCostCny());
        out.printf(Locale.ROOT, "valley kWh share %.1f %% (flat %.1f %%); effective price %.4f CNY/kWh (flat %.4f)%n",
                100 * s.valleyKwhShare(), 100 * s.flatValleyKwhShare(), s.effectiveCnyPerKwh(),
                s.flatEffectiveCnyPerKwh());
        out.printf(Locale.ROOT, "%-28s %14s %8s %8s %10s %8s%n", "stage", "kWh", "valley%", "flat v%", "swing%max",
                "restarts");
        for (int i = 0; i < s.plant().stages().size(); i++) {
            double k = s.stageKwh(i);
            double fk = s.flatStageKwh(i);
            out.printf(Locale.ROOT, "%-28s %,14.0f %8.1f %8.1f %10.1f %8d%n", s.plant().stages().get(i).id(), k,
                    k > 0 ? 100 * s.stageValleyKwh(i) / k : 0, fk > 0 ? 100 * s.flatStageValleyKwh(i) / fk : 0,
                    s.rateSwingPct(i), s.restarts()[i]);
        }
        out.printf(Locale.ROOT, "%-28s %10s %10s %10s %10s%n", "buffer (t LCE)", "capacity", "start", "min", "max");
        for (int b = 0; b < s.plant().buffers().size(); b++) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (double v : s.bufferLevelTLce()[b]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            Buffer bf = s.plant().buffers().get(b);
            out.printf(Locale.ROOT, "%-28s %10.1f %10.1f %10.1f %10.1f%n", bf.id(), bf.capacityTLce(),
                    bf.startLevelTLce(), Math.max(0.0, lo), hi); // solver noise of -1e-9 shown as 0
        }
        out.printf("solver: %s%s%n", s.solver(), s.optimal() ? "" : " (not proven optimal)");
        out.flush();
    }
}
