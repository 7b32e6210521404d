package org.lichain.cost;

import java.util.List;
import java.util.Map;

/**
 * A cost curve: mined-supply assets sorted by unit cost with cumulative capacity, plus group statistics.
 * Costs are USD per t LCE ex-VAT on a chemical basis; {@code priceSource} says where the price came from.
 */
public record CostCurve(int year, String month, CostBreakdown.Basis basis, double priceUsdPerTLce,
                        double priceCnyPerTInclVat, String priceSource, List<Entry> entries,
                        Map<String, Group> byResourceType, Map<String, Group> byCountry) {

    /** One bar of the curve. {@code productionBasis} is "reported" or "capacity" (no report for the year). */
    public record Entry(String id, String name, String country, String resourceType, String kind,
                        double capacityTLce, double productionTLce, String productionBasis,
                        double c1UsdPerTLce, double aiscUsdPerTLce, double c1CnyPerTInclVat,
                        double cumulativeTLce, double cumulativeProductionTLce, CostBreakdown breakdown) {
        public double cost(CostBreakdown.Basis b) {
            return b == CostBreakdown.Basis.AISC ? aiscUsdPerTLce : c1UsdPerTLce;
        }
    }

    /**
     * Statistics of a group of entries. {@code shareAtLoss}: share of the group's production whose cost on the
     * curve's basis exceeds the price; {@code medianC1UsdPerTLce}: production-weighted median C1.
     */
    public record Group(double capacityTLce, double productionTLce, double shareAtLoss, double medianC1UsdPerTLce) {
    }

    public double totalCapacityTLce() {
        return entries.isEmpty() ? 0.0 : entries.get(entries.size() - 1).cumulativeTLce();
    }

    public double totalProductionTLce() {
        return entries.isEmpty() ? 0.0 : entries.get(entries.size() - 1).cumulativeProductionTLce();
    }

    /**
     * Marginal cost at a demand (t LCE per year): the cost of the bar in which cumulative capacity reaches
     * the demand; the last bar's cost if demand exceeds total capacity (then {@code NaN} when the curve is empty).
     */
    public double marginalCostAt(double demandTLce) {
        for (Entry e : entries) {
            if (e.cumulativeTLce() >= demandTLce) {
                return e.cost(basis);
            }
        }
        return entries.isEmpty() ? Double.NaN : entries.get(entries.size() - 1).cost(basis);
    }

    /** Share of all production whose cost exceeds the price. */
    public double shareAtLoss() {
        double total = 0;
        double loss = 0;
        for (Entry e : entries) {
            total += e.productionTLce();
            if (e.cost(basis) > priceUsdPerTLce) {
                loss += e.productionTLce();
            }
        }
        return total > 0 ? loss / total : 0.0;
    }
}
