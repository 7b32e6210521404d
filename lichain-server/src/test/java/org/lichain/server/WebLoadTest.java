package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.server.jobs.JobRunner;
import org.lichain.world.World;

/**
 * Bounded loopback load test: {@code lichain.load.clients} (50) concurrent clients for
 * {@code lichain.load.seconds} (30) s on the embedded dataset, alternating the curve endpoint (40 slider prices)
 * with a job round trip (POST /api/jobs, then GET its status). The job kind is a no-op probe of the HTTP and
 * queue path ("bench-noop", registered only here), because no model job kind has landed yet.
 * Excluded from the default build (tag "load"); run with
 * {@code ./mvnw -o -pl lichain-server -am test -Dtest=WebLoadTest -Dlichain.server.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. Writes target/load-report.txt.
 */
@Tag("load")
class WebLoadTest {
    record Stats(String endpoint, long[] micros) {
        long pct(double p) {
            if (micros.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, i))];
        }
    }

    static JobRunner noop() {
        return new JobRunner() {
            @Override
            public String kind() {
                return "bench-noop";
            }

            @Override
            public Work prepare(World world, ObjectNode scenario, int runs) {
                return ctx -> {
                    ctx.progress(1, 1, "done");
                    return Json.object().put("runs", runs);
                };
            }
        };
    }

    @Test
    void fiftyClientsOnCurveAndJobs_zeroErrors() throws Exception {
        int clients = Integer.getInteger("lichain.load.clients", 50);
        int seconds = Integer.getInteger("lichain.load.seconds", 30);
        World world = DatasetLoader.loadEmbedded();
        // 2 job workers, room for 4096 waiting jobs, every job kept for its status query
        ServerConfig cfg = new ServerConfig("127.0.0.1", 0, Fixture.TOKEN, List.of(),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, 2, 4096, 1_000_000, null);
        Map3 lat = new Map3();
        AtomicLong errors = new AtomicLong();
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        long wallNanos;
        try (LichainServer server = LichainServer.start(world, cfg, List.of(noop()))) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            // warm-up: one curve per price so that the run measures the steady state of a slider session
            for (int p = 0; p < 40; p++) {
                client.send(HttpRequest.newBuilder(URI.create(base + curvePath(p))).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            CountDownLatch done = new CountDownLatch(clients);
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                final int id = c;
                Thread t = new Thread(() -> {
                    try {
                        int i = id;
                        while (System.nanoTime() < end) {
                            i++;
                            final String path = curvePath(id * 7 + i);
                            if (i % 2 == 0) {
                                timed(lat, "GET /api/curve", errors, errorSamples, () -> client.send(
                                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                                        HttpResponse.BodyHandlers.ofString()), 200);
                            } else {
                                HttpResponse<String> r = timed(lat, "POST /api/jobs", errors, errorSamples,
                                        () -> client.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                                                .header("Authorization", "Bearer " + Fixture.TOKEN)
                                                .header("Content-Type", "application/json")
                                                .POST(HttpRequest.BodyPublishers.ofString(
                                                        "{\"kind\":\"bench-noop\",\"runs\":1}")).build(),
                                                HttpResponse.BodyHandlers.ofString()), 202);
                                if (r != null && r.statusCode() == 202) {
                                    String jobId = Json.MAPPER.readTree(r.body()).get("id").asText();
                                    timed(lat, "GET /api/jobs/{id}", errors, errorSamples, () -> client.send(
                                            HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + jobId)).build(),
                                            HttpResponse.BodyHandlers.ofString()), 200);
                                }
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        errorSamples.add(e.toString());
                    } finally {
                        done.countDown();
                    }
                }, "load-client-" + c);
                t.start();
            }
            done.await();
            wallNanos = System.nanoTime() - t0;
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "LiChain web load test: %d clients, %d s, loopback, embedded dataset, "
                + "%d cores, Java %s%n", clients, seconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.append(String.format(Locale.ROOT, "system load average (1 min) at the end: %.1f%n", load));
        report.append(String.format(Locale.ROOT, "%-20s %9s %9s %9s %9s %9s %9s%n", "endpoint", "requests", "req/s",
                "p50 ms", "p99 ms", "max ms", "errors"));
        long total = 0;
        for (Stats s : lat.stats()) {
            total += s.micros().length;
            report.append(String.format(Locale.ROOT, "%-20s %9d %9.0f %9.2f %9.2f %9.2f %9d%n", s.endpoint(),
                    s.micros().length, s.micros().length / (wallNanos / 1e9), s.pct(50) / 1000.0,
                    s.pct(99) / 1000.0, s.pct(100) / 1000.0, lat.errors(s.endpoint())));
        }
        report.append(String.format(Locale.ROOT, "total %d requests in %.1f s (%.0f req/s), errors %d%n", total,
                wallNanos / 1e9, total / (wallNanos / 1e9), errors.get()));
        errorSamples.stream().limit(5).forEach(e -> report.append("  error: ").append(e).append('\n'));
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "load-report.txt"), report.toString());
        assertThat(errors.get()).as(report.toString()).isZero();
        assertThat(total).isPositive();
    }

    private static String curvePath(int k) {
        return "/api/curve?year=2025&basis=c1&price_usd=" + (5000 + 250 * Math.floorMod(k, 40));
    }

    interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static HttpResponse<String> timed(Map3 lat, String endpoint, AtomicLong errors, List<String> samples,
                                              Call call, int expected) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = call.send();
            lat.add(endpoint, (System.nanoTime() - t) / 1000);
            if (r.statusCode() != expected) {
                errors.incrementAndGet();
                lat.error(endpoint);
                samples.add(endpoint + " -> " + r.statusCode() + " " + r.body());
            }
            return r;
        } catch (IOException | InterruptedException e) {
            errors.incrementAndGet();
            lat.error(endpoint);
            samples.add(endpoint + " -> " + e);
            return null;
        }
    }

    /** Latencies per endpoint, microseconds. */
    static final class Map3 {
        private final ConcurrentHashMap<String, List<Long>> byEndpoint = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, AtomicLong> errorsByEndpoint = new ConcurrentHashMap<>();

        void error(String endpoint) {
            errorsByEndpoint.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
        }

        long errors(String endpoint) {
            AtomicLong n = errorsByEndpoint.get(endpoint);
            return n == null ? 0 : n.get();
        }

        void add(String endpoint, long micros) {
            byEndpoint.computeIfAbsent(endpoint, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(micros);
        }

        List<Stats> stats() {
            List<Stats> out = new ArrayList<>();
            for (String k : new java.util.TreeSet<>(byEndpoint.keySet())) {
                long[] a = byEndpoint.get(k).stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(a);
                out.add(new Stats(k, a));
            }
            return out;
        }
    }

}
