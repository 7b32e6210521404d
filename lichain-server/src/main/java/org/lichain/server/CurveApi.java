package org.lichain.server;

import org.lichain.dataset.InvalidInputException;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.cost.CostCurves;
import org.lichain.report.CurveJson;
import org.lichain.world.World;

/**
 * {@code GET /api/curve?year=&month=&price_usd=&price_cny_incl_vat=&basis=}: the cost curve with the same body as
 * {@code lichain curve --json} (built by {@link CurveJson}). Curves are pure functions of the immutable world
 * and the query, so serialised bodies are cached (bounded: the cache is cleared when it passes 256 entries).
 */
final class CurveApi {
    /** The year range {@code lichain curve} accepts. */
    static final int MIN_YEAR = 2015;
    static final int MAX_YEAR = 2040;
    private static final int CACHE_LIMIT = 256;
    private static final double MAX_PRICE_USD = 1_000_000;

    private final World world;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    CurveApi(World world) {
        this.world = world;
    }

    void curve(Context ctx) {
        YearMonth month = Params.optionalMonth(ctx, "month", MIN_YEAR, MAX_YEAR);
        int year = month != null ? month.getYear() : Params.requiredInt(ctx, "year", MIN_YEAR, MAX_YEAR);
        Double usd = Params.optionalNonNegative(ctx, "price_usd", MAX_PRICE_USD);
        Double cny = Params.optionalNonNegative(ctx, "price_cny_incl_vat", MAX_PRICE_USD * 10);
        if (usd != null && cny != null) {
            throw ApiProblem.invalid("price_cny_incl_vat", "give either price_usd or price_cny_incl_vat, not both");
        }
        String basisText = Params.text(ctx, "basis");
        CostBreakdown.Basis basis;
        try {
            basis = basisText == null ? CostBreakdown.Basis.C1 : CostBreakdown.Basis.parse(basisText);
        } catch (InvalidInputException e) {
            throw ApiProblem.invalid("basis", "'" + Params.clip(basisText) + "' is not c1 or aisc");
        }
        String key = (month != null ? month.toString() : Integer.toString(year)) + "|" + basis + "|" + (usd != null ? "u" + usd : cny != null ? "c" + cny : "ref");
        byte[] body = cache.get(key);
        if (body == null) {
            body = Json.bytes(CurveJson.of(build(year, month, usd, cny, basis)));
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, body);
        }
        ctx.contentType("application/json").result(body);
    }

    /** The curve as {@code lichain curve} builds it: explicit price, else the reference price at or before the year. */
    CostCurve build(int year, YearMonth month, Double usd, Double cny, CostBreakdown.Basis basis) {
        CostCurves.Price price;
        if (usd != null) {
            price = new CostCurves.Price(usd, "given (price_usd)");
        } else if (cny != null) {
            double u = month != null
                    ? cny / (1 + world.fiscal().chinaVatPct() / 100) / world.fx().cnyPerUsd(month)
                    : CostCurves.usdFromCnyInclVat(world, year, cny);
            price = new CostCurves.Price(u, String.format(Locale.ROOT,
                    "given (price_cny_incl_vat %.0f, converted ex-VAT at the %s average CNY/USD)", cny,
                    month != null ? month.toString() : Integer.toString(year)));
        } else {
            Optional<CostCurves.Price> ref = month != null ? CostCurves.referencePrice(world, month)
                    : CostCurves.referencePrice(world, year);
            price = ref.orElseThrow(() -> ApiProblem.invalid("price_usd",
                    "the dataset has no reference price at or before " + year + "; give price_usd"));
        }
        try {
            return month != null ? CostCurves.monthly(world, month, price, basis)
                    : CostCurves.annual(world, year, price, basis);
        } catch (InvalidInputException e) {
            throw new ApiProblem(422, "/problems/model-input", "The model cannot build this curve",
                    e.getMessage(), null, null);
        }
    }

    /**
     * {@code GET /api/prices/monthly}: the observed monthly record of the dataset (SMM China battery-grade carbonate,
     * monthly averages, CNY/t incl. VAT) for the market charts' observed history; empty arrays without a record.
     */
    void monthlyPrices(Context ctx) {
        var o = Json.object();
        o.put("series", org.lichain.world.MonthlyPrices.CARBONATE_SMM);
        o.put("unit", "cny_per_t_incl_vat");
        o.put("kind", org.lichain.world.MonthlyPrices.MONTHLY_AVG);
        var months = o.putArray("months");
        var values = o.putArray("cny_per_t_incl_vat");
        var mp = world.extension(org.lichain.world.MonthlyPrices.class);
        String source = "";
        if (mp.isPresent()) {
            var record = mp.get().carbonateMonthly();
            for (var e : record.entrySet()) {
                months.add(e.getKey().toString());
                values.add(e.getValue().value());
            }
            source = record.isEmpty() ? "" : record.lastEntry().getValue().source();
        }
        o.put("source", source.isEmpty() ? "none (the dataset has no prices_monthly.csv)"
                : "dataset file prices_monthly.csv; " + org.lichain.world.MonthlyPrices.withoutDailyCount(source));
        ctx.contentType("application/json").result(Json.bytes(o));
    }
}
