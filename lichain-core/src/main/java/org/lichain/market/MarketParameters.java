package org.lichain.market;

import java.util.ArrayList;
import java.util.Collections;
import org.lichain.dataset.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The market model's behavioural parameters (from {@code market_parameters.csv}, overridable per scenario under
 * {@code price_formation:}), declared once as data ({@link #DECLARED}: name with unit, allowed range, role) and read
 * by name, so adding one cannot shift another. See docs/market.md for each one's role and source.
 */
public final class MarketParameters {
    /** One declared parameter: its name as written in files (unit in the name or {@code unit}), range, role. */
    public record Declared(String name, String unit, double min, double max, String role) {
    }

    /** Every parameter, in file order. */
    public static final List<Declared> DECLARED = List.of(
            d("price_adjustment_per_month", "share", 0.01, 1, "share of the log gap to the target closed per month"),
            d("scarcity_elasticity", "ratio", 0.01, 10, "supply elasticity of the curve extension beyond all available capacity"),
            d("cover_price_elasticity", "ratio", 0, 10, "beta: target = MC x (stocks held / stocks wanted)^-beta"),
            d("inventory_cover_months", "months", 0, 12, "consumers' normal stock cover"),
            d("inventory_momentum_gain", "ratio", 0, 2, "bound on the relative change of wanted cover from the 6-month price trend (tanh)"),
            d("inventory_cover_min_months", "months", 0, 12, "lowest wanted cover"),
            d("inventory_cover_max_months", "months", 0, 24, "highest wanted cover"),
            d("inventory_adjust_months", "months", 1, 36, "months over which a stock gap is closed"),
            d("initial_inventory_cover_months", "months", 0, 12, "consumers' cover at the first month"),
            d("producer_stock_target_months", "months", 0.05, 12, "producers' unsold stock (months of output) above which they cut output"),
            d("curtail_after_months", "months", 1, 60, "months below the loss line before care and maintenance"),
            d("restart_after_months", "months", 1, 60, "months above the restart line before a restart"),
            d("expectation_weight_per_month", "share", 0.001, 1, "weight of the latest price in the adaptive expected price"),
            d("lead_time_hard_rock_months", "months", 1, 240, "FID to first production, hard rock"),
            d("lead_time_brine_months", "months", 1, 240, "FID to first production, brine"),
            d("lead_time_sigma", "ratio", 0, 2, "lognormal sigma of drawn lead times"),
            d("project_attrition_pct", "pct", 0, 100, "share of FIDs that never produce"),
            d("max_fids_per_year_per_type", "count", 0, 1000, "FIDs per calendar year and resource type at most"),
            d("fid_reserve_margin_pct", "pct", -50, 200, "capacity headroom over projected demand investors aim for"),
            d("sc6_value_share_pct", "pct", 0, 100, "SC6 value share of its contained LCE at normal conversion tightness"),
            d("conversion_margin_tight_pct", "pct", 0, 100, "extra share of the chemical value kept by converters when conversion is fully used"),
            d("conversion_recovery_pct", "pct", 1, 100, "converter lithium recovery"),
            d("hydroxide_premium_pct", "pct", -50, 100, "hydroxide premium over carbonate per t LCE"),
            d("normal_utilisation_pct", "pct", 1, 100, "utilisation at a price equal to C1"),
            d("max_utilisation_pct", "pct", 1, 100, "utilisation at a price of twice C1 and above"),
            d("min_utilisation_pct", "pct", 0, 100, "lowest utilisation of a running asset"),
            d("loss_utilisation_slope", "ratio", 0, 20, "utilisation points lost per point of price shortfall below C1"),
            d("default_loss_tolerance", "share", 0, 1, "loss (share of C1) an operator without support bears before closing"),
            d("inventory_demand_growth_gain", "ratio", 0, 10, "wanted cover per unit of 12-month log demand growth"),
            d("integrated_owner_margin_usd_per_t_lce", "usd_per_t_lce", 0, 1e6, "downstream margin an integrated owner adds to its mine's decision margin"),
            d("supported_utilisation_floor_pct", "pct", 0, 100, "utilisation floor of state-supported assets"),
            d("recycling_scrap_pct", "pct", 0, 50, "share of battery demand returned as manufacturing scrap and recycled"),
            d("recycling_end_of_life_pct", "pct", 0, 100, "share of battery lithium of one lifetime ago recovered"),
            d("battery_lifetime_months", "months", 12, 360, "battery life before end-of-life recycling"),
            d("sodium_threshold_usd_per_t_lce", "usd_per_t_lce", 1000, 1e6, "expected lithium price above which sodium-ion takes LFP-type demand"),
            d("sodium_saturation_usd_per_t_lce", "usd_per_t_lce", 1000, 1e6, "expected price at which the sodium-ion share reaches its maximum"),
            d("sodium_max_share_pct", "pct", 0, 100, "largest sodium-ion share of LFP-type demand"),
            d("destruction_threshold_usd_per_t_lce", "usd_per_t_lce", 1000, 1e6, "expected price above which demand is destroyed"),
            d("destruction_elasticity", "ratio", 0, 5, "demand elasticity above the destruction threshold"),
            d("short_run_demand_elasticity", "ratio", 0, 2, "demand elasticity to the price relative to its expected level"),
            d("ramp_start_performance_pct", "pct", 1, 100, "share of its mature output a generic project reaches in its first month (RampUp)"),
            d("ramp_up_months", "months", 1, 120, "months for a generic project to reach full performance (RampUp)"),
            d("lead_time_fast_track_months", "months", 1, 240, "FID to first production, fast-track hard rock"),
            d("fast_track_price_multiple", "ratio", 1, 20, "spot price (last month) / C1 at which fast-track projects may take FID"));

    /** The parameter names as written in files and scenarios, in declared order. */
    public static final List<String> NAMES = names();

    private final double[] v;

    private MarketParameters(double[] v) {
        this.v = v;
    }

    private static Declared d(String name, String unit, double min, double max, String role) {
        return new Declared(name, unit, min, max, role);
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Declared x : DECLARED) {
            n.add(x.name());
        }
        return Collections.unmodifiableList(n);
    }

    /** Builds from a name → value map that holds every name; values outside a declared range are refused. */
    public static MarketParameters of(Map<String, Double> values) {
        double[] x = new double[DECLARED.size()];
        for (int i = 0; i < x.length; i++) {
            Declared dcl = DECLARED.get(i);
            Double d = values.get(dcl.name());
            if (d == null) {
                throw new InvalidInputException("market parameter '" + dcl.name() + "' is missing");
            }
            if (!(d >= dcl.min() && d <= dcl.max())) {
                throw new InvalidInputException("market parameter '" + dcl.name() + "' = " + d + " is outside "
                        + dcl.min() + ".." + dcl.max() + " " + dcl.unit());
            }
            x[i] = d;
        }
        MarketParameters p = new MarketParameters(x);
        p.check();
        return p;
    }

    /** The values by name, in {@link #NAMES} order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put(NAMES.get(i), v[i]);
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

    /** A value by name. */
    public double get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new InvalidInputException("unknown market parameter '" + name + "'");
        }
        return v[i];
    }

    private double at(int i) {
        return v[i];
    }

    public double priceAdjustmentPerMonth() { return at(0); }
    public double scarcityElasticity() { return at(1); }
    public double coverPriceElasticity() { return at(2); }
    public double inventoryCoverMonths() { return at(3); }
    public double inventoryMomentumGain() { return at(4); }
    public double inventoryCoverMinMonths() { return at(5); }
    public double inventoryCoverMaxMonths() { return at(6); }
    public double inventoryAdjustMonths() { return at(7); }
    public double initialInventoryCoverMonths() { return at(8); }
    public double producerStockTargetMonths() { return at(9); }
    public double curtailAfterMonths() { return at(10); }
    public double restartAfterMonths() { return at(11); }
    public double expectationWeightPerMonth() { return at(12); }
    public double leadTimeHardRockMonths() { return at(13); }
    public double leadTimeBrineMonths() { return at(14); }
    public double leadTimeSigma() { return at(15); }
    public double projectAttritionPct() { return at(16); }
    public double maxFidsPerYearPerType() { return at(17); }
    public double fidReserveMarginPct() { return at(18); }
    public double sc6ValueSharePct() { return at(19); }
    public double conversionMarginTightPct() { return at(20); }
    public double conversionRecoveryPct() { return at(21); }
    public double hydroxidePremiumPct() { return at(22); }
    public double normalUtilisationPct() { return at(23); }
    public double maxUtilisationPct() { return at(24); }
    public double minUtilisationPct() { return at(25); }
    public double lossUtilisationSlope() { return at(26); }
    public double defaultLossTolerance() { return at(27); }
    public double inventoryDemandGrowthGain() { return at(28); }
    public double integratedOwnerMarginUsdPerTLce() { return at(29); }
    public double supportedUtilisationFloorPct() { return at(30); }
    public double recyclingScrapPct() { return at(31); }
    public double recyclingEndOfLifePct() { return at(32); }
    public double batteryLifetimeMonths() { return at(33); }
    public double sodiumThresholdUsdPerTLce() { return at(34); }
    public double sodiumSaturationUsdPerTLce() { return at(35); }
    public double sodiumMaxSharePct() { return at(36); }
    public double destructionThresholdUsdPerTLce() { return at(37); }
    public double destructionElasticity() { return at(38); }
    public double shortRunDemandElasticity() { return at(39); }
    public double rampStartPerformancePct() { return at(40); }
    public double rampUpMonths() { return at(41); }
    public double leadTimeFastTrackMonths() { return at(42); }
    public double fastTrackPriceMultiple() { return at(43); }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketParameters m && java.util.Arrays.equals(v, m.v);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "MarketParameters" + asMap();
    }

    private void check() {
        if (!(inventoryCoverMinMonths() <= inventoryCoverMonths() && inventoryCoverMonths() <= inventoryCoverMaxMonths())) {
            throw new InvalidInputException("need inventory_cover_min_months <= inventory_cover_months <= "
                    + "inventory_cover_max_months");
        }
        if (!(minUtilisationPct() <= normalUtilisationPct())) {
            throw new InvalidInputException("need min_utilisation_pct <= normal_utilisation_pct");
        }
        if (!(normalUtilisationPct() <= maxUtilisationPct())) {
            throw new InvalidInputException("need normal_utilisation_pct <= max_utilisation_pct");
        }
        if (!(sodiumThresholdUsdPerTLce() < sodiumSaturationUsdPerTLce())) {
            throw new InvalidInputException("need sodium_threshold_usd_per_t_lce < sodium_saturation_usd_per_t_lce");
        }
    }
}
