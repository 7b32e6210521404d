package org.lichain.operations;

/**
 * A schedule request that no schedule can satisfy. {@link #constraint()} names the constraint that cannot be
 * met (e.g. {@code "output target"}, {@code "buffer concentrate capacity"}, {@code "ramp limit of stage
 * roasting_kiln"}); the message says by how much and when.
 */
public final class InfeasibleScheduleException extends IllegalArgumentException {
    private final String constraint;

    public InfeasibleScheduleException(String constraint, String message) {
        super(message);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
