package org.lichain.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lichain.dataset.Problems;
import org.lichain.dataset.RowReader;
import org.lichain.dataset.StrictNumber;
import org.lichain.scenario.YamlTree.ListNode;
import org.lichain.scenario.YamlTree.MapNode;
import org.lichain.scenario.YamlTree.Node;
import org.lichain.scenario.YamlTree.Scalar;

/**
 * Reads and validates an ensemble scenario file (YAML; schema in docs/scenario.md, examples in
 * {@code scenarios/}). Every problem is collected with file, line, field and reason, then reported at once
 * as a {@link org.lichain.dataset.DatasetException}.
 */
public final class ScenarioFile {
    private static final Set<String> TOP = Set.of("name", "description", "model", "from", "to", "seed",
            "parameters", "correlations", "base");
    private static final Set<String> COMMON = Set.of("dist", "unit", "description");
    private static final Map<String, Set<String>> DIST_FIELDS = Map.of(
            "fixed", Set.of("value"),
            "uniform", Set.of("min", "max"),
            "triangular", Set.of("min", "mode", "max"),
            "normal", Set.of("mean", "sd", "min", "max"),
            "lognormal", Set.of("median", "sigma"),
            "discrete", Set.of("values", "weights", "labels"),
            "series", Set.of("knots"));

    private final String file;
    private final Problems problems = new Problems();

    private ScenarioFile(String file) {
        this.file = file;
    }

    /** Reads a scenario file from disk. */
    public static ScenarioSpec read(Path path) {
        String text = org.lichain.dataset.TextInput.read(path);
        String stem = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(path.toString(), stem, text);
    }

    /** Parses scenario text; {@code file} names it in error messages, {@code defaultName} if it has no name. */
    public static ScenarioSpec parse(String file, String defaultName, String yaml) {
        return new ScenarioFile(file).doParse(defaultName, yaml);
    }

    private ScenarioSpec doParse(String defaultName, String yaml) {
        if (yaml.isBlank()) {
            problems.add(file, 0, 0, "", null, "is empty: a scenario needs at least 'parameters' or 'base'");
            problems.throwIfAny("invalid scenario");
        }
        Node root;
        try {
            root = YamlTree.parse(yaml);
        } catch (YamlTree.DuplicateKeyException e) {
            problems.add(file, e.line, 0, e.key, null, "is given twice");
            problems.throwIfAny("invalid scenario");
            throw new AssertionError();
        } catch (JsonProcessingException e) {
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(file, lineOf(e), col, "", null, "is not valid YAML: " + e.getOriginalMessage());
            problems.throwIfAny("invalid scenario");
            throw new AssertionError();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(root instanceof MapNode top)) {
            problems.add(file, root.line(), 0, "", null, "a scenario must be a mapping of keys to values");
            problems.throwIfAny("invalid scenario");
            throw new AssertionError();
        }
        for (String k : top.entries().keySet()) {
            if (!TOP.contains(k)) {
                problems.add(file, top.keyLines().get(k), 0, k, null, "is not a scenario key (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(TOP)) + ")");
            }
        }
        String name = text(top, "name", defaultName);
        String description = text(top, "description", "");
        String model = text(top, "model", "market");
        YearMonth from = month(top, "from", YearMonth.of(2020, 1));
        YearMonth to = month(top, "to", YearMonth.of(2040, 12));
        double seedValue = number(top, "seed", 1, true);
        if (seedValue < 0 || seedValue > 9.007199254740992e15) {
            problems.add(file, top.keyLines().get("seed"), 0, "seed", Double.toString(seedValue),
                    "must be a whole number from 0 to 2^53");
            seedValue = 1;
        }
        long seed = (long) seedValue;
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(file, top.keyLines().get("to"), 0, "to", to.toString(), "is before 'from' " + from);
        }
        List<UncertainParameter> params = new ArrayList<>();
        Node pn = top.entries().get("parameters");
        if (pn instanceof MapNode pm) {
            for (var e : pm.entries().entrySet()) {
                UncertainParameter p = parameter(e.getKey(), pm.keyLines().get(e.getKey()), e.getValue());
                if (p != null) {
                    params.add(p);
                }
            }
        } else if (pn != null && !isNull(pn)) {
            problems.add(file, pn.line(), 0, "parameters", null, "must be a mapping of parameter name to distribution");
        }
        List<RankCorrelation> corr = correlations(top.entries().get("correlations"), params);
        String baseYaml = "";
        Node bn = top.entries().get("base");
        if (bn != null && !isNull(bn)) {
            if (bn instanceof MapNode) {
                baseYaml = baseText(yaml, bn.line());
            } else {
                problems.add(file, bn.line(), 0, "base", null, "must be a mapping (the model's own settings)");
            }
        }
        if (problems.isEmpty()) {
            CopulaCheck.check(file, params, corr, problems);
        }
        problems.throwIfAny("invalid scenario " + file);
        return new ScenarioSpec(name, description, model, from, to, seed, params, corr, baseYaml, file);
    }

    private UncertainParameter parameter(String name, int keyLine, Node n) {
        if (!ScenarioSpec.isIdentifier(name)) {
            problems.add(file, keyLine, 0, name, name,
                    "is not a valid parameter name (lower case letters, digits and '_', starting with a letter)");
            return null;
        }
        if (!(n instanceof MapNode m)) {
            problems.add(file, keyLine, 0, name, null, "must be a mapping with 'dist' and its fields");
            return null;
        }
        Uncertainty u = uncertainty(name, m, true);
        if (u == null) {
            return null;
        }
        return new UncertainParameter(name, text(m, "unit", ""), text(m, "description", ""), u, keyLine);
    }

    private Uncertainty uncertainty(String field, MapNode m, boolean seriesAllowed) {
        Node dn = m.entries().get("dist");
        if (!(dn instanceof Scalar ds) || ds.text() == null) {
            problems.add(file, m.line(), 0, field + ".dist", null, "is missing (one of "
                    + String.join(", ", new java.util.TreeSet<>(DIST_FIELDS.keySet())) + ")");
            return null;
        }
        String dist = ds.text();
        Set<String> allowed = DIST_FIELDS.get(dist);
        if (allowed == null || (!seriesAllowed && dist.equals("series"))) {
            problems.add(file, ds.line(), ds.column(), field + ".dist", dist, "is not a known distribution (one of "
                    + String.join(", ", new java.util.TreeSet<>(DIST_FIELDS.keySet()))
                    + (seriesAllowed ? "" : "; a series knot cannot be a series") + ")");
            return null;
        }
        for (String k : m.entries().keySet()) {
            if (!COMMON.contains(k) && !allowed.contains(k)) {
                problems.add(file, m.keyLines().get(k), 0, field + "." + k, null,
                        "is not a field of '" + dist + "' (expected " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        int before = problems.list().size();
        double nan = Double.NaN;
        try {
            switch (dist) {
                case "fixed" -> {
                    double v = required(m, field, "value");
                    return ok(before) ? new Distribution.Fixed(v) : null;
                }
                case "uniform" -> {
                    double lo = required(m, field, "min");
                    double hi = required(m, field, "max");
                    return ok(before) ? new Distribution.Uniform(lo, hi) : null;
                }
                case "triangular" -> {
                    double lo = required(m, field, "min");
                    double mode = required(m, field, "mode");
                    double hi = required(m, field, "max");
                    return ok(before) ? new Distribution.Triangular(lo, mode, hi) : null;
                }
                case "normal" -> {
                    double mean = required(m, field, "mean");
                    double sd = required(m, field, "sd");
                    double lo = number(m, "min", Double.NEGATIVE_INFINITY, false);
                    double hi = number(m, "max", Double.POSITIVE_INFINITY, false);
                    return ok(before) ? new Distribution.Normal(mean, sd, lo, hi) : null;
                }
                case "lognormal" -> {
                    double median = required(m, field, "median");
                    double sigma = required(m, field, "sigma");
                    return ok(before) ? new Distribution.LogNormal(median, sigma) : null;
                }
                case "discrete" -> {
                    double[] values = numbers(m, field, "values");
                    double[] weights = m.entries().containsKey("weights") ? numbers(m, field, "weights")
                            : equalWeights(values);
                    if (values != null && weights != null && values.length != weights.length) {
                        problems.add(file, m.keyLines().get("weights"), 0, field + ".weights", null,
                                "has " + weights.length + " entries but 'values' has " + values.length);
                    }
                    return ok(before) ? new Distribution.Discrete(values, weights) : null;
                }
                case "series" -> {
                    return series(field, m);
                }
                default -> throw new AssertionError(dist + nan);
            }
        } catch (IllegalArgumentException e) {
            problems.add(file, m.line(), 0, field, null, e.getMessage());
            return null;
        }
    }

    private Series series(String field, MapNode m) {
        Node kn = m.entries().get("knots");
        if (!(kn instanceof MapNode km) || km.entries().isEmpty()) {
            problems.add(file, kn == null ? m.line() : kn.line(), 0, field + ".knots", null,
                    "is required: a mapping of year to a number or a distribution, e.g. {2030: 1.0}");
            return null;
        }
        int before = problems.list().size();
        int[] years = new int[km.entries().size()];
        Distribution[] knots = new Distribution[years.length];
        int i = 0;
        for (var e : km.entries().entrySet()) {
            int line = km.keyLines().get(e.getKey());
            String f = field + ".knots." + e.getKey();
            try {
                years[i] = Integer.parseInt(e.getKey());
                if (years[i] < 2000 || years[i] > 2100) {
                    problems.add(file, line, 0, f, e.getKey(), "is outside 2000 to 2100");
                }
            } catch (NumberFormatException ex) {
                problems.add(file, line, 0, f, e.getKey(), "is not a year");
            }
            Node v = e.getValue();
            if (v instanceof Scalar s && s.numeric()) {
                double kv = strict(s, f);
                knots[i] = Double.isNaN(kv) ? null : new Distribution.Fixed(kv);
            } else if (v instanceof MapNode vm) {
                Uncertainty u = uncertainty(f, vm, false);
                knots[i] = u instanceof Distribution d ? d : null;
            } else {
                problems.add(file, v.line(), v.column(), f, null, "must be a number or a distribution");
            }
            i++;
        }
        if (!ok(before)) {
            return null;
        }
        try {
            return new Series(years, knots);
        } catch (IllegalArgumentException e) {
            problems.add(file, km.line(), 0, field + ".knots", null, e.getMessage());
            return null;
        }
    }

    private List<RankCorrelation> correlations(Node n, List<UncertainParameter> params) {
        List<RankCorrelation> out = new ArrayList<>();
        if (n == null || isNull(n)) {
            return out;
        }
        if (!(n instanceof ListNode list)) {
            problems.add(file, n.line(), 0, "correlations", null,
                    "must be a list of {between: [a, b], rho: 0.5}");
            return out;
        }
        Set<String> names = new java.util.HashSet<>();
        params.forEach(p -> names.add(p.name()));
        Set<String> pairs = new java.util.HashSet<>();
        for (Node item : list.items()) {
            if (!(item instanceof MapNode m) || !(m.entries().get("between") instanceof ListNode b)
                    || b.items().size() != 2 || !m.entries().containsKey("rho")) {
                problems.add(file, item.line(), 0, "correlations", null,
                        "each entry must be {between: [a, b], rho: r}");
                continue;
            }
            for (String k : m.entries().keySet()) {
                if (!k.equals("between") && !k.equals("rho")) {
                    problems.add(file, m.keyLines().get(k), 0, "correlations." + k, null, "is not a field (between, rho)");
                }
            }
            String a = b.items().get(0) instanceof Scalar s ? s.text() : null;
            String c = b.items().get(1) instanceof Scalar s ? s.text() : null;
            boolean good = true;
            for (String x : new String[] {a, c}) {
                if (x == null || !names.contains(x)) {
                    problems.add(file, b.line(), 0, "correlations.between", x,
                            "is not a parameter declared under 'parameters'");
                    good = false;
                }
            }
            if (good && a.equals(c)) {
                problems.add(file, b.line(), 0, "correlations.between", a, "correlates a parameter with itself");
                good = false;
            }
            if (good && !pairs.add(a.compareTo(c) < 0 ? a + "|" + c : c + "|" + a)) {
                problems.add(file, b.line(), 0, "correlations.between", a + ", " + c, "is given twice");
                good = false;
            }
            double rho = number(m, "rho", Double.NaN, false, "correlations.rho");
            if (!Double.isNaN(rho) && !(rho > -1 && rho < 1)) {
                problems.add(file, m.keyLines().get("rho"), 0, "correlations.rho", Double.toString(rho),
                        "must be strictly between -1 and 1");
                good = false;
            }
            if (good && !Double.isNaN(rho)) {
                out.add(new RankCorrelation(a, c, rho, m.line()));
            }
        }
        return out;
    }

    private boolean ok(int before) {
        return problems.list().size() == before;
    }

    private static boolean isNull(Node n) {
        return n instanceof Scalar s && s.text() == null;
    }

    private static double[] equalWeights(double[] values) {
        if (values == null) {
            return null;
        }
        double[] w = new double[values.length];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    private String text(MapNode m, String key, String dflt) {
        Node n = m.entries().get(key);
        if (n == null || isNull(n)) {
            return dflt;
        }
        if (n instanceof Scalar s) {
            return s.text();
        }
        problems.add(file, n.line(), 0, key, null, "must be a text");
        return dflt;
    }

    private YearMonth month(MapNode m, String key, YearMonth dflt) {
        Node n = m.entries().get(key);
        if (n == null || isNull(n)) {
            return dflt;
        }
        String t = n instanceof Scalar s ? s.text() : null;
        YearMonth ym;
        try {
            ym = t != null && t.length() == 7 ? YearMonth.parse(t) : null;
        } catch (DateTimeParseException e) {
            ym = null;
        }
        if (ym == null) {
            problems.add(file, n.line(), n.column(), key, t, "is not a month YYYY-MM");
            return null;
        }
        if (ym.isBefore(RowReader.FIRST_MONTH) || ym.isAfter(RowReader.LAST_MONTH)) {
            problems.add(file, n.line(), n.column(), key, t, "is outside " + RowReader.FIRST_MONTH + " to "
                    + RowReader.LAST_MONTH);
            return null;
        }
        return ym;
    }

    private double required(MapNode m, String field, String key) {
        if (!m.entries().containsKey(key)) {
            problems.add(file, m.line(), 0, field + "." + key, null, "is required");
            return Double.NaN;
        }
        return number(m, key, Double.NaN, false, field + "." + key);
    }

    private double number(MapNode m, String key, double dflt, boolean integral) {
        return number(m, key, dflt, integral, key);
    }

    private double number(MapNode m, String key, double dflt, boolean integral, String field) {
        Node n = m.entries().get(key);
        if (n == null || isNull(n)) {
            return dflt;
        }
        if (n instanceof Scalar s && s.numeric()) {
            double v = strict(s, field);
            if (Double.isNaN(v)) {
                return dflt;
            }
            if (integral && v != Math.rint(v)) {
                problems.add(file, n.line(), n.column(), field, s.text(), "must be a whole number");
                return dflt;
            }
            return v;
        }
        problems.add(file, n.line(), n.column(), field, n instanceof Scalar s ? s.text() : null, "must be a number");
        return dflt;
    }

    /** The scalar as a plain decimal ({@link StrictNumber}); NaN after recording a located problem. */
    private double strict(Scalar s, String field) {
        try {
            return StrictNumber.parse(s.text());
        } catch (NumberFormatException e) {
            problems.add(file, s.line(), s.column(), field, s.text(), e.getMessage());
            return Double.NaN;
        }
    }

    private double[] numbers(MapNode m, String field, String key) {
        Node n = m.entries().get(key);
        if (!(n instanceof ListNode l) || l.items().isEmpty()) {
            problems.add(file, n == null ? m.line() : n.line(), 0, field + "." + key, null,
                    "must be a non-empty list of numbers");
            return null;
        }
        double[] v = new double[l.items().size()];
        for (int i = 0; i < v.length; i++) {
            Node it = l.items().get(i);
            double d = it instanceof Scalar s && s.numeric() ? strict(s, field + "." + key + "[" + i + "]") : Double.NaN;
            if (!Double.isNaN(d)) {
                v[i] = d;
            } else {
                problems.add(file, it.line(), it.column(), field + "." + key + "[" + i + "]",
                        it instanceof Scalar s ? s.text() : null, "must be a number");
                return null;
            }
        }
        return v;
    }

    /**
     * The {@code base} section as YAML text for the model; what the full YAML reader refuses there (e.g. {@code .inf},
     * which our reader takes as text) is a problem at its line, not an exception.
     */
    private String baseText(String yaml, int baseLine) {
        try {
            YAMLMapper mapper = new YAMLMapper();
            JsonNode base = mapper.readTree(yaml).get("base");
            return mapper.writeValueAsString(base);
        } catch (JsonProcessingException e) {
            int line = lineOf(e) > 0 ? lineOf(e) : baseLine;
            problems.add(file, line, 0, "base", null, "cannot be read as YAML: " + e.getOriginalMessage());
            return "";
        }
    }

    /** The line a YAML reader's exception points at; 0 when it does not say. */
    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
