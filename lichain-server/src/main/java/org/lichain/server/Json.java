package org.lichain.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The server's JSON: compact, key order as built, no timestamps unless a field says so. */
final class Json {
    static final int MAX_NESTING = 64;
    static final int MAX_NUMBER_CHARS = 64;

    /**
     * Request bodies are read strictly: a duplicate key, anything after the top-level value, or nesting deeper
     * than {@link #MAX_NESTING} is a 400; numbers longer than {@link #MAX_NUMBER_CHARS} characters are refused.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_CHARS).maxStringLength(1 << 20).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
