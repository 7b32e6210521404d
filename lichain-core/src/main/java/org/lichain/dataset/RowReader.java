package org.lichain.dataset;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access to the fields of one CSV row. Every failed conversion is recorded in {@link Problems}
 * with file, line, column, field and value, and a neutral value is returned so that checking goes on.
 */
public final class RowReader {
    private final CsvTable table;
    private final CsvTable.Row row;
    private final Problems problems;
    private boolean ok = true;

    public RowReader(CsvTable table, CsvTable.Row row, Problems problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    /** False once any field of this row has failed. */
    public boolean ok() {
        return ok;
    }

    public int line() {
        return row.line();
    }

    /** Records a problem on a field of this row. */
    public void fail(String field, String value, String reason) {
        int i = table.indexOf(field);
        problems.add(table.file(), row.line(), i >= 0 ? row.columns()[i] : 0, field, value, reason);
        ok = false;
    }

    /** Raw text of a column, "" when the column is absent. */
    public String text(String field) {
        int i = table.indexOf(field);
        return i < 0 ? "" : row.fields()[i];
    }

    public String required(String field) {
        String v = text(field);
        if (v.isEmpty()) {
            fail(field, v, "is required");
        }
        return v;
    }

    /**
     * A required id that must be unique in its file: {@code seen} collects the ids read so far; a repeated id fails
     * with {@code duplicateReason}.
     */
    public String uniqueId(String field, Set<String> seen, String duplicateReason) {
        String id = required(field);
        if (!id.isEmpty() && !seen.add(id)) {
            fail(field, id, duplicateReason);
        }
        return id;
    }

    /** As {@link #uniqueId(String, Set, String)}, after checking the id's form (a malformed id is not counted). */
    public String uniqueId(String field, Pattern form, String formReason, Set<String> seen, String duplicateReason) {
        String id = required(field);
        if (!id.isEmpty() && !form.matcher(id).matches()) {
            fail(field, id, formReason);
        } else if (!id.isEmpty() && !seen.add(id)) {
            fail(field, id, duplicateReason);
        }
        return id;
    }

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** A required ISO 3166-1 alpha-2 country code. */
    public String countryCode(String field) {
        String c = required(field);
        if (!c.isEmpty() && !COUNTRY.matcher(c).matches()) {
            fail(field, c, "must be an ISO 3166-1 alpha-2 code such as CN or AU");
        }
        return c;
    }

    /**
     * Largest magnitude any number in a dataset file may have (10^12); a field with its own bound in
     * {@link #FIELD_MAX} is checked against that. Ranges are stated in docs/dataset.md.
     */
    public static final double ABSURD_MAGNITUDE = 1e12;

    /**
     * Upper bounds of fields whose plausible range is far below {@link #ABSURD_MAGNITUDE}. Capacities and production
     * of one asset: 2,000,000 t LCE per year, about 1.5 times world lithium production in 2024 (estimate: world
     * mined supply about 1.2-1.3 Mt LCE in 2024, shared/reference/market.csv); no single asset comes near it.
     */
    static final java.util.Map<String, Double> FIELD_MAX = java.util.Map.of(
            "capacity_t_lce_per_year", 2_000_000.0,
            "production_t_lce", 2_000_000.0,
            "capacity_per_year", 2_000_000.0,
            "t_lce_per_year", 2_000_000.0);

    /** A finite plain decimal ({@link StrictNumber}); {@code Double.NaN} when empty and optional. */
    public double number(String field, boolean required) {
        String v = text(field);
        if (v.isEmpty()) {
            if (required) {
                fail(field, v, "is required (a number)");
            }
            return Double.NaN;
        }
        double d;
        try {
            d = StrictNumber.parse(v);
        } catch (NumberFormatException e) {
            fail(field, v, e.getMessage());
            return Double.NaN;
        }
        double max = FIELD_MAX.getOrDefault(field, ABSURD_MAGNITUDE);
        if (Math.abs(d) > max) {
            fail(field, v, "is out of range: |value| must be at most " + fmt(max));
            return Double.NaN;
        }
        return d;
    }

    /** A required number that must be zero or more. */
    public double nonNegative(String field) {
        double d = number(field, true);
        if (d < 0) {
            fail(field, text(field), "must not be negative");
            return 0.0;
        }
        return Double.isNaN(d) ? 0.0 : d;
    }

    /** A required number within [min, max]. */
    public double between(String field, double min, double max) {
        double d = number(field, true);
        if (!Double.isNaN(d) && (d < min || d > max)) {
            fail(field, text(field), "must be between " + fmt(min) + " and " + fmt(max));
            return min;
        }
        return Double.isNaN(d) ? min : d;
    }

    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[+-]?\\d{1,10}");

    public int integer(String field, int min, int max) {
        String v = text(field);
        try {
            if (!INTEGER.matcher(v).matches()) {
                throw new NumberFormatException(v);
            }
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                fail(field, v, "must be a whole number between " + min + " and " + max);
                return min;
            }
            return n;
        } catch (NumberFormatException e) {
            fail(field, v, v.isEmpty() ? "is required (a whole number)" : "is not a whole number");
            return min;
        }
    }

    /** First and last month a dataset may name: 2000-01 to 2100-12. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(2100, 12);

    /** A month {@code YYYY-MM} from {@link #FIRST_MONTH} to {@link #LAST_MONTH}; null when empty and optional. */
    public YearMonth month(String field, boolean required) {
        String v = text(field);
        if (v.isEmpty()) {
            if (required) {
                fail(field, v, "is required (a month YYYY-MM)");
            }
            return null;
        }
        YearMonth m;
        try {
            m = v.length() == 7 ? YearMonth.parse(v) : null;
        } catch (DateTimeParseException e) {
            m = null;
        }
        if (m == null) {
            fail(field, v, "is not a month YYYY-MM");
            return null;
        }
        if (m.isBefore(FIRST_MONTH) || m.isAfter(LAST_MONTH)) {
            fail(field, v, "is outside " + FIRST_MONTH + " to " + LAST_MONTH);
            return null;
        }
        return m;
    }

    public boolean bool(String field) {
        String v = text(field);
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (!v.isEmpty() && !v.equalsIgnoreCase("false")) {
            fail(field, v, "must be true or false");
        }
        return false;
    }

    /** An id parsed by {@code parser} (which throws IllegalArgumentException with the allowed values). */
    public <T> T parsed(String field, Function<String, T> parser) {
        String v = text(field);
        if (v.isEmpty()) {
            fail(field, v, "is required");
            return null;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            fail(field, v, e.getMessage());
            return null;
        }
    }

    /** The {@code source} column: a citation or a text starting with {@code estimate:}. */
    public String source() {
        String v = text("source");
        if (v.isEmpty()) {
            fail("source", v, "is required: give a citation or 'estimate: <derivation>'");
        } else if (v.regionMatches(true, 0, "estimate", 0, 8) && !v.regionMatches(true, 0, "estimate:", 0, 9)) {
            fail("source", v, "an estimate must be written 'estimate: <how it was derived>'");
        }
        return v;
    }

    /** A number as written in messages: whole numbers without a decimal point. */
    public static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
