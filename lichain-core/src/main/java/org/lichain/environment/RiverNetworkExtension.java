package org.lichain.environment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lichain.dataset.CsvTable;
import org.lichain.dataset.DatasetExtension;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problems;
import org.lichain.dataset.RowReader;
import org.lichain.world.World;

/** Loads and validates the {@link RiverNetwork} files; every problem is located as file:line:field. */
public final class RiverNetworkExtension implements DatasetExtension<RiverNetwork> {
    public static final String REACHES = "river_reaches.csv";
    public static final String FLOWS = "river_flows.csv";
    public static final String OUTFALLS = "river_outfalls.csv";
    public static final String STATIONS = "monitoring_stations.csv";
    public static final String STANDARDS = "env_standards.csv";

    @Override
    public Class<RiverNetwork> type() {
        return RiverNetwork.class;
    }

    @Override
    public List<String> files() {
        return List.of(REACHES, FLOWS, OUTFALLS, STATIONS, STANDARDS);
    }

    @Override
    public RiverNetwork load(DatasetSource source, World core, Problems problems) {
        Map<String, CsvTable> t = new HashMap<>();
        if (files().stream().allMatch(f -> source.read(f).isEmpty())) {
            return null; // a dataset without a river network: the environment commands say so when asked
        }
        for (String f : files()) {
            var text = source.read(f);
            if (text.isEmpty()) {
                problems.add(f, 0, 0, null, null, "required file is missing from " + source.name());
                continue;
            }
            t.put(f, CsvTable.parse(f, text.get(), problems));
        }
        if (t.size() < files().size()) {
            return null;
        }
        List<Standard> standards = standards(t.get(STANDARDS), problems);
        Set<String> standardIds = new HashSet<>();
        standards.forEach(s -> standardIds.add(s.id()));
        List<RiverNetwork.Reach> reaches = reaches(t.get(REACHES), t.get(FLOWS), problems);
        Map<String, RiverNetwork.Reach> byId = new HashMap<>();
        reaches.forEach(r -> byId.put(r.id(), r));
        List<RiverNetwork.Outfall> outfalls = outfalls(t.get(OUTFALLS), byId, core, problems);
        List<RiverNetwork.Station> stations = stations(t.get(STATIONS), byId, standardIds, core, problems);
        return new RiverNetwork(reaches, outfalls, stations, standards);
    }

    static List<Standard> standards(CsvTable t, Problems problems) {
        List<Standard> out = new ArrayList<>();
        if (!t.requireColumns(problems, "id", "analyte", "medium", "jurisdiction", "limit_value", "unit", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.uniqueId("id", seen, "duplicate standard id");
            String analyte = r.required("analyte").toLowerCase(java.util.Locale.ROOT);
            String medium = r.required("medium");
            String jur = r.required("jurisdiction");
            double v = r.number("limit_value", true);
            if (!Double.isNaN(v) && v <= 0) {
                r.fail("limit_value", r.text("limit_value"), "must be positive");
            }
            ConcentrationUnit unit = r.parsed("unit", ConcentrationUnit::parse);
            String src = r.source();
            if (r.ok()) {
                out.add(new Standard(id, analyte, medium, jur, unit.toUgPerL(v), src));
            }
        }
        return out;
    }

    static List<RiverNetwork.Reach> reaches(CsvTable t, CsvTable flows, Problems problems) {
        List<RiverNetwork.Reach> out = new ArrayList<>();
        if (!t.requireColumns(problems, "id", "name", "river", "downstream", "length_km", "mean_flow_m3_per_s",
                "mean_velocity_m_per_s", "dispersion_m2_per_s", "first_order_loss_per_day", "source")
                | !flows.requireColumns(problems, "reach", "month", "flow_m3_per_s", "velocity_m_per_s", "source")) {
            return out;
        }
        Map<String, double[]> q = new HashMap<>();
        Map<String, double[]> u = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<RowReader> flowRows = new ArrayList<>();
        for (CsvTable.Row row : flows.rows()) {
            RowReader r = new RowReader(flows, row, problems);
            String reach = r.required("reach");
            int m = r.integer("month", 1, 12);
            double f = positive(r, "flow_m3_per_s");
            double v = positive(r, "velocity_m_per_s");
            r.source();
            if (!r.ok()) {
                continue;
            }
            double[] qa = q.computeIfAbsent(reach, k -> filled());
            double[] ua = u.computeIfAbsent(reach, k -> filled());
            firstLine.putIfAbsent(reach, row.line());
            if (!Double.isNaN(qa[m - 1])) {
                r.fail("month", Integer.toString(m), "duplicate month for reach " + reach);
            }
            qa[m - 1] = f;
            ua[m - 1] = v;
            flowRows.add(r);
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> down = new HashMap<>();
        Map<String, RowReader> readers = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.required("id");
            if (!id.isEmpty() && !ids.add(id)) {
                r.fail("id", id, "duplicate reach id");
            }
            String name = r.required("name");
            String river = r.required("river");
            String downstream = r.text("downstream");
            double len = positive(r, "length_km");
            double area = r.number("basin_area_km2", false);
            double meanQ = positive(r, "mean_flow_m3_per_s");
            double meanU = positive(r, "mean_velocity_m_per_s");
            double disp = positive(r, "dispersion_m2_per_s");
            double loss = r.nonNegative("first_order_loss_per_day");
            String src = r.source();
            double[] qa = q.get(id);
            double[] ua = u.get(id);
            if (qa == null || Arrays.stream(qa).anyMatch(Double::isNaN)) {
                r.fail("id", id, "needs a flow and velocity for each of the 12 months in " + FLOWS);
            }
            if (r.ok()) {
                out.add(new RiverNetwork.Reach(id, name, river, downstream, len, area, meanQ, meanU, disp, loss, qa, ua,
                        src));
                down.put(id, downstream);
                readers.put(id, r);
            }
        }
        for (var e : down.entrySet()) {
            String d = e.getValue();
            if (!d.isEmpty() && !ids.contains(d)) {
                readers.get(e.getKey()).fail("downstream", d, "unknown reach id");
            }
            // a cycle never reaches the outlet
            String x = e.getKey();
            int steps = 0;
            while (x != null && !x.isEmpty() && steps <= down.size()) {
                x = down.get(x);
                steps++;
            }
            if (steps > down.size()) {
                readers.get(e.getKey()).fail("downstream", d, "reaches form a cycle (the network must drain to an outlet)");
            }
        }
        for (String reach : q.keySet()) {
            if (!ids.contains(reach)) {
                problems.add(FLOWS, firstLine.get(reach), 0, "reach", reach, "unknown reach id");
            }
        }
        if (down.values().stream().filter(String::isEmpty).count() > 1) {
            problems.add(REACHES, 0, 0, "downstream", null, "more than one outlet reach (empty downstream)");
        }
        return out;
    }

    private static double[] filled() {
        double[] a = new double[12];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double positive(RowReader r, String field) {
        double d = r.number(field, true);
        if (!Double.isNaN(d) && d <= 0) {
            r.fail(field, r.text(field), "must be positive");
        }
        return d;
    }

    private static double kmOn(RowReader r, Map<String, RiverNetwork.Reach> reaches, String reach) {
        double km = r.nonNegative("km_from_reach_start");
        RiverNetwork.Reach rr = reaches.get(reach);
        if (rr == null) {
            if (!reach.isEmpty()) {
                r.fail("reach", reach, "unknown reach id");
            }
        } else if (km > rr.lengthKm()) {
            r.fail("km_from_reach_start", r.text("km_from_reach_start"),
                    "is beyond the end of reach " + reach + " (" + rr.lengthKm() + " km)");
        }
        return km;
    }

    static List<RiverNetwork.Outfall> outfalls(CsvTable t, Map<String, RiverNetwork.Reach> reaches, World core,
                                               Problems problems) {
        List<RiverNetwork.Outfall> out = new ArrayList<>();
        if (!t.requireColumns(problems, "id", "plant", "kind", "reach", "km_from_reach_start", "effluent_m3_per_day",
                "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.uniqueId("id", seen, "duplicate outfall id");
            String plant = r.text("plant");
            if (!plant.isEmpty() && core.findAsset(plant).isEmpty()) {
                r.fail("plant", plant, "unknown asset id");
            }
            String kind = r.required("kind");
            if (!kind.isEmpty() && !kind.equals("lithium") && !kind.equals("other")) {
                r.fail("kind", kind, "must be lithium or other");
            }
            String reach = r.required("reach");
            double km = kmOn(r, reaches, reach);
            double eff = r.nonNegative("effluent_m3_per_day");
            String src = r.source();
            if (r.ok()) {
                out.add(new RiverNetwork.Outfall(id, plant, kind, reach, km, eff, src));
            }
        }
        return out;
    }

    static List<RiverNetwork.Station> stations(CsvTable t, Map<String, RiverNetwork.Reach> reaches,
                                               Set<String> standards, World core, Problems problems) {
        List<RiverNetwork.Station> out = new ArrayList<>();
        if (!t.requireColumns(problems, "id", "kind", "reach", "km_from_reach_start", "site", "standard", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.uniqueId("id", seen, "duplicate station id");
            StationKind kind = r.parsed("kind", StationKind::parse);
            String reach = r.required("reach");
            double km = kmOn(r, reaches, reach);
            String site = r.text("site");
            if (!site.isEmpty() && core.findAsset(site).isEmpty()) {
                r.fail("site", site, "unknown asset id");
            }
            String std = r.required("standard");
            if (!std.isEmpty() && !standards.contains(std)) {
                r.fail("standard", std, "unknown standard id (see " + STANDARDS + ")");
            }
            String src = r.source();
            if (r.ok()) {
                out.add(new RiverNetwork.Station(id, kind, reach, km, site, std, src));
            }
        }
        return out;
    }
}
