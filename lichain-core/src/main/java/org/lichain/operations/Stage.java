package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;

/**
 * One production stage of a plant (grinding, flotation, kiln, ...). Rates are in t LCE-equivalent per hour:
 * the stage's throughput expressed as the lithium carbonate it is on the way to making, so that buffers and
 * targets of every stage add up in one unit. {@code tPerTLce} converts to the stage's physical tonnes.
 *
 * @param kwhPerTLce         electricity per t LCE-equivalent passing through the stage
 * @param tPerTLce           physical tonnes of the stage's throughput (ore, concentrate, ...) per t LCE
 * @param maxRateTLcePerH    most the stage can process in one hour
 * @param minStableTLcePerH  least rate at which the stage may run when it runs (minimum stable load)
 * @param rampTLcePerH       largest change of rate from one hour to the next while running
 * @param mayStop            false for stages that must run through the horizon (kilns, evaporators)
 * @param restartCostCny     cost of each restart after a stop (wear, heat-up, start-up losses)
 */
public record Stage(String id, String name, double kwhPerTLce, double tPerTLce, double maxRateTLcePerH,
                    double minStableTLcePerH, double rampTLcePerH, boolean mayStop, double restartCostCny) {

    public Stage {
        if (!(maxRateTLcePerH > 0)) {
            throw new InvalidInputException("stage " + id + ": max rate must be positive");
        }
        if (minStableTLcePerH < 0 || minStableTLcePerH > maxRateTLcePerH) {
            throw new InvalidInputException("stage " + id + ": minimum stable load must be between 0 and max rate");
        }
        if (!(rampTLcePerH > 0) || kwhPerTLce < 0 || !(tPerTLce > 0) || restartCostCny < 0) {
            throw new InvalidInputException("stage " + id + ": ramp and t per t LCE must be positive, "
                    + "kWh and restart cost not negative");
        }
    }

    /** Fluent factory for tests: a stage that may stop, with no restart cost and no ramp limit. */
    public static Stage of(String id, double kwhPerTLce, double maxRateTLcePerH) {
        return new Stage(id, id, kwhPerTLce, 1.0, maxRateTLcePerH, 0.0, maxRateTLcePerH, true, 0.0);
    }

    public Stage withLimits(double minStableTLcePerH, double rampTLcePerH, boolean mayStop) {
        return new Stage(id, name, kwhPerTLce, tPerTLce, maxRateTLcePerH, minStableTLcePerH, rampTLcePerH, mayStop,
                restartCostCny);
    }

    public Stage withRestartCost(double cny) {
        return new Stage(id, name, kwhPerTLce, tPerTLce, maxRateTLcePerH, minStableTLcePerH, rampTLcePerH, mayStop,
                cny);
    }

    /** Electricity per physical tonne of the stage's own throughput. */
    public double kwhPerTThroughput() {
        return kwhPerTLce / tPerTLce;
    }
}
