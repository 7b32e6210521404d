package org.lichain.server;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.eclipse.jetty.http.UriCompliance;
import org.lichain.server.jobs.JobManager;
import org.lichain.server.jobs.JobRunner;
import org.lichain.server.jobs.QueueFullException;
import org.lichain.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LiChain HTTP server: the REST API ({@code /api/...}, documented at {@code /openapi.json}) and the
 * dashboard ({@code /}) from one process. Safe by default: loopback bind, a bearer token on every mutating
 * endpoint, bounded request bodies and job queue, RFC 9457 problem details for every error, CORS off.
 */
public final class LichainServer implements AutoCloseable {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(LichainServer.class);
    private static final Set<HandlerType> MUTATING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    /** Capabilities whose endpoints answer 501 until they are wired (path → capability): schedules (issue #5). */
    static final Map<String, String> NOT_YET = notYet();

    private final ServerConfig config;
    private final Javalin app;
    private final JobManager jobs;
    private final List<RouteInfo> routes;
    private final byte[] tokenBytes;
    private final Metrics metrics = new Metrics();
    private final RequestGuard requestGuard = new RequestGuard(PER_CLIENT_BODY_REQUESTS, TOTAL_BODY_REQUESTS);
    /** Idle timeout of connections and requests (ms). */
    static final long IDLE_TIMEOUT_MS = 30_000;
    /** Requests with a body in progress, per client address and in all; one more is answered 429 at once. */
    static final int PER_CLIENT_BODY_REQUESTS = 8;
    static final int TOTAL_BODY_REQUESTS = 64;

    private LichainServer(World world, ServerConfig config, List<JobRunner> runners) {
        this.config = config;
        this.tokenBytes = config.token().getBytes(StandardCharsets.UTF_8);
        org.lichain.server.jobs.JobStore jobStore = config.monitoringDb() == null ? null
                : org.lichain.server.jobs.JobStore.open(org.lichain.server.jobs.JobStore.besideStore(
                config.monitoringDb()));
        this.jobs = new JobManager(config.jobThreads(), config.jobQueueCapacity(), config.retainedJobs(), jobStore);
        Map<String, JobRunner> byKind = new LinkedHashMap<>();
        for (JobRunner r : runners) {
            if (byKind.put(r.kind(), r) != null) {
                throw new IllegalArgumentException("two job runners for kind '" + r.kind() + "'");
            }
        }
        jobs.recover((row, job) -> {
            JobRunner runner = byKind.get(row.kind());
            if (runner == null || !runner.available()) {
                throw new IllegalStateException("no runner for " + row.kind());
            }
            try {
                return runner.prepare(world, JobsApi.scenario(Json.MAPPER.readTree(row.request()).get("scenario")),
                        row.runs());
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CurveApi curve = new CurveApi(world);
        ForecastApi forecast = new ForecastApi(world);
        AssetsApi assets = new AssetsApi(world, curve);
        CompanyApi company = new CompanyApi(world);
        GroundwaterApi groundwater = new GroundwaterApi(world);
        ScheduleApi schedule = new ScheduleApi(world);
        MonitoringApi monitoring = new MonitoringApi(world, config.monitoringDb());
        EnvApi env = new EnvApi(world, monitoring);
        JobsApi jobsApi = new JobsApi(world, jobs, byKind, config.maxBodyBytes());
        StaticAssets files = new StaticAssets();
        byte[] openApi = readResource("org/lichain/server/openapi.json");
        List<RouteInfo> registered = new ArrayList<>();
        this.app = Javalin.create(cfg -> {
            cfg.startup.startupWatcherEnabled = false;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.jetty.host = config.bind();
            cfg.jetty.port = config.port();
            // Ambiguous paths (%2e%2e, %2f, ;params) reach the router instead of Jetty's bare 400, so that every
            // traversal attempt gets the same 404 problem. Safe here: no file system is served; dashboard files
            // are exact-name lookups in memory (StaticAssets) and authorisation does not depend on the path.
            cfg.jetty.modifyHttpConfiguration(hc -> hc.setUriCompliance(UriCompliance.DEFAULT.with("lichain",
                    UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                    UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
                    UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER,
                    UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS)));
            cfg.jetty.modifyServletContextHandler(h -> {
                h.getServletHandler().setDecodeAmbiguousURIs(true);
                h.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(requestGuard), "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            // a connection or request that makes no progress for this long is closed (slow clients hold nothing)
            cfg.jetty.modifyHttpConfiguration(hc -> hc.setIdleTimeout(IDLE_TIMEOUT_MS));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            if (!config.corsOrigins().isEmpty()) {
                cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    for (String o : config.corsOrigins()) {
                        rule.allowHost(o);
                    }
                }));
            }
            cfg.requestLogger.http((ctx, ms) -> {
                io.javalin.router.Endpoint e = ctx.endpoints().lastHttpEndpoint();
                metrics.record(ctx.method().name(), e == null ? "unmatched" : e.path, ctx.statusCode(),
                        ms == null ? 0 : ms / 1000.0);
            });
            cfg.routes.before(this::guard);
            cfg.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
            cfg.routes.exception(QueueFullException.class, (e, ctx) -> {
                ctx.header("Retry-After", "5");
                problem(ctx, new ApiProblem(429, "/problems/queue-full", "Too many jobs", e.getMessage(), null,
                        null));
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, new ApiProblem(e.getStatus(),
                    "/problems/http-" + e.getStatus(), title(e.getStatus()), e.getMessage(), null, null)));
            cfg.routes.exception(org.lichain.dataset.InvalidInputException.class, (e, ctx) -> problem(ctx,
                    new ApiProblem(400, "/problems/invalid-input", "Invalid input", e.getMessage(), null, null)));
            // a damaged store is not the client's input (Javalin picks the handler of the most specific class)
            cfg.routes.exception(org.lichain.environment.MonitoringStore.StoreDamagedException.class,
                    (e, ctx) -> problem(ctx, storeDamaged(ctx, e)));
            cfg.routes.exception(Exception.class, (e, ctx) -> problem(ctx, internalError(ctx, e)));
            cfg.routes.error(404, ctx -> {
                String ct = ctx.res().getContentType();
                if (ct == null || !ct.startsWith(PROBLEM_JSON)) {
                    problem(ctx, ApiProblem.notFound("no resource at " + Params.clip(ctx.path())));
                }
            });

            Routes r = new Routes(cfg.routes);
            r.get("/health", ctx -> ctx.contentType("application/json")
                    .result("{\"status\":\"ok\",\"assets\":" + world.assets().size() + "}"));
            r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.render(this::gauges)));
            r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            r.get("/api/capabilities", ctx -> ctx.contentType("application/json")
                    .result(Json.bytes(capabilities(world, jobsApi))));
            r.get("/api/assets", assets::list);
            r.get("/api/assets/{id}", assets::detail);
            r.get("/api/curve", curve::curve);
            r.get("/api/prices/monthly", curve::monthlyPrices);
            r.get("/api/forecast", forecast::forecast);
            r.get("/api/companies", company::list);
            r.get("/api/company/{id}", company::pnl);
            r.get("/api/env/river", env::river);
            r.get("/api/env/stations", env::stations);
            r.get("/api/env/footprint", env::footprint);
            r.get("/api/env/plan", env::plan);
            r.post("/api/env/measurements", ctx -> monitoring.ingest(ctx, config.maxBodyBytes()));
            r.get("/api/env/alerts", monitoring::alerts);
            r.get("/api/env/attribution", monitoring::attribution);
            r.get("/api/env/groundwater", groundwater::groundwater);
            r.get("/api/env/groundwater/sites", groundwater::siteList);
            r.get("/api/env/wells-design", groundwater::wellsDesign);
            r.get("/api/env/wells", monitoring::wells);
            r.get("/api/env/replay/{id}", groundwater::replay);
            r.get("/api/schedule/plants", schedule::plants);
            r.get("/api/schedule", schedule::schedule);
            r.post("/api/jobs", jobsApi::start);
            r.get("/api/jobs", jobsApi::list);
            r.get("/api/jobs/{id}", jobsApi::get);
            r.get("/api/jobs/{id}/result", jobsApi::result);
            r.delete("/api/jobs/{id}", jobsApi::cancel);
            NOT_YET.forEach((key, capability) -> {
                String[] mp = key.split(" ", 2);
                io.javalin.http.Handler h = ctx -> {
                    throw ApiProblem.notAvailable(capability, capability + " is not available in this build");
                };
                if (mp[0].equals("post")) {
                    r.post(mp[1], h);
                } else {
                    r.get(mp[1], h);
                }
            });
            r.get("/", ctx -> serve(ctx, files.file("index.html").orElseThrow()));
            r.get("/static/{file}", ctx -> serve(ctx, files.file(ctx.pathParam("file"))
                    .orElseThrow(() -> ApiProblem.notFound("no file " + Params.clip(ctx.pathParam("file"))))));
            r.get("/vendor/echarts.min.js", ctx -> serve(ctx, files.echarts()));
            registered.addAll(r.infos());
        });
        this.routes = List.copyOf(registered);
    }

    private static Map<String, String> notYet() {
        Map<String, String> m = new LinkedHashMap<>();
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Starts a server on the world with the built-in job runners and those found by {@link ServiceLoader}. */
    public static LichainServer start(World world, ServerConfig config) {
        return start(world, config, defaultRunners());
    }

    /** The built-in runners ({@code simulate}, {@code mc}) plus any registered as services. */
    public static List<JobRunner> defaultRunners() {
        List<JobRunner> runners = new ArrayList<>();
        runners.add(new org.lichain.server.jobs.SimulateJobRunner());
        runners.add(new org.lichain.server.jobs.McJobRunner());
        ServiceLoader.load(JobRunner.class).forEach(runners::add);
        return runners;
    }

    /** Starts a server on the world with exactly these job runners. */
    public static LichainServer start(World world, ServerConfig config, List<JobRunner> runners) {
        LichainServer s = new LichainServer(world, config, runners);
        try {
            s.app.start();
            for (org.eclipse.jetty.server.Connector c : s.app.jettyServer().server().getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.AbstractConnector ac) {
                    ac.setIdleTimeout(IDLE_TIMEOUT_MS);
                }
            }
        } catch (RuntimeException e) {
            s.jobs.close();
            throw e;
        }
        return s;
    }

    /** A fresh random bearer token (32 bytes, base64url). */
    public static String generateToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public int port() {
        return app.port();
    }

    /** The address a browser opens, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port() + "/";
    }

    public ServerConfig config() {
        return config;
    }

    /** Every registered route (used by the test that keeps {@code /openapi.json} complete). */
    public List<RouteInfo> routes() {
        return routes;
    }

    @Override
    public void close() {
        jobs.close();
        app.stop();
    }

    private Map<String, Double> gauges() {
        Map<String, Double> g = new LinkedHashMap<>();
        g.put("lichain_jobs_queue_depth", (double) jobs.queued());
        for (org.lichain.server.jobs.Job.State st : org.lichain.server.jobs.Job.State.values()) {
            g.put("lichain_jobs{state=\"" + st.id() + "\"}", 0.0);
        }
        for (org.lichain.server.jobs.Job j : jobs.list()) {
            g.merge("lichain_jobs{state=\"" + j.state().id() + "\"}", 1.0, Double::sum);
        }
        g.put("lichain_http_refused_body_requests", (double) requestGuard.refused());
        return g;
    }

    private ObjectNode capabilities(World world, JobsApi jobsApi) {
        ObjectNode o = Json.object();
        o.put("assets", true);
        o.put("curve", true);
        o.put("company", world.extension(org.lichain.company.Companies.class).isPresent());
        o.put("schedule", true);
        o.put("environment", world.extension(org.lichain.environment.RiverNetwork.class).isPresent());
        o.put("groundwater", world.extension(org.lichain.environment.groundwater.GroundwaterSites.class).isPresent()
                && world.extension(org.lichain.environment.RiverNetwork.class).isPresent());
        ObjectNode k = o.putObject("jobs");
        for (String kind : new java.util.TreeSet<>(JobsApi.KNOWN_KINDS.keySet())) {
            k.put(kind, jobsApi.availableKinds().contains(kind));
        }
        for (String cap : new java.util.TreeSet<>(NOT_YET.values())) {
            o.put(cap, false);
        }
        return o;
    }

    /** Bearer token on mutating methods; early 413 on a declared large body (security headers: RequestGuard). */
    private void guard(Context ctx) {
        if (MUTATING.contains(ctx.method())) {
            String auth = ctx.header("Authorization");
            String prefix = "Bearer ";
            boolean ok = auth != null && auth.regionMatches(true, 0, prefix, 0, prefix.length())
                    && MessageDigest.isEqual(auth.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8),
                    tokenBytes);
            if (!ok) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"lichain\"");
                throw new ApiProblem(401, "/problems/unauthorized", "Unauthorized",
                        auth == null ? "this endpoint changes state: send 'Authorization: Bearer <token>' "
                                + "(the token printed by 'lichain serve' or set in LICHAIN_TOKEN)"
                                : "the bearer token is not valid", null, null);
            }
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxBodyBytes()) {
            throw tooLarge(config.maxBodyBytes());
        }
    }

    /**
     * A bug: the trace goes to the server log under an opaque id; the client gets a 500 naming only that id (no
     * exception class, message, path or PID: they could leak the server's internals).
     */
    static ApiProblem internalError(Context ctx, Throwable e) {
        return logged500(ctx, e, "internal error", "/problems/internal", "Internal error",
                id -> "internal error " + id + ": the server's log holds the details under this id");
    }

    /**
     * The server's monitoring store is damaged (a block fails its checksum): not the client's doing, so a 500, but
     * one that says what is wrong; the store path and DuckDB's message go to the server log under the error id.
     */
    static ApiProblem storeDamaged(Context ctx, org.lichain.environment.MonitoringStore.StoreDamagedException e) {
        return logged500(ctx, e, "monitoring store damaged, error", "/problems/store-damaged",
                "Monitoring store damaged", id -> "the server's monitoring store is damaged (a block of its file fails "
                        + "its checksum); the operator must restore it or ingest the measurements again into a new "
                        + "store; error " + id + " in the server's log names the file");
    }

    /**
     * A 500 whose details stay in the server log under a new error id ({@code what id on METHOD path: message},
     * with the trace); the client gets the type, the title, a detail naming the id, and the id.
     */
    private static ApiProblem logged500(Context ctx, Throwable e, String what, String type, String title,
                                        java.util.function.Function<String, String> detail) {
        String id = ApiProblem.errorId();
        LOG.error("{} {} on {} {}: {}", what, id, ctx.method(), Params.clip(ctx.path()), e.getMessage(), e);
        return new ApiProblem(500, type, title, detail.apply(id), null, Map.of("error_id", id));
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "/problems/too-large", "Request body too large",
                "the request body exceeds the limit of " + limit + " bytes", null, Map.of("limit_bytes", limit));
    }

    private static void serve(Context ctx, StaticAssets.Asset a) {
        if (a.contentType().startsWith("text/html")) {
            ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
                    + "frame-ancestors 'none'");
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(a.contentType()).result(a.bytes());
    }

    static void problem(Context ctx, ApiProblem p) {
        ObjectNode o = Json.object();
        o.put("type", p.type());
        o.put("title", p.title());
        o.put("status", p.status());
        o.put("detail", p.getMessage());
        o.put("instance", ctx.path());
        if (p.field() != null) {
            o.put("field", p.field());
        }
        p.extensions().forEach((k, v) -> o.set(k, Json.MAPPER.valueToTree(v)));
        ctx.status(p.status()).contentType(PROBLEM_JSON).result(Json.bytes(o));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            default -> "HTTP " + status;
        };
    }

    private static byte[] readResource(String name) {
        try (InputStream in = LichainServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
