package org.lichain.server;

import static org.lichain.environment.EnvironmentLedger.HISTORICAL_FROM_YEAR;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lichain.environment.EnvironmentLedger;
import org.lichain.environment.Footprint;
import org.lichain.environment.InspectionPlanner;
import org.lichain.environment.ProductionSeries;
import org.lichain.environment.RiverNetwork;
import org.lichain.report.environment.EnvJson;
import org.lichain.report.environment.RiverJson;
import org.lichain.environment.Transport;
import org.lichain.world.World;

/**
 * Environment endpoints (issue #4) on the world's river network and the historical production ledger:
 * {@code /api/env/river} (reaches, outfalls, stations with limits, and the steady-state thallium profile from
 * the outfalls' discharges of a year and month), {@code /api/env/stations}, {@code /api/env/footprint} and
 * {@code /api/env/plan}. Fields are those of the matching {@code lichain env … --json} command. Ledgers are
 * pure functions of the immutable world and cached per (year, basis).
 */
final class EnvApi {
    /** GB 3838-2002 thallium limit for drinking-water sources, µg/L (the profile's reference line). */
    static final double TL_LIMIT_UG_PER_L = 0.1;

    private final World world;
    private final Map<String, EnvironmentLedger> ledgers = new ConcurrentHashMap<>();
    private final MonitoringApi monitoring;

    /** {@code monitoring}: the server's attached store, read by the inspection plan (past alerts, attribution). */
    EnvApi(World world, MonitoringApi monitoring) {
        this.world = world;
        this.monitoring = monitoring;
    }

    boolean available() {
        return world.extension(RiverNetwork.class).isPresent();
    }

    private RiverNetwork network() {
        return world.extension(RiverNetwork.class).orElseThrow(() -> ApiProblem.notAvailable("environment",
                "the dataset has no river network"));
    }

    private EnvironmentLedger ledger(int toYear, ProductionSeries.Basis basis) {
        return ledgers.computeIfAbsent(toYear + "|" + basis, k -> EnvironmentLedger.historical(world, toYear, basis));
    }

    static double round(double v, int digits) {
        return EnvJson.round(v, digits);
    }

    void river(Context ctx) {
        RiverNetwork n = network();
        int year = Params.intOr(ctx, "year", HISTORICAL_FROM_YEAR, 2040, 2023);
        int month = Params.intOr(ctx, "month", 1, 12, 7);
        ObjectNode o = Json.object();
        o.set("reaches", RiverJson.reaches(n));
        o.set("outfalls", RiverJson.outfalls(n));
        o.set("stations", RiverJson.stations(n));
        // steady-state thallium along the main stem from the headwaters, from the outfalls' discharges
        EnvironmentLedger l = ledger(year, ProductionSeries.Basis.REPORTED_ELSE_CAPACITY);
        double[] loads = new double[n.outfalls().size()];
        YearMonth m = YearMonth.of(year, month);
        for (int i = 0; i < loads.length; i++) {
            RiverNetwork.Outfall out = n.outfalls().get(i);
            if (!out.plant().isEmpty()) {
                try {
                    loads[i] = l.thalliumToWaterGPerS(l.assetIndex(out.plant()), m);
                } catch (InvalidInputException e) {
                    loads[i] = 0.0; // the plant does not produce in the ledger's years
                }
            }
        }
        List<Transport.ProfilePoint> prof = Transport.steadyProfile(n, loads,
                new RiverNetwork.Point(n.topologicalOrder().get(0).id(), 0), month, 1.0);
        ObjectNode p = o.putObject("profile");
        p.put("month", m.toString());
        p.put("from_reach", n.topologicalOrder().get(0).id());
        p.put("limit_ug_per_l", TL_LIMIT_UG_PER_L);
        p.put("limit_source", "GB 3838-2002 (thallium, drinking-water sources)");
        ArrayNode pts = p.putArray("points");
        for (Transport.ProfilePoint x : prof) {
            pts.addObject().put("distance_km", round(x.distanceKm(), 3)).put("reach", x.reach())
                    .put("km", round(x.km(), 3)).put("ug_per_l", round(x.ugPerL(), 6));
        }
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void stations(Context ctx) {
        ObjectNode o = Json.object();
        o.set("stations", RiverJson.stations(network()));
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void footprint(Context ctx) {
        network();
        int year = Params.requiredInt(ctx, "year", HISTORICAL_FROM_YEAR, 2040);
        String region = Params.text(ctx, "region");
        String reg = region == null ? "world" : region;
        try {
            Footprint.checkRegion(reg, world.assets());
        } catch (InvalidInputException e) {
            throw ApiProblem.invalid("region", e.getMessage());
        }
        EnvironmentLedger l = ledger(year, ProductionSeries.Basis.REPORTED_ELSE_CAPACITY);
        Footprint f = Footprint.of(l, year, reg, 10.0);
        ObjectNode o = Json.object();
        EnvJson.footprint(o, f, l.production.start().toString());
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void plan(Context ctx) {
        RiverNetwork n = network();
        YearMonth m = Params.requiredMonth(ctx, "month", HISTORICAL_FROM_YEAR, 2040);
        Double days = Params.optionalNonNegative(ctx, "inspector_days", 1000);
        EnvironmentLedger l = ledger(m.getYear(), ProductionSeries.Basis.REPORTED_ELSE_CAPACITY);
        // the attached store: its alerts count as past exceedances, its attribution fixes the visits it must make
        List<org.lichain.environment.MonitoringStore.Measurement> ms = monitoring.thallium();
        List<org.lichain.environment.Alerts.Alert> past = ms.isEmpty() ? List.of() : monitoring.alerts(ms,
                org.lichain.environment.Alerts.Options.DEFAULT);
        java.util.Optional<org.lichain.environment.Attribution.Result> attributed = ms.isEmpty()
                ? java.util.Optional.empty() : InspectionPlanner.attributionFor(n, ms, m);
        InspectionPlanner.Plan p = InspectionPlanner.plan(InspectionPlanner.sites(n, l, m, past), m,
                days == null ? 8.0 : days, attributed.orElse(null));
        ObjectNode o = Json.object();
        EnvJson.plan(o, p, past.size(), monitoring.storeName(), attributed);
        ctx.contentType("application/json").result(Json.bytes(o));
    }
}
