package org.lichain.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.lichain.dataset.InvalidInputException;

/** Month options (YYYY-MM): one parser and one message for every command. */
final class CliMonths {
    private CliMonths() {
    }

    /** The month {@code text} of {@code option}; a user error naming both otherwise. */
    static YearMonth parse(String option, String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + " '" + text + "': not a month (YYYY-MM)");
        }
    }
}
