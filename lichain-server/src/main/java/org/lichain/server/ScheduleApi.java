package org.lichain.server;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.lichain.operations.InfeasibleScheduleException;
import org.lichain.operations.PlantModels;
import org.lichain.operations.Schedule;
import org.lichain.operations.Tariff;
import org.lichain.world.Asset;
import org.lichain.world.World;

/**
 * Hourly production schedules (issue #5): {@code GET /api/schedule/plants} and
 * {@code GET /api/schedule?plant=&month=&tariff=} with the JSON contract. A month is an OR-Tools MIP
 * solved in the request; one solve at a time (another concurrent request gets 429), bounded by the solver's
 * own time limit.
 */
final class ScheduleApi {
    private final World world;
    private final Semaphore solving = new Semaphore(1);

    ScheduleApi(World world) {
        this.world = world;
    }

    void plants(Context ctx) {
        ObjectNode o = Json.object();
        ArrayNode arr = o.putArray("plants");
        for (Asset a : PlantModels.plants(world)) {
            arr.addObject().put("id", a.id()).put("name", a.name()).put("country", a.country())
                    .put("route", a.route().id());
        }
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void schedule(Context ctx) {
        String plant = Params.text(ctx, "plant");
        if (plant == null) {
            throw ApiProblem.invalid("plant", "is required (see /api/schedule/plants)");
        }
        Asset a = world.findAsset(plant).orElseThrow(() -> ApiProblem.invalid("plant",
                org.lichain.dataset.KnownIds.message(plant, world.assets().stream().filter(PlantModels::hasModel)
                        .map(Asset::id).toList(), null, "plant", "list them at /api/schedule/plants")));
        if (!PlantModels.hasModel(a)) {
            throw ApiProblem.invalid("plant", a.id() + " sells concentrate and has no chemical plant to schedule");
        }
        YearMonth month = Params.requiredMonth(ctx, "month", CurveApi.MIN_YEAR, CurveApi.MAX_YEAR);
        String tariffId = Params.text(ctx, "tariff");
        Tariff tariff = null;
        if (tariffId != null) {
            try {
                tariff = PlantModels.tariff(world, tariffId);
            } catch (InvalidInputException e) {
                throw ApiProblem.invalid("tariff", e.getMessage());
            }
        }
        if (!solving.tryAcquire()) {
            throw new ApiProblem(429, "/problems/busy", "A schedule is being solved",
                    "another schedule is being solved; retry in a few seconds", null, null);
        }
        Schedule s;
        try {
            s = PlantModels.schedule(world, a.id(), month, tariff);
        } catch (InfeasibleScheduleException e) {
            throw new ApiProblem(422, "/problems/infeasible-schedule", "No feasible schedule", e.getMessage(), null,
                    Map.of("constraint", e.constraint()));
        } catch (InvalidInputException e) {
            throw ApiProblem.invalid("plant", e.getMessage());
        } finally {
            solving.release();
        }
        ObjectNode o = Json.object();
        o.put("plant", a.id());
        o.put("month", month.toString());
        o.put("hours", s.hours());
        o.put("target_met", true); // a returned schedule meets the target; otherwise 422 names the constraint
        o.put("cost_cny", EnvApi.round(s.costCny(), 2));
        o.put("flat_cost_cny", EnvApi.round(s.flatCostCny(), 2));
        o.put("saving_pct", EnvApi.round(s.savingPct(), 3));
        o.put("valley_kwh_share", EnvApi.round(s.valleyKwhShare(), 4));
        o.put("flat_valley_kwh_share", EnvApi.round(s.flatValleyKwhShare(), 4));
        o.put("effective_cny_per_kwh", EnvApi.round(s.effectiveCnyPerKwh(), 4));
        o.put("flat_effective_cny_per_kwh", EnvApi.round(s.flatEffectiveCnyPerKwh(), 4));
        o.put("solver", s.solver());
        o.put("optimal", s.optimal());
        ArrayNode st = o.putArray("stages");
        for (int i = 0; i < s.plant().stages().size(); i++) {
            double kwh = s.stageKwh(i);
            double fk = s.flatStageKwh(i);
            var stage = s.plant().stages().get(i);
            ObjectNode so = st.addObject().put("id", stage.id()).put("kwh", EnvApi.round(kwh, 1))
                    .put("valley_kwh_share", kwh > 0 ? EnvApi.round(s.stageValleyKwh(i) / kwh, 4) : 0.0)
                    .put("flat_valley_kwh_share", fk > 0 ? EnvApi.round(s.flatStageValleyKwh(i) / fk, 4) : 0.0)
                    .put("kwh_per_t_lce", EnvApi.round(stage.kwhPerTLce(), 3))
                    .put("max_rate_t_lce_per_h", EnvApi.round(stage.maxRateTLcePerH(), 6))
                    .put("rate_swing_pct_of_max", EnvApi.round(s.rateSwingPct(i), 3))
                    .put("restarts", s.restarts()[i]);
            // the hourly rates, for the dashboard's typical day and heat map (as `lichain schedule --json`)
            ArrayNode rate = so.putArray("rate_t_lce_per_h");
            for (double v : s.rateTLcePerH()[i]) {
                rate.add(EnvApi.round(v, 6));
            }
        }
        o.put("tariff", s.tariff().tariffId());
        ArrayNode price = o.putArray("price_cny_per_kwh");
        for (double v : s.tariff().priceCnyPerKwh()) {
            price.add(EnvApi.round(v, 6));
        }
        ArrayNode band = o.putArray("band");
        for (var b : s.tariff().band()) {
            band.add(b.id());
        }
        ctx.contentType("application/json").result(Json.bytes(o));
    }
}
