package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scheduling model of one plant: stages in flow order, a buffer between each pair of consecutive stages
 * ({@code buffers.get(i)} lies between stage i and stage i+1), the output target of the last stage and the
 * maintenance windows. The first stage draws from an unlimited feed (ore stockpile, bought concentrate or
 * pond brine) — a named simplification.
 */
public record PlantModel(String id, String name, String route, String region, List<Stage> stages,
                         List<Buffer> buffers, OutputTarget target, List<MaintenanceWindow> maintenance,
                         String source) {
    public PlantModel {
        stages = List.copyOf(stages);
        buffers = List.copyOf(buffers);
        maintenance = List.copyOf(maintenance);
        if (stages.isEmpty()) {
            throw new InvalidInputException("plant " + id + " has no stages");
        }
        if (buffers.size() != stages.size() - 1) {
            throw new InvalidInputException("plant " + id + ": needs one buffer between each pair of stages ("
                    + (stages.size() - 1) + "), has " + buffers.size());
        }
        Set<String> ids = new HashSet<>();
        for (Stage s : stages) {
            if (!ids.add(s.id())) {
                throw new InvalidInputException("plant " + id + ": duplicate stage " + s.id());
            }
        }
        for (MaintenanceWindow w : maintenance) {
            if (!ids.contains(w.stageId())) {
                throw new InvalidInputException("plant " + id + ": maintenance of unknown stage " + w.stageId());
            }
        }
    }

    /** Fluent factory for tests and the Java API. */
    public static PlantModel of(String id, List<Stage> stages, List<Buffer> buffers, OutputTarget target) {
        return new PlantModel(id, id, "custom", "", stages, buffers, target, List.of(), "user");
    }

    public PlantModel withTarget(OutputTarget t) {
        return new PlantModel(id, name, route, region, stages, buffers, t, maintenance, source);
    }

    public PlantModel withMaintenance(MaintenanceWindow w) {
        List<MaintenanceWindow> list = new ArrayList<>(maintenance);
        list.add(w);
        return new PlantModel(id, name, route, region, stages, buffers, target, list, source);
    }

    public int stageIndex(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        throw new InvalidInputException("plant " + id + " has no stage " + stageId);
    }
}
