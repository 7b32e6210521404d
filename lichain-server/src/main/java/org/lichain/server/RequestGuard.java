package org.lichain.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The first thing every request meets, before any route:
 * <ul>
 * <li>the security headers go on every response ({@link #SECURITY_HEADERS}; Jetty's own error pages get them from
 *     {@link JettyErrors});</li>
 * <li>method-override headers ({@code X-HTTP-Method-Override} and its variants) are removed: the method on the
 *     request line is the method, so a GET can never reach a DELETE handler;</li>
 * <li>{@code HEAD} is routed as {@code GET} (Jetty sends the headers without the body): HEAD answers what GET
 *     answers, 404 included;</li>
 * <li>requests with a body (POST, PUT, PATCH, DELETE) are limited per client address ({@code perClient}) and in
 *     all ({@code total}); one more is answered 429 at once, before its body is read, so slow senders cannot hold
 *     the thread pool (the read itself has a deadline: {@link JobsApi#readBounded}).</li>
 * </ul>
 */
final class RequestGuard implements Filter {
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");
    private static final Set<String> OVERRIDE_HEADERS = Set.of("x-http-method-override", "x-http-method",
            "x-method-override");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final int perClient;
    private final int total;
    private final ConcurrentHashMap<String, AtomicInteger> byClient = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    RequestGuard(int perClient, int total) {
        this.perClient = perClient;
        this.total = total;
    }

    static void securityHeaders(BiConsumer<String, String> set) {
        SECURITY_HEADERS.forEach(set);
    }

    /** Requests with a body refused with 429 so far (for /metrics). */
    int refused() {
        return refused.get();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest in = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) res;
        securityHeaders(out::setHeader);
        HttpServletRequest view = new Sanitised(in);
        String method = in.getMethod().toUpperCase(Locale.ROOT);
        if (!WITH_BODY.contains(method)) {
            chain.doFilter(view, res);
            return;
        }
        String client = in.getRemoteAddr() == null ? "?" : in.getRemoteAddr();
        AtomicInteger mine = byClient.computeIfAbsent(client, k -> new AtomicInteger());
        int m = mine.incrementAndGet();
        int t = inFlight.incrementAndGet();
        try {
            if (m > perClient || t > total) {
                refused.incrementAndGet();
                tooMany(out, m > perClient ? "this client already has " + perClient + " requests in progress"
                        : "the server already has " + total + " requests with a body in progress");
                return;
            }
            chain.doFilter(view, res);
        } finally {
            inFlight.decrementAndGet();
            if (mine.decrementAndGet() == 0) {
                byClient.remove(client, mine);
            }
        }
    }

    private static void tooMany(HttpServletResponse out, String why) throws IOException {
        out.setStatus(429);
        out.setHeader("Retry-After", "5");
        out.setHeader("Connection", "close");
        out.setContentType(LichainServer.PROBLEM_JSON);
        byte[] body = ("{\"type\":\"/problems/too-many-requests\",\"title\":\"Too many requests\",\"status\":429,"
                + "\"detail\":\"" + why + "; retry later\"}").getBytes(StandardCharsets.UTF_8);
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }

    /** The request without method-override headers, and with HEAD seen as GET. */
    private static final class Sanitised extends HttpServletRequestWrapper {
        Sanitised(HttpServletRequest r) {
            super(r);
        }

        @Override
        public String getMethod() {
            String m = super.getMethod();
            return "HEAD".equalsIgnoreCase(m) ? "GET" : m;
        }

        private static boolean hidden(String name) {
            return name != null && OVERRIDE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(h -> !hidden(h)).toList());
        }
    }
}
