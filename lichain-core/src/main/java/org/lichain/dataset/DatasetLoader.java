package org.lichain.dataset;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.AssetStatus;
import org.lichain.world.CapacityEvent;
import org.lichain.world.CapacityTimeline;
import org.lichain.world.Fiscal;
import org.lichain.world.Fx;
import org.lichain.world.GridFactors;
import org.lichain.world.InputPrices;
import org.lichain.world.ParameterValue;
import org.lichain.world.Parameters;
import org.lichain.world.ProcessParameter;
import org.lichain.world.Production;
import org.lichain.world.ReferencePrices;
import org.lichain.world.ResourceType;
import org.lichain.world.Route;
import org.lichain.world.Stake;
import org.lichain.world.World;

/**
 * Loads and validates a dataset into a {@link World}. Every problem in every file is collected with
 * file, line, column, field, value and reason; if there is any, one {@link DatasetException} lists them all.
 */
public final class DatasetLoader {
    public static final String ASSETS = "assets.csv";
    public static final String OWNERS = "asset_owners.csv";
    public static final String CAPACITY = "capacity_events.csv";
    public static final String PRODUCTION = "asset_production.csv";
    public static final String ROUTE_PARAMETERS = "route_parameters.csv";
    public static final String ASSET_PARAMETERS = "asset_parameters.csv";
    public static final String INPUT_PRICES = "input_prices.csv";
    public static final String FX = "fx.csv";
    public static final String GRID_FACTORS = "grid_factors.csv";
    public static final String FISCAL = "fiscal.csv";
    public static final String ROYALTY_TIERS = "royalty_tiers.csv";
    public static final String REFERENCE_PRICES = "reference_prices.csv";

    /** The core files, in load order. */
    public static final List<String> CORE_FILES = List.of(ASSETS, OWNERS, CAPACITY, PRODUCTION, ROUTE_PARAMETERS,
            ASSET_PARAMETERS, INPUT_PRICES, FX, GRID_FACTORS, FISCAL, ROYALTY_TIERS, REFERENCE_PRICES);
    private static final Set<String> OPTIONAL_FILES = Set.of(OWNERS, PRODUCTION, ASSET_PARAMETERS, ROYALTY_TIERS);

    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9_-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?|\\*");
    private static final Map<String, Set<String>> PRICE_UNITS = Map.of(
            "electricity", Set.of("cny_per_kwh", "usd_per_kwh", "aud_per_kwh"),
            "fuel", Set.of("usd_per_gj", "cny_per_gj", "aud_per_gj"),
            "reagent", Set.of("usd_per_t", "cny_per_t", "aud_per_t"));
    private static final Set<String> FUELS = Set.of("coal", "natural_gas", "diesel");
    public static final Set<String> REAGENTS = Set.of("na2so4", "k2so4", "cao", "caco3", "h2so4", "na2co3", "naoh",
            "hcl");

    private static volatile World embedded;

    private DatasetLoader() {
    }

    /** The embedded default dataset, loaded once per JVM. */
    public static World loadEmbedded() {
        World w = embedded;
        if (w == null) {
            synchronized (DatasetLoader.class) {
                w = embedded;
                if (w == null) {
                    w = load(DatasetSource.embedded());
                    embedded = w;
                }
            }
        }
        return w;
    }

    /** Every file name a complete dataset may hold: core files and the extensions' files. */
    public static List<String> allFiles() {
        List<String> files = new ArrayList<>(CORE_FILES);
        for (DatasetExtension<?> ext : extensions()) {
            for (String f : ext.files()) {
                if (!files.contains(f)) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    @SuppressWarnings("rawtypes")
    public static List<DatasetExtension<?>> extensions() {
        List<DatasetExtension<?>> list = new ArrayList<>();
        for (DatasetExtension e : ServiceLoader.load(DatasetExtension.class)) {
            list.add(e);
        }
        list.sort((a, b) -> a.type().getName().compareTo(b.type().getName()));
        return list;
    }

    /** Loads and validates; throws {@link DatasetException} with every problem found. */
    public static World load(DatasetSource source) {
        Problems problems = new Problems();
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        for (String f : CORE_FILES) {
            var text = source.read(f);
            if (text.isEmpty()) {
                if (!OPTIONAL_FILES.contains(f)) {
                    problems.add(f, 0, 0, null, null, "required file is missing from " + source.name());
                }
                continue;
            }
            tables.put(f, CsvTable.parse(f, text.get(), problems));
        }
        Map<String, List<Stake>> owners = owners(tables.get(OWNERS), problems);
        Map<String, List<CapacityEvent>> events = new HashMap<>();
        // assets first: other files refer to their ids
        List<AssetRow> assetRows = assets(tables.get(ASSETS), problems);
        Set<String> ids = new HashSet<>();
        for (AssetRow a : assetRows) {
            ids.add(a.id);
        }
        checkRefs(tables.get(OWNERS), "asset_id", ids, problems);
        capacity(tables.get(CAPACITY), ids, events, problems);
        List<Production> production = production(tables.get(PRODUCTION), ids, problems);
        Map<Route, Parameters> routeParams = routeParameters(tables.get(ROUTE_PARAMETERS), problems);
        Map<String, Parameters> assetParams = assetParameters(tables.get(ASSET_PARAMETERS), ids, problems);
        InputPrices prices = inputPrices(tables.get(INPUT_PRICES), problems);
        Fx fx = fx(tables.get(FX), problems);
        GridFactors grid = gridFactors(tables.get(GRID_FACTORS), problems);
        Fiscal fiscal = fiscal(tables.get(FISCAL), tables.get(ROYALTY_TIERS), problems);
        ReferencePrices refPrices = referencePrices(tables.get(REFERENCE_PRICES), problems);

        List<Asset> assets = new ArrayList<>();
        for (AssetRow r : assetRows) {
            assets.add(new Asset(r.id, r.name, r.country, r.region, r.resourceType, r.route, r.kind, r.status, r.lat,
                    r.lon, r.aggregate, owners.getOrDefault(r.id, List.of()),
                    new CapacityTimeline(events.getOrDefault(r.id, List.of())), r.source, r.note));
        }
        if (!problems.isEmpty()) {
            problems.throwIfAny("invalid dataset (" + source.name() + ")");
        }
        World core = new World(assets, routeParams, assetParams, production, prices, fx, grid, fiscal, refPrices,
                Map.of());
        Map<Class<?>, Object> ext = new HashMap<>();
        for (DatasetExtension<?> e : extensions()) {
            Object value = e.load(source, core, problems);
            if (value != null) {
                ext.put(e.type(), value);
            }
        }
        problems.throwIfAny("invalid dataset (" + source.name() + ")");
        return ext.isEmpty() ? core : new World(assets, routeParams, assetParams, production, prices, fx, grid, fiscal,
                refPrices, ext);
    }

    private record AssetRow(String id, String name, String country, String region, ResourceType resourceType,
                            Route route, AssetKind kind, AssetStatus status, double lat, double lon, boolean aggregate,
                            String source, String note) {
    }

    private static List<AssetRow> assets(CsvTable t, Problems problems) {
        List<AssetRow> out = new ArrayList<>();
        if (t == null || !t.requireColumns(problems, "id", "name", "country", "region", "resource_type", "route",
                "kind", "status_2025", "lat", "lon", "aggregate", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.uniqueId("id", ID, "must be upper-case letters, digits, '-' or '_'", seen,
                    "duplicate asset id");
            String name = r.required("name");
            String country = r.countryCode("country");
            String region = r.required("region");
            if (!region.isEmpty() && !REGION.matcher(region).matches()) {
                r.fail("region", region, "must be a country code or an ISO 3166-2 code such as CN-JX");
            } else if (!region.isEmpty() && !country.isEmpty() && !region.startsWith(country)) {
                r.fail("region", region, "is not in country " + country);
            }
            ResourceType type = r.parsed("resource_type", ResourceType::parse);
            Route route = r.parsed("route", Route::parse);
            AssetKind kind = r.parsed("kind", AssetKind::parse);
            AssetStatus status = r.parsed("status_2025", AssetStatus::parse);
            double lat = r.number("lat", true);
            double lon = r.number("lon", true);
            if (lat < -90 || lat > 90) {
                r.fail("lat", r.text("lat"), "must be between -90 and 90 degrees");
            }
            if (lon < -180 || lon > 180) {
                r.fail("lon", r.text("lon"), "must be between -180 and 180 degrees");
            }
            if (type != null && route != null && kind != null && kind != AssetKind.CONVERTER
                    && type != ResourceType.CLAY && type != ResourceType.OTHER && route.feed() != type) {
                r.fail("route", route.id(), "does not process " + type.id());
            }
            boolean aggregate = r.bool("aggregate");
            String source = r.source();
            if (r.ok()) {
                out.add(new AssetRow(id, name, country, region, type, route, kind, status, lat, lon, aggregate, source,
                        r.text("note")));
            }
        }
        return out;
    }

    private static void checkRefs(CsvTable t, String column, Set<String> ids, Problems problems) {
        if (t == null || t.indexOf(column) < 0) {
            return;
        }
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.text(column);
            if (!id.isEmpty() && !ids.contains(id)) {
                r.fail(column, id, "unknown asset id (not in " + ASSETS + ")");
            }
        }
    }

    private static Map<String, List<Stake>> owners(CsvTable t, Problems problems) {
        Map<String, List<Stake>> out = new HashMap<>();
        if (t == null || !t.requireColumns(problems, "asset_id", "owner", "stake_pct", "source")) {
            return out;
        }
        Map<String, Double> total = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String asset = r.required("asset_id");
            String owner = r.required("owner");
            if (!owner.isEmpty() && !ID.matcher(owner).matches()) {
                r.fail("owner", owner, "must be a company id in upper case (e.g. CATL)");
            }
            double stake = r.between("stake_pct", 0, 100);
            String source = r.source();
            double sum = total.merge(asset, stake, Double::sum);
            if (sum > 100.0 + 1e-6) {
                r.fail("stake_pct", r.text("stake_pct"), "stakes of asset " + asset + " add up to "
                        + RowReader.fmt(sum) + "%, more than 100%");
            }
            if (r.ok()) {
                out.computeIfAbsent(asset, k -> new ArrayList<>()).add(new Stake(owner, stake, source));
            }
        }
        return out;
    }

    private static void capacity(CsvTable t, Set<String> ids, Map<String, List<CapacityEvent>> out,
                                 Problems problems) {
        if (t == null || !t.requireColumns(problems, "asset_id", "from", "to", "capacity_t_lce_per_year",
                "ramp_months", "kind", "cause", "source")) {
            return;
        }
        Map<String, List<CsvTable.Row>> lines = new HashMap<>();
        Map<String, List<CapacityEvent>> local = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String asset = r.required("asset_id");
            if (!asset.isEmpty() && !ids.contains(asset)) {
                r.fail("asset_id", asset, "unknown asset id (not in " + ASSETS + ")");
            }
            YearMonth from = r.month("from", true);
            YearMonth to = r.month("to", false);
            if (from != null && to != null && to.isBefore(from)) {
                r.fail("to", r.text("to"), "is before 'from' " + from);
            }
            double cap = r.nonNegative("capacity_t_lce_per_year");
            int ramp = r.text("ramp_months").isEmpty() ? 0 : r.integer("ramp_months", 0, 240);
            CapacityEvent.Kind kind = r.parsed("kind", CapacityEvent.Kind::parse);
            CapacityEvent.Cause cause = r.parsed("cause", CapacityEvent.Cause::parse);
            String source = r.source();
            YearMonth knownFrom = knownFrom(r, from, kind);
            if (r.ok()) {
                out.computeIfAbsent(asset, k -> new ArrayList<>()).add(new CapacityEvent(from, to, cap, ramp, kind,
                        cause, source, knownFrom));
                lines.computeIfAbsent(asset, k -> new ArrayList<>()).add(row);
                List<CapacityEvent> all = out.get(asset);
                local.computeIfAbsent(asset, k -> new ArrayList<>()).add(all.get(all.size() - 1));
            }
        }
        // an expansion, curtailment, ... dated before the asset's first start describes an asset that does not
        // exist yet (issue #16: such rows were accepted silently)
        for (var e : local.entrySet()) {
            List<CapacityEvent> events = e.getValue();
            YearMonth firstStart = null;
            for (CapacityEvent ev : events) {
                if (ev.kind() == CapacityEvent.Kind.START && (firstStart == null || ev.from().isBefore(firstStart))) {
                    firstStart = ev.from();
                }
            }
            if (firstStart == null) {
                continue; // aggregates and converters may be described by expansions only
            }
            for (int i = 0; i < events.size(); i++) {
                CapacityEvent ev = events.get(i);
                if (ev.kind() != CapacityEvent.Kind.START && ev.from().isBefore(firstStart)) {
                    String kind = ev.kind().name().toLowerCase(java.util.Locale.ROOT);
                    new RowReader(t, lines.get(e.getKey()).get(i), problems).fail("from", ev.from().toString(),
                            "an event of kind " + kind + " before the asset's start " + firstStart);
                }
            }
        }
    }

    /**
     * The optional {@code known_from} column of a capacity event (data vintage): empty or absent means the default
     * ({@link CapacityEvent#defaultKnownFrom}: the start month when historical, the dataset's vintage for an announced
     * future event). Refused: a month after the dataset's vintage (nothing is known after the record ends), and a
     * construction start or expansion known only after it began (a plant is known by the time it produces; a
     * disclosure after the fact makes sense only for accidents, permits, policies and closures).
     */
    private static YearMonth knownFrom(RowReader r, YearMonth from, CapacityEvent.Kind kind) {
        YearMonth k = r.month("known_from", false);
        if (k == null) {
            return null;
        }
        if (k.isAfter(CapacityEvent.DATASET_VINTAGE)) {
            r.fail("known_from", k.toString(), "is after the dataset's vintage " + CapacityEvent.DATASET_VINTAGE);
            return null;
        }
        if (from != null && k.isAfter(from) && (kind == CapacityEvent.Kind.START
                || kind == CapacityEvent.Kind.EXPANSION)) {
            r.fail("known_from", k.toString(), "is after the " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + "'s own month " + from + " (a plant is known by the time it starts)");
            return null;
        }
        return k;
    }

    private static List<Production> production(CsvTable t, Set<String> ids, Problems problems) {
        List<Production> out = new ArrayList<>();
        if (t == null || !t.requireColumns(problems, "asset_id", "year", "production_t_lce", "basis", "source")) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String asset = r.required("asset_id");
            if (!asset.isEmpty() && !ids.contains(asset)) {
                r.fail("asset_id", asset, "unknown asset id (not in " + ASSETS + ")");
            }
            int year = r.integer("year", 1990, 2100);
            if (!seen.add(asset + "|" + year)) {
                r.fail("year", r.text("year"), "a second production row for asset " + asset + " in " + year);
            }
            double t_lce = r.nonNegative("production_t_lce");
            Production.Basis basis = r.parsed("basis", Production.Basis::parse);
            String source = r.source();
            if (r.ok()) {
                out.add(new Production(asset, year, t_lce, basis, source));
            }
        }
        return out;
    }

    private static ProcessParameter parameter(RowReader r) {
        ProcessParameter p = r.parsed("parameter", ProcessParameter::parse);
        if (p != null) {
            String unit = r.text("unit");
            if (!unit.equals(p.unit())) {
                r.fail("unit", unit, "wrong unit for " + p.id() + ": expected '" + p.unit() + "'");
                return null;
            }
        }
        return p;
    }

    private static ParameterValue parameterValue(RowReader r, ProcessParameter p) {
        String source = r.source();
        if (p.textual()) {
            String v = r.required("value");
            if (!v.isEmpty() && !REGION.matcher(v).matches()) {
                r.fail("value", v, "must be a region code such as CN-SC");
            }
            return new ParameterValue(0.0, v, source);
        }
        double v = r.nonNegative("value");
        if (p.unit().equals("pct") && v > 100) {
            r.fail("value", r.text("value"), "a percentage must be at most 100");
        }
        if ((p == ProcessParameter.HEAD_GRADE_LI2O_PCT || p == ProcessParameter.CONCENTRATE_GRADE_LI2O_PCT
                || p == ProcessParameter.REFINING_RECOVERY_PCT || p == ProcessParameter.BENEFICIATION_RECOVERY_PCT
                || p == ProcessParameter.BRINE_LI_MG_PER_L) && v == 0.0) {
            r.fail("value", r.text("value"), p.id() + " must be greater than 0");
        }
        return ParameterValue.of(v, source);
    }

    private static Map<Route, Parameters> routeParameters(CsvTable t, Problems problems) {
        Map<Route, Map<ProcessParameter, ParameterValue>> acc = new EnumMap<>(Route.class);
        if (t == null || !t.requireColumns(problems, "route", "parameter", "value", "unit", "source")) {
            return Map.of();
        }
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            Route route = r.parsed("route", Route::parse);
            ProcessParameter p = parameter(r);
            if (p == null) {
                continue;
            }
            ParameterValue v = parameterValue(r, p);
            if (r.ok() && route != null) {
                if (acc.computeIfAbsent(route, k -> new EnumMap<>(ProcessParameter.class)).put(p, v) != null) {
                    r.fail("parameter", p.id(), "set twice for route " + route.id());
                }
            }
        }
        Map<Route, Parameters> out = new EnumMap<>(Route.class);
        acc.forEach((k, v) -> out.put(k, new Parameters(v)));
        return out;
    }

    private static Map<String, Parameters> assetParameters(CsvTable t, Set<String> ids, Problems problems) {
        Map<String, Map<ProcessParameter, ParameterValue>> acc = new HashMap<>();
        if (t == null || !t.requireColumns(problems, "asset_id", "parameter", "value", "unit", "source")) {
            return Map.of();
        }
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String asset = r.required("asset_id");
            if (!asset.isEmpty() && !ids.contains(asset)) {
                r.fail("asset_id", asset, "unknown asset id (not in " + ASSETS + ")");
            }
            ProcessParameter p = parameter(r);
            if (p == null) {
                continue;
            }
            ParameterValue v = parameterValue(r, p);
            if (r.ok()) {
                if (acc.computeIfAbsent(asset, k -> new EnumMap<>(ProcessParameter.class)).put(p, v) != null) {
                    r.fail("parameter", p.id(), "set twice for asset " + asset);
                }
            }
        }
        Map<String, Parameters> out = new HashMap<>();
        acc.forEach((k, v) -> out.put(k, new Parameters(v)));
        return out;
    }

    private static InputPrices inputPrices(CsvTable t, Problems problems) {
        List<InputPrices.Price> out = new ArrayList<>();
        if (t == null || !t.requireColumns(problems, "item", "region", "from", "value", "unit", "source")) {
            return new InputPrices(out);
        }
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String item = r.required("item");
            String kind = item.equals("electricity") ? "electricity"
                    : FUELS.contains(item) ? "fuel" : REAGENTS.contains(item) ? "reagent" : null;
            if (!item.isEmpty() && kind == null) {
                r.fail("item", item, "unknown input; expected electricity, coal, natural_gas, diesel or a reagent "
                        + new java.util.TreeSet<>(REAGENTS));
            }
            String region = r.required("region");
            if (!region.isEmpty() && !REGION.matcher(region).matches()) {
                r.fail("region", region, "must be a country code, an ISO 3166-2 code such as CN-JX, or *");
            }
            YearMonth from = r.month("from", true);
            double value = r.nonNegative("value");
            String unit = r.required("unit");
            if (kind != null && !unit.isEmpty() && !PRICE_UNITS.get(kind).contains(unit)) {
                r.fail("unit", unit, "wrong unit for " + item + ": expected one of " + PRICE_UNITS.get(kind));
            }
            String source = r.source();
            if (r.ok()) {
                out.add(new InputPrices.Price(item, region, from, value, unit, source));
            }
        }
        return new InputPrices(out);
    }

    private static Fx fx(CsvTable t, Problems problems) {
        Map<YearMonth, Fx.Rates> out = new HashMap<>();
        if (t == null || !t.requireColumns(problems, "month", "cny_per_usd", "aud_per_usd", "source")) {
            return null;
        }
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            YearMonth m = r.month("month", true);
            double cny = r.between("cny_per_usd", 1, 20);
            double aud = r.between("aud_per_usd", 0.5, 3);
            String source = r.source();
            if (r.ok() && out.put(m, new Fx.Rates(cny, aud, source)) != null) {
                r.fail("month", r.text("month"), "duplicate month");
            }
        }
        if (out.isEmpty()) {
            problems.add(t.file(), 0, 0, null, null, "has no rates");
            return null;
        }
        return new Fx(out);
    }

    private static GridFactors gridFactors(CsvTable t, Problems problems) {
        List<GridFactors.Factor> out = new ArrayList<>();
        if (t == null || !t.requireColumns(problems, "region", "year", "kg_co2_per_kwh", "source")) {
            return new GridFactors(out);
        }
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String region = r.required("region");
            if (!region.isEmpty() && !REGION.matcher(region).matches()) {
                r.fail("region", region, "must be a country code, an ISO 3166-2 code such as CN-JX, or *");
            }
            int year = r.integer("year", 1990, 2100);
            double f = r.between("kg_co2_per_kwh", 0, 2);
            String source = r.source();
            if (r.ok()) {
                out.add(new GridFactors.Factor(region, year, f, source));
            }
        }
        return new GridFactors(out);
    }

    private static Fiscal fiscal(CsvTable t, CsvTable tiers, Problems problems) {
        List<Fiscal.CountryFiscal> countries = new ArrayList<>();
        List<Fiscal.RoyaltyTier> tierList = new ArrayList<>();
        if (t != null && t.requireColumns(problems, "country", "royalty_pct", "royalty_basis", "vat_pct", "source")) {
            for (CsvTable.Row row : t.rows()) {
                RowReader r = new RowReader(t, row, problems);
                String c = r.required("country");
                if (!c.isEmpty() && !COUNTRY.matcher(c).matches() && !c.equals("*")) {
                    r.fail("country", c, "must be an ISO 3166-1 alpha-2 code or *");
                }
                double royalty = r.between("royalty_pct", 0, 100);
                Fiscal.RoyaltyBasis basis = r.parsed("royalty_basis", Fiscal.RoyaltyBasis::parse);
                double vat = r.between("vat_pct", 0, 100);
                String source = r.source();
                if (r.ok()) {
                    countries.add(new Fiscal.CountryFiscal(c, royalty, basis, vat, source));
                }
            }
        }
        if (tiers != null && tiers.requireColumns(problems, "country", "price_from_usd_per_t_lce", "rate_pct",
                "source")) {
            for (CsvTable.Row row : tiers.rows()) {
                RowReader r = new RowReader(tiers, row, problems);
                String c = r.required("country");
                double from = r.nonNegative("price_from_usd_per_t_lce");
                double rate = r.between("rate_pct", 0, 100);
                String source = r.source();
                if (r.ok()) {
                    tierList.add(new Fiscal.RoyaltyTier(c, from, rate, source));
                }
            }
        }
        return new Fiscal(countries, tierList);
    }

    private static ReferencePrices referencePrices(CsvTable t, Problems problems) {
        List<ReferencePrices.Point> out = new ArrayList<>();
        if (t == null || !t.requireColumns(problems, "series", "period", "value", "unit", "source")) {
            return new ReferencePrices(out);
        }
        Pattern period = Pattern.compile("\\d{4}(-\\d{2})?");
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String series = r.required("series");
            String p = r.required("period");
            if (!p.isEmpty() && !period.matcher(p).matches()) {
                r.fail("period", p, "must be YYYY or YYYY-MM");
            }
            double v = r.nonNegative("value");
            String unit = r.required("unit");
            String source = r.source();
            if (r.ok()) {
                out.add(new ReferencePrices.Point(series, p, v, unit, source));
            }
        }
        return new ReferencePrices(out);
    }
}
