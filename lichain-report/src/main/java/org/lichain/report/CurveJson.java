package org.lichain.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;

/**
 * The JSON body of a cost curve (issue #2 contract), shared by {@code lichain curve --json} and
 * {@code GET /api/curve}. Numbers are rounded to 0.01 so that output is stable across platforms.
 */
public final class CurveJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CurveJson() {
    }

    public static ObjectNode of(CostCurve c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("year", c.year());
        if (c.month() != null) {
            root.put("month", c.month());
        }
        root.put("basis", c.basis().id());
        root.put("price_usd_per_t_lce", r2(c.priceUsdPerTLce()));
        root.put("price_cny_per_t_incl_vat", r2(c.priceCnyPerTInclVat()));
        root.put("price_source", c.priceSource());
        root.put("total_capacity_t_lce", r2(c.totalCapacityTLce()));
        root.put("total_production_t_lce", r2(c.totalProductionTLce()));
        root.put("share_at_loss", r4(c.shareAtLoss()));
        ArrayNode assets = root.putArray("assets");
        for (CostCurve.Entry e : c.entries()) {
            ObjectNode a = assets.addObject();
            a.put("id", e.id());
            a.put("name", e.name());
            a.put("country", e.country());
            a.put("resource_type", e.resourceType());
            a.put("kind", e.kind());
            a.put("capacity_t_lce", r2(e.capacityTLce()));
            a.put("production_t_lce", r2(e.productionTLce()));
            a.put("production_basis", e.productionBasis());
            a.put("c1_usd_per_t_lce", r2(e.c1UsdPerTLce()));
            a.put("aisc_usd_per_t_lce", r2(e.aiscUsdPerTLce()));
            a.put("c1_cny_per_t_incl_vat", r2(e.c1CnyPerTInclVat()));
            a.put("cumulative_t_lce", r2(e.cumulativeTLce()));
            a.put("cumulative_production_t_lce", r2(e.cumulativeProductionTLce()));
            a.set("breakdown_usd_per_t_lce", breakdown(e.breakdown()));
        }
        root.set("by_resource_type", groups(c.byResourceType()));
        root.set("by_country", groups(c.byCountry()));
        return root;
    }

    /** The cost components of a breakdown, USD per t LCE. */
    public static ObjectNode breakdown(CostBreakdown b) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("mining", r2(b.miningUsdPerTLce()));
        o.put("beneficiation", r2(b.beneficiationUsdPerTLce()));
        o.put("reagents", r2(b.reagentsUsdPerTLce()));
        o.put("energy", r2(b.energyUsdPerTLce()));
        o.put("labour", r2(b.labourUsdPerTLce()));
        o.put("residue_environmental", r2(b.residueEnvironmentalUsdPerTLce()));
        o.put("royalties_taxes", r2(b.royaltiesTaxesUsdPerTLce()));
        o.put("freight", r2(b.freightUsdPerTLce()));
        o.put("conversion", r2(b.conversionUsdPerTLce()));
        o.put("byproduct_credits", r2(b.byproductCreditsUsdPerTLce()));
        o.put("sustaining_capex", r2(b.sustainingCapexUsdPerTLce()));
        o.put("c1", r2(b.c1UsdPerTLce()));
        o.put("aisc", r2(b.aiscUsdPerTLce()));
        o.put("upstream_calibrated_to_reported_cost", b.upstreamCalibrated());
        return o;
    }

    private static ObjectNode groups(Map<String, CostCurve.Group> groups) {
        ObjectNode o = MAPPER.createObjectNode();
        groups.forEach((k, g) -> {
            ObjectNode n = o.putObject(k);
            n.put("capacity_t_lce", r2(g.capacityTLce()));
            n.put("production_t_lce", r2(g.productionTLce()));
            n.put("share_at_loss", r4(g.shareAtLoss()));
            n.put("median_c1_usd_per_t_lce", r2(g.medianC1UsdPerTLce()));
        });
        return o;
    }

    public static double r2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100.0) / 100.0 : 0.0;
    }

    public static double r4(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000.0) / 10000.0 : 0.0;
    }
}
