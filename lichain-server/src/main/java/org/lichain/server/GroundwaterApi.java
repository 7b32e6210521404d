package org.lichain.server;

import static org.lichain.environment.EnvironmentLedger.HISTORICAL_FROM_YEAR;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.lichain.environment.IncidentReplay;
import org.lichain.environment.RiverNetwork;
import org.lichain.environment.groundwater.GroundwaterModel;
import org.lichain.environment.groundwater.GroundwaterSite;
import org.lichain.environment.groundwater.GroundwaterSites;
import org.lichain.environment.groundwater.SourceTerm;
import org.lichain.environment.groundwater.WellDesign;
import org.lichain.report.environment.EnvJson;
import org.lichain.report.environment.GroundwaterJson;
import org.lichain.world.World;

/**
 * Groundwater and incident-replay endpoints (issue #15): {@code /api/env/groundwater} (a leak scenario at a site:
 * arrival and peak per well, plus a plan-view grid of the plume for the dashboard), {@code /api/env/wells-design}
 * (Monte Carlo sampling design) and {@code /api/env/replay/{id}}. Fields are those of the matching
 * {@code lichain env … --json} commands; bad parameters answer 400 naming the parameter.
 */
final class GroundwaterApi {
    private final World world;

    GroundwaterApi(World world) {
        this.world = world;
    }

    private GroundwaterSites sites() {
        return world.extension(GroundwaterSites.class).orElseThrow(() -> ApiProblem.notAvailable("groundwater",
                "the dataset has no groundwater sites"));
    }

    private RiverNetwork network() {
        return world.extension(RiverNetwork.class).orElseThrow(() -> ApiProblem.notAvailable("environment",
                "the dataset has no river network"));
    }

    private GroundwaterSite site(Context ctx) {
        String id = Params.text(ctx, "site");
        if (id == null) {
            throw ApiProblem.invalid("site", "is required (a groundwater site id)");
        }
        try {
            return sites().site(id);
        } catch (NoSuchElementException e) {
            throw ApiProblem.invalid("site", e.getMessage());
        }
    }

    private GroundwaterModel.SiteStack stack(Context ctx, GroundwaterSite s, int year) {
        Double stockT = Params.optionalNonNegative(ctx, "stock_t", 1e12);
        if (stockT != null) {
            if (stockT <= 0) {
                throw ApiProblem.invalid("stock_t", "must be positive");
            }
            return GroundwaterModel.givenStack(stockT, "stock_t");
        }
        GroundwaterModel.SiteStack st = GroundwaterModel.stackOf(world, s, year, HISTORICAL_FROM_YEAR);
        if (!(st.stack().stockT() > 0)) {
            throw ApiProblem.invalid("stock_t", "asset " + s.asset() + " has no residue stock in the ledger by the end "
                    + "of " + year + "; give stock_t");
        }
        return st;
    }

    /** The sites with their asset and points (for the dashboard's site list). */
    void siteList(Context ctx) {
        ObjectNode o = Json.object();
        ArrayNode arr = o.putArray("sites");
        for (GroundwaterSite s : sites().all()) {
            ObjectNode j = arr.addObject();
            j.put("id", s.id());
            j.put("asset", s.asset());
            j.put("name", s.name());
            ArrayNode pts = j.putArray("points");
            for (GroundwaterSite.Point p : s.points()) {
                pts.addObject().put("id", p.id()).put("kind", p.kind().id()).put("x_m", p.xM()).put("y_m", p.yM());
            }
        }
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void groundwater(Context ctx) {
        GroundwaterSite s = site(ctx);
        int year = Params.intOr(ctx, "year", HISTORICAL_FROM_YEAR, 2035, 2023);
        int years = Params.intOr(ctx, "years", 1, 100, 30);
        String sc = Params.text(ctx, "scenario");
        SourceTerm.Scenario scenario;
        try {
            scenario = sc == null ? SourceTerm.Scenario.LINER_FAILURE
                    : SourceTerm.Scenario.parse(sc.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("scenario", e.getMessage());
        }
        GroundwaterModel.SiteStack st = stack(ctx, s, year);
        RiverNetwork n = network();
        GroundwaterModel.Result r = GroundwaterModel.run(s, scenario, st.stack().stockT(), st.stack().tlInResidueKg(),
                GroundwaterModel.rainFactors(n.reach(s.rainReach())), year, years);
        ObjectNode o = Json.object();
        GroundwaterJson.groundwater(o, r, scenario.id(), GroundwaterModel.dryFlowM3PerS(n, s));
        o.put("stock_basis", st.basis());
        // plan view of the plume at the end of the horizon (the dashboard's contour map)
        int nx = 61;
        int ny = 41;
        double[][] g = GroundwaterModel.planGrid(r, r.months(), nx, ny);
        ObjectNode plan = o.putObject("plan");
        plan.put("at_years", years);
        GroundwaterSite.Domain d = s.domain();
        ArrayNode xs = plan.putArray("x_m");
        for (int i = 0; i < nx; i++) {
            xs.add(EnvJson.round(-d.upgradientM() + (d.upgradientM() + d.downgradientM()) * i / (nx - 1.0), 1));
        }
        ArrayNode ys = plan.putArray("y_m");
        for (int j = 0; j < ny; j++) {
            ys.add(EnvJson.round(-d.halfWidthM() + 2 * d.halfWidthM() * j / (ny - 1.0), 1));
        }
        ArrayNode rows = plan.putArray("ug_per_l");
        for (double[] row : g) {
            ArrayNode a = rows.addArray();
            for (double v : row) {
                a.add(EnvJson.round(v, 5));
            }
        }
        plan.put("stack_side_m", EnvJson.round(r.leachate().widthM(), 1));
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void wellsDesign(Context ctx) {
        GroundwaterSite s = site(ctx);
        int n = s.points(GroundwaterSite.PointKind.WELL, GroundwaterSite.PointKind.CANDIDATE).size();
        int wells = Params.requiredInt(ctx, "wells", 1, n);
        int year = Params.intOr(ctx, "year", HISTORICAL_FROM_YEAR, 2035, 2023);
        int trials = Params.intOr(ctx, "trials", 10, 20_000, 2000);
        int seed = Params.intOr(ctx, "seed", 0, Integer.MAX_VALUE, 15);
        GroundwaterModel.SiteStack st = stack(ctx, s, year);
        WellDesign.Report r = WellDesign.report(s, st.stack().stockT(), st.stack().tlInResidueKg(), wells,
                WellDesign.Options.defaults().withTrials(trials).withSeed(seed));
        ObjectNode o = Json.object();
        GroundwaterJson.design(o, r, st.stack(), year);
        o.put("stock_basis", st.basis());
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void replay(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.equals("jinjiang-2022")) {
            throw ApiProblem.notFound("unknown incident '" + Params.clip(id) + "' (known: jinjiang-2022)");
        }
        Double observed = Params.optionalNonNegative(ctx, "observed_ug_per_l", 1e6);
        if (observed != null && observed <= 0) {
            throw ApiProblem.invalid("observed_ug_per_l", "must be positive");
        }
        RiverNetwork n = network();
        IncidentReplay.Incident incident = IncidentReplay.jinjiang2022(observed == null ? 0.22 : observed);
        if (n.findStation(incident.station()).isEmpty()) {
            // a dataset without the station the incident was observed at: not a client error
            throw ApiProblem.notAvailable("replay", org.lichain.dataset.KnownIds.message(incident.station(),
                    n.stations().stream().map(RiverNetwork.Station::id).toList(), null, "station",
                    "list them with 'lichain env river'"));
        }
        // the loader checked every station's reach and standard, so the replay finds all it looks up
        IncidentReplay.Result r = IncidentReplay.replay(n, incident, 0.3);
        ObjectNode o = Json.object();
        GroundwaterJson.replay(o, r);
        ctx.contentType("application/json").result(Json.bytes(o));
    }
}
