package org.lichain.world;

import java.util.Locale;

/**
 * The process and cost inputs a route or asset can set, each with its one accepted unit
 * (as in {@code route_parameters.csv}). Declared as data, in the manner of PyPSA's component attributes.
 */
public enum ProcessParameter {
    HEAD_GRADE_LI2O_PCT("pct", "ore grade, % Li2O"),
    CONCENTRATE_GRADE_LI2O_PCT("pct", "concentrate grade, % Li2O"),
    BENEFICIATION_RECOVERY_PCT("pct", "Li recovery ore to concentrate"),
    REFINING_RECOVERY_PCT("pct", "Li recovery concentrate or brine to chemical"),
    BRINE_LI_MG_PER_L("mg_per_l", "brine lithium concentration"),
    NA2SO4_T_PER_T_LCE("t_per_t_lce", "sodium sulfate, net"),
    K2SO4_T_PER_T_LCE("t_per_t_lce", "potassium sulfate, net"),
    CAO_T_PER_T_LCE("t_per_t_lce", "quicklime"),
    CACO3_T_PER_T_LCE("t_per_t_lce", "limestone"),
    H2SO4_T_PER_T_LCE("t_per_t_lce", "sulfuric acid"),
    NA2CO3_T_PER_T_LCE("t_per_t_lce", "soda ash"),
    NAOH_T_PER_T_LCE("t_per_t_lce", "caustic soda"),
    HCL_T_PER_T_LCE("t_per_t_lce", "hydrochloric acid"),
    MINE_ELECTRICITY_KWH_PER_T_ORE("kwh_per_t_ore", "mining and beneficiation power"),
    REFINERY_ELECTRICITY_KWH_PER_T_LCE("kwh_per_t_lce", "conversion power"),
    REFINERY_COAL_GJ_PER_T_LCE("gj_per_t_lce", "coal heat in conversion"),
    REFINERY_NATURAL_GAS_GJ_PER_T_LCE("gj_per_t_lce", "natural-gas heat in conversion"),
    MINE_DIESEL_GJ_PER_T_ORE("gj_per_t_ore", "mining diesel"),
    WATER_M3_PER_T_LCE("m3_per_t_lce", "fresh water, whole chain"),
    LEACH_RESIDUE_T_PER_T_CONCENTRATE("t_per_t_concentrate", "leach residue per t concentrate fed"),
    PROCESS_CO2_T_PER_T_LCE("t_per_t_lce", "non-energy CO2"),
    THALLIUM_G_PER_T_CONCENTRATE("g_per_t", "thallium in concentrate fed"),
    THALLIUM_TO_WATER_PCT("pct", "share of thallium to wastewater"),
    MINING_COST_USD_PER_T_ORE("usd_per_t_ore", "mining cash cost"),
    BENEFICIATION_COST_USD_PER_T_ORE("usd_per_t_ore", "beneficiation cash cost excl. power"),
    BRINE_COST_USD_PER_T_LCE("usd_per_t_lce", "brine pumping and ponds excl. reagents and power"),
    LABOUR_USD_PER_T_LCE("usd_per_t_lce", "labour and site overhead"),
    RESIDUE_HANDLING_USD_PER_T("usd_per_t", "per t leach residue"),
    CONCENTRATE_FREIGHT_USD_PER_T("usd_per_t", "per t concentrate to the converter"),
    BYPRODUCT_CREDIT_USD_PER_T_LCE("usd_per_t_lce", "by-product credits"),
    SUSTAINING_CAPEX_USD_PER_T_LCE("usd_per_t_lce", "sustaining capital, for AISC"),
    REPORTED_UPSTREAM_CASH_COST_USD_PER_T_LCE("usd_per_t_lce", "reported site cash cost"),
    REPORTED_CASH_COST_USD_PER_T_LCE("usd_per_t_lce", "reported all-in cash cost to chemical, excl. royalties"),
    CONVERSION_REGION("region", "region where concentrate is converted");

    private final String unit;
    private final String meaning;

    ProcessParameter(String unit, String meaning) {
        this.unit = unit;
        this.meaning = meaning;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /** True for the one parameter whose value is a text code rather than a number. */
    public boolean textual() {
        return this == CONVERSION_REGION;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProcessParameter parse(String id) {
        return Enums.parse(ProcessParameter.class, id);
    }
}
