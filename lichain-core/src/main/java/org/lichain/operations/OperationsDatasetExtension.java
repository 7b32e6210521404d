package org.lichain.operations;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lichain.dataset.CsvTable;
import org.lichain.dataset.DatasetExtension;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problems;
import org.lichain.dataset.RowReader;
import org.lichain.world.Route;
import org.lichain.world.World;

/**
 * Loads the operations files: {@code plant_stages.csv}, {@code plant_targets.csv}, {@code plant_maintenance.csv}
 * and {@code tariffs.csv}. A file missing from a dataset folder counts as empty (older exported folders stay valid).
 */
public final class OperationsDatasetExtension implements DatasetExtension<OperationsData> {
    public static final String STAGES = "plant_stages.csv";
    public static final String TARGETS = "plant_targets.csv";
    public static final String MAINTENANCE = "plant_maintenance.csv";

    @Override
    public Class<OperationsData> type() {
        return OperationsData.class;
    }

    @Override
    public List<String> files() {
        return List.of(STAGES, TARGETS, MAINTENANCE, TariffCsv.FILE);
    }

    @Override
    public OperationsData load(DatasetSource source, World core, Problems problems) {
        Set<String> plants = new HashSet<>();
        for (Route r : Route.values()) {
            plants.add(r.id());
        }
        core.assets().forEach(a -> plants.add(a.id()));
        List<StageTemplate> stages = source.read(STAGES).map(t -> stages(CsvTable.parse(STAGES, t, problems), plants,
                problems)).orElse(List.of());
        List<OperationsData.TargetRow> targets = source.read(TARGETS).map(t -> targets(CsvTable.parse(TARGETS, t,
                problems), plants, problems)).orElse(List.of());
        List<OperationsData.MaintenanceRow> maintenance = source.read(MAINTENANCE).map(t -> maintenance(
                CsvTable.parse(MAINTENANCE, t, problems), plants, stages, problems)).orElse(List.of());
        List<Tariff> tariffs = source.read(TariffCsv.FILE).map(t -> TariffCsv.parse(TariffCsv.FILE, t, problems))
                .orElse(List.of());
        return new OperationsData(stages, targets, maintenance, tariffs);
    }

    private static List<StageTemplate> stages(CsvTable t, Set<String> plants, Problems problems) {
        List<StageTemplate> out = new ArrayList<>();
        if (!t.requireColumns(problems, "plant", "applies_to", "order", "stage", "name", "power_basis",
                "kwh_share_pct", "throughput", "max_rate_pct", "min_stable_load_pct", "ramp_pct_per_h", "may_stop",
                "restart_cost_cny", "buffer", "buffer_name", "buffer_capacity_h", "buffer_start_pct", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        Map<String, Double> shareSums = new HashMap<>();
        Map<String, Integer> lastLine = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String plant = r.required("plant");
            if (!plant.isEmpty() && !plants.contains(plant)) {
                r.fail("plant", plant, "is neither a route id nor an asset id of the dataset");
            }
            String applies = r.required("applies_to");
            if (!applies.isEmpty() && !Set.of("integrated", "converter", "all").contains(applies)) {
                r.fail("applies_to", applies, "must be integrated, converter or all");
            }
            int order = r.integer("order", 1, 99);
            String stage = r.required("stage");
            if (!seen.add(plant + "|" + stage)) {
                r.fail("stage", stage, "listed twice for plant " + plant);
            }
            String name = r.required("name");
            String basis = r.required("power_basis");
            if (!basis.isEmpty() && !basis.equals("mine") && !basis.equals("refinery")) {
                r.fail("power_basis", basis, "must be mine or refinery");
            }
            double share = r.between("kwh_share_pct", 0, 100);
            String throughput = r.required("throughput");
            if (!throughput.isEmpty() && !Set.of("ore", "concentrate", "lce").contains(throughput)) {
                r.fail("throughput", throughput, "must be ore, concentrate or lce");
            }
            double max = r.between("max_rate_pct", 1, 1000);
            double min = r.between("min_stable_load_pct", 0, 100);
            double ramp = r.between("ramp_pct_per_h", 0.01, 100);
            boolean mayStop = r.bool("may_stop");
            double restart = r.nonNegative("restart_cost_cny");
            String buffer = r.text("buffer");
            double cap = buffer.isEmpty() ? 0 : r.between("buffer_capacity_h", 0, 10_000);
            double start = buffer.isEmpty() ? 0 : r.between("buffer_start_pct", 0, 100);
            String source = r.source();
            if (r.ok()) {
                out.add(new StageTemplate(plant, applies, order, stage, name, basis, share, throughput, max, min,
                        ramp, mayStop, restart, buffer, r.text("buffer_name"), cap, start, source));
                for (String kind : List.of("integrated", "converter")) {
                    if (applies.equals("all") || applies.equals(kind)) {
                        shareSums.merge(plant + "|" + kind + "|" + basis, share, Double::sum);
                        lastLine.put(plant + "|" + kind + "|" + basis, row.line());
                    }
                }
            }
        }
        shareSums.forEach((key, sum) -> {
            if (Math.abs(sum - 100.0) > 0.01) {
                String[] k = key.split("\\|");
                problems.add(t.file(), lastLine.get(key), 0, "kwh_share_pct", String.valueOf(sum),
                        "the " + k[2] + " power shares of plant " + k[0] + " (" + k[1] + ") add up to " + sum
                                + " %, not 100 %");
            }
        });
        return out;
    }

    private static List<OperationsData.TargetRow> targets(CsvTable t, Set<String> plants, Problems problems) {
        List<OperationsData.TargetRow> out = new ArrayList<>();
        if (!t.requireColumns(problems, "plant", "period", "utilisation_pct", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String plant = r.required("plant");
            if (!plant.isEmpty() && !plants.contains(plant)) {
                r.fail("plant", plant, "is neither a route id nor an asset id of the dataset");
            } else if (!seen.add(plant)) {
                r.fail("plant", plant, "has a second target row");
            }
            String period = r.required("period");
            int hours = period.equals("day") ? 24 : period.equals("week") ? 168 : 0;
            if (!period.isEmpty() && hours == 0) {
                r.fail("period", period, "must be day or week");
            }
            double util = r.between("utilisation_pct", 0, 200);
            String source = r.source();
            if (r.ok()) {
                out.add(new OperationsData.TargetRow(plant, hours, util, source));
            }
        }
        return out;
    }

    private static List<OperationsData.MaintenanceRow> maintenance(CsvTable t, Set<String> plants,
                                                                   List<StageTemplate> stages, Problems problems) {
        List<OperationsData.MaintenanceRow> out = new ArrayList<>();
        if (!t.requireColumns(problems, "plant", "stage", "start", "hours", "source")) {
            return out;
        }
        Set<String> stageIds = new HashSet<>();
        stages.forEach(s -> stageIds.add(s.stageId()));
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String plant = r.required("plant");
            if (!plant.isEmpty() && !plants.contains(plant)) {
                r.fail("plant", plant, "is neither a route id nor an asset id of the dataset");
            }
            String stage = r.required("stage");
            if (!stage.isEmpty() && !stageIds.contains(stage)) {
                r.fail("stage", stage, "is not a stage of " + STAGES);
            }
            LocalDateTime start = null;
            try {
                start = LocalDateTime.parse(r.text("start"));
            } catch (DateTimeParseException e) {
                r.fail("start", r.text("start"), "is not a local time YYYY-MM-DDTHH:MM");
            }
            int hours = r.integer("hours", 1, 24 * 366);
            String source = r.source();
            if (r.ok()) {
                out.add(new OperationsData.MaintenanceRow(plant, stage, start, hours, source));
            }
        }
        return out;
    }
}
