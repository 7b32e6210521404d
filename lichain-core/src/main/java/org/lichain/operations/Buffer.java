package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;

/**
 * An intermediate store between two consecutive stages (ground ore, concentrate, calcine, liquor), in
 * t LCE-equivalent. Its level must stay within [0, capacity] every hour and end no lower than it started
 * (a schedule may not save money by running a store down).
 */
public record Buffer(String id, String name, double capacityTLce, double startLevelTLce) {
    public Buffer {
        if (capacityTLce < 0 || startLevelTLce < 0 || startLevelTLce > capacityTLce) {
            throw new InvalidInputException("buffer " + id + ": need 0 <= start level <= capacity");
        }
    }

    public static Buffer of(String id, double capacityTLce, double startLevelTLce) {
        return new Buffer(id, id, capacityTLce, startLevelTLce);
    }
}
