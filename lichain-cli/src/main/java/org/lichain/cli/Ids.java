package org.lichain.cli;

import java.util.Collection;
import org.lichain.dataset.KnownIds;

/**
 * Ids typed by a user on the command line: matched exactly, else ignoring case ({@code cn-jx-01} is
 * {@code CN-JX-01}); a miss is exit 2 naming the option, the value, the closest known ids and where to list them
 * ({@link KnownIds}).
 */
final class Ids {
    private Ids() {
    }

    /** The known id that {@code given} names; {@code InvalidInputException} (exit 2) when none does. */
    static String resolve(String given, Collection<String> known, String what, String listHint) {
        return KnownIds.resolve(given, known, null, what, listHint);
    }

    /** As {@link #resolve(String, Collection, String, String)}, the message starting with the option. */
    static String option(String option, String given, Collection<String> known, String what, String listHint) {
        return KnownIds.resolve(given, known, option, what, listHint);
    }
}
