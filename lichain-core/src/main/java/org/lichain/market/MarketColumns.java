package org.lichain.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lichain.world.ResourceType;

/**
 * Every world-level monthly output of the market, declared once: name with its unit, how a year aggregates it, where
 * its values come from. The JSON {@code monthly} object and {@code annual} table ({@link ResultJson}), the CSV and
 * Parquet {@code monthly} and {@code annual} tables ({@link MarketCsv}) all read this list, so a column is spelled
 * one way everywhere. A missing value (not finite) is written as {@code null} / an empty cell, never as 0.
 */
public final class MarketColumns {
    /** How months add up to a year: sum of months, mean of months, or the value at the year's last month. */
    public enum Annual {
        SUM(""), MEAN("_avg"), END("_end");

        /** Suffix of the annual column name. */
        public final String suffix;

        Annual(String suffix) {
            this.suffix = suffix;
        }
    }

    /** One declared monthly column. */
    public record Column(String name, String unit, Annual annual, Function<SimulationResult, double[]> values) {
        /** Its name in annual tables: {@code name + suffix} ({@code _avg} for means, {@code _end} for end values). */
        public String annualName() {
            return name + annual.suffix;
        }
    }

    private static final int CN = DemandRegion.CN.ordinal();

    /** The columns, in output order. */
    public static final List<Column> MONTHLY = List.of(
            c("price_cny_per_t_incl_vat", "CNY/t incl. VAT", Annual.MEAN, SimulationResult::priceCnyPerTInclVat),
            c("price_usd_per_t_lce", "USD/t LCE ex-VAT", Annual.MEAN, SimulationResult::priceUsdPerTLce),
            c("sc6_usd_per_t", "USD/t SC6", Annual.MEAN, SimulationResult::sc6UsdPerT),
            c("hydroxide_usd_per_t", "USD/t LiOH.H2O", Annual.MEAN, SimulationResult::hydroxideUsdPerT),
            c("marginal_cost_usd_per_t_lce", "USD/t LCE", Annual.MEAN, SimulationResult::marginalCostUsdPerTLce),
            c("target_price_usd_per_t_lce", "USD/t LCE", Annual.MEAN, SimulationResult::targetPriceUsdPerTLce),
            c("expected_price_usd_per_t_lce", "USD/t LCE", Annual.MEAN, SimulationResult::expectedPriceUsdPerTLce),
            c("stock_tightness", "ratio (stocks held / wanted)", Annual.MEAN, SimulationResult::stockTightness),
            c("demand_t_lce", "t LCE", Annual.SUM, SimulationResult::demandTLce),
            c("substituted_t_lce", "t LCE", Annual.SUM, SimulationResult::substitutedTLce),
            c("recycled_t_lce", "t LCE", Annual.SUM, SimulationResult::recycledTLce),
            c("consumption_t_lce", "t LCE (primary)", Annual.SUM, SimulationResult::consumptionTLce),
            c("unmet_demand_t_lce", "t LCE", Annual.SUM, SimulationResult::unmetDemandTLce),
            c("production_t_lce", "t LCE", Annual.SUM, SimulationResult::productionTLce),
            c("lepidolite_production_t_lce", "t LCE", Annual.SUM,
                    r -> r.productionOfType(ResourceType.LEPIDOLITE.id())),
            c("available_capacity_t_lce", "t LCE", Annual.SUM, SimulationResult::availableCapacityTLce),
            c("curtailed_capacity_t_lce", "t LCE", Annual.SUM, SimulationResult::curtailedCapacityTLce),
            c("utilisation", "share", Annual.MEAN, SimulationResult::utilisation),
            c("share_of_output_at_loss", "share", Annual.MEAN, SimulationResult::shareOfOutputAtLoss),
            c("share_of_cn_lepidolite_at_loss", "share", Annual.MEAN,
                    r -> r.shareAtLoss(ResourceType.LEPIDOLITE.id(), "CN")),
            c("consumer_stock_t_lce", "t LCE", Annual.END, SimulationResult::consumerStockTLce),
            c("producer_stock_t_lce", "t LCE", Annual.END, SimulationResult::producerStockTLce),
            c("consumer_desired_stock_t_lce", "t LCE", Annual.END, SimulationResult::desiredStockTLce),
            c("imports_t_lce_CN", "t LCE", Annual.SUM, r -> r.importsByRegion()[CN]),
            c("self_sufficiency_CN", "share", Annual.MEAN, r -> r.mineSelfSufficiency()[CN]),
            c("conversion_self_sufficiency_CN", "share", Annual.MEAN, r -> r.conversionSelfSufficiency()[CN]));

    private MarketColumns() {
    }

    private static Column c(String name, String unit, Annual annual, Function<SimulationResult, double[]> values) {
        return new Column(name, unit, annual, values);
    }

    /**
     * The annual table: per year, every column under its {@link Column#annualName()}, aggregated by its rule
     * (a year with a non-finite month has NaN in that column, written as null).
     */
    public static Map<Integer, Map<String, Double>> annual(SimulationResult r) {
        Map<Integer, Map<String, Double>> out = new LinkedHashMap<>();
        List<double[]> values = new ArrayList<>();
        for (Column c : MONTHLY) {
            values.add(c.values().apply(r));
        }
        int t = 0;
        while (t < r.months()) {
            int year = r.month(t).getYear();
            int end = t;
            while (end < r.months() && r.month(end).getYear() == year) {
                end++;
            }
            Map<String, Double> row = new LinkedHashMap<>();
            for (int k = 0; k < MONTHLY.size(); k++) {
                Column c = MONTHLY.get(k);
                double[] v = values.get(k);
                double x;
                if (c.annual() == Annual.END) {
                    x = v[end - 1];
                } else {
                    x = 0;
                    for (int m = t; m < end; m++) {
                        x += v[m];
                    }
                    if (c.annual() == Annual.MEAN) {
                        x /= end - t;
                    }
                }
                row.put(c.annualName(), x);
            }
            out.put(year, row);
            t = end;
        }
        return out;
    }
}
