package org.lichain.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks an id (asset, region, country, outfall, station, site, company, plant, preset) where it is read, against
 * the ids the dataset knows (issue 16: "every id checked where it is read"). A miss names the field, the value and
 * the closest known ids by edit distance ignoring case ("did you mean 'CN-JX-01' or 'CN-JX-02'?"), then all known
 * ids when there are few of them, else how many there are and where to list them.
 */
public final class KnownIds {
    /** Most close ids a message lists. */
    static final int MAX_CLOSE = 3;
    /** Up to this many known ids, a message lists them all. */
    static final int LIST_ALL_UP_TO = 20;

    private KnownIds() {
    }

    /** The known id {@code given} names: exactly, else ignoring case; empty when none. */
    public static Optional<String> match(String given, Collection<String> known) {
        if (given == null) {
            return Optional.empty();
        }
        if (known.contains(given)) {
            return Optional.of(given);
        }
        return known.stream().filter(k -> k.equalsIgnoreCase(given)).sorted().findFirst();
    }

    /**
     * The known ids close to {@code given}, closest first (ties by id): edit distance ignoring case at most
     * max(2, a third of its length), or one contains the other; at most {@link #MAX_CLOSE}.
     */
    public static List<String> close(String given, Collection<String> known) {
        String g = given.toUpperCase(Locale.ROOT);
        int bound = Math.max(2, given.length() / 3);
        record Scored(String id, int d) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String k : new TreeSet<>(known)) {
            String u = k.toUpperCase(Locale.ROOT);
            int d = distance(g, u);
            if (d <= bound || (g.length() >= 3 && (u.contains(g) || g.contains(u)))) {
                scored.add(new Scored(k, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::d).thenComparing(Scored::id));
        return scored.stream().limit(MAX_CLOSE).map(Scored::id).toList();
    }

    /**
     * Why {@code given} is refused, after "unknown WHAT 'given'": the close ids, then the known ids (all when few,
     * else their number and {@code listHint}, e.g. "list them with 'lichain assets'").
     */
    public static String hint(String given, Collection<String> known, String listHint) {
        List<String> close = close(given, known);
        StringBuilder sb = new StringBuilder();
        if (!close.isEmpty()) {
            sb.append("; did you mean ");
            for (int i = 0; i < close.size(); i++) {
                sb.append(i == 0 ? "" : i == close.size() - 1 ? " or " : ", ").append('\'').append(close.get(i))
                        .append('\'');
            }
            sb.append('?');
        }
        if (known.size() <= LIST_ALL_UP_TO || listHint == null) {
            sb.append(" (known: ").append(String.join(", ", new TreeSet<>(known))).append(')');
        } else {
            sb.append(" (").append(known.size()).append(" known; ").append(listHint).append(')');
        }
        return sb.toString();
    }

    /**
     * The known id {@code given} names (exactly or ignoring case), else an {@link InvalidInputException} (exit 2,
     * HTTP 400): "{@code field}: unknown {@code what} 'x'; did you mean …? (…)". {@code field} (the option, the
     * request field or file:line:column and field) may be null.
     */
    public static String resolve(String given, Collection<String> known, String field, String what, String listHint) {
        return match(given, known).orElseThrow(() -> new InvalidInputException(message(given, known, field, what,
                listHint)));
    }

    /** The message of a miss, as {@link #resolve} throws it. */
    public static String message(String given, Collection<String> known, String field, String what,
                                 String listHint) {
        return (field == null ? "" : field + ": ") + "unknown " + what + " '" + clip(given) + "'"
                + hint(given, known, listHint);
    }

    private static String clip(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
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
