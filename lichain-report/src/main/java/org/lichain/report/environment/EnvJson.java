package org.lichain.report.environment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.lichain.environment.Alerts;
import org.lichain.environment.Attribution;
import org.lichain.environment.Footprint;

/**
 * The environment JSON shared by {@code lichain env footprint|alerts|attribute --json} and the API's
 * {@code /api/env/footprint}, {@code /api/env/alerts} and {@code /api/env/attribution}: each writes into a node the
 * caller owns, with the same field names, units and rounding.
 */
public final class EnvJson {
    /** How {@code co2e_t} is bounded. */
    public static final String CO2E_BOUNDARY = "scope 1+2 from mine to chemical (E1): the mine-and-concentrator part "
            + "(E0) where the ore is mined, the rest where it is converted; freight and reagent production outside";

    private EnvJson() {
    }

    /** Rounds to {@code digits} decimals (non-finite values unchanged). */
    public static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** A region's footprint in a year: totals, stocks since {@code stockSince}, intensities by type and sites. */
    public static void footprint(ObjectNode o, Footprint f, String stockSince) {
        o.put("year", f.year());
        o.put("region", f.region());
        o.put("residue_t", round(f.residueT(), 1));
        o.put("tailings_t", round(f.tailingsT(), 1));
        o.put("co2e_t", round(f.co2eT(), 1));
        o.put("water_m3", round(f.waterM3(), 1));
        o.put("thallium_to_water_kg", round(f.thalliumToWaterKg(), 3));
        o.put("thallium_to_residue_kg", round(f.thalliumToResidueKg(), 3));
        o.put("production_t_lce", round(f.productionTLce(), 1));
        o.put("residue_stock_t", round(f.residueStockT(), 1));
        o.put("tailings_stock_t", round(f.tailingsStockT(), 1));
        o.put("stock_since", stockSince);
        o.put("stack_height_m", f.stackHeightM());
        o.put("storage_area_m2", round(f.storageAreaM2(), 0));
        o.put("basis", f.basis());
        o.put("co2e_boundary", CO2E_BOUNDARY);
        ObjectNode ints = o.putObject("intensity_by_resource_type");
        for (Map.Entry<String, Footprint.Intensity> e : f.intensityByResourceType().entrySet()) {
            ObjectNode i = ints.putObject(e.getKey());
            i.put("residue_t_per_t_lce", round(e.getValue().residueTPerTLce(), 3));
            i.put("co2e_t_per_t_lce", round(e.getValue().co2eTPerTLce(), 3));
            i.put("tailings_t_per_t_lce", round(e.getValue().tailingsTPerTLce(), 3));
            i.put("water_m3_per_t_lce", round(e.getValue().waterM3PerTLce(), 3));
            i.put("thallium_to_water_g_per_t_lce", round(e.getValue().thalliumToWaterGPerTLce(), 4));
            i.put("production_t_lce", round(e.getValue().productionTLce(), 1));
        }
        ArrayNode sites = o.putArray("sites");
        for (Footprint.Site s : f.sites()) {
            ObjectNode x = sites.addObject();
            x.put("asset", s.asset());
            x.put("resource_type", s.resourceType());
            x.put("production_t_lce", round(s.productionTLce(), 1));
            x.put("residue_t", round(s.residueT(), 1));
            x.put("tailings_t", round(s.tailingsT(), 1));
            x.put("co2e_t", round(s.co2eT(), 1));
            x.put("thallium_to_water_kg", round(s.thalliumToWaterKg(), 3));
            x.put("residue_stock_t", round(s.residueStockT(), 1));
        }
    }

    /** One object per alert, with the upstream outfalls and their discharges (null when unknown). */
    public static void alerts(ArrayNode arr, List<Alerts.Alert> alerts) {
        alerts(arr, alerts, null);
    }

    /**
     * As {@link #alerts(ArrayNode, List)}; a well's alert also names its source stack ({@code source_stack}: the
     * groundwater site, its asset and the well's distance downgradient of the stack) when {@code sites} knows the well.
     */
    public static void alerts(ArrayNode arr, List<Alerts.Alert> alerts,
                              org.lichain.environment.groundwater.GroundwaterSites sites) {
        for (Alerts.Alert a : alerts) {
            ObjectNode j = arr.addObject();
            j.put("station", a.station());
            j.put("station_kind", a.stationKind().id());
            j.put("kind", a.kind());
            j.put("analyte", a.analyte());
            j.put("time", a.time().toString());
            j.put("value_ug_per_l", round(a.valueUgPerL(), 5));
            j.put("limit_ug_per_l", a.limitUgPerL());
            j.put("detail", a.detail());
            var site = sites == null || a.stationKind().surface() ? null : sites.siteOfStation(a.station());
            if (site != null) {
                ObjectNode st = j.putObject("source_stack");
                st.put("site", site.id());
                st.put("asset", site.asset());
                for (var p : site.points()) {
                    if (a.station().equals(p.station())) {
                        st.put("well_downgradient_m", p.xM());
                    }
                }
            }
            ArrayNode up = j.putArray("upstream");
            for (Alerts.Upstream u : a.upstream()) {
                ObjectNode x = up.addObject();
                x.put("outfall", u.outfall());
                x.put("plant", u.plant());
                x.put("distance_km", round(u.distanceKm(), 2));
                if (Double.isNaN(u.thalliumKgPerMonth())) {
                    x.putNull("thallium_kg_per_month");
                } else {
                    x.put("thallium_kg_per_month", round(u.thalliumKgPerMonth(), 4));
                }
            }
        }
    }

    /** Alerts and the incidents they group into, as {@code env alerts --json} gives them: "alerts", "incidents". */
    public static void alertsAndIncidents(ObjectNode root, List<Alerts.Alert> list,
                                          org.lichain.environment.groundwater.GroundwaterSites sites) {
        alerts(root.putArray("alerts"), list, sites);
        incidents(root.putArray("incidents"), Alerts.incidents(list));
    }

    /**
     * One page of alerts ({@link org.lichain.environment.AlertPages}) as {@code env alerts --limit --json} and
     * {@code GET /api/env/alerts} give it: alerts, incidents, measurements, page {limit, measurements_scanned,
     * next_cursor}.
     */
    public static void alertPage(ObjectNode root, org.lichain.environment.AlertPages.Page p, int limit,
                                 org.lichain.environment.groundwater.GroundwaterSites sites) {
        alertsAndIncidents(root, p.alerts(), sites);
        root.put("measurements", p.measurements());
        ObjectNode page = root.putObject("page");
        page.put("limit", limit);
        page.put("measurements_scanned", p.scanned());
        page.put("next_cursor", p.next() == null ? null : p.next().encode());
    }

    /** Alerts grouped by incident (stations, time span, count, largest multiple of the limit, common upstream). */
    public static void incidents(ArrayNode arr, List<Alerts.Incident> incidents) {
        for (Alerts.Incident i : incidents) {
            ObjectNode j = arr.addObject();
            j.put("incident", i.number());
            ArrayNode st = j.putArray("stations");
            i.stations().forEach(st::add);
            j.put("first", i.first().toString());
            j.put("last", i.last().toString());
            j.put("alerts", i.alerts());
            j.put("max_times_limit", round(i.maxTimesLimit(), 3));
            ArrayNode up = j.putArray("common_upstream_outfalls");
            i.commonUpstream().forEach(up::add);
        }
    }

    /**
     * Ranked candidate outfalls with scores and released mass; the indistinguishable groups, best first, with their
     * confidence; the samples that would separate the best group; the fit's R², samples and a note.
     */
    public static void attribution(ObjectNode o, Attribution.Result r) {
        ArrayNode c = o.putArray("candidates");
        for (Attribution.Candidate x : r.candidates()) {
            ObjectNode j = c.addObject();
            j.put("outfall", x.outfall());
            j.put("plant", x.plant());
            j.put("score", round(x.score(), 4));
            j.put("released_kg", round(x.releasedKg(), 3));
            if (x.meanReleaseTime() != null) {
                j.put("release_time", x.meanReleaseTime().toString());
            }
            j.put("likelihood_weight", round(x.likelihoodWeight(), 4));
            j.put("chi2_alone", round(x.chi2(), 3));
            j.put("group", x.group());
        }
        ArrayNode g = o.putArray("groups");
        for (Attribution.Group x : r.groups()) {
            ObjectNode j = g.addObject();
            ArrayNode ids = j.putArray("outfalls");
            x.outfalls().forEach(ids::add);
            j.put("confidence", round(x.confidence(), 4));
        }
        o.put("confidence_method", "likelihood ratio of single-outfall fits (Gaussian errors, σ = 10% of the value "
                + "and the detection limit in quadrature); a group = outfalls within Δχ² " + round(
                Attribution.GROUP_DELTA_CHI2, 2) + " (likelihood ratio 1/20) of its leader; group confidence = sum "
                + "of its members' normalised likelihoods");
        ArrayNode ss = o.putArray("separating_samples");
        for (Attribution.SeparatingSample x : r.separatingSamples()) {
            ObjectNode j = ss.addObject();
            j.put("location", x.location());
            j.put("reach", x.reach());
            j.put("km", round(x.km(), 2));
            j.put("time", x.time().toString());
            j.put("after_last_sample", x.afterLastSample());
            j.put("separation_sigma", round(x.separationSigma(), 2));
            ObjectNode pr = j.putObject("predicted_ug_per_l");
            x.predictedUgPerL().forEach((k, v) -> pr.put(k, round(v, 5)));
        }
        o.put("confidence", round(r.confidence(), 4));
        o.put("fit_r2", round(r.fitR2(), 4));
        o.put("samples", r.samples());
        o.put("exceedances", r.exceedances());
        o.put("note", r.note());
    }

    /**
     * An inspection plan ({@code lichain env plan --json} and {@code /api/env/plan}): capacity and risk, the visits
     * with reasons, the sites not visited, the alerts counted as past exceedances, and the attribution of the
     * period's exceedances (best group, its confidence, the samples that would separate its members) when there is
     * one.
     */
    public static void plan(ObjectNode o, org.lichain.environment.InspectionPlanner.Plan p, int pastAlerts,
                            String store, java.util.Optional<Attribution.Result> attributed) {
        o.put("month", p.month().toString());
        o.put("capacity_days", p.capacityDays());
        o.put("used_days", p.usedDays());
        o.put("risk_covered", round(p.riskCovered(), 4));
        o.put("risk_total", round(p.riskTotal(), 4));
        o.put("solver", p.solver());
        o.put("monitoring_store", store);
        o.put("past_alerts", pastAlerts);
        ArrayNode v = o.putArray("visits");
        for (org.lichain.environment.InspectionPlanner.Visit x : p.visits()) {
            v.addObject().put("site", x.outfall()).put("plant", x.plant()).put("risk", round(x.risk(), 4))
                    .put("days", x.days()).put("reason", x.reason());
        }
        ArrayNode nv = o.putArray("not_visited");
        for (org.lichain.environment.InspectionPlanner.Visit x : p.notVisited()) {
            nv.addObject().put("site", x.outfall()).put("plant", x.plant()).put("risk", round(x.risk(), 4))
                    .put("days", x.days());
        }
        if (attributed.isPresent()) {
            attribution(o.putObject("attribution"), attributed.get());
        } else {
            o.putNull("attribution");
        }
    }
}
