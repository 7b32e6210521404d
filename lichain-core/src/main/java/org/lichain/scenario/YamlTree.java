package org.lichain.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree whose every node remembers its line and column (from Jackson's
 * {@link JsonLocation}), so that validation can name where a problem is. Only what scenario files need.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();

        int column();
    }

    /** A mapping; keys in file order, each with the line of the key. */
    record MapNode(Map<String, Node> entries, Map<String, Integer> keyLines, int line, int column)
            implements Node {
    }

    record ListNode(List<Node> items, int line, int column) implements Node {
    }

    /** A scalar; {@code text} is null for YAML null; {@code numeric} when YAML typed it as a number. */
    record Scalar(String text, boolean numeric, int line, int column) implements Node {
    }

    /** Parses one YAML document; throws {@link IOException} with the location on a syntax error. */
    static Node parse(String yaml) throws IOException {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new MapNode(Map.of(), Map.of(), 1, 1);
            }
            return read(p);
        }
    }

    private static Node read(JsonParser p) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> m = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node v = read(p);
                    if (m.containsKey(key)) {
                        throw new DuplicateKeyException(key, keyLine);
                    }
                    m.put(key, v);
                    keyLines.put(key, keyLine);
                }
                return new MapNode(m, keyLines, line, col);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new ListNode(items, line, col);
            }
            case VALUE_NULL -> {
                return new Scalar(null, false, line, col);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(p.getText(), true, line, col);
            }
            default -> {
                return new Scalar(p.getText(), false, line, col);
            }
        }
    }

    /** A key given twice in one mapping. */
    static final class DuplicateKeyException extends IOException {
        private static final long serialVersionUID = 1L;
        final String key;
        final int line;

        DuplicateKeyException(String key, int line) {
            super("duplicate key '" + key + "'");
            this.key = key;
            this.line = line;
        }
    }
}
