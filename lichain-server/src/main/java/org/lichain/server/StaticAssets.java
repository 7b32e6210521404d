package org.lichain.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files, read from the classpath once at start and served from memory by exact name.
 * Nothing is resolved against a file system, so no request path can reach another file: any name not in
 * this fixed list (including {@code ..}, encoded or not) is a 404.
 */
final class StaticAssets {
    /** Where the ECharts WebJar keeps its minified build. */
    static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String WEB = "org/lichain/server/web/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    /** A file's bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final Asset echarts;

    StaticAssets() {
        FILES.forEach((name, type) -> byName.put(name, new Asset(read(WEB + name), type)));
        echarts = new Asset(read(ECHARTS_RESOURCE), "text/javascript; charset=utf-8");
    }

    Optional<Asset> file(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Asset echarts() {
        return echarts;
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (is the server jar complete?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
