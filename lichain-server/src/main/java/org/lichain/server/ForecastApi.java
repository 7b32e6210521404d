package org.lichain.server;

import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lichain.market.ForecastJson;
import org.lichain.market.MarketInputs;
import org.lichain.market.RollingForecast;
import org.lichain.world.World;

/**
 * {@code GET /api/forecast?origin=YYYY-MM}: the body of {@code lichain forecast --json} (24 months, 20 members, seed 1)
 * from the origin (default: the last month of the dataset's price record), with the model's record per horizon. A
 * forecast is a pure function of the immutable world and the origin, so bodies are cached (a few seconds of work the
 * first time; at most {@value #CACHE_LIMIT} origins).
 */
final class ForecastApi {
    static final int MONTHS = 24;
    static final int RUNS = 20;
    static final long SEED = 1;
    private static final int CACHE_LIMIT = 16;

    private final World world;
    private final Map<YearMonth, byte[]> cache = new ConcurrentHashMap<>();

    /** The World's price record (read once: the World does not change while the server runs). */
    private final java.util.NavigableMap<YearMonth, Double> record;

    ForecastApi(World world) {
        this.world = world;
        this.record = MarketInputs.priceRecord(world);
    }

    void forecast(Context ctx) {
        if (record.isEmpty()) {
            throw new ApiProblem(422, "/problems/model-input", "No price record",
                    "the dataset has no prices_monthly.csv: there is nothing to forecast from", null, null);
        }
        YearMonth origin = Params.optionalMonth(ctx, "origin");
        if (origin == null) {
            origin = record.lastKey();
        } else {
            YearMonth first = RollingForecast.firstOrigin(record);
            if (origin.isBefore(first) || !record.containsKey(origin)) {
                throw ApiProblem.invalid("origin", origin + " is not a month of the price record from " + first
                        + " to " + record.lastKey());
            }
        }
        byte[] body = cache.get(origin);
        if (body == null) {
            synchronized (this) { // one computation at a time (it uses every core)
                body = cache.get(origin);
                if (body == null) {
                    RollingForecast.Outlook o = RollingForecast.forecast(world, origin, MONTHS, RUNS, SEED,
                            Runtime.getRuntime().availableProcessors());
                    body = (ForecastJson.toJson(ForecastJson.tree(o)) + "\n").getBytes(
                            java.nio.charset.StandardCharsets.UTF_8);
                    if (cache.size() >= CACHE_LIMIT) {
                        cache.clear();
                    }
                    cache.put(origin, body);
                }
            }
        }
        ctx.contentType("application/json").result(body);
    }
}
