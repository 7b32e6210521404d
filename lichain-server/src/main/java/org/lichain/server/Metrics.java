package org.lichain.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} in the Prometheus text exposition format (version 0.0.4): requests by route and status,
 * a request-latency histogram, the job queue's depth and jobs by state, requests refused by the concurrency limit,
 * and JVM heap. Routes are the registered path templates ({@code /api/jobs/{id}}), never raw paths, so the number
 * of series stays bounded.
 */
final class Metrics {
    /** Histogram bucket upper bounds, seconds. */
    static final double[] BUCKETS_S = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLongArray bucketCounts = new AtomicLongArray(BUCKETS_S.length + 1);
    private final AtomicLong latencyCount = new AtomicLong();
    private final AtomicLong latencyMicros = new AtomicLong();

    /** Records one answered request ({@code route} is the matched template, or "unmatched"). */
    void record(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(method + " " + route + " " + status, k -> new AtomicLong()).incrementAndGet();
        int b = 0;
        while (b < BUCKETS_S.length && seconds > BUCKETS_S[b]) {
            b++;
        }
        bucketCounts.incrementAndGet(b);
        latencyCount.incrementAndGet();
        latencyMicros.addAndGet(Math.round(seconds * 1e6));
    }

    /** The exposition text; {@code gauges} adds named gauges (name with labels → value). */
    String render(Supplier<Map<String, Double>> gauges) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP lichain_http_requests_total HTTP requests answered, by method, route and status.\n");
        sb.append("# TYPE lichain_http_requests_total counter\n");
        for (var e : new TreeMap<>(requests).entrySet()) {
            String[] k = e.getKey().split(" ", 3);
            sb.append("lichain_http_requests_total{method=\"").append(k[0]).append("\",route=\"")
                    .append(escape(k[1])).append("\",status=\"").append(k[2]).append("\"} ")
                    .append(e.getValue().get()).append('\n');
        }
        sb.append("# HELP lichain_http_request_duration_seconds Time to answer a request.\n");
        sb.append("# TYPE lichain_http_request_duration_seconds histogram\n");
        long cumulative = 0;
        for (int b = 0; b < BUCKETS_S.length; b++) {
            cumulative += bucketCounts.get(b);
            sb.append("lichain_http_request_duration_seconds_bucket{le=\"").append(fmt(BUCKETS_S[b])).append("\"} ")
                    .append(cumulative).append('\n');
        }
        cumulative += bucketCounts.get(BUCKETS_S.length);
        sb.append("lichain_http_request_duration_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        sb.append("lichain_http_request_duration_seconds_sum ").append(fmt(latencyMicros.get() / 1e6)).append('\n');
        sb.append("lichain_http_request_duration_seconds_count ").append(latencyCount.get()).append('\n');
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(sb, "jvm_heap_used_bytes", "JVM heap in use.", heap.getUsed());
        gauge(sb, "jvm_heap_max_bytes", "JVM heap limit (-Xmx).", heap.getMax());
        String last = null;
        for (var e : new TreeMap<>(gauges.get()).entrySet()) {
            String name = e.getKey().contains("{") ? e.getKey().substring(0, e.getKey().indexOf('{')) : e.getKey();
            if (!name.equals(last)) {
                sb.append("# TYPE ").append(name).append(" gauge\n");
                last = name;
            }
            sb.append(e.getKey()).append(' ').append(fmt(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, double v) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
        sb.append(name).append(' ').append(fmt(v)).append('\n');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
