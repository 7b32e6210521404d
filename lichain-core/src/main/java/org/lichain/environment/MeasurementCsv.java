package org.lichain.environment;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streaming reader and validator of measurement CSV files
 * ({@code station,time,analyte,value,unit,detection_limit,qualifier,lab}, columns in any order, a header row first).
 * Every data line ends up either as an accepted {@link Row} or as a {@link Rejected} line with its reasons: no line is
 * dropped silently. Named simplification: one record per physical line (a quoted field may hold commas but not a line
 * break).
 *
 * <p>Values are normalised to µg/L. Below the detection limit: qualifier {@code <} or {@code ND} (value empty or the
 * limit), or a value under the stated limit; such rows are stored with {@code belowDetection = true} and the value set
 * to the detection limit, so that the limit stays visible and no false zero is invented.
 */
public final class MeasurementCsv {
    public static final List<String> COLUMNS = List.of("station", "time", "analyte", "value", "unit", "detection_limit",
            "qualifier", "lab");

    /** An accepted, normalised measurement (time as epoch microseconds, UTC-naive local time of the sample). */
    public record Row(long line, String station, long epochMicros, String analyte, double valueUgPerL,
                      boolean belowDetection, double detectionLimitUgPerL, String qualifier, String lab) {
    }

    /** A rejected line with the first failing field and every reason found. */
    public record Rejected(long line, String field, String reason, String raw) {
    }

    /** Receives the outcome of every data line. */
    public interface Sink {
        void accept(Row row) throws Exception;

        void reject(Rejected rejected) throws Exception;
    }

    private static final Map<String, String> ANALYTE_ALIASES = Map.of("tl", "thallium", "li", "lithium", "rb", "rubidium",
            "cs", "caesium", "be", "beryllium", "f", "fluoride");

    private final int[] col = new int[COLUMNS.size()];
    private final int width;
    private final Set<String> stations;
    private final Map<String, ConcentrationUnit> unitCache = new HashMap<>();
    private final String[] fields;
    private String[] headerNames;

    private MeasurementCsv(int[] col, int width, Set<String> stations) {
        System.arraycopy(col, 0, this.col, 0, col.length);
        this.width = width;
        this.stations = stations;
        this.fields = new String[width];
    }

    /**
     * Reads every line of {@code in}. A missing or incomplete header rejects the whole file (line 1) and accepts
     * nothing. Returns the number of data lines seen.
     */
    public static long read(BufferedReader in, Set<String> knownStations, Sink sink) throws Exception {
        return read(in, "measurements", knownStations, sink);
    }

    /** As {@link #read(BufferedReader, Set, Sink)}; {@code sourceName} names the file in an encoding error. */
    public static long read(BufferedReader in, String sourceName, Set<String> knownStations, Sink sink)
            throws Exception {
        String header;
        try {
            header = in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new org.lichain.dataset.DatasetException("cannot read measurements", List.of(
                    new org.lichain.dataset.Problem(sourceName, 1, 0, null, null,
                            "is not valid UTF-8; save the file as UTF-8")));
        }
        if (header == null) {
            sink.reject(new Rejected(1, "", "empty file: no header row", ""));
            return 0;
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1);
        }
        String[] h = header.split(",", -1);
        int[] col = new int[COLUMNS.size()];
        java.util.Arrays.fill(col, -1);
        for (int i = 0; i < h.length; i++) {
            int k = COLUMNS.indexOf(h[i].trim().toLowerCase(Locale.ROOT));
            if (k >= 0) {
                col[k] = i;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < 5; k++) { // station,time,analyte,value,unit are required; the rest optional
            if (col[k] < 0) {
                missing.add(COLUMNS.get(k));
            }
        }
        if (!missing.isEmpty()) {
            sink.reject(new Rejected(1, missing.get(0), "header lacks required column(s) " + String.join(", ", missing)
                    + " (expected " + String.join(",", COLUMNS) + ")", truncate(header)));
            return 0;
        }
        MeasurementCsv r = new MeasurementCsv(col, h.length, knownStations);
        r.headerNames = h;
        long lineNo = 1;
        long seen = 0;
        String line;
        while (true) {
            try {
                line = in.readLine();
            } catch (java.nio.charset.CharacterCodingException e) {
                // the whole file is refused (one transaction: nothing is stored)
                throw new org.lichain.dataset.DatasetException("cannot read measurements", List.of(
                        new org.lichain.dataset.Problem(sourceName, (int) Math.min(Integer.MAX_VALUE, lineNo + 1), 0, null, null,
                                "is not valid UTF-8; save the file as UTF-8")));
            }
            if (line == null) {
                break;
            }
            lineNo++;
            if (line.isBlank() || line.charAt(0) == '#') {
                continue;
            }
            seen++;
            if (line.indexOf('\0') >= 0) {
                sink.reject(new Rejected(lineNo, "", "holds a NUL character (a binary file?)", truncate(line)));
                continue;
            }
            r.parseLine(line, lineNo, sink);
        }
        return seen;
    }

    private void parseLine(String line, long lineNo, Sink sink) throws Exception {
        int n = split(line);
        if (n < 0) {
            sink.reject(new Rejected(lineNo, "", "unterminated or misplaced quote", truncate(line)));
            return;
        }
        if (n != width) {
            // name the first column that has no value (too few fields) or the last one that got extra values
            String field = n < width ? headerNames[n].trim() : headerNames[width - 1].trim();
            sink.reject(new Rejected(lineNo, field, "has " + n + " fields, the header has " + width
                    + (n < width ? " (no value for '" + truncate(field) + "' and after)"
                    : " (extra values after '" + truncate(field) + "')"), truncate(line)));
            return;
        }
        String station = fields[col[0]].trim();
        if (station.isEmpty()) {
            sink.reject(new Rejected(lineNo, "station", "is required", truncate(line)));
            return;
        }
        if (!stations.contains(station)) {
            sink.reject(new Rejected(lineNo, "station", "unknown station '" + truncate(station) + "'", truncate(line)));
            return;
        }
        long micros = parseTimeMicros(fields[col[1]].trim());
        if (micros == Long.MIN_VALUE) {
            sink.reject(new Rejected(lineNo, "time", "is not a date-time YYYY-MM-DDTHH:MM[:SS] (value '"
                    + truncate(fields[col[1]]) + "')", truncate(line)));
            return;
        }
        String analyte = fields[col[2]].trim().toLowerCase(Locale.ROOT);
        analyte = ANALYTE_ALIASES.getOrDefault(analyte, analyte);
        if (analyte.isEmpty() || !analyte.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '_')) {
            sink.reject(new Rejected(lineNo, "analyte", "must be a name such as thallium (value '" + truncate(analyte)
                    + "')", truncate(line)));
            return;
        }
        String unitText = fields[col[4]].trim();
        ConcentrationUnit unit = unitCache.get(unitText);
        if (unit == null) {
            try {
                unit = ConcentrationUnit.parse(unitText);
                if (unitCache.size() < 64) {
                    unitCache.put(unitText, unit);
                }
            } catch (IllegalArgumentException e) {
                sink.reject(new Rejected(lineNo, "unit", truncate(e.getMessage()), truncate(line)));
                return;
            }
        }
        String qualifier = col[6] < 0 ? "" : fields[col[6]].trim();
        boolean ndQualifier = qualifier.equals("<") || qualifier.equalsIgnoreCase("ND");
        if (!qualifier.isEmpty() && !ndQualifier && !qualifier.equals("J")) {
            sink.reject(new Rejected(lineNo, "qualifier", "must be empty, '<', 'ND' (below detection) or 'J' (estimated)",
                    truncate(line)));
            return;
        }
        double dl = Double.NaN;
        if (col[5] >= 0 && !fields[col[5]].isBlank()) {
            dl = number(fields[col[5]]);
            if (Double.isNaN(dl) || dl < 0) {
                sink.reject(new Rejected(lineNo, "detection_limit", "must be a number ≥ 0", truncate(line)));
                return;
            }
            dl = unit.toUgPerL(dl);
            if (dl > MAX_UG_PER_L) {
                sink.reject(new Rejected(lineNo, "detection_limit", "is above " + (long) MAX_UG_PER_L
                        + " µg/L (1 kg/L)", truncate(line)));
                return;
            }
        }
        String valueText = fields[col[3]].trim();
        double value;
        if (valueText.isEmpty()) {
            if (!ndQualifier || Double.isNaN(dl)) {
                sink.reject(new Rejected(lineNo, "value", "is required (or qualifier '<' with a detection limit)",
                        truncate(line)));
                return;
            }
            value = dl;
        } else {
            value = number(valueText);
            if (Double.isNaN(value)) {
                sink.reject(new Rejected(lineNo, "value", "is not a number", truncate(line)));
                return;
            }
            if (value < 0) {
                sink.reject(new Rejected(lineNo, "value", "must not be negative", truncate(line)));
                return;
            }
            value = unit.toUgPerL(value);
            if (value > MAX_UG_PER_L) {
                sink.reject(new Rejected(lineNo, "value", "is above " + (long) MAX_UG_PER_L + " µg/L (1 kg/L): not a "
                        + "concentration in water", truncate(line)));
                return;
            }
        }
        boolean below = ndQualifier || (!Double.isNaN(dl) && value < dl);
        if (below && !Double.isNaN(dl)) {
            value = dl;
        }
        String lab = col[7] < 0 ? "" : fields[col[7]].trim();
        sink.accept(new Row(lineNo, station, micros, analyte, value, below, dl, qualifier, lab));
    }

    /**
     * Largest concentration accepted: 10^9 µg/L = 1 kg/L, more than any solute can reach in water; a larger value is
     * a unit or typing error and is quarantined (never stored, so it cannot poison attribution or later corrections).
     */
    public static final double MAX_UG_PER_L = 1e9;

    /** A plain decimal ({@link org.lichain.dataset.StrictNumber}: no {@code 1e5d}, {@code 0x1p16}, NaN); else NaN. */
    private static double number(String s) {
        try {
            return org.lichain.dataset.StrictNumber.parse(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Splits into {@link #fields}; returns the field count, or -1 for a quote error. Extra fields are counted only. */
    private int split(String line) {
        int n = 0;
        int i = 0;
        int len = line.length();
        while (true) {
            String f;
            if (i < len && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < len) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < len && line.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    sb.append(c);
                    i++;
                }
                if (!closed || (i < len && line.charAt(i) != ',')) {
                    return -1;
                }
                f = sb.toString();
            } else {
                int j = line.indexOf(',', i);
                int end = j < 0 ? len : j;
                if (line.indexOf('"', i) >= 0 && line.indexOf('"', i) < end) {
                    return -1;
                }
                f = line.substring(i, end);
                i = end;
            }
            if (n < fields.length) {
                fields[n] = f;
            }
            n++;
            if (i >= len) {
                return n;
            }
            i++; // the comma
            if (i == len) { // trailing comma: one more empty field
                if (n < fields.length) {
                    fields[n] = "";
                }
                return n + 1;
            }
        }
    }

    /**
     * Parses {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM} or {@code YYYY-MM-DDTHH:MM:SS} (a space may replace the T)
     * to epoch microseconds; {@link Long#MIN_VALUE} when invalid (including impossible dates such as 2023-02-30).
     */
    public static long parseTimeMicros(String s) {
        int len = s.length();
        if (len != 10 && len != 16 && len != 19) {
            return Long.MIN_VALUE;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 2);
        int d = digits(s, 8, 2);
        int hh = 0;
        int mm = 0;
        int ss = 0;
        if (len >= 16) {
            char t = s.charAt(10);
            if ((t != 'T' && t != ' ') || s.charAt(13) != ':') {
                return Long.MIN_VALUE;
            }
            hh = digits(s, 11, 2);
            mm = digits(s, 14, 2);
            if (len == 19) {
                if (s.charAt(16) != ':') {
                    return Long.MIN_VALUE;
                }
                ss = digits(s, 17, 2);
            }
        }
        if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || hh > 23 || mm > 59 || ss > 59 || hh < 0 || mm < 0
                || ss < 0) {
            return Long.MIN_VALUE;
        }
        boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int dim = mo == 2 ? (leap ? 29 : 28) : (mo == 4 || mo == 6 || mo == 9 || mo == 11) ? 30 : 31;
        if (d > dim) {
            return Long.MIN_VALUE;
        }
        long days = java.time.LocalDate.of(y, mo, d).toEpochDay();
        return ((days * 24 + hh) * 60 + mm) * 60_000_000L + ss * 1_000_000L;
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1_000_000;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
