package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;

/**
 * One named uncertain input of a scenario: what is uncertain, in which unit, and how it is distributed.
 * {@code line} is where it is declared in the scenario file (0 when built in code).
 */
public record UncertainParameter(String name, String unit, String description, Uncertainty uncertainty, int line) {
    public UncertainParameter {
        if (!ScenarioSpec.isIdentifier(name)) {
            throw new InvalidInputException("parameter name '" + name
                    + "' must be lower case letters, digits and '_', starting with a letter");
        }
    }

    public static UncertainParameter of(String name, Uncertainty u) {
        return new UncertainParameter(name, "", "", u, 0);
    }
}
