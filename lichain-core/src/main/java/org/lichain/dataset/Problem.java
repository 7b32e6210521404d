package org.lichain.dataset;

/**
 * One validation problem, located as {@code file:line:column} with the field, the offending value and why.
 * Line and column are 1-based; 0 means "the whole file" or "the whole row".
 */
public record Problem(String file, int line, int column, String field, String value, String reason) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append("field '").append(field).append("' ");
        }
        if (value != null) {
            sb.append("value '").append(value.length() > 80 ? value.substring(0, 77) + "..." : value).append("' ");
        }
        sb.append(reason);
        return sb.toString();
    }
}
