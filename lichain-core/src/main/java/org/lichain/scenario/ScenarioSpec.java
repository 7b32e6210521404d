package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to compute in an ensemble: the model, the period, the default seed, the uncertain inputs and their
 * rank correlations, and the model's own base settings (kept as the raw YAML text of the {@code base}
 * block, for the model to parse). Built from a file by {@link ScenarioFile} or in code with {@link #of}.
 */
public record ScenarioSpec(String name, String description, String model, YearMonth from, YearMonth to, long seed,
        List<UncertainParameter> parameters, List<RankCorrelation> correlations, String baseYaml,
        String sourceFile) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    public ScenarioSpec {
        parameters = List.copyOf(parameters);
        correlations = List.copyOf(correlations);
        if (from.isAfter(to)) {
            throw new InvalidInputException("from " + from + " is after to " + to);
        }
    }

    /** A spec built in code (no file, no base block, no correlations). */
    public static ScenarioSpec of(String name, String model, YearMonth from, YearMonth to, long seed,
            List<UncertainParameter> parameters) {
        return new ScenarioSpec(name, "", model, from, to, seed, parameters, List.of(), "", "<code>");
    }

    public ScenarioSpec withCorrelations(List<RankCorrelation> c) {
        return new ScenarioSpec(name, description, model, from, to, seed, parameters, c, baseYaml, sourceFile);
    }

    /** Number of months from {@code from} to {@code to}, both included. */
    public int months() {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    }

    /** Index of each parameter by name. */
    public Map<String, Integer> parameterIndex() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            m.put(parameters.get(i).name(), i);
        }
        return m;
    }

    static boolean isIdentifier(String s) {
        return s != null && IDENTIFIER.matcher(s).matches();
    }
}
