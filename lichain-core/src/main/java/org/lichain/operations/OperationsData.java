package org.lichain.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operations part of a dataset: stage templates per route (or asset), output targets, maintenance
 * windows and time-of-use tariffs. Stored in the World as {@code world.extension(OperationsData.class)}.
 */
public record OperationsData(List<StageTemplate> stages, List<TargetRow> targets,
                             List<MaintenanceRow> maintenance, List<Tariff> tariffs) {

    /** Output target of a route or asset: per day or week, as % of capacity. */
    public record TargetRow(String plant, int periodHours, double utilisationPct, String source) {
    }

    /** A maintenance window of a route's or asset's stage. */
    public record MaintenanceRow(String plant, String stageId, java.time.LocalDateTime start, int hours,
                                 String source) {
    }

    public OperationsData {
        stages = List.copyOf(stages);
        targets = List.copyOf(targets);
        maintenance = List.copyOf(maintenance);
        tariffs = List.copyOf(tariffs);
    }

    public static OperationsData empty() {
        return new OperationsData(List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Tariff> tariff(String id) {
        return tariffs.stream().filter(t -> t.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The region's default tariff: the first one listed for it. */
    public Optional<Tariff> tariffForRegion(String region) {
        return tariffs.stream().filter(t -> t.region().equals(region)).findFirst();
    }

    /** Stage templates for a plant key (asset id or route id), in order. */
    public List<StageTemplate> stagesOf(String plant) {
        List<StageTemplate> out = new ArrayList<>();
        for (StageTemplate s : stages) {
            if (s.plant().equals(plant)) {
                out.add(s);
            }
        }
        out.sort(java.util.Comparator.comparingInt(StageTemplate::order));
        return out;
    }

    public Optional<TargetRow> targetOf(String plant) {
        return targets.stream().filter(t -> t.plant().equals(plant)).findFirst();
    }

    /** A copy with another tariff added or replacing the one with the same id (user tariff files). */
    public OperationsData withTariff(Tariff t) {
        List<Tariff> list = new ArrayList<>();
        list.add(t);
        for (Tariff x : tariffs) {
            if (!x.id().equalsIgnoreCase(t.id())) {
                list.add(x);
            }
        }
        return new OperationsData(stages, targets, maintenance, list);
    }
}
