package org.lichain.server;

/** One registered route: HTTP method, Javalin path (with {@code {param}}s, as in OpenAPI) and whether it mutates. */
public record RouteInfo(String method, String path, boolean mutating) {
}
