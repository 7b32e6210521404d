package org.lichain.server;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.cost.CostCurves;
import org.lichain.report.CurveJson;
import org.lichain.world.World;

/**
 * {@code GET /api/curve?year=&price_usd=&price_cny_incl_vat=&basis=}: the cost curve with the same body as
 * {@code lichain curve --json} (built by {@link CurveJson}). Curves are pure functions of the immutable world
 * and the query, so serialised bodies are cached (bounded: the cache is cleared when it passes 256 entries).
 */
final class CurveApi {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final int CACHE_LIMIT = 256;
    private static final double MAX_PRICE_USD = 1_000_000;

    private final World world;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    CurveApi(World world) {
        this.world = world;
    }

    void curve(Context ctx) {
        int year = Params.requiredInt(ctx, "year", MIN_YEAR, MAX_YEAR);
        Double usd = Params.optionalNonNegative(ctx, "price_usd", MAX_PRICE_USD);
        Double cny = Params.optionalNonNegative(ctx, "price_cny_incl_vat", MAX_PRICE_USD * 10);
        if (usd != null && cny != null) {
            throw ApiProblem.invalid("price_cny_incl_vat", "give either price_usd or price_cny_incl_vat, not both");
        }
        String basisText = Params.text(ctx, "basis");
        CostBreakdown.Basis basis;
        try {
            basis = basisText == null ? CostBreakdown.Basis.C1 : CostBreakdown.Basis.parse(basisText);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("basis", "'" + Params.clip(basisText) + "' is not c1 or aisc");
        }
        String key = year + "|" + basis + "|" + (usd != null ? "u" + usd : cny != null ? "c" + cny : "ref");
        byte[] body = cache.get(key);
        if (body == null) {
            body = Json.bytes(CurveJson.of(build(year, usd, cny, basis)));
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, body);
        }
        ctx.contentType("application/json").result(body);
    }

    /** The curve as {@code lichain curve} builds it: explicit price, else the reference price at or before the year. */
    CostCurve build(int year, Double usd, Double cny, CostBreakdown.Basis basis) {
        CostCurves.Price price;
        if (usd != null) {
            price = new CostCurves.Price(usd, "given: USD " + usd + " per t LCE ex-VAT");
        } else if (cny != null) {
            price = new CostCurves.Price(CostCurves.usdFromCnyInclVat(world, year, cny),
                    "given: CNY " + cny + " per t incl. VAT, converted at the " + year + " average FX");
        } else {
            Optional<CostCurves.Price> ref = CostCurves.referencePrice(world, year);
            price = ref.orElseThrow(() -> ApiProblem.invalid("price_usd",
                    "the dataset has no reference price at or before " + year + "; give price_usd"));
        }
        try {
            return CostCurves.annual(world, year, price, basis);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(422, "/problems/model-input", "The model cannot build this curve",
                    e.getMessage(), null, null);
        }
    }
}
