package org.lichain.company;

import java.time.YearMonth;

/**
 * A dated price observation used to build a given price path where the core reference prices have none
 * (rows of {@code company_price_points.csv}): a point, not a monthly average.
 *
 * @param series {@link #CARBONATE_CNY}, {@link #SC6_USD} or {@link #LEPIDOLITE_CNY}
 */
public record PricePoint(String series, YearMonth month, double value, String unit, String source) {
    /** China battery-grade carbonate spot, CNY/t including VAT. */
    public static final String CARBONATE_CNY = "carbonate_cny_per_t_incl_vat";
    /** Spodumene SC6 CIF China, USD/t. */
    public static final String SC6_USD = "sc6_usd_per_t";
    /** Lepidolite concentrate (2.0–2.5% Li2O) in China, CNY/t incl. VAT. */
    public static final String LEPIDOLITE_CNY = "lepidolite_concentrate_cny_per_t_incl_vat";
}
