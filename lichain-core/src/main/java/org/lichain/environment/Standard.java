package org.lichain.environment;

/**
 * A concentration limit for one analyte in one medium and jurisdiction, normalised to µg/L, with its source
 * (e.g. GB 3838-2002 thallium 0.1 µg/L for drinking-water sources).
 */
public record Standard(String id, String analyte, String medium, String jurisdiction, double limitUgPerL,
                       String source) {
}
