package org.lichain.company;

import java.util.Locale;

/**
 * The price at which one segment of a group sells to the next. It moves margin between segments but never
 * changes the integrated margin: internal sales and purchases cancel.
 */
public enum TransferPricing {
    /** At the month's market price (concentrate value, carbonate, cathode); the default. */
    MARKET,
    /** At the supplying segment's own unit cash cost, so the supplier shows no margin on internal sales. */
    COST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransferPricing parse(String id) {
        return org.lichain.world.Enums.parse(TransferPricing.class, id);
    }
}
