package org.lichain.world;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** An immutable set of process and cost parameters: route defaults, optionally overridden per asset. */
public final class Parameters {
    private final EnumMap<ProcessParameter, ParameterValue> values;

    public Parameters(Map<ProcessParameter, ParameterValue> values) {
        this.values = values.isEmpty() ? new EnumMap<>(ProcessParameter.class) : new EnumMap<>(values);
    }

    public static Parameters empty() {
        return new Parameters(Map.of());
    }

    /** Defaults overridden by {@code overrides} where they set a value. */
    public Parameters overriddenBy(Parameters overrides) {
        EnumMap<ProcessParameter, ParameterValue> merged = new EnumMap<>(values);
        merged.putAll(overrides.values);
        return new Parameters(merged);
    }

    public Parameters with(ProcessParameter p, ParameterValue v) {
        EnumMap<ProcessParameter, ParameterValue> merged = new EnumMap<>(values);
        merged.put(p, v);
        return new Parameters(merged);
    }

    public boolean has(ProcessParameter p) {
        return values.containsKey(p);
    }

    /** The value, or 0 when not set (an absent reagent or cost is none). */
    public double value(ProcessParameter p) {
        ParameterValue v = values.get(p);
        return v == null ? 0.0 : v.value();
    }

    public double valueOr(ProcessParameter p, double fallback) {
        ParameterValue v = values.get(p);
        return v == null ? fallback : v.value();
    }

    public Optional<ParameterValue> get(ProcessParameter p) {
        return Optional.ofNullable(values.get(p));
    }

    public Map<ProcessParameter, ParameterValue> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
