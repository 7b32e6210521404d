package org.lichain.market;

import org.lichain.dataset.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The market model's behavioural parameters (from {@code market_parameters.csv}, overridable per scenario under
 * {@code price_formation:}). Units in the names; see docs/market.md for each one's role and source.
 */
public record MarketParameters(double priceAdjustmentPerMonth, double scarcityElasticity,
                               double inventoryCoverMonths, double inventoryMomentumGain,
                               double inventoryCoverMinMonths, double inventoryCoverMaxMonths,
                               double inventoryAdjustMonths, double initialInventoryCoverMonths,
                               double curtailAfterMonths, double restartAfterMonths, double restartMarginPct,
                               double expectationWeightPerMonth, double incentiveMarkupPct,
                               double leadTimeHardRockMonths, double leadTimeBrineMonths,
                               double sc6ValueSharePct, double conversionRecoveryPct, double hydroxidePremiumPct,
                               double normalUtilisationPct, double maxUtilisationPct, double minUtilisationPct,
                               double lossUtilisationSlope, double defaultLossTolerance,
                               double inventoryDemandGrowthGain) {

    /** The parameter names as written in files and scenarios, in record order. */
    public static final List<String> NAMES = List.of("price_adjustment_per_month", "scarcity_elasticity",
            "inventory_cover_months", "inventory_momentum_gain", "inventory_cover_min_months",
            "inventory_cover_max_months", "inventory_adjust_months", "initial_inventory_cover_months",
            "curtail_after_months", "restart_after_months", "restart_margin_pct", "expectation_weight_per_month",
            "incentive_markup_pct", "lead_time_hard_rock_months", "lead_time_brine_months", "sc6_value_share_pct",
            "conversion_recovery_pct", "hydroxide_premium_pct", "normal_utilisation_pct", "max_utilisation_pct", "min_utilisation_pct", "loss_utilisation_slope", "default_loss_tolerance", "inventory_demand_growth_gain");

    /** Builds from a name → value map that holds every name. */
    public static MarketParameters of(Map<String, Double> v) {
        double[] x = new double[NAMES.size()];
        for (int i = 0; i < x.length; i++) {
            Double d = v.get(NAMES.get(i));
            if (d == null) {
                throw new InvalidInputException("market parameter '" + NAMES.get(i) + "' is missing");
            }
            x[i] = d;
        }
        MarketParameters p = new MarketParameters(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10],
                x[11], x[12], x[13], x[14], x[15], x[16], x[17], x[18], x[19], x[20], x[21], x[22], x[23]);
        p.check();
        return p;
    }

    /** The values by name, in {@link #NAMES} order. */
    public Map<String, Double> asMap() {
        double[] x = {priceAdjustmentPerMonth, scarcityElasticity, inventoryCoverMonths, inventoryMomentumGain,
                inventoryCoverMinMonths, inventoryCoverMaxMonths, inventoryAdjustMonths, initialInventoryCoverMonths,
                curtailAfterMonths, restartAfterMonths, restartMarginPct, expectationWeightPerMonth, incentiveMarkupPct,
                leadTimeHardRockMonths, leadTimeBrineMonths, sc6ValueSharePct, conversionRecoveryPct,
                hydroxidePremiumPct, normalUtilisationPct, maxUtilisationPct, minUtilisationPct, lossUtilisationSlope, defaultLossTolerance, inventoryDemandGrowthGain};
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            m.put(NAMES.get(i), x[i]);
        }
        return m;
    }

    /** A copy with some values replaced by name. */
    public MarketParameters with(Map<String, Double> overrides) {
        Map<String, Double> m = asMap();
        for (var e : overrides.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw new InvalidInputException("unknown market parameter '" + e.getKey() + "'");
            }
            m.put(e.getKey(), e.getValue());
        }
        return of(m);
    }

    private void check() {
        if (!(priceAdjustmentPerMonth > 0 && priceAdjustmentPerMonth <= 1)) {
            throw new InvalidInputException("price_adjustment_per_month must be in (0, 1]");
        }
        if (!(scarcityElasticity > 0)) {
            throw new InvalidInputException("scarcity_elasticity must be positive");
        }
        if (!(inventoryCoverMinMonths <= inventoryCoverMonths && inventoryCoverMonths <= inventoryCoverMaxMonths)) {
            throw new InvalidInputException("need inventory_cover_min_months <= inventory_cover_months <= "
                    + "inventory_cover_max_months");
        }
        if (!(inventoryAdjustMonths >= 1)) {
            throw new InvalidInputException("inventory_adjust_months must be at least 1");
        }
        if (!(expectationWeightPerMonth > 0 && expectationWeightPerMonth <= 1)) {
            throw new InvalidInputException("expectation_weight_per_month must be in (0, 1]");
        }
        if (!(minUtilisationPct <= normalUtilisationPct)) {
            throw new InvalidInputException("need min_utilisation_pct <= normal_utilisation_pct");
        }
        if (!(normalUtilisationPct > 0 && normalUtilisationPct <= maxUtilisationPct && maxUtilisationPct <= 100)) {
            throw new InvalidInputException("need 0 < normal_utilisation_pct <= max_utilisation_pct <= 100");
        }
        if (!(conversionRecoveryPct > 0 && conversionRecoveryPct <= 100)) {
            throw new InvalidInputException("conversion_recovery_pct must be in (0, 100]");
        }
    }
}
