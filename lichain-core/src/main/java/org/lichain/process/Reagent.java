package org.lichain.process;

import java.util.Locale;
import org.lichain.world.ProcessParameter;

/** Reagents consumed by the routes, each tied to its per-t-LCE parameter and its input-price item. */
public enum Reagent {
    NA2SO4(ProcessParameter.NA2SO4_T_PER_T_LCE),
    K2SO4(ProcessParameter.K2SO4_T_PER_T_LCE),
    CAO(ProcessParameter.CAO_T_PER_T_LCE),
    CACO3(ProcessParameter.CACO3_T_PER_T_LCE),
    H2SO4(ProcessParameter.H2SO4_T_PER_T_LCE),
    NA2CO3(ProcessParameter.NA2CO3_T_PER_T_LCE),
    NAOH(ProcessParameter.NAOH_T_PER_T_LCE),
    HCL(ProcessParameter.HCL_T_PER_T_LCE);

    private final ProcessParameter parameter;

    Reagent(ProcessParameter parameter) {
        this.parameter = parameter;
    }

    public ProcessParameter parameter() {
        return parameter;
    }

    /** The item name in {@code input_prices.csv}. */
    public String priceItem() {
        return name().toLowerCase(Locale.ROOT);
    }
}
