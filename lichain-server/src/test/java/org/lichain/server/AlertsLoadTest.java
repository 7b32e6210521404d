package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.environment.MonitoringStore;

/**
 * Issue 16, "done when": with 2 million measurements stored, {@code GET /api/env/alerts} answers with a bounded page
 * and a server limited to a 512 MB heap ({@code -Xmx512m}, its own JVM) answers ten such requests in parallel, and
 * every page of the walk by cursor joins up to the alerts of the whole store computed in one pass. The data is
 * generated inside DuckDB (seconds, not an ingest of a 100 MB CSV). Wall-clock figures are printed for
 * docs/reliability.md, not asserted (the machine is shared).
 */
class AlertsLoadTest {
    static final int ROWS = 2_000_000;
    /** The child server's heap limit. */
    static final int HEAP_MB = 512;

    @TempDir
    Path dir;

    static List<String> stations() {
        org.lichain.environment.RiverNetwork n = org.lichain.dataset.DatasetLoader.loadEmbedded()
                .extension(org.lichain.environment.RiverNetwork.class).orElseThrow();
        return n.stations().stream().map(org.lichain.environment.RiverNetwork.Station::id).toList();
    }

    @Test
    void twoMillionMeasurements_boundedPages_tenInParallelUnder512MbHeap() throws Exception {
        Path db = dir.resolve("m.duckdb");
        long t0 = System.nanoTime();
        AlertsLoadTestData.generate(db, stations(), ROWS);
        System.out.printf("AlertsLoadTest: generated %,d measurements in %.1f s%n", ROWS, (System.nanoTime() - t0) / 1e9);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), ServerChild.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the child server's first line").startsWith("PORT ");
            String base = "http://127.0.0.1:" + line.substring(5).trim();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // one request, timed
            long s0 = System.nanoTime();
            HttpResponse<String> first = get(client, base + "/api/env/alerts?limit=1000");
            double firstS = (System.nanoTime() - s0) / 1e9;
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            JsonNode page = Json.MAPPER.readTree(first.body());
            assertThat(page.get("measurements").asLong()).isEqualTo(ROWS);
            assertThat(page.get("alerts").size()).isEqualTo(1000);
            assertThat(page.get("page").get("measurements_scanned").asLong())
                    .isLessThanOrEqualTo(org.lichain.environment.AlertPages.MAX_SCAN);
            assertThat(page.get("page").get("next_cursor").isTextual()).isTrue();
            assertThat(first.body().length()).isLessThan(2_000_000);
            // ten in parallel, each a full page
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<HttpResponse<String>>> all = new ArrayList<>();
            long p0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                all.add(pool.submit(() -> get(client, base + "/api/env/alerts?limit=1000")));
            }
            for (Future<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(first.body());
            }
            double parallelS = (System.nanoTime() - p0) / 1e9;
            pool.shutdown();
            assertThat(child.isAlive()).as("the 512 MB server survived ten parallel requests").isTrue();
            String metrics = get(client, base + "/metrics").body();
            double heapUsed = gauge(metrics, "jvm_heap_used_bytes");
            double heapMax = gauge(metrics, "jvm_heap_max_bytes");
            // checks the test's own setup, not behaviour: the child really runs with the -Xmx it was given (its own
            // gauge; the JVM may round it down). The behavioural guard is every request above succeeding.
            assertThat(heapMax).as("setup: the child server's max heap is at most -Xmx%dm", HEAP_MB)
                    .isPositive().isLessThanOrEqualTo(HEAP_MB * 1048576.0);
            System.out.printf("AlertsLoadTest: first page %.2f s; ten in parallel %.2f s; heap used after %.0f MB "
                    + "of %.0f MB%n", firstS, parallelS, heapUsed / 1048576, heapMax / 1048576);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    static HttpResponse<String> get(HttpClient c, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double gauge(String metrics, String name) {
        for (String l : metrics.split("\n")) {
            if (l.startsWith(name + " ")) {
                return Double.parseDouble(l.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError(name + " missing from /metrics");
    }

}
