package org.lichain.dataset;

import java.util.regex.Pattern;

/**
 * The one number syntax of every LiChain input file and request: a plain decimal such as {@code 60000},
 * {@code -0.5} or {@code 1.2e5}. Java's own literals are refused ({@code 60000d}, {@code 1e5f}, {@code 0x1p16},
 * {@code NaN}, {@code Infinity}): {@link Double#parseDouble} would accept them and turn a typo into a value.
 * Finite results only: {@code 1e400} overflows to infinity and is refused.
 */
public final class StrictNumber {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    /** Longer number texts are refused outright (no parse of a 5,000-digit string). */
    public static final int MAX_CHARS = 64;

    private StrictNumber() {
    }

    /** True when {@code s} is a plain decimal number (no trimming). */
    public static boolean isDecimal(String s) {
        return s != null && s.length() <= MAX_CHARS && DECIMAL.matcher(s).matches();
    }

    /**
     * Parses a plain decimal; throws {@link NumberFormatException} with a reason a user can act on (the reason
     * only, the caller adds where and which value).
     */
    public static double parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new NumberFormatException("is not a number (empty)");
        }
        if (s.length() > MAX_CHARS) {
            throw new NumberFormatException("is not a number (longer than " + MAX_CHARS + " characters)");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new NumberFormatException("is not a number (write a plain decimal such as 60000, 0.5 or 1.2e5)");
        }
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("is not a finite number (too large)");
        }
        return d;
    }
}
