package org.lichain.environment.groundwater;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lichain.dataset.CsvTable;
import org.lichain.dataset.DatasetExtension;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problems;
import org.lichain.dataset.RowReader;
import org.lichain.environment.RiverNetworkExtension;
import org.lichain.world.World;

/**
 * Loads and validates {@code groundwater_sites.csv} and {@code groundwater_points.csv}; every problem is located as
 * file:line:field (a negative conductivity, an unknown site, a well outside its site's domain, ...). A dataset with
 * neither file has no groundwater sites (the groundwater commands then say so).
 */
public final class GroundwaterExtension implements DatasetExtension<GroundwaterSites> {
    public static final String SITES = "groundwater_sites.csv";
    public static final String POINTS = "groundwater_points.csv";

    @Override
    public Class<GroundwaterSites> type() {
        return GroundwaterSites.class;
    }

    @Override
    public List<String> files() {
        return List.of(SITES, POINTS);
    }

    @Override
    public GroundwaterSites load(DatasetSource source, World core, Problems problems) {
        var sitesText = source.read(SITES);
        var pointsText = source.read(POINTS);
        if (sitesText.isEmpty() && pointsText.isEmpty()) {
            return null;
        }
        if (sitesText.isEmpty() || pointsText.isEmpty()) {
            problems.add(sitesText.isEmpty() ? SITES : POINTS, 0, 0, null, null,
                    "required file is missing from " + source.name() + " (the groundwater files come as a pair)");
            return null;
        }
        Set<String> reaches = ids(source, RiverNetworkExtension.REACHES, "id", null, problems);
        Set<String> wells = ids(source, RiverNetworkExtension.STATIONS, "id", "well", problems);
        CsvTable st = CsvTable.parse(SITES, sitesText.get(), problems);
        CsvTable pt = CsvTable.parse(POINTS, pointsText.get(), problems);
        Map<String, GroundwaterSite> sites = sites(st, core, reaches, problems);
        Map<String, List<GroundwaterSite.Point>> points = points(pt, sites, wells, problems);
        List<GroundwaterSite> out = new ArrayList<>();
        for (GroundwaterSite s : sites.values()) {
            List<GroundwaterSite.Point> p = points.getOrDefault(s.id(), List.of());
            if (p.stream().noneMatch(x -> x.kind().receptor())) {
                problems.add(POINTS, 0, 0, "site", s.id(), "site has no receptor (a river or receptor_well point)");
            }
            out.add(s.withPoints(p));
        }
        return new GroundwaterSites(out);
    }

    /** The ids of another file of the dataset (optionally only rows whose {@code kind} is {@code kind}); null if absent. */
    private static Set<String> ids(DatasetSource source, String file, String column, String kind, Problems problems) {
        var text = source.read(file);
        if (text.isEmpty()) {
            return null;
        }
        CsvTable t = CsvTable.parse(file, text.get(), new Problems()); // its own loader reports its problems
        Set<String> out = new HashSet<>();
        int i = t.indexOf(column);
        int k = t.indexOf("kind");
        for (CsvTable.Row r : t.rows()) {
            if (i >= 0 && (kind == null || (k >= 0 && kind.equals(r.fields()[k])))) {
                out.add(r.fields()[i]);
            }
        }
        return out;
    }

    static Map<String, GroundwaterSite> sites(CsvTable t, World core, Set<String> reaches, Problems problems) {
        Map<String, GroundwaterSite> out = new java.util.LinkedHashMap<>();
        if (!t.requireColumns(problems, "id", "asset", "name", "rain_reach", "hydraulic_conductivity_m_per_day",
                "hydraulic_gradient", "effective_porosity", "aquifer_thickness_m", "longitudinal_dispersivity_m",
                "transverse_dispersivity_m", "tl_retardation", "tl_decay_per_year", "stack_height_m",
                "rainfall_mm_per_year", "cover", "infiltration_fraction_covered", "infiltration_fraction_uncovered",
                "liner_leakage_fraction", "leachate_tl_ug_per_l", "tl_leachable_fraction", "domain_upgradient_m",
                "domain_downgradient_m", "domain_half_width_m", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.uniqueId("id", seen, "duplicate groundwater site id");
            String asset = r.required("asset");
            if (!asset.isEmpty() && core.findAsset(asset).isEmpty()) {
                r.fail("asset", asset, "unknown asset id");
            }
            String name = r.required("name");
            String rainReach = r.required("rain_reach");
            if (!rainReach.isEmpty() && reaches != null && !reaches.contains(rainReach)) {
                r.fail("rain_reach", rainReach, "unknown reach id (see " + RiverNetworkExtension.REACHES + ")");
            } else if (!rainReach.isEmpty() && reaches == null) {
                r.fail("rain_reach", rainReach, "needs " + RiverNetworkExtension.REACHES + " in the dataset");
            }
            double k = positive(r, "hydraulic_conductivity_m_per_day");
            double i = positive(r, "hydraulic_gradient");
            double n = r.number("effective_porosity", true);
            if (!Double.isNaN(n) && (n <= 0 || n > 1)) {
                r.fail("effective_porosity", r.text("effective_porosity"), "must be in (0, 1]");
            }
            double b = positive(r, "aquifer_thickness_m");
            double al = positive(r, "longitudinal_dispersivity_m");
            double at = positive(r, "transverse_dispersivity_m");
            double rf = r.number("tl_retardation", true);
            if (!Double.isNaN(rf) && rf < 1) {
                r.fail("tl_retardation", r.text("tl_retardation"), "must be at least 1 (R = 1 + ρb·Kd/n)");
            }
            double decay = r.nonNegative("tl_decay_per_year");
            double h = positive(r, "stack_height_m");
            double rain = r.nonNegative("rainfall_mm_per_year");
            String cover = r.required("cover").toLowerCase(Locale.ROOT);
            if (!cover.isEmpty() && !cover.equals("covered") && !cover.equals("uncovered")) {
                r.fail("cover", cover, "must be covered or uncovered");
            }
            double fc = r.between("infiltration_fraction_covered", 0, 1);
            double fu = r.between("infiltration_fraction_uncovered", 0, 1);
            double liner = r.between("liner_leakage_fraction", 0, 1);
            double leach = r.nonNegative("leachate_tl_ug_per_l");
            double frac = r.between("tl_leachable_fraction", 0, 1);
            double up = positive(r, "domain_upgradient_m");
            double down = positive(r, "domain_downgradient_m");
            double half = positive(r, "domain_half_width_m");
            String src = r.source();
            if (r.ok()) {
                out.put(id, new GroundwaterSite(id, asset, name, rainReach,
                        new GroundwaterSite.Aquifer(k, i, n, b, al, at, rf, decay),
                        new GroundwaterSite.Leaching(h, rain, cover.equals("covered"), fc, fu, liner, leach, frac),
                        new GroundwaterSite.Domain(up, down, half), List.of(), src));
            }
        }
        return out;
    }

    static Map<String, List<GroundwaterSite.Point>> points(CsvTable t, Map<String, GroundwaterSite> sites,
                                                            Set<String> wells, Problems problems) {
        Map<String, List<GroundwaterSite.Point>> out = new HashMap<>();
        if (!t.requireColumns(problems, "site", "id", "kind", "x_m", "y_m", "station", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String site = r.required("site");
            GroundwaterSite s = sites.get(site);
            if (!site.isEmpty() && s == null) {
                r.fail("site", site, "unknown groundwater site (see " + SITES + ")");
            }
            String id = r.required("id");
            if (!id.isEmpty() && !seen.add(site + "\u0000" + id)) {
                r.fail("id", id, "duplicate point id at site " + site);
            }
            GroundwaterSite.PointKind kind = r.parsed("kind", GroundwaterSite.PointKind::parse);
            double x = r.number("x_m", true);
            double y = r.number("y_m", true);
            if (s != null && !Double.isNaN(x) && !Double.isNaN(y) && !s.domain().contains(x, y)) {
                GroundwaterSite.Domain d = s.domain();
                String field = x < -d.upgradientM() || x > d.downgradientM() ? "x_m" : "y_m";
                r.fail(field, r.text(field), String.format(Locale.ROOT,
                        "point is outside the domain of site %s (x from %.0f to %.0f m, |y| up to %.0f m)", site,
                        -d.upgradientM(), d.downgradientM(), d.halfWidthM()));
            }
            String station = r.text("station");
            if (kind == GroundwaterSite.PointKind.WELL && station.isEmpty()) {
                r.fail("station", station, "a well needs its monitoring station id");
            }
            if (!station.isEmpty() && wells != null && !wells.contains(station)) {
                r.fail("station", station, "not a well in " + RiverNetworkExtension.STATIONS);
            }
            String src = r.source();
            if (r.ok() && s != null) {
                out.computeIfAbsent(site, k -> new ArrayList<>()).add(new GroundwaterSite.Point(id, kind, x, y, station,
                        src));
            }
        }
        return out;
    }

    private static double positive(RowReader r, String field) {
        double d = r.number(field, true);
        if (!Double.isNaN(d) && d <= 0) {
            r.fail(field, r.text(field), d < 0 ? "must not be negative (a positive number)" : "must be positive");
        }
        return d;
    }
}
