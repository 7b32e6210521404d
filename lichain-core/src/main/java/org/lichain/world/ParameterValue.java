package org.lichain.world;

/** A parameter's value with where it came from ({@code text} is set only for textual parameters). */
public record ParameterValue(double value, String text, String source) {
    public static ParameterValue of(double value, String source) {
        return new ParameterValue(value, null, source);
    }
}
