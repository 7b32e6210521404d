package org.lichain.operations;

/**
 * A stage as the dataset describes it, relative to the plant's size and power use: resolved into a {@link Stage}
 * for one asset and month by {@link PlantModels}. Percentages as in {@code plant_stages.csv}.
 *
 * @param plant        route id (defaults) or asset id (replaces the route's stages for that asset)
 * @param appliesTo    "integrated", "converter" or "all"
 * @param powerBasis   "mine" or "refinery": which part of the asset's process-balance power the share is of
 * @param throughput   "ore", "concentrate" or "lce": physical tonnes per t LCE for kWh per t throughput
 * @param bufferId     the store feeding this stage from the previous one; empty for the first stage
 */
public record StageTemplate(String plant, String appliesTo, int order, String stageId, String name,
                            String powerBasis, double kwhSharePct, String throughput, double maxRatePct,
                            double minStableLoadPct, double rampPctPerH, boolean mayStop, double restartCostCny,
                            String bufferId, String bufferName, double bufferCapacityH, double bufferStartPct,
                            String source) {

    /** True if this stage exists at an asset of the given kind ("integrated" or "converter"). */
    public boolean appliesTo(String kind) {
        return appliesTo.equals("all") || appliesTo.equals(kind);
    }
}
