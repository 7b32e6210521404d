package org.lichain.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lichain.dataset.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario YAML file and validates it, reporting every problem as {@code file:line:column} with the field
 * path, the value and the reason (a {@link org.lichain.dataset.DatasetException}). Keys not given take the base
 * scenario's values; policy lists in the file are added to the base scenario's (historical) policies unless
 * {@code inherit_policies: false}. Schema in docs/market.md.
 */
public final class ScenarioParser {
    private static final Set<String> TOP = Set.of("name", "from", "to", "seed", "demand", "policies", "shocks", "force_market_events",
            "price_formation", "inherit_policies");
    private static volatile Scenario base;

    private final String file;
    private final Problems problems = new Problems();

    private ScenarioParser(String file) {
        this.file = file;
    }

    /** The embedded base scenario. */
    static Scenario embeddedBase() {
        Scenario b = base;
        if (b == null) {
            try (InputStream in = ScenarioParser.class.getResourceAsStream("/org/lichain/market/base-scenario.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("embedded base-scenario.yaml is missing");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                b = new ScenarioParser("base-scenario.yaml").parseText(text, null);
                base = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    /** Parses a scenario on top of the base scenario; throws DatasetException listing every problem. */
    public static Scenario parse(String fileName, String yamlText) {
        return new ScenarioParser(fileName).parseText(yamlText, embeddedBase());
    }

    /**
     * As {@link #parse(String, String)}, and checks every id against the world it will run on: the asset of each
     * shock and state-support entry, the demand preset; an unknown id is a problem at its file:line:column.
     */
    public static Scenario parse(String fileName, String yamlText, org.lichain.world.World world) {
        ScenarioParser p = new ScenarioParser(fileName);
        p.world = world;
        return p.parseText(yamlText, embeddedBase());
    }

    private org.lichain.world.World world;

    /**
     * The last month the data cover for a run with demand preset {@code preset}: December of the preset's last year in
     * {@code demand_drivers.csv} (2040 in the embedded dataset). Beyond it demand would be held at its last value, a
     * horizon beyond the data (issue 16); null when the preset is unknown (refused elsewhere).
     */
    public static YearMonth lastDataMonth(org.lichain.world.World world, String preset) {
        MarketData d = world == null ? MarketDataExtension.loadEmbedded()
                : world.extension(MarketData.class).orElseGet(MarketDataExtension::loadEmbedded);
        var years = d.presets().get(preset);
        return years == null || years.isEmpty() ? null : YearMonth.of(years.lastKey(), 12);
    }

    /** Why {@code to} is beyond the data of {@code preset}, or null when it is not. */
    public static String beyondData(org.lichain.world.World world, String preset, YearMonth to) {
        YearMonth last = lastDataMonth(world, preset);
        return last == null || to == null || !to.isAfter(last) ? null : "is beyond the data: the demand preset '"
                + preset + "' ends in " + last.getYear() + " (demand_drivers.csv), so the last month a run can reach "
                + "is " + last;
    }

    private void checkAsset(Node n, String field, String id) {
        if (world != null && id != null && world.findAsset(id).isEmpty()) {
            fail(n, field, id, "is not an asset of the dataset" + org.lichain.dataset.KnownIds.hint(id,
                    world.assets().stream().map(org.lichain.world.Asset::id).toList(),
                    "list them with 'lichain assets'"));
        }
    }

    /** A state-support region must be the region or country of an asset of the dataset (else it supports none). */
    private void checkRegion(Node n, String field, String region) {
        if (world == null || region == null) {
            return;
        }
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (org.lichain.world.Asset a : world.assets()) {
            known.add(a.region());
            known.add(a.country());
        }
        if (!known.contains(region)) {
            fail(n, field, region, "is not the region or country of any asset of the dataset"
                    + org.lichain.dataset.KnownIds.hint(region, known, "list them with 'lichain assets'"));
        }
    }

    private void checkPreset(Node n, String preset) {
        if (world == null || preset == null) {
            return;
        }
        java.util.Set<String> known = world.extension(MarketData.class).orElseGet(MarketDataExtension::loadEmbedded)
                .presets().keySet();
        if (!known.contains(preset)) {
            fail(n, "demand.preset", preset, "is not a demand preset of the dataset (known: "
                    + new java.util.TreeSet<>(known) + ")");
        }
    }

    private Scenario parseText(String text, Scenario parent) {
        Node root;
        try {
            LoaderOptions lo = new LoaderOptions();
            lo.setAllowDuplicateKeys(false);
            root = new Yaml(lo).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, null,
                    null, "invalid YAML: " + e.getProblem());
            problems.throwIfAny("invalid scenario " + file);
            return null;
        } catch (RuntimeException e) {
            problems.add(file, 0, 0, null, null, "invalid YAML: " + e.getMessage());
            problems.throwIfAny("invalid scenario " + file);
            return null;
        }
        String name = parent == null ? "base" : stripExt(file);
        YearMonth from = parent == null ? YearMonth.of(2020, 1) : parent.from();
        YearMonth to = parent == null ? YearMonth.of(2040, 12) : parent.to();
        long seed = parent == null ? 1 : parent.seed();
        String preset = parent == null ? Scenario.DEFAULT_PRESET : parent.demandPreset();
        Map<String, Double> mult = new HashMap<>();
        double noise = 0;
        List<Scenario.Tariff> tariffs = new ArrayList<>();
        List<Scenario.ExportBan> bans = new ArrayList<>();
        List<Scenario.Quota> quotas = new ArrayList<>();
        List<Scenario.StateSupport> support = new ArrayList<>();
        List<Scenario.Shock> shocks = new ArrayList<>();
        Map<String, Double> pf = new LinkedHashMap<>();
        boolean inherit = true;
        boolean forceMarket = parent != null && parent.forceMarketEvents();
        Node toNode = null;
        if (root == null) {
            problems.add(file, 0, 0, null, null, "is empty: a scenario needs at least one key (name, from, to, ...)");
            problems.throwIfAny("invalid scenario " + file);
            return null;
        }
        if (!(root instanceof MappingNode top)) {
            fail(root, "", null, "a scenario must be a mapping of keys (name, from, to, ...)");
            problems.throwIfAny("invalid scenario " + file);
            return null;
        }
        checkDuplicates(top, "");
        for (NodeTuple e : top.getValue()) {
            String key = key(e);
            Node v = e.getValueNode();
            switch (key) {
                case "name" -> name = scalar(v, key);
                case "from" -> from = month(v, key, true);
                case "to" -> {
                    to = month(v, key, true);
                    toNode = v;
                }
                case "seed" -> seed = (long) number(v, key, 0, Long.MAX_VALUE, true);
                case "inherit_policies" -> inherit = bool(v, key);
                case "force_market_events" -> forceMarket = bool(v, key);
                case "demand" -> {
                    for (NodeTuple d : mapping(v, key)) {
                        String k = key(d);
                        Node dv = d.getValueNode();
                        switch (k) {
                            case "preset" -> {
                                preset = scalar(dv, "demand.preset");
                                checkPreset(dv, preset);
                            }
                            case "noise_pct" -> noise = number(dv, "demand.noise_pct", 0, 50, true);
                            case "multipliers" -> {
                                for (NodeTuple mm : mapping(dv, "demand.multipliers")) {
                                    String mk = key(mm);
                                    if (!isMultiplierKey(mk)) {
                                        fail(mm.getKeyNode(), "demand.multipliers", mk,
                                                "unknown key; use all, ev, storage, consumer, industrial or a region "
                                                        + "CN, EU, NA, JK, ROW");
                                    }
                                    mult.put(mk, number(mm.getValueNode(), "demand.multipliers." + mk, 0, 100, true));
                                }
                            }
                            default -> fail(d.getKeyNode(), "demand", k,
                                    "unknown key; expected preset, multipliers, noise_pct");
                        }
                    }
                }
                case "policies" -> {
                    for (NodeTuple d : mapping(v, key)) {
                        String k = key(d);
                        Node dv = d.getValueNode();
                        switch (k) {
                            case "tariffs" -> {
                                for (Node item : sequence(dv, "policies.tariffs")) {
                                    Map<String, Node> f = fields(item, "policies.tariffs",
                                            Set.of("origin", "destination", "product", "rate", "specific_usd_per_t_lce",
                                                    "from", "to", "known_from"), Set.of("origin", "destination", "product"));
                                    String product = product(f.get("product"), "policies.tariffs.product");
                                    double rate = f.containsKey("rate")
                                            ? number(f.get("rate"), "policies.tariffs.rate", 0, 10, true) : 0;
                                    double spec = f.containsKey("specific_usd_per_t_lce") ? number(
                                            f.get("specific_usd_per_t_lce"), "policies.tariffs.specific_usd_per_t_lce",
                                            0, 1e6, true) : 0;
                                    tariffs.add(new Scenario.Tariff(code(f.get("origin"), "policies.tariffs.origin"),
                                            code(f.get("destination"), "policies.tariffs.destination"), product, rate,
                                            spec, month(f.get("from"), "policies.tariffs.from", false),
                                            month(f.get("to"), "policies.tariffs.to", false),
                                            month(f.get("known_from"), "policies.tariffs.known_from", false)));
                                }
                            }
                            case "export_bans" -> {
                                for (Node item : sequence(dv, "policies.export_bans")) {
                                    Map<String, Node> f = fields(item, "policies.export_bans",
                                            Set.of("country", "product", "from", "to", "known_from"),
                                            Set.of("country", "product"));
                                    bans.add(new Scenario.ExportBan(code(f.get("country"), "policies.export_bans.country"),
                                            product(f.get("product"), "policies.export_bans.product"),
                                            month(f.get("from"), "policies.export_bans.from", false),
                                            month(f.get("to"), "policies.export_bans.to", false),
                                            month(f.get("known_from"), "policies.export_bans.known_from", false)));
                                }
                            }
                            case "quotas" -> {
                                for (Node item : sequence(dv, "policies.quotas")) {
                                    Map<String, Node> f = fields(item, "policies.quotas",
                                            Set.of("country", "product", "t_lce_per_year", "from", "to", "known_from"),
                                            Set.of("country", "product", "t_lce_per_year"));
                                    quotas.add(new Scenario.Quota(code(f.get("country"), "policies.quotas.country"),
                                            product(f.get("product"), "policies.quotas.product"),
                                            number(f.get("t_lce_per_year"), "policies.quotas.t_lce_per_year", 0, 1e8,
                                                    true),
                                            month(f.get("from"), "policies.quotas.from", false),
                                            month(f.get("to"), "policies.quotas.to", false),
                                            month(f.get("known_from"), "policies.quotas.known_from", false)));
                                }
                            }
                            case "state_support" -> {
                                for (Node item : sequence(dv, "policies.state_support")) {
                                    Map<String, Node> f = fields(item, "policies.state_support",
                                            Set.of("region", "asset", "loss_tolerance", "extra_months",
                                                    "utilisation_floor_pct"),
                                            Set.of("loss_tolerance"));
                                    if (f.containsKey("region") == f.containsKey("asset")) {
                                        fail(item, "policies.state_support", null, "give exactly one of region or asset");
                                    }
                                    if (f.containsKey("asset")) {
                                        checkAsset(f.get("asset"), "policies.state_support.asset",
                                                scalar(f.get("asset"), "policies.state_support.asset"));
                                    }
                                    if (f.containsKey("region")) {
                                        checkRegion(f.get("region"), "policies.state_support.region",
                                                scalar(f.get("region"), "policies.state_support.region"));
                                    }
                                    support.add(new Scenario.StateSupport(
                                            f.containsKey("asset") ? scalar(f.get("asset"), "policies.state_support.asset")
                                                    : null,
                                            f.containsKey("region") ? scalar(f.get("region"),
                                                    "policies.state_support.region") : null,
                                            number(f.get("loss_tolerance"), "policies.state_support.loss_tolerance", 0,
                                                    1, true),
                                            f.containsKey("extra_months") ? (int) number(f.get("extra_months"),
                                                    "policies.state_support.extra_months", 0, 600, true) : 0,
                                            f.containsKey("utilisation_floor_pct") ? number(
                                                    f.get("utilisation_floor_pct"),
                                                    "policies.state_support.utilisation_floor_pct", 0, 100, true)
                                                    : Double.NaN));
                                }
                            }
                            default -> fail(d.getKeyNode(), "policies", k,
                                    "unknown key; expected tariffs, export_bans, quotas, state_support");
                        }
                    }
                }
                case "shocks" -> {
                    for (Node item : sequence(v, "shocks")) {
                        Map<String, Node> f = fields(item, "shocks",
                                Set.of("type", "asset", "from", "to", "t_lce_per_year", "known_from"),
                                Set.of("type", "asset", "from"));
                        String type = scalar(f.get("type"), "shocks.type");
                        if (type != null && !type.equals("suspend") && !type.equals("add_capacity")) {
                            fail(f.get("type"), "shocks.type", type, "must be suspend or add_capacity");
                        }
                        double add = 0;
                        if ("add_capacity".equals(type)) {
                            if (!f.containsKey("t_lce_per_year")) {
                                fail(item, "shocks.t_lce_per_year", null, "is required for add_capacity");
                            } else {
                                add = number(f.get("t_lce_per_year"), "shocks.t_lce_per_year", 0, 1e7, true);
                            }
                        }
                        checkAsset(f.get("asset"), "shocks.asset", scalar(f.get("asset"), "shocks.asset"));
                        shocks.add(new Scenario.Shock(type, scalar(f.get("asset"), "shocks.asset"), add,
                                month(f.get("from"), "shocks.from", true), month(f.get("to"), "shocks.to", false),
                                month(f.get("known_from"), "shocks.known_from", false)));
                    }
                }
                case "price_formation" -> {
                    for (NodeTuple d : mapping(v, key)) {
                        String k = key(d);
                        if (!MarketParameters.NAMES.contains(k)) {
                            fail(d.getKeyNode(), "price_formation", k, "unknown parameter; known: "
                                    + MarketParameters.NAMES);
                        }
                        pf.put(k, number(d.getValueNode(), "price_formation." + k, 0, 1e6, true));
                    }
                }
                default -> fail(e.getKeyNode(), "", key, "unknown key; expected one of " + new java.util.TreeSet<>(TOP));
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(file, line(top), 0, "to", to.toString(), "is before from " + from);
        }
        if (from != null && from.isBefore(YearMonth.of(2015, 1))) {
            problems.add(file, line(top), 0, "from", from.toString(), "must be 2015-01 or later");
        }
        String beyond = world == null ? null : beyondData(world, preset, to);
        if (beyond != null) {
            problems.add(file, toNode == null ? line(top) : line(toNode), toNode == null ? 0 : col(toNode), "to",
                    to.toString(), beyond);
        }
        problems.throwIfAny("invalid scenario " + file);
        if (parent != null && inherit) {
            tariffs.addAll(0, parent.tariffs());
            bans.addAll(0, parent.exportBans());
            quotas.addAll(0, parent.quotas());
            support.addAll(0, parent.stateSupport());
        }
        if (parent != null) {
            Map<String, Double> m2 = new HashMap<>(parent.priceFormation());
            m2.putAll(pf);
            pf = m2;
        }
        return new Scenario(name, from, to, seed, preset, mult, noise, tariffs, bans, quotas, support, shocks, pf,
                forceMarket);
    }

    private static boolean isMultiplierKey(String k) {
        if (Set.of("all", "ev", "storage", "consumer", "industrial").contains(k)) {
            return true;
        }
        for (DemandRegion r : DemandRegion.values()) {
            if (r.id().equals(k)) {
                return true;
            }
        }
        return false;
    }

    private static String stripExt(String f) {
        String n = java.nio.file.Path.of(f).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static int col(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getColumn() + 1;
    }

    private void fail(Node n, String field, String value, String reason) {
        problems.add(file, line(n), col(n), field, value, reason);
    }

    /** A key given twice in one mapping is a problem at its second occurrence (YAML would keep the last). */
    private void checkDuplicates(MappingNode m, String field) {
        Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : m.getValue()) {
            String k = key(t);
            if (!seen.add(k)) {
                fail(t.getKeyNode(), field.isEmpty() ? k : field + "." + k, k, "duplicate key: given twice");
            }
        }
    }

    private String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
    }

    private List<NodeTuple> mapping(Node n, String field) {
        if (n instanceof MappingNode m) {
            checkDuplicates(m, field);
            return m.getValue();
        }
        fail(n, field, null, "must be a mapping (key: value lines)");
        return List.of();
    }

    private List<Node> sequence(Node n, String field) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        fail(n, field, null, "must be a list (lines starting with '-')");
        return List.of();
    }

    private Map<String, Node> fields(Node item, String field, Set<String> allowed, Set<String> required) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping(item, field)) {
            String k = key(t);
            if (!allowed.contains(k)) {
                fail(t.getKeyNode(), field, k, "unknown key; expected " + new java.util.TreeSet<>(allowed));
            } else {
                out.put(k, t.getValueNode());
            }
        }
        for (String r : required) {
            if (!out.containsKey(r) && item instanceof MappingNode) {
                fail(item, field + "." + r, null, "is required");
            }
        }
        return out;
    }

    private String scalar(Node n, String field) {
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        fail(n, field, null, "must be a single value");
        return null;
    }

    private String code(Node n, String field) {
        String v = scalar(n, field);
        if (v != null && !v.matches("[A-Z]{2}|[A-Z]{2,3}")) {
            fail(n, field, v, "must be an ISO country code (CN, AU, ...) or a demand region (CN, EU, NA, JK, ROW)");
        }
        return v;
    }

    private String product(Node n, String field) {
        String v = scalar(n, field);
        if (v != null && !Scenario.PRODUCTS.contains(v)) {
            fail(n, field, v, "must be one of " + Scenario.PRODUCTS);
        }
        return v;
    }

    private double number(Node n, String field, double min, double max, boolean required) {
        String v = scalar(n, field);
        if (v == null) {
            return min;
        }
        try {
            double d = org.lichain.dataset.StrictNumber.parse(v);
            if (d < min || d > max) {
                fail(n, field, v, "must be a number between " + fmt(min) + " and " + fmt(max));
                return min;
            }
            return d;
        } catch (NumberFormatException e) {
            fail(n, field, v, e.getMessage());
            return min;
        }
    }

    private boolean bool(Node n, String field) {
        String v = scalar(n, field);
        if ("true".equals(v)) {
            return true;
        }
        if (!"false".equals(v)) {
            fail(n, field, v, "must be true or false");
        }
        return false;
    }

    private YearMonth month(Node n, String field, boolean required) {
        if (n == null) {
            return null;
        }
        String v = scalar(n, field);
        if (v == null || v.isEmpty() || v.equals("null")) {
            if (required) {
                fail(n, field, v, "is required (a month YYYY-MM)");
            }
            return null;
        }
        YearMonth m;
        try {
            m = v.length() == 7 ? YearMonth.parse(v) : null;
        } catch (DateTimeParseException e) {
            m = null;
        }
        if (m == null) {
            fail(n, field, v, "is not a month YYYY-MM");
        } else if (m.isBefore(org.lichain.dataset.RowReader.FIRST_MONTH)
                || m.isAfter(org.lichain.dataset.RowReader.LAST_MONTH)) {
            fail(n, field, v, "is outside " + org.lichain.dataset.RowReader.FIRST_MONTH + " to "
                    + org.lichain.dataset.RowReader.LAST_MONTH);
            m = null;
        }
        return m;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
