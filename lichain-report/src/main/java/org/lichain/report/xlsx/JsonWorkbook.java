package org.lichain.report.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lichain.report.Canvas;

/**
 * An Excel workbook (.xlsx, Apache POI) made from a command's JSON output, so the workbook and {@code --json} can
 * never disagree: one sheet per table, with the JSON field names (which carry their units, e.g.
 * {@code c1_usd_per_t_lce}) as headers, and a first sheet {@code sources_parameters} with every scalar of the output
 * (price and its source, year, basis, seed...) plus what the caller adds (command, dataset, version).
 *
 * <p>Tables found in the JSON: an array of objects (one row per element, nested objects flattened as
 * {@code parent.child}); an object of objects with the same fields ({@code by_resource_type}: a {@code key} column
 * plus the fields); an object whose leaves are arrays as long as the index array (e.g. {@code months}): one row per
 * index value, one column per leaf path; top-level arrays as long as the index together in one sheet named after the
 * index. Sheet names are the JSON field names (cut to Excel's 31 characters, made unique).
 */
public final class JsonWorkbook {
    /** The name of the sources and parameters sheet. */
    public static final String SOURCES_SHEET = "sources_parameters";

    private JsonWorkbook() {
    }

    /**
     * Builds the workbook. {@code indexField}: the name of the array that indexes columnar series (e.g.
     * {@code "months"}), or null; {@code extraParameters}: rows added at the top of the sources sheet.
     */
    public static byte[] bytes(ObjectNode root, String indexField, Map<String, String> extraParameters) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Set<String> names = new HashSet<>();
            Sheet src = wb.createSheet(SOURCES_SHEET);
            names.add(SOURCES_SHEET);
            List<List<Object>> params = new ArrayList<>();
            extraParameters.forEach((k, v) -> params.add(List.of(k, v)));
            ArrayNode index = indexField != null && root.get(indexField) instanceof ArrayNode a ? a : null;
            Map<String, JsonNode> series = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode v = e.getValue();
                if (key.equals(indexField)) {
                    continue;
                }
                if (v.isValueNode() || v.isNull()) {
                    params.add(List.of(key, value(v)));
                } else if (index != null && isSeries(v, index.size())) {
                    series.put(key, v);
                } else if (index != null && allLeavesSeries(v, index.size())) {
                    Map<String, JsonNode> cols = new LinkedHashMap<>();
                    leaves(key, v, cols);
                    writeColumns(wb, bold, unique(names, key), indexField, index, cols);
                } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                    writeRecords(wb, bold, unique(names, key), null, records(v));
                } else if (v.isObject() && objectOfObjects(v)) {
                    writeRecords(wb, bold, unique(names, key), "key", keyed((ObjectNode) v));
                } else if (v.isObject()) {
                    Map<String, JsonNode> flat = new LinkedHashMap<>();
                    leaves(key, v, flat);
                    flat.forEach((k, x) -> params.add(List.of(k, x.isValueNode() ? value(x) : x.toString())));
                } else {
                    params.add(List.of(key, v.toString()));
                }
            }
            if (!series.isEmpty()) {
                writeColumns(wb, bold, unique(names, indexField), indexField, index, series);
            }
            header(src.createRow(0), bold, List.of("parameter", "value"));
            for (int i = 0; i < params.size(); i++) {
                Row r = src.createRow(i + 1);
                set(r.createCell(0), params.get(i).get(0));
                set(r.createCell(1), params.get(i).get(1));
            }
            src.setColumnWidth(0, 40 * 256);
            src.setColumnWidth(1, 120 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the workbook atomically (temporary file, then rename). */
    public static void write(Path file, ObjectNode root, String indexField, Map<String, String> extraParameters) {
        Canvas.write(file, bytes(root, indexField, extraParameters));
    }

    private static boolean isSeries(JsonNode v, int n) {
        if (!v.isArray() || v.size() != n) {
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isValueNode() && !x.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLeavesSeries(JsonNode v, int n) {
        if (!v.isObject() || v.isEmpty()) {
            return false;
        }
        for (JsonNode x : v) {
            if (!(isSeries(x, n) || allLeavesSeries(x, n))) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectOfObjects(JsonNode v) {
        if (v.isEmpty()) {
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** Leaf paths of an object ({@code prefix.child...}); arrays and values are leaves. */
    static void leaves(String prefix, JsonNode v, Map<String, JsonNode> out) {
        if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, v);
        }
    }

    private static List<Map<String, Object>> records(JsonNode arr) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode el : arr) {
            Map<String, JsonNode> flat = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = el.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getKey(), e.getValue(), flat);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            flat.forEach((k, x) -> row.put(k, x.isValueNode() || x.isNull() ? value(x) : x.toString()));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> keyed(ObjectNode o) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", e.getKey());
            records(o.arrayNode().add(e.getValue())).get(0).forEach(row::put);
            rows.add(row);
        }
        return rows;
    }

    private static void writeRecords(XSSFWorkbook wb, CellStyle bold, String name, String first,
                                     List<Map<String, Object>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        if (first != null) {
            cols.add(first);
        }
        rows.forEach(r -> cols.addAll(r.keySet()));
        List<String> header = new ArrayList<>(cols);
        Sheet s = wb.createSheet(name);
        header(s.createRow(0), bold, header);
        for (int i = 0; i < rows.size(); i++) {
            Row r = s.createRow(i + 1);
            for (int c = 0; c < header.size(); c++) {
                set(r.createCell(c), rows.get(i).get(header.get(c)));
            }
        }
        s.createFreezePane(0, 1);
    }

    private static void writeColumns(XSSFWorkbook wb, CellStyle bold, String name, String indexField, ArrayNode index,
                                     Map<String, JsonNode> cols) {
        Sheet s = wb.createSheet(name);
        List<String> header = new ArrayList<>();
        header.add(indexField);
        header.addAll(cols.keySet());
        header(s.createRow(0), bold, header);
        List<JsonNode> values = new ArrayList<>(cols.values());
        for (int i = 0; i < index.size(); i++) {
            Row r = s.createRow(i + 1);
            set(r.createCell(0), value(index.get(i)));
            for (int c = 0; c < values.size(); c++) {
                set(r.createCell(c + 1), value(values.get(c).get(i)));
            }
        }
        s.createFreezePane(1, 1);
    }

    private static void header(Row r, CellStyle bold, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            Cell cell = r.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(bold);
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asText();
    }

    private static void set(Cell c, Object v) {
        if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                c.setCellValue(d);
            }
        } else if (v instanceof Boolean b) {
            c.setCellValue(b);
        } else if (v != null) {
            String t = v.toString();
            c.setCellValue(t.length() > 32_767 ? t.substring(0, 32_767) : t); // Excel's cell limit
        }
    }

    /** An Excel sheet name: at most 31 characters, none of []:*?/\, unique in the workbook. */
    static String unique(Set<String> used, String wanted) {
        String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", "_");
        base = base.length() > 31 ? base.substring(0, 31) : base;
        String name = base;
        for (int i = 2; used.contains(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = "_" + i;
            name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        used.add(name.toLowerCase(java.util.Locale.ROOT));
        return name;
    }
}
