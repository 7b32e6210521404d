package org.lichain.market;

import org.lichain.dataset.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/** A region that consumes lithium chemicals (where cathodes and cells are made); the sinks of the trade network. */
public enum DemandRegion {
    CN, EU, NA, JK, ROW;

    private static final Set<String> EU_COUNTRIES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    public String id() {
        return name();
    }

    /** The demand region an ISO country belongs to (JK = Japan and Korea, NA = US, Canada, Mexico). */
    public static DemandRegion ofCountry(String iso2) {
        switch (iso2) {
            case "CN":
                return CN;
            case "US":
            case "CA":
            case "MX":
                return NA;
            case "JP":
            case "KR":
                return JK;
            default:
                return EU_COUNTRIES.contains(iso2) ? EU : ROW;
        }
    }

    public static DemandRegion parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown demand region '" + s + "', expected one of CN, EU, NA, JK, ROW");
        }
    }

    /** True when {@code code} names this region or a country in it. */
    public boolean matches(String code) {
        return code.equals(name()) || (code.length() == 2 && ofCountry(code) == this);
    }
}
