package org.lichain.company;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lichain.dataset.CsvTable;
import org.lichain.dataset.DatasetExtension;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problems;
import org.lichain.dataset.RowReader;
import org.lichain.world.Asset;
import org.lichain.world.Route;
import org.lichain.world.World;

/**
 * Loads {@code companies.csv}, {@code company_plants.csv}, {@code company_offtakes.csv} and
 * {@code company_assumptions.csv}, recording every problem with file, line and field. A dataset without
 * {@code companies.csv} has no company part (the extension returns null); the other files then are not read.
 */
public final class CompaniesExtension implements DatasetExtension<Companies> {
    public static final String COMPANIES = "companies.csv";
    public static final String PLANTS = "company_plants.csv";
    public static final String OFFTAKES = "company_offtakes.csv";
    public static final String ASSUMPTIONS = "company_assumptions.csv";
    public static final String PRICE_POINTS = "company_price_points.csv";

    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9_-]*");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    @Override
    public Class<Companies> type() {
        return Companies.class;
    }

    @Override
    public List<String> files() {
        return List.of(COMPANIES, PLANTS, OFFTAKES, ASSUMPTIONS, PRICE_POINTS);
    }

    @Override
    public Companies load(DatasetSource source, World core, Problems problems) {
        var text = source.read(COMPANIES);
        if (text.isEmpty()) {
            return null;
        }
        List<Company> companies = companies(CsvTable.parse(COMPANIES, text.get(), problems), problems);
        Set<String> ids = new HashSet<>();
        companies.forEach(c -> ids.add(c.id()));
        Set<String> assetIds = new HashSet<>();
        for (Asset a : core.assets()) {
            assetIds.add(a.id());
        }
        List<CompanyPlant> plants = source.read(PLANTS)
                .map(t -> plants(CsvTable.parse(PLANTS, t, problems), ids, assetIds, problems)).orElse(List.of());
        List<Offtake> offtakes = source.read(OFFTAKES)
                .map(t -> offtakes(CsvTable.parse(OFFTAKES, t, problems), ids, assetIds, problems))
                .orElse(List.of());
        Map<Assumption, Companies.Value> assumptions = new EnumMap<>(Assumption.class);
        var at = source.read(ASSUMPTIONS);
        if (at.isEmpty()) {
            problems.add(ASSUMPTIONS, 0, 0, null, null, "required file is missing from " + source.name()
                    + " (needed with " + COMPANIES + ")");
        } else {
            assumptions = assumptions(CsvTable.parse(ASSUMPTIONS, at.get(), problems), problems);
        }
        List<PricePoint> points = source.read(PRICE_POINTS)
                .map(t -> pricePoints(CsvTable.parse(PRICE_POINTS, t, problems), problems)).orElse(List.of());
        return new Companies(companies, plants, offtakes, assumptions, points);
    }

    static List<PricePoint> pricePoints(CsvTable t, Problems problems) {
        List<PricePoint> out = new ArrayList<>();
        if (!t.requireColumns(problems, "series", "month", "value", "unit", "source")) {
            return out;
        }
        Map<String, String> units = Map.of(PricePoint.CARBONATE_CNY, "cny_per_t", PricePoint.SC6_USD, "usd_per_t",
                PricePoint.LEPIDOLITE_CNY, "cny_per_t");
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String series = r.required("series");
            if (!series.isEmpty() && !units.containsKey(series)) {
                r.fail("series", series, "unknown series, expected one of " + String.join(", ",
                        new java.util.TreeSet<>(units.keySet())));
            }
            var month = r.month("month", true);
            double value = r.nonNegative("value");
            String unit = r.required("unit");
            if (units.containsKey(series) && !unit.isEmpty() && !unit.equals(units.get(series))) {
                r.fail("unit", unit, "must be " + units.get(series) + " for " + series);
            }
            if (month != null && !seen.add(series + "|" + month)) {
                r.fail("month", month.toString(), "duplicate point for " + series);
            }
            String src = r.source();
            if (r.ok()) {
                out.add(new PricePoint(series, month, value, unit, src));
            }
        }
        return out;
    }

    static List<Company> companies(CsvTable t, Problems problems) {
        List<Company> out = new ArrayList<>();
        if (!t.requireColumns(problems, "id", "name", "country", "kind", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        Set<String> kinds = Set.of("battery_maker", "lithium_producer", "miner", "automaker", "archetype");
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.uniqueId("id", ID,
                    "must be upper-case letters, digits, '-' or '_' (the owner id of asset_owners.csv)", seen,
                    "duplicate company id");
            String name = r.required("name");
            String country = r.countryCode("country");
            String kind = r.required("kind");
            if (!kind.isEmpty() && !kinds.contains(kind)) {
                r.fail("kind", kind, "unknown kind, expected one of " + String.join(", ", new java.util.TreeSet<>(kinds)));
            }
            String src = r.source();
            if (r.ok()) {
                out.add(new Company(id, name, country, kind, src, r.text("note")));
            }
        }
        return out;
    }

    static List<CompanyPlant> plants(CsvTable t, Set<String> companyIds, Set<String> assetIds, Problems problems) {
        List<CompanyPlant> out = new ArrayList<>();
        if (!t.requireColumns(problems, "id", "company", "name", "segment", "region", "route", "capacity_per_year",
                "capacity_unit", "utilisation_pct", "from_year", "to_year", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.required("id");
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                r.fail("id", id, "must be upper-case letters, digits, '-' or '_'");
            } else if (!id.isEmpty() && (!seen.add(id) || assetIds.contains(id))) {
                r.fail("id", id, "duplicate plant id (plant ids must differ from each other and from asset ids)");
            }
            String company = r.required("company");
            if (!company.isEmpty() && !companyIds.contains(company)) {
                r.fail("company", company, "unknown company id (not in " + COMPANIES + ")");
            }
            String name = r.required("name");
            Segment segment = r.parsed("segment", Segment::parse);
            if (segment == Segment.MINING) {
                r.fail("segment", "mining", "mines are assets of the core dataset (assets.csv), not company plants");
            }
            String region = r.required("region");
            if (!region.isEmpty() && !REGION.matcher(region).matches()) {
                r.fail("region", region, "must be a country code or an ISO 3166-2 code such as CN-JX");
            }
            Route route = null;
            String routeText = r.text("route");
            if (segment == Segment.CONVERSION) {
                route = r.parsed("route", Route::parse);
                if (route != null && !route.hardRock()) {
                    r.fail("route", routeText, "a converter plant needs a hard-rock route (it buys concentrate)");
                }
            } else if (!routeText.isEmpty()) {
                r.fail("route", routeText, "only conversion plants have a route");
            }
            double capacity = r.nonNegative("capacity_per_year");
            String unit = r.required("capacity_unit");
            if (segment != null && !unit.isEmpty() && !unit.equals(unitOf(segment))) {
                r.fail("capacity_unit", unit, "must be " + unitOf(segment) + " for segment " + segment.id());
            }
            double util = r.between("utilisation_pct", 0, 100);
            int from = r.integer("from_year", 1990, 2100);
            int to = r.text("to_year").isEmpty() ? 0 : r.integer("to_year", 1990, 2100);
            if (to > 0 && to < from) {
                r.fail("to_year", r.text("to_year"), "is before from_year " + from);
            }
            String src = r.source();
            if (r.ok()) {
                out.add(new CompanyPlant(id, company, name, segment, region, route, capacity, util, from, to, src));
            }
        }
        return out;
    }

    static String unitOf(Segment s) {
        return switch (s) {
            case MINING, CONVERSION -> "t_lce_per_year";
            case CATHODE -> "t_per_year";
            case CELLS -> "gwh_per_year";
        };
    }

    static List<Offtake> offtakes(CsvTable t, Set<String> companyIds, Set<String> assetIds, Problems problems) {
        List<Offtake> out = new ArrayList<>();
        if (!t.requireColumns(problems, "company", "asset_id", "share_pct", "from_year", "to_year", "source")) {
            return out;
        }
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String company = r.required("company");
            if (!company.isEmpty() && !companyIds.contains(company)) {
                r.fail("company", company, "unknown company id (not in " + COMPANIES + ")");
            }
            String asset = r.required("asset_id");
            if (!asset.isEmpty() && !assetIds.contains(asset)) {
                r.fail("asset_id", asset, "unknown asset id (not in assets.csv)");
            }
            double share = r.between("share_pct", 0, 100);
            int from = r.integer("from_year", 1990, 2100);
            int to = r.text("to_year").isEmpty() ? 0 : r.integer("to_year", 1990, 2100);
            String src = r.source();
            if (r.ok()) {
                out.add(new Offtake(company, asset, share, from, to, src));
            }
        }
        return out;
    }

    static Map<Assumption, Companies.Value> assumptions(CsvTable t, Problems problems) {
        Map<Assumption, Companies.Value> out = new EnumMap<>(Assumption.class);
        if (!t.requireColumns(problems, "key", "value", "unit", "source")) {
            return out;
        }
        Map<Assumption, Integer> lines = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            Assumption key = r.parsed("key", Assumption::parse);
            double value = r.nonNegative("value");
            String unit = r.required("unit");
            if (key != null && !unit.isEmpty() && !unit.equals(key.unit())) {
                r.fail("unit", unit, "must be " + key.unit() + " for " + key.id());
            }
            if (key != null && key.unit().equals("pct") && value > 100) {
                r.fail("value", r.text("value"), "a percentage must be at most 100");
            }
            if (key != null && lines.containsKey(key)) {
                r.fail("key", key.id(), "duplicate key (first on line " + lines.get(key) + ")");
            } else if (key != null) {
                lines.put(key, row.line());
            }
            String src = r.source();
            if (r.ok()) {
                out.put(key, new Companies.Value(key, value, src));
            }
        }
        for (Assumption a : Assumption.values()) {
            if (!lines.containsKey(a)) {
                problems.add(t.file(), 0, 0, "key", a.id(), "required assumption is missing");
            }
        }
        return out;
    }
}
