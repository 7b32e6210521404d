package org.lichain.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed CSV file (RFC 4180 quoting, {@code #} comment lines, header row) that remembers the line and
 * column of every field so that problems can be reported as {@code file:line:column}.
 */
public final class CsvTable {
    /** One data row: its 1-based line, its fields and each field's 1-based column. */
    public record Row(int line, String[] fields, int[] columns) {
    }

    private final String file;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final int headerLine;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, int headerLine, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.headerLine = headerLine;
        this.rows = List.copyOf(rows);
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public int headerLine() {
        return headerLine;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Column index of a header name, or -1. */
    public int indexOf(String column) {
        return index.getOrDefault(column, -1);
    }

    /**
     * Parses {@code text}; syntax problems (unterminated quote, wrong field count, empty file) go to
     * {@code problems} and the offending rows are dropped.
     */
    public static CsvTable parse(String file, String text, Problems problems) {
        List<Row> records = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1; // byte-order mark
        }
        while (i < n) {
            int startLine = line;
            if (text.charAt(i) == '#') { // comment line
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                i++;
                line++;
                continue;
            }
            List<String> fields = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            int lineStart = i;
            boolean endOfRecord = false;
            boolean broken = false;
            while (!endOfRecord) {
                int col = i - lineStart + 1;
                StringBuilder sb = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    int quoteLine = line;
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                sb.append('"');
                                i += 2;
                            } else {
                                i++;
                                closed = true;
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                                lineStart = i + 1;
                            }
                            sb.append(c);
                            i++;
                        }
                    }
                    if (!closed) {
                        problems.add(file, quoteLine, col, null, null, "unterminated quoted field");
                        return new CsvTable(file, List.of(), 0, List.of());
                    }
                    // after a closing quote only a separator or end of line may follow
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        problems.add(file, line, i - lineStart + 1, null, null, "unexpected character after closing quote");
                        broken = true;
                        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                            i++;
                        }
                    }
                } else {
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == ',' || c == '\n') {
                            break;
                        }
                        if (c == '"') {
                            problems.add(file, line, i - lineStart + 1, null, null, "quote inside an unquoted field");
                            broken = true;
                        }
                        if (c != '\r') {
                            sb.append(c);
                        }
                        i++;
                    }
                }
                fields.add(sb.toString());
                cols.add(col);
                if (i < n && text.charAt(i) == '\r') {
                    i++;
                }
                if (i >= n) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else { // newline
                    i++;
                    line++;
                    endOfRecord = true;
                }
            }
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank && !broken) {
                records.add(new Row(startLine, fields.toArray(new String[0]),
                        cols.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        if (records.isEmpty()) {
            problems.add(file, 0, 0, null, null, "no header row (empty file)");
            return new CsvTable(file, List.of(), 0, List.of());
        }
        Row head = records.get(0);
        List<String> header = new ArrayList<>();
        for (String h : head.fields()) {
            header.add(h.trim());
        }
        List<Row> data = new ArrayList<>();
        for (Row r : records.subList(1, records.size())) {
            if (r.fields().length != header.size()) {
                problems.add(file, r.line(), 0, null, null,
                        "has " + r.fields().length + " fields, the header has " + header.size());
                continue;
            }
            String[] trimmed = Arrays.stream(r.fields()).map(String::trim).toArray(String[]::new);
            data.add(new Row(r.line(), trimmed, r.columns()));
        }
        return new CsvTable(file, header, head.line(), data);
    }

    /** Records a problem for each required column missing from the header; true if all are present. */
    public boolean requireColumns(Problems problems, String... columns) {
        boolean ok = true;
        for (String c : columns) {
            if (!index.containsKey(c)) {
                problems.add(file, headerLine, 0, c, null, "required column is missing from the header");
                ok = false;
            }
        }
        return ok;
    }
}
