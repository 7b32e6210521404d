package org.lichain.process;

/** Stoichiometric conversion factors (reference/facts.md §1; molar masses). */
public final class Conversions {
    /** t LCE per t Li2O: Li2CO3 73.89 / Li2O 29.88. */
    public static final double LCE_PER_LI2O = 2.473;
    /** t LCE per t Li: 73.89 / (2 × 6.941). */
    public static final double LCE_PER_LI = 5.323;
    /** t LCE per t LiOH·H2O: 73.89 / (2 × 41.96). */
    public static final double LCE_PER_LIOH_H2O = 0.8805;

    private Conversions() {
    }
}
