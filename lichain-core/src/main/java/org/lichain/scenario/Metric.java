package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;

/**
 * One monthly key metric an {@link EnsembleModel} reports per run, with its unit, and how months make a
 * year: {@code annualName} is its key in summary.json (e.g. price → {@code price_cny_per_t_incl_vat_avg}).
 */
public record Metric(String name, String unit, String annualName, Aggregation aggregation, String description)
        implements java.io.Serializable {
    /** How monthly values make an annual value. */
    public enum Aggregation {
        /** arithmetic mean of the months of the year (prices, shares, ratios) */
        AVERAGE,
        /** sum of the months of the year (quantities in t per month) */
        SUM
    }

    public Metric {
        if (!ScenarioSpec.isIdentifier(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidInputException("metric name '" + name + "' must be an identifier");
        }
    }

    /** China spot battery-grade carbonate price, CNY/t including 13% VAT; annual value = average of months. */
    public static final Metric PRICE = new Metric("price_cny_per_t_incl_vat", "CNY/t incl. VAT",
            "price_cny_per_t_incl_vat_avg", Aggregation.AVERAGE,
            "China spot battery-grade lithium carbonate price");
    /** China's self-sufficiency (domestic mine supply ÷ domestic demand), a ratio; annual value = average. */
    public static final Metric SELF_SUFFICIENCY_CN = new Metric("self_sufficiency_CN", "ratio",
            "self_sufficiency_CN", Aggregation.AVERAGE, "China: domestic mine supply / domestic demand");
    /** Share of Chinese lepidolite output produced at a loss (price below C1), 0..1; annual value = average. */
    public static final Metric LEPIDOLITE_SHARE_AT_LOSS = new Metric("lepidolite_share_at_loss", "share 0..1",
            "lepidolite_share_at_loss", Aggregation.AVERAGE, "share of lepidolite output produced below C1 cost");
}
