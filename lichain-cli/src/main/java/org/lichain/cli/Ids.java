package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.util.Collection;
import java.util.Locale;

/**
 * Ids typed by a user: matched exactly, else ignoring case ({@code cn-jx-01} is {@code CN-JX-01}); on a miss the
 * error names the closest known id ("did you mean ...?", by edit distance ignoring case) and where to list them.
 */
final class Ids {
    private Ids() {
    }

    /** The known id that {@code given} names; {@link InvalidInputException} (exit 2) when none does. */
    static String resolve(String given, Collection<String> known, String what, String listHint) {
        if (known.contains(given)) {
            return given;
        }
        for (String k : known) {
            if (k.equalsIgnoreCase(given)) {
                return k;
            }
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String g = given.toUpperCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(g, k.toUpperCase(Locale.ROOT));
            if (d < bestD || (d == bestD && k.compareTo(best) < 0)) {
                best = k;
                bestD = d;
            }
        }
        boolean close = best != null && bestD <= Math.max(2, given.length() / 3);
        throw new InvalidInputException("unknown " + what + " '" + given + "'"
                + (close ? "; did you mean '" + best + "'?" : "") + " (" + listHint + ")");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
