package org.lichain.server;

import java.security.SecureRandom;
import java.util.Map;

/**
 * An error answered as an RFC 9457 problem detail ({@code application/problem+json}). {@code field} names the
 * request field at fault for validation errors (400); {@code type} is a relative URI naming the problem kind.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final transient Map<String, Object> extensions;

    public ApiProblem(int status, String type, String title, String detail, String field,
                      Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** 400: the named request field (query parameter, path parameter or JSON pointer-like path) is invalid. */
    public static ApiProblem invalid(String field, String reason) {
        return new ApiProblem(400, "/problems/invalid-field", "Invalid request field",
                field + ": " + reason, field, null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "/problems/not-found", "Not found", detail, null, null);
    }

    /** 501: a capability that has not landed in this build (the dashboard shows "not available in this build"). */
    public static ApiProblem notAvailable(String capability, String detail) {
        return new ApiProblem(501, "/problems/not-available", "Not available in this build", detail, null,
                Map.of("capability", capability));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "/problems/conflict", "Conflict", detail, null, null);
    }

    /** An opaque id (12 hex digits) under which the server log holds an error's details. */
    public static String errorId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
