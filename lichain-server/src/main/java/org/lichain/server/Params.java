package org.lichain.server;

import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Query-parameter parsing that answers 400 naming the parameter. */
final class Params {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Params() {
    }

    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static int requiredInt(Context ctx, String name, int min, int max) {
        String v = text(ctx, name);
        if (v == null) {
            throw ApiProblem.invalid(name, "is required (an integer from " + min + " to " + max + ")");
        }
        return parseInt(name, v, min, max);
    }

    static Integer optionalInt(Context ctx, String name, int min, int max) {
        String v = text(ctx, name);
        return v == null ? null : parseInt(name, v, min, max);
    }

    static int intOr(Context ctx, String name, int min, int max, int fallback) {
        Integer v = optionalInt(ctx, name, min, max);
        return v == null ? fallback : v;
    }

    static int parseInt(String name, String v, int min, int max) {
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "'" + clip(v) + "' is not an integer");
        }
        if (i < min || i > max) {
            throw ApiProblem.invalid(name, i + " is outside " + min + ".." + max);
        }
        return i;
    }

    /** The month {@code name} (YYYY-MM); null when absent. */
    static YearMonth optionalMonth(Context ctx, String name) {
        String v = text(ctx, name);
        return v == null ? null : parseMonth(name, v);
    }

    /** The month {@code name} (YYYY-MM) of a year from {@code minYear} to {@code maxYear}; null when absent. */
    static YearMonth optionalMonth(Context ctx, String name, int minYear, int maxYear) {
        YearMonth m = optionalMonth(ctx, name);
        if (m != null && (m.getYear() < minYear || m.getYear() > maxYear)) {
            throw ApiProblem.invalid(name, m + " is outside " + minYear + ".." + maxYear);
        }
        return m;
    }

    /** As {@link #optionalMonth(Context, String, int, int)}, and required. */
    static YearMonth requiredMonth(Context ctx, String name, int minYear, int maxYear) {
        if (text(ctx, name) == null) {
            throw ApiProblem.invalid(name, "is required (YYYY-MM)");
        }
        return optionalMonth(ctx, name, minYear, maxYear);
    }

    /** {@code v} as a month YYYY-MM; a 400 naming {@code name} otherwise. */
    static YearMonth parseMonth(String name, String v) {
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name, "'" + clip(v) + "' is not a month YYYY-MM");
        }
    }

    static Double optionalNonNegative(Context ctx, String name, double max) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "'" + clip(v) + "' is not a number");
        }
        if (!Double.isFinite(d) || d < 0 || d > max) {
            throw ApiProblem.invalid(name, "must be a number from 0 to " + (long) max);
        }
        return d;
    }

    static String optionalCountry(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        String up = v.toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(up).matches()) {
            throw ApiProblem.invalid(name, "'" + clip(v) + "' is not an ISO 3166-1 alpha-2 code such as CN");
        }
        return up;
    }

    /** A value cut to 40 characters for echoing in messages. */
    static String clip(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
