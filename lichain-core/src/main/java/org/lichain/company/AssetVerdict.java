package org.lichain.company;

/**
 * Keep-or-close of one lithium asset (or converter plant) of a group, over a year.
 *
 * @param stakePct                 the group's share, percent
 * @param productionTLce           the asset's output, 100% basis, t LCE (contained for concentrate sellers)
 * @param capacityTLce             its capacity over the year, 100% basis, t LCE: the sum of the months' capacity
 *                                 (nameplate of a company plant; available capacity of a core asset, so 0 in
 *                                 suspended months)
 * @param standaloneRevenueUsd     what the asset would earn selling at market, 100% basis
 * @param standaloneCostUsd        its cash cost (C1 of its own stages), 100% basis, fixed cost included
 * @param standaloneFixedCostUsd   the part of that cost fixed at nameplate (labour, maintenance and overheads:
 *                                 the cost model's labour per t × capacity), 100% basis
 * @param standaloneSustainingCapexUsd sustaining capital of its stages, 100% basis (for the all-in margin)
 * @param curtailStandalone        a stand-alone owner would curtail it: cash margin below zero
 * @param chainMarginUsd           the group's attributable stand-alone margin plus the downstream (cathode and
 *                                 cell) margin earned on the lithium it feeds into the group's own chain
 * @param keptByGroup              profitable on its own, or the chain margin covers its loss
 */
public record AssetVerdict(String id, String name, String kind, double stakePct, double productionTLce,
                           double capacityTLce, double standaloneRevenueUsd, double standaloneCostUsd,
                           double standaloneFixedCostUsd, double standaloneSustainingCapexUsd, boolean curtailStandalone,
                           double chainMarginUsd, boolean keptByGroup) {

    public double standaloneMarginUsd() {
        return standaloneRevenueUsd - standaloneCostUsd;
    }

    /** Cash margin minus sustaining capital (the AISC basis), 100% basis. */
    public double standaloneAllInMarginUsd() {
        return standaloneMarginUsd() - standaloneSustainingCapexUsd;
    }

    public double standaloneMarginAttributableUsd() {
        return standaloneMarginUsd() * stakePct / 100.0;
    }

    /** Output ÷ capacity over the year, percent (NaN without capacity). */
    public double utilisationPct() {
        return capacityTLce > 0 ? productionTLce / capacityTLce * 100.0 : Double.NaN;
    }

    /** Stand-alone cash margin per t LCE, USD (NaN without output). */
    public double standaloneMarginUsdPerTLce() {
        return productionTLce > 0 ? standaloneMarginUsd() / productionTLce : Double.NaN;
    }
}
