package org.lichain.company;

import java.util.Locale;

/**
 * The price and cost assumptions of the company model, each with its one accepted unit
 * (rows of {@code company_assumptions.csv}; every value is sourced or marked {@code estimate:}).
 */
public enum Assumption {
    /** Lepidolite concentrate value as a share of the carbonate price, per t LCE contained. */
    LEPIDOLITE_CONCENTRATE_PAYABILITY_PCT("pct"),
    /** SC6 value per t LCE contained as a share of the carbonate price; used only when a path has no SC6 price. */
    SPODUMENE_CONCENTRATE_PAYABILITY_PCT("pct"),
    /** Li2O grade of the SC6 benchmark, % (6% by definition). */
    SC6_GRADE_LI2O_PCT("pct"),
    /** Lithium in cathode, t LCE per t cathode (LFP). */
    CATHODE_LCE_T_PER_T("t_per_t"),
    /** Cathode processing fee (price of cathode minus its lithium at market), USD per t cathode ex-VAT. */
    CATHODE_PROCESSING_FEE_USD_PER_T("usd_per_t"),
    /** Cathode cash cost excluding lithium, USD per t cathode. */
    CATHODE_PROCESSING_COST_USD_PER_T("usd_per_t"),
    /** Cathode in a cell, kg per kWh. */
    CELL_CATHODE_KG_PER_KWH("kg_per_kwh"),
    /** Cell price excluding the cathode's market value, USD per kWh. */
    CELL_PRICE_EX_CATHODE_USD_PER_KWH("usd_per_kwh"),
    /** Cell cash cost excluding cathode, USD per kWh. */
    CELL_COST_EX_CATHODE_USD_PER_KWH("usd_per_kwh");

    private final String unit;

    Assumption(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Assumption parse(String id) {
        return org.lichain.world.Enums.parse(Assumption.class, id);
    }
}
