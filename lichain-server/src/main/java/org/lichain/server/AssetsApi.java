package org.lichain.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.Map;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.cost.CostModel;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.process.Reagent;
import org.lichain.report.CurveJson;
import org.lichain.world.Asset;
import org.lichain.world.CapacityEvent;
import org.lichain.world.ParameterValue;
import org.lichain.world.ProcessParameter;
import org.lichain.world.Production;
import org.lichain.world.ResourceType;
import org.lichain.world.Stake;
import org.lichain.world.World;

/** {@code GET /api/assets} (filtered list) and {@code GET /api/assets/{id}} (detail with balance, cost and sources). */
final class AssetsApi {
    /** Year of the capacity and cost shown when the query gives none. */
    static final int DEFAULT_YEAR = 2025;
    private final World world;
    private final CurveApi curves;

    AssetsApi(World world, CurveApi curves) {
        this.world = world;
        this.curves = curves;
    }

    void list(Context ctx) {
        String country = Params.optionalCountry(ctx, "country");
        String typeText = Params.text(ctx, "type");
        ResourceType type = null;
        if (typeText != null) {
            try {
                type = ResourceType.parse(typeText);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("type", e.getMessage());
            }
        }
        int year = Params.intOr(ctx, "year", CurveApi.MIN_YEAR, CurveApi.MAX_YEAR, DEFAULT_YEAR);
        ObjectNode root = Json.object();
        root.put("year", year);
        ArrayNode arr = root.putArray("assets");
        for (Asset a : world.assets()) {
            if ((country == null || a.country().equals(country)) && (type == null || a.resourceType() == type)) {
                summary(arr.addObject(), a, year);
            }
        }
        ctx.contentType("application/json").result(Json.bytes(root));
    }

    private static void summary(ObjectNode o, Asset a, int year) {
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("country", a.country());
        o.put("region", a.region());
        o.put("resource_type", a.resourceType().id());
        o.put("route", a.route().id());
        o.put("kind", a.kind().id());
        o.put("status_2025", a.status2025().id());
        o.put("lat", a.lat());
        o.put("lon", a.lon());
        o.put("aggregate", a.aggregate());
        o.put("capacity_t_lce", CurveJson.r2(a.capacity().averageCapacityTLcePerYear(year)));
    }

    void detail(Context ctx) {
        String id = ctx.pathParam("id");
        Asset a = world.findAsset(id).orElseThrow(() -> ApiProblem.notFound("unknown asset id '"
                + Params.clip(id) + "'"));
        int year = Params.intOr(ctx, "year", CurveApi.MIN_YEAR, CurveApi.MAX_YEAR, DEFAULT_YEAR);
        Double usd = Params.optionalNonNegative(ctx, "price_usd", 1_000_000);
        ObjectNode root = Json.object();
        summary(root, a, year);
        root.put("year", year);
        root.put("source", a.source());
        root.put("note", a.note());
        ArrayNode owners = root.putArray("owners");
        for (Stake s : a.owners()) {
            owners.addObject().put("owner", s.ownerId()).put("stake_pct", s.stakePct()).put("source", s.source());
        }
        ArrayNode events = root.putArray("capacity_events");
        for (CapacityEvent e : a.capacity().events()) {
            ObjectNode ev = events.addObject();
            ev.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            ev.put("from", e.from().toString());
            ev.put("to", e.to() == null ? null : e.to().toString());
            ev.put("capacity_t_lce_per_year", e.capacityTLcePerYear());
            ev.put("ramp_months", e.rampMonths());
            ev.put("source", e.source());
        }
        ArrayNode prod = root.putArray("production");
        for (Production p : world.productionOf(a.id())) {
            prod.addObject().put("year", p.year()).put("production_t_lce", p.productionTLce())
                    .put("basis", p.basis().name().toLowerCase(java.util.Locale.ROOT)).put("source", p.source());
        }
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<ProcessParameter, ParameterValue> e : world.parametersOf(a).asMap().entrySet()) {
            ObjectNode pv = params.putObject(e.getKey().id());
            if (e.getKey().textual()) {
                pv.put("value", e.getValue().text());
            } else {
                pv.put("value", e.getValue().value());
            }
            pv.put("unit", e.getKey().unit());
            pv.put("source", e.getValue().source());
        }
        try {
            root.set("balance_per_t_lce", balance(ProcessModel.balance(world, a, year)));
        } catch (IllegalArgumentException e) {
            root.putNull("balance_per_t_lce");
            root.put("balance_error", e.getMessage());
        }
        cost(root, a, year, usd);
        ctx.contentType("application/json").result(Json.bytes(root));
    }

    private void cost(ObjectNode root, Asset a, int year, Double usd) {
        try {
            CostCurve curve = curves.build(year, null, usd, null, CostBreakdown.Basis.C1);
            root.put("price_usd_per_t_lce", CurveJson.r2(curve.priceUsdPerTLce()));
            root.put("price_source", curve.priceSource());
            for (CostCurve.Entry e : curve.entries()) {
                if (e.id().equals(a.id())) {
                    root.put("cost_basis", "annual mean of monthly costs, chemical basis");
                    root.set("cost_usd_per_t_lce", CurveJson.breakdown(e.breakdown()));
                    root.put("c1_cny_per_t_incl_vat", CurveJson.r2(e.c1CnyPerTInclVat()));
                    return;
                }
            }
            // not on the mined-supply curve (a converter, or no capacity that year): mid-year month
            YearMonth m = YearMonth.of(year, 6);
            CostBreakdown b = CostModel.unitCost(world, a, m, curve.priceUsdPerTLce());
            root.put("cost_basis", "month " + m + " (not on the mined-supply curve)");
            root.set("cost_usd_per_t_lce", CurveJson.breakdown(b));
            root.put("c1_cny_per_t_incl_vat", CurveJson.r2(b.c1CnyPerTInclVat()));
        } catch (ApiProblem | IllegalArgumentException e) {
            root.putNull("cost_usd_per_t_lce");
            root.put("cost_error", e.getMessage());
        }
    }

    private static ObjectNode balance(ProcessBalance b) {
        ObjectNode o = Json.object();
        o.put("ore_t", b.oreT());
        o.put("concentrate_t", b.concentrateT());
        o.put("brine_m3", b.brineM3());
        ObjectNode r = o.putObject("reagents_t");
        for (Reagent re : Reagent.values()) {
            if (b.reagent(re) > 0) {
                r.put(re.name().toLowerCase(java.util.Locale.ROOT), b.reagent(re));
            }
        }
        o.put("mine_kwh", b.mineKwh());
        o.put("refinery_kwh", b.refineryKwh());
        o.put("coal_gj", b.coalGj());
        o.put("natural_gas_gj", b.naturalGasGj());
        o.put("diesel_gj", b.dieselGj());
        o.put("water_m3", b.waterM3());
        o.put("leach_residue_t", b.leachResidueT());
        o.put("tailings_t", b.tailingsT());
        o.put("co2e_scope1_t", b.co2eScope1T());
        o.put("co2e_scope2_t", b.co2eScope2T());
        o.put("co2e_mine_t", b.co2eMineT());
        o.put("thallium_to_residue_g", b.thalliumToResidueG());
        o.put("thallium_to_water_g", b.thalliumToWaterG());
        o.put("lithium_in_t_lce", b.lithiumInTLce());
        return o;
    }
}
