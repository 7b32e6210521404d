package org.lichain.market;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lichain.world.ResourceType;

/**
 * The JSON contract of {@code lichain simulate --json} (issue #3), plus extra fields. Deterministic: keys in a
 * fixed order, numbers rounded to fixed decimals, no timestamps, so identical inputs and seed give identical bytes.
 * The world-level monthly series and the annual table come from the declared columns ({@link MarketColumns}: name
 * with unit, annual rule sum | mean | end); a missing value is {@code null}, never 0.
 */
public final class ResultJson {
    /** The market package's JSON writer (indented; shared by {@link ForecastJson}). */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ResultJson() {
    }

    public static String toJson(SimulationResult r) {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode tree(SimulationResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("seed", r.seed());
        ArrayNode months = root.putArray("months");
        for (int t = 0; t < r.months(); t++) {
            months.add(r.month(t).toString());
        }
        ObjectNode price = root.putObject("price");
        arr(price, "cny_per_t_incl_vat", r.priceCnyPerTInclVat(), 0);
        arr(price, "usd_per_t_lce", r.priceUsdPerTLce(), 0);
        arr(price, "sc6_usd_per_t", r.sc6UsdPerT(), 0);
        arr(price, "hydroxide_usd_per_t", r.hydroxideUsdPerT(), 0);
        arr(price, "marginal_cost_usd_per_t_lce", r.marginalCostUsdPerTLce(), 0);
        ObjectNode regional = price.putObject("regional_usd_per_t_lce");
        for (DemandRegion reg : DemandRegion.values()) {
            arr(regional, reg.id(), r.regionalPriceUsdPerTLce()[reg.ordinal()], 0);
        }
        ArrayNode shortArr = root.putArray("market_short");
        for (boolean b : r.short_()) {
            shortArr.add(b);
        }
        arr(root, "demand_t_lce", r.demandTLce(), 1);
        ObjectNode dr = root.putObject("demand_by_region_t_lce");
        for (DemandRegion reg : DemandRegion.values()) {
            arr(dr, reg.id(), r.demandByRegion()[reg.ordinal()], 1);
        }
        ObjectNode ds = root.putObject("demand_by_segment_t_lce");
        for (int k = 0; k < DemandModel.SEGMENTS.length; k++) {
            arr(ds, DemandModel.SEGMENTS[k], r.demandBySegment()[k], 1);
        }
        arr(root, "consumption_t_lce", r.consumptionTLce(), 1);
        arr(root, "unmet_demand_t_lce", r.unmetDemandTLce(), 1);
        ObjectNode prod = root.putObject("production_t_lce");
        arr(prod, "total", r.productionTLce(), 1);
        ObjectNode byType = prod.putObject("by_resource_type");
        for (String type : resourceTypes(r)) {
            arr(byType, type, r.productionOfType(type), 1);
        }
        ObjectNode byCountry = prod.putObject("by_country");
        for (String c : new TreeSet<>(r.assetCountries())) {
            arr(byCountry, c, r.productionOfCountry(c), 1);
        }
        ObjectNode byAsset = prod.putObject("by_asset");
        for (int i = 0; i < r.assetIds().size(); i++) {
            arr(byAsset, r.assetIds().get(i), r.productionByAsset()[i], 1);
        }
        arr(root, "available_capacity_t_lce", r.availableCapacityTLce(), 1);
        arr(root, "curtailed_capacity_t_lce", r.curtailedCapacityTLce(), 1);
        arr(root, "utilisation", r.utilisation(), 4);
        ObjectNode loss = root.putObject("share_of_output_at_loss");
        arr(loss, "total", r.shareOfOutputAtLoss(), 4);
        ObjectNode lossType = loss.putObject("by_resource_type");
        for (String type : resourceTypes(r)) {
            arr(lossType, type, r.shareAtLoss(type, null), 4);
        }
        ObjectNode inv = root.putObject("inventories_t_lce");
        arr(inv, "consumers", r.consumerStockTLce(), 1);
        arr(inv, "producers", r.producerStockTLce(), 1);
        arr(inv, "consumers_desired", r.desiredStockTLce(), 1);
        ObjectNode self = root.putObject("self_sufficiency");
        ObjectNode selfConv = root.putObject("conversion_self_sufficiency");
        ObjectNode imports = root.putObject("imports_t_lce");
        for (DemandRegion reg : DemandRegion.values()) {
            arr(self, reg.id(), r.mineSelfSufficiency()[reg.ordinal()], 4);
            arr(selfConv, reg.id(), r.conversionSelfSufficiency()[reg.ordinal()], 4);
            arr(imports, reg.id(), r.importsByRegion()[reg.ordinal()], 1);
        }
        ObjectNode cnOrigin = root.putObject("china_supply_by_origin_t_lce");
        for (int c = 0; c < r.countries().size(); c++) {
            arr(cnOrigin, r.countries().get(c), r.chinaSupplyByOrigin()[c], 1);
        }
        ObjectNode cnFeed = root.putObject("china_concentrate_feed_by_origin_t_lce");
        for (int c = 0; c < r.countries().size(); c++) {
            arr(cnFeed, r.countries().get(c), r.chinaFeedByOrigin()[c], 1);
        }
        ObjectNode trade = root.putObject("trade_flows_t_lce");
        for (int c = 0; c < r.countries().size(); c++) {
            ObjectNode o = trade.putObject(r.countries().get(c));
            for (DemandRegion reg : DemandRegion.values()) {
                double[] s = new double[r.months()];
                for (int t = 0; t < r.months(); t++) {
                    s[t] = r.flowCountryToRegion()[t][c][reg.ordinal()];
                }
                arr(o, reg.id(), s, 1);
            }
        }
        ObjectNode monthly = root.putObject("monthly");
        for (MarketColumns.Column c : MarketColumns.MONTHLY) {
            arr(monthly, c.name(), c.values().apply(r), 4);
        }
        ObjectNode units = root.putObject("units");
        for (MarketColumns.Column c : MarketColumns.MONTHLY) {
            units.put(c.name(), c.unit());
        }
        ObjectNode annual = root.putObject("annual");
        annual.put("_aggregation", "columns without a suffix are sums of months; _avg are means of months; _end are "
                + "end-of-year values (see units for each column's unit)");
        for (var e : annual(r).entrySet()) {
            ObjectNode y = annual.putObject(Integer.toString(e.getKey()));
            for (var f : e.getValue().entrySet()) {
                put(y, f.getKey(), f.getValue(), 2);
            }
        }
        ObjectNode params = root.putObject("parameters");
        for (var e : r.parameters().entrySet()) {
            params.put(e.getKey(), e.getValue());
        }
        return root;
    }

    /** Annual aggregates by year, from the declared columns ({@link MarketColumns#annual}). */
    public static Map<Integer, Map<String, Double>> annual(SimulationResult r) {
        return MarketColumns.annual(r);
    }

    private static List<String> resourceTypes(SimulationResult r) {
        return new ArrayList<>(new TreeSet<>(r.assetResourceTypes()));
    }

    private static void arr(ObjectNode parent, String name, double[] values, int decimals) {
        ArrayNode a = parent.putArray(name);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(round(v, decimals));
            } else {
                a.addNull(); // missing, never a silent 0
            }
        }
    }

    private static void put(ObjectNode o, String name, double v, int decimals) {
        if (Double.isFinite(v)) {
            o.put(name, round(v, decimals));
        } else {
            o.putNull(name);
        }
    }

    /** Rounded to {@code decimals}; NaN stays NaN (callers write it as null), −0 becomes 0. */
    static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, decimals);
        double x = Math.round(v * f) / f;
        return x == 0 ? 0.0 : x; // no negative zero
    }
}
