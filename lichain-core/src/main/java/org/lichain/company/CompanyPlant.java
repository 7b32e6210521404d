package org.lichain.company;

import org.lichain.world.Route;

/**
 * A plant of a group that is not an asset of the core dataset: a converter that buys (or takes the group's
 * own) concentrate, a cathode plant or a cell plant. Capacity is t LCE per year for conversion, t cathode per
 * year for cathode, GWh per year for cells; output = capacity × utilisation, spread evenly over the months.
 *
 * @param route for conversion plants, the refining route (its conversion cost comes from the core cost model);
 *              null otherwise
 */
public record CompanyPlant(String id, String companyId, String name, Segment segment, String region, Route route,
                           double capacityPerYear, double utilisationPct, int fromYear, int toYear, String source) {

    /** Output in a year (t LCE, t or GWh), zero outside the plant's years. */
    public double outputPerYear(int year) {
        if (year < fromYear || (toYear > 0 && year > toYear)) {
            return 0.0;
        }
        return nameplatePerYear(year) * utilisationPct / 100.0;
    }

    /** Nameplate capacity in a year (t LCE, t or GWh), zero outside the plant's years. */
    public double nameplatePerYear(int year) {
        if (year < fromYear || (toYear > 0 && year > toYear)) {
            return 0.0;
        }
        return capacityPerYear;
    }
}
