package org.lichain.world;

/** An asset's reported (or modelled, said in the source) output in a year, t LCE. */
public record Production(String assetId, int year, double productionTLce, Basis basis, String source) {
    /** Calendar year, or fiscal year ending June (Australian reporters). */
    public enum Basis {
        CALENDAR, FY_JUNE;

        public static Basis parse(String id) {
            return Enums.parse(Basis.class, id);
        }
    }
}
