package org.lichain.environment.groundwater;

/**
 * GB/T 14848-2017 groundwater quality classes for thallium (reference/environment.md §2, SILENCE-GB14848; the same
 * limits as env_standards.csv GB14848-TL-III and GB14848-TL-IV): classes I–III ≤ 0.0001 mg/L (0.1 µg/L), class IV
 * ≤ 0.001 mg/L (1 µg/L), class V above. The standard gives one limit for classes I to III, so they are one class here.
 */
public enum GroundwaterClass {
    I_III("I-III"), IV("IV"), V("V");

    /** Upper limit of classes I–III for thallium, µg/L (GB/T 14848-2017). */
    public static final double CLASS_III_LIMIT_UG_PER_L = 0.1;
    /** Upper limit of class IV for thallium, µg/L (GB/T 14848-2017). */
    public static final double CLASS_IV_LIMIT_UG_PER_L = 1.0;

    private final String label;

    GroundwaterClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The class of a thallium concentration (µg/L); a value at a limit is inside the class (≤). */
    public static GroundwaterClass ofThalliumUgPerL(double ugPerL) {
        if (ugPerL <= CLASS_III_LIMIT_UG_PER_L) {
            return I_III;
        }
        return ugPerL <= CLASS_IV_LIMIT_UG_PER_L ? IV : V;
    }
}
