package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;

/**
 * What the last stage must deliver: at least {@code tLcePerPeriod} in every period of {@code periodHours}
 * (24 for a daily target, 168 for a weekly one), counted from the start of the horizon. A last, shorter
 * period gets a pro-rata target.
 */
public record OutputTarget(int periodHours, double tLcePerPeriod) {
    public OutputTarget {
        if (periodHours <= 0 || tLcePerPeriod < 0) {
            throw new InvalidInputException("output target needs a positive period and a target >= 0");
        }
    }

    public static OutputTarget perDay(double tLce) {
        return new OutputTarget(24, tLce);
    }

    public static OutputTarget perWeek(double tLce) {
        return new OutputTarget(168, tLce);
    }

    /** Period name for messages: "day" or "week" or "N-hour period". */
    public String periodName() {
        return periodHours == 24 ? "day" : periodHours == 168 ? "week" : periodHours + "-hour period";
    }
}
