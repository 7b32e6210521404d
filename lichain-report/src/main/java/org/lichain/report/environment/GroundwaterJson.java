package org.lichain.report.environment;

import static org.lichain.report.environment.EnvJson.round;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.lichain.environment.IncidentReplay;
import org.lichain.environment.groundwater.GroundwaterClass;
import org.lichain.environment.groundwater.GroundwaterModel;
import org.lichain.environment.groundwater.GroundwaterSite;
import org.lichain.environment.groundwater.WellDesign;

/**
 * The groundwater and incident-replay JSON shared by {@code lichain env groundwater|wells-design|replay --json} and the
 * API's {@code /api/env/groundwater}, {@code /api/env/wells-design} and {@code /api/env/replay/{id}}: same field
 * names (units in the names), same rounding.
 */
public final class GroundwaterJson {
    private GroundwaterJson() {
    }

    /** Assumptions every groundwater answer carries (the named simplifications of the model). */
    public static final List<String> ASSUMPTIONS = List.of(
            "Domenico (1987) analytical solution, depth-averaged over the mixing depth: uniform steady flow, "
                    + "homogeneous aquifer, linear sorption (retardation), first-order loss",
            "one square stack per site at the ledger's residue stock and the site's stack height (bulk density 1.5 t/m3)",
            "leachate at the site's leachate Tl concentration until the leachable Tl is used up; monthly rain shaped "
                    + "by the monthly flow factors of the site's rain reach",
            "the source plane carries the leached Tl with the aquifer's Darcy flux through width x mixing depth "
                    + "(US EPA 1996 SSG mixing depth)",
            "every site parameter is an estimate: see groundwater_sites.csv sources");

    private static void putMaybe(ObjectNode o, String field, double v, int digits) {
        if (Double.isFinite(v)) {
            o.put(field, round(v, digits));
        } else {
            o.putNull(field);
        }
    }

    /** The aquifer block. */
    public static void aquifer(ObjectNode o, GroundwaterSite.Aquifer a) {
        o.put("hydraulic_conductivity_m_per_day", a.conductivityMPerDay());
        o.put("hydraulic_gradient", a.gradient());
        o.put("effective_porosity", a.porosity());
        o.put("aquifer_thickness_m", a.thicknessM());
        o.put("longitudinal_dispersivity_m", a.longitudinalDispersivityM());
        o.put("transverse_dispersivity_m", a.transverseDispersivityM());
        o.put("tl_retardation", a.retardation());
        o.put("tl_decay_per_year", a.decayPerYear());
        o.put("seepage_velocity_m_per_day", round(a.seepageVelocityMPerDay(), 5));
        o.put("tl_front_velocity_m_per_year", round(a.thalliumVelocityMPerDay() * 365.25, 3));
    }

    /** {@code env groundwater} without a river flow (no river concentration). */
    public static void groundwater(ObjectNode o, GroundwaterModel.Result r, String scenarioId) {
        groundwater(o, r, scenarioId, Double.NaN);
    }

    /**
     * {@code env groundwater}: the scenario, its source term, each point's arrival, peak and yearly values, and the
     * thallium the plume carries into the river (g/day by year; µg/L added to a river of {@code riverFlowM3PerS},
     * the driest month of the site's rain reach, at the end of the horizon).
     */
    public static void groundwater(ObjectNode o, GroundwaterModel.Result r, String scenarioId, double riverFlowM3PerS) {
        GroundwaterSite s = r.site();
        o.put("site", s.id());
        o.put("asset", s.asset());
        o.put("name", s.name());
        o.put("year", r.startYear());
        o.put("scenario", scenarioId);
        o.put("horizon_years", r.months() / 12);
        o.put("threshold_ug_per_l", GroundwaterClass.CLASS_III_LIMIT_UG_PER_L);
        o.put("threshold_source", "GB/T 14848-2017 class III thallium limit (reference/environment.md §2)");
        o.put("residue_stock_t", round(r.stockT(), 0));
        o.put("tl_in_residue_kg", round(r.tlInResidueKg(), 1));
        o.put("tl_leachable_kg", round(r.leachate().inventoryKg(), 1));
        o.put("tl_leached_kg", round(r.leachate().leachedKg(), 3));
        o.put("stack_side_m", round(r.leachate().widthM(), 1));
        o.put("storage_area_m2", round(r.leachate().areaM2(), 0));
        o.put("mixing_depth_m", round(r.leachate().mixingDepthM(), 2));
        double inf = 0;
        double tl = 0;
        double c0 = 0;
        for (int k = 0; k < Math.min(12, r.months()); k++) {
            inf += r.leachate().infiltrationM3()[k];
            tl += r.leachate().tlG()[k];
            c0 = Math.max(c0, r.leachate().sourceUgPerL()[k]);
        }
        o.put("infiltration_m3_first_year", round(inf, 1));
        o.put("tl_leached_kg_first_year", round(tl / 1000.0, 4));
        o.put("source_ug_per_l_max_first_year", round(c0, 4));
        aquifer(o.putObject("aquifer"), s.aquifer());
        ArrayNode pts = o.putArray("points");
        for (GroundwaterModel.PointResult p : r.points()) {
            ObjectNode j = pts.addObject();
            j.put("id", p.id());
            j.put("kind", p.kind().id());
            j.put("x_m", p.xM());
            j.put("y_m", p.yM());
            j.put("station", p.station().isEmpty() ? null : p.station());
            putMaybe(j, "arrival_years", p.arrivalYears(), 3);
            j.put("peak_ug_per_l", round(p.peakUgPerL(), 5));
            putMaybe(j, "peak_years", p.peakYears(), 3);
            j.put("peak_class", p.peakClass().label());
            ArrayNode y = j.putArray("ug_per_l_end_of_year");
            for (int k = 11; k < p.ugPerL().length; k += 12) {
                y.add(round(p.ugPerL()[k], 5));
            }
        }
        ArrayNode rf = o.putArray("river_tl_g_per_day_end_of_year");
        for (int k = 11; k < r.riverFluxGPerDay().length; k += 12) {
            rf.add(round(r.riverFluxGPerDay()[k], 5));
        }
        putMaybe(o, "river_flow_m3_per_s_driest_month", riverFlowM3PerS, 2);
        putMaybe(o, "river_added_ug_per_l_end", Double.isNaN(riverFlowM3PerS) || r.riverFluxGPerDay().length == 0
                ? Double.NaN : GroundwaterModel.riverAddedUgPerL(r, r.months(), riverFlowM3PerS), 7);
        ArrayNode a = o.putArray("assumptions");
        ASSUMPTIONS.forEach(a::add);
        o.put("parameters_source", s.source());
    }

    private static void choice(ObjectNode o, WellDesign.Choice c) {
        ArrayNode r = o.putArray("recommended_wells");
        c.recommendedWells().forEach(r::add);
        o.put("recommended_probability", round(c.recommendedProbability(), 4));
        ArrayNode w = o.putArray("greedy_wells");
        c.wells().forEach(w::add);
        ArrayNode g = o.putArray("marginal_probability");
        c.marginalGains().forEach(x -> g.add(round(x, 4)));
        o.put("greedy_probability", round(c.probability(), 4));
        o.put("upper_bound", round(c.upperBound(), 4));
        putMaybe(o, "exhaustive_optimum", c.exhaustiveOptimum(), 4);
        ArrayNode e = o.putArray("exhaustive_wells");
        c.exhaustiveWells().forEach(e::add);
        o.put("method", c.method());
    }

    /** {@code env wells-design}. */
    public static void design(ObjectNode o, WellDesign.Report r, GroundwaterModel.Stack stack, int year) {
        o.put("site", r.site());
        o.put("year", year);
        o.put("wells", r.k());
        o.put("trials", r.trials());
        o.put("seed", r.options().seed());
        o.put("horizon_years", r.options().horizonYears());
        o.put("threshold_ug_per_l", r.options().thresholdUgPerL());
        o.put("residue_stock_t", round(stack.stockT(), 0));
        o.put("receptor_reached_share", round(r.receptorReached() / (double) r.trials(), 4));
        ArrayNode ex = o.putArray("existing_wells");
        r.existingWells().forEach(ex::add);
        o.put("existing_monthly_probability", round(r.existingMonthly(), 4));
        choice(o.putObject("best_monthly"), r.monthly());
        o.put("best_half_monthly_probability", round(r.bestHalfMonthly(), 4));
        o.put("best_every_14_days_probability", round(r.bestEvery14DaysProbability(), 4));
        putMaybe(o, "mean_detection_delay_days_monthly", r.meanDelayMonthlyDays(), 1);
        putMaybe(o, "mean_detection_delay_days_half_monthly", r.meanDelayHalfMonthlyDays(), 1);
        if (r.oneMoreWell() != null) {
            choice(o.putObject("one_more_well_monthly"), r.oneMoreWell());
        } else {
            o.putNull("one_more_well_monthly");
        }
        o.put("half_monthly_gain", round(r.bestHalfMonthly() - r.monthly().recommendedProbability(), 4));
        if (r.oneMoreWell() == null) {
            o.putNull("one_more_well_gain");
        } else {
            o.put("one_more_well_gain", round(r.oneMoreWell().recommendedProbability()
                    - r.monthly().recommendedProbability(), 4));
        }
        ArrayNode a = o.putArray("assumptions");
        a.add("a leak: a square patch (5-30 % of the stack side) under the stack fails its liner at a uniform time in "
                + "the first half of the horizon; constant source (no seasonal cycle or depletion)");
        a.add("aquifer per trial: K log-normal (sigma ln 0.7) about the site value; retardation and dispersivities "
                + "log-uniform within 0.5-2x the site values");
        a.add("detected in time: a sample at or above the threshold before any receptor (river bank, supply well) "
                + "reaches it; half-monthly sampling holds every monthly date");
        a.add("best wells: greedy maximum coverage (within 1 - 1/e of the optimum; upper_bound = online bound), "
                + "checked exhaustively when C(n, k) <= " + WellDesign.EXHAUSTIVE_LIMIT);
    }

    /** {@code env wells}: one object per well with samples. */
    public static void wells(ArrayNode arr, List<org.lichain.environment.groundwater.WellReview.WellStatus> review) {
        for (var x : review) {
            ObjectNode j = arr.addObject();
            j.put("station", x.station());
            j.put("site", x.site().isEmpty() ? null : x.site());
            j.put("stack_asset", x.stackAsset().isEmpty() ? null : x.stackAsset());
            putMaybe(j, "stack_distance_m", x.stackDistanceM(), 1);
            j.put("samples", x.samples());
            j.put("latest_at", x.latestAt().toString());
            j.put("latest_ug_per_l", round(x.latestUgPerL(), 5));
            j.put("latest_below_detection", x.latestBelowDetection());
            j.put("latest_class", x.latestClass().label());
            j.put("max_ug_per_l", round(x.maxUgPerL(), 5));
            j.put("worst_class", x.worstClass().label());
            j.put("samples_over_class_iii", x.samplesOverClassIii());
            j.put("mann_kendall_z", round(x.mannKendallZ(), 3));
            j.put("trend", x.trend());
            ArrayNode a = j.putArray("alerts");
            x.alerts().forEach(a::add);
        }
    }

    /** {@code env replay}. */
    public static void replay(ObjectNode o, IncidentReplay.Result r) {
        IncidentReplay.Incident i = r.incident();
        o.put("incident", i.id());
        o.put("title", i.title());
        o.put("station", i.station());
        o.put("observed_at", i.observedAt().toString());
        o.put("observed_ug_per_l", i.observedUgPerL());
        o.put("limit_ug_per_l", r.limitUgPerL());
        o.put("observation_source", i.observationSource());
        o.put("attribution_source", i.attributionSource());
        o.put("month", r.month());
        o.put("flow_at_station_m3_per_s", r.flowAtStationM3PerS());
        o.put("consistent_range_sigmas", IncidentReplay.Z_RANGE);
        ArrayNode cs = o.putArray("candidates");
        for (IncidentReplay.Candidate c : r.candidates()) {
            ObjectNode j = cs.addObject();
            j.put("outfall", c.outfall());
            j.put("plant", c.plant().isEmpty() ? null : c.plant());
            j.put("kind", c.kind());
            j.put("named_by_authorities", c.named());
            j.put("distance_km", round(c.distanceKm(), 2));
            j.put("travel_hours", round(c.travelHours(), 2));
            j.put("travel_hours_fast", round(c.travelHoursFastVelocity(), 2));
            j.put("travel_hours_slow", round(c.travelHoursSlowVelocity(), 2));
            j.put("cloud_sigma_hours", round(c.sigmaHours(), 2));
            j.put("pulse_mass_min_kg", round(c.minimumMassKg(), 4));
            j.put("pulse_mass_at_range_edge_kg", round(c.massAtRangeEdgeKg(), 4));
            j.put("release_at_peak", c.releaseAtPeak().toString());
            j.put("release_earliest", c.releaseEarliest().toString());
            j.put("release_latest", c.releaseLatest().toString());
            j.put("continuous_kg_per_day", round(c.continuousKgPerDay(), 4));
            ArrayNode us = j.putArray("upstream_stations");
            for (IncidentReplay.UpstreamView v : c.upstream()) {
                ObjectNode u = us.addObject();
                u.put("station", v.station());
                u.put("kind", v.kind().id());
                u.put("distance_from_outfall_km", round(v.distanceFromOutfallKm(), 2));
                u.put("limit_ug_per_l", v.limitUgPerL());
                u.put("peak_ug_per_l", round(v.peakUgPerL(), 4));
                u.put("peak_at", v.peakAt().toString());
                u.put("first_over_limit_at", v.firstOverLimitAt() == null ? null : v.firstOverLimitAt().toString());
                u.put("hours_over_limit", round(v.hoursOverLimit(), 2));
                u.put("hourly_max_sampled_ug_per_l", round(v.hourlyMaxSampledUgPerL(), 4));
                u.put("hourly_first_alert_at", v.hourlyFirstAlertAt() == null ? null
                        : v.hourlyFirstAlertAt().toString());
                u.put("daily_max_sampled_ug_per_l_min", round(v.dailyMaxSampledMinUgPerL(), 4));
                u.put("daily_max_sampled_ug_per_l_max", round(v.dailyMaxSampledMaxUgPerL(), 4));
                u.put("daily_catch_share", round(v.dailyCatchShare(), 4));
                u.put("lead_hours_before_observation", round(v.leadHoursBeforeObservation(), 2));
            }
        }
        ArrayNode a = o.putArray("assumptions");
        i.assumptions().forEach(a::add);
        ArrayNode c = o.putArray("caveats");
        r.caveats().forEach(c::add);
    }
}
