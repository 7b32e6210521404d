package org.lichain.server;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.YearMonth;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.cost.CostModel;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.report.AssetJson;
import org.lichain.report.CurveJson;
import org.lichain.world.Asset;
import org.lichain.world.ResourceType;
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
            } catch (InvalidInputException e) {
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
        AssetJson.identity(o, a);
        o.put("capacity_t_lce", CurveJson.r2(a.capacity().averageCapacityTLcePerYear(year)));
    }

    void detail(Context ctx) {
        String id = ctx.pathParam("id");
        Asset a = world.findAsset(id).orElseThrow(() -> ApiProblem.notFound(org.lichain.dataset.KnownIds.message(id,
                world.assets().stream().map(Asset::id).toList(), null, "asset id", "list them at /api/assets")));
        int year = Params.intOr(ctx, "year", CurveApi.MIN_YEAR, CurveApi.MAX_YEAR, DEFAULT_YEAR);
        Double usd = Params.optionalNonNegative(ctx, "price_usd", 1_000_000);
        ObjectNode root = Json.object();
        summary(root, a, year);
        root.put("year", year);
        root.put("source", a.source());
        root.put("note", a.note());
        AssetJson.owners(root.putArray("owners"), a);
        AssetJson.capacityEvents(root.putArray("capacity_events"), a);
        AssetJson.production(root.putArray("production"), world, a);
        AssetJson.parameters(root.putObject("parameters"), world, a);
        try {
            ProcessBalance b = ProcessModel.balance(world, a, year);
            AssetJson.balance(root.putObject("balance_per_t_lce"), b);
        } catch (InvalidInputException e) {
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
}
