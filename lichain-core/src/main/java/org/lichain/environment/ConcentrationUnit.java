package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import java.util.Locale;

/**
 * Units in which laboratories report dissolved concentrations, normalised to µg/L.
 * {@code ppb} and {@code ppm} are mass fractions; for dilute fresh water (density 1 kg/L) 1 ppb = 1 µg/L,
 * which is the named simplification used here.
 */
public enum ConcentrationUnit {
    MG_PER_L(1000.0), UG_PER_L(1.0), NG_PER_L(0.001), PPB(1.0), PPM(1000.0);

    private final double ugPerLPerUnit;

    ConcentrationUnit(double ugPerLPerUnit) {
        this.ugPerLPerUnit = ugPerLPerUnit;
    }

    /** The value in µg/L. */
    public double toUgPerL(double value) {
        return value * ugPerLPerUnit;
    }

    /** Parses the spellings labs use: mg/L, µg/L (micro sign or Greek mu), ug/L, ng/L, ppb, ppm (case-insensitive). */
    public static ConcentrationUnit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('\u00b5', 'u').replace('\u03bc', 'u')
                .replace(" ", "");
        switch (t) {
            case "mg/l":
                return MG_PER_L;
            case "ug/l":
                return UG_PER_L;
            case "ng/l":
                return NG_PER_L;
            case "ppb":
                return PPB;
            case "ppm":
                return PPM;
            default:
                throw new InvalidInputException("unknown unit '" + text + "' (allowed: mg/L, µg/L, ug/L, ng/L, ppb, ppm)");
        }
    }
}
