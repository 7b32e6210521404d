package org.lichain.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lichain.server.jobs.Job;
import org.lichain.server.jobs.JobManager;
import org.lichain.server.jobs.JobRunner;
import org.lichain.world.World;

/**
 * {@code /api/jobs}: start ({@code POST}, 202), status and progress, result, cancel ({@code DELETE}).
 * The request is validated before anything is queued: unknown or mistyped fields are 400 naming the field;
 * a kind of the vocabulary whose capability has not landed is 501.
 */
final class JobsApi {
    /** Job kinds the API defines (issue #8); each needs a registered {@link JobRunner} to be available. */
    static final Map<String, String> KNOWN_KINDS = Map.of(
            "simulate", "the market simulation (issue #3)",
            "mc", "Monte Carlo ensembles (issue #7)");
    static final int MAX_RUNS = 100_000;
    private static final Set<String> BODY_FIELDS = Set.of("kind", "scenario", "runs");

    private final World world;
    private final JobManager jobs;
    private final Map<String, JobRunner> runners;
    private final long maxBodyBytes;

    JobsApi(World world, JobManager jobs, Map<String, JobRunner> runners, long maxBodyBytes) {
        this.world = world;
        this.jobs = jobs;
        this.runners = new LinkedHashMap<>(runners);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Kinds whose runner is registered and whose capability is present. */
    Set<String> availableKinds() {
        Set<String> out = new TreeSet<>();
        runners.forEach((k, r) -> {
            if (r.available()) {
                out.add(k);
            }
        });
        return out;
    }

    void start(Context ctx) {
        JsonNode body = readJson(ctx, maxBodyBytes);
        if (!body.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object {\"kind\": ..., \"scenario\": {...}, \"runs\": N}");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!BODY_FIELDS.contains(f)) {
                throw ApiProblem.invalid(f, "unknown field; expected kind, scenario, runs");
            }
        }
        JsonNode kindNode = body.get("kind");
        if (kindNode == null || kindNode.isNull()) {
            throw ApiProblem.invalid("kind", "is required: one of " + new TreeSet<>(KNOWN_KINDS.keySet()));
        }
        if (!kindNode.isTextual()) {
            throw ApiProblem.invalid("kind", "must be a string: one of " + new TreeSet<>(KNOWN_KINDS.keySet()));
        }
        String kind = kindNode.asText();
        if (!KNOWN_KINDS.containsKey(kind) && !runners.containsKey(kind)) {
            throw ApiProblem.invalid("kind", "'" + Params.clip(kind) + "' is not one of "
                    + new TreeSet<>(KNOWN_KINDS.keySet()));
        }
        int runs = runs(body.get("runs"));
        ObjectNode scenario = scenario(body.get("scenario"));
        JobRunner runner = runners.get(kind);
        if (runner == null || !runner.available()) {
            throw ApiProblem.notAvailable("jobs." + kind, "job kind '" + kind + "' (" + KNOWN_KINDS.get(kind)
                    + ") is not available in this build" + (runner == null ? "" : ": its model is not on the classpath"));
        }
        JobRunner.Work work = runner.prepare(world, scenario, runs);
        ObjectNode request = Json.object();
        request.set("scenario", scenario);
        Job job = jobs.submit(kind, runs, work, new String(Json.bytes(request), java.nio.charset.StandardCharsets.UTF_8));
        ctx.status(202).header("Location", "/api/jobs/" + job.id());
        ctx.contentType("application/json").result(Json.bytes(status(job)));
    }

    static int runs(JsonNode n) {
        if (n == null || n.isNull()) {
            return 1;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw ApiProblem.invalid("runs", "must be an integer from 1 to " + MAX_RUNS);
        }
        int r = n.intValue();
        if (r < 1 || r > MAX_RUNS) {
            throw ApiProblem.invalid("runs", r + " is outside 1.." + MAX_RUNS);
        }
        return r;
    }

    /**
     * The scenario object with the keys every scenario file shares checked here (issue #3: {@code from},
     * {@code to} as YYYY-MM, {@code seed} a non-negative integer, {@code name} a string); the runner checks the rest.
     */
    static ObjectNode scenario(JsonNode n) {
        if (n == null || n.isNull()) {
            return Json.object();
        }
        if (!n.isObject()) {
            throw ApiProblem.invalid("scenario", "must be a JSON object with the keys of a scenario file");
        }
        ObjectNode s = (ObjectNode) n;
        YearMonth from = month(s, "from");
        YearMonth to = month(s, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("scenario.to", "'" + to + "' is before scenario.from '" + from + "'");
        }
        JsonNode seed = s.get("seed");
        if (seed != null && !(seed.isIntegralNumber() && seed.canConvertToLong() && seed.longValue() >= 0)) {
            throw ApiProblem.invalid("scenario.seed", "must be a non-negative integer");
        }
        JsonNode name = s.get("name");
        if (name != null && !name.isTextual()) {
            throw ApiProblem.invalid("scenario.name", "must be a string");
        }
        return s;
    }

    private static YearMonth month(ObjectNode s, String key) {
        JsonNode v = s.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiProblem.invalid("scenario." + key, "must be a month string YYYY-MM");
        }
        YearMonth m = Params.parseMonth("scenario." + key, v.asText());
        if (m.getYear() < 2000 || m.getYear() > 2100) {
            throw ApiProblem.invalid("scenario." + key, "'" + m + "' is outside 2000..2100");
        }
        return m;
    }

    void list(Context ctx) {
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("jobs");
        for (Job j : jobs.list()) {
            arr.add(status(j));
        }
        root.putArray("available_kinds").addAll(availableKinds().stream()
                .map(k -> Json.MAPPER.getNodeFactory().textNode(k)).toList());
        ctx.contentType("application/json").result(Json.bytes(root));
    }

    void get(Context ctx) {
        ctx.contentType("application/json").result(Json.bytes(status(job(ctx))));
    }

    void result(Context ctx) {
        Job j = job(ctx);
        if (j.state() != Job.State.SUCCEEDED) {
            throw new ApiProblem(409, "/problems/job-not-succeeded", "The job has no result",
                    "job " + j.id() + " is " + j.state().id() + (j.error() != null ? ": " + j.error() : ""), null,
                    Map.of("state", j.state().id()));
        }
        if (j.result() != null) {
            ctx.contentType("application/json").result(Json.bytes(j.result()));
            return;
        }
        byte[] stored = jobs.storedResult(j); // results of a server with a job store live there, not on the heap
        if (stored == null) {
            throw ApiProblem.notFound("the result of job " + j.id() + " is no longer stored");
        }
        ctx.contentType("application/json").result(stored);
    }

    void cancel(Context ctx) {
        Job j = job(ctx);
        if (!jobs.cancel(j)) {
            throw ApiProblem.conflict("job " + j.id() + " has already finished (" + j.state().id() + ")");
        }
        ctx.status(202).contentType("application/json").result(Json.bytes(status(j)));
    }

    private Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> ApiProblem.notFound("unknown job id '" + Params.clip(id) + "'"));
    }

    static ObjectNode status(Job j) {
        ObjectNode o = Json.object();
        o.put("id", j.id());
        o.put("kind", j.kind());
        o.put("runs", j.runs());
        o.put("state", j.state().id());
        ObjectNode p = o.putObject("progress");
        p.put("done", j.done());
        p.put("total", j.total());
        p.put("fraction", Math.round(j.fraction() * 10000.0) / 10000.0);
        p.put("message", j.message());
        o.put("created_at", j.createdAt().toString());
        o.put("started_at", j.startedAt() == null ? null : j.startedAt().toString());
        o.put("finished_at", j.finishedAt() == null ? null : j.finishedAt().toString());
        o.put("error", j.error());
        o.put("result", j.state() == Job.State.SUCCEEDED ? "/api/jobs/" + j.id() + "/result" : null);
        return o;
    }

    /** Reads at most {@code limit} bytes of body (413 beyond) and parses JSON (400 naming "body" if malformed). */
    static JsonNode readJson(Context ctx, long limit) {
        byte[] bytes = readBounded(ctx, limit);
        if (bytes.length == 0) {
            throw ApiProblem.invalid("body", "is empty; expected a JSON object");
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("body", jsonProblem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why a body is not acceptable JSON, with line and column when the parser knows them; Jackson's own message
     * is not shown (it names internal classes and echoes the input).
     */
    static String jsonProblem(JsonProcessingException e) {
        String reason;
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            reason = m.contains("depth") ? "is nested deeper than " + Json.MAX_NESTING + " levels"
                    : m.contains("Number") ? "holds a number longer than " + Json.MAX_NUMBER_CHARS + " characters"
                    : "exceeds a size limit of the JSON reader";
        } else if (m.startsWith("Duplicate field")) {
            reason = "repeats a key " + m.substring("Duplicate field".length()).trim();
        } else if (m.contains("Trailing token")) {
            reason = "has content after the JSON value";
        } else if (m.contains("UTF-8") || m.contains("UTF8")) {
            reason = "is not valid UTF-8";
        } else {
            reason = "is not valid JSON";
        }
        com.fasterxml.jackson.core.JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            reason += " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        }
        return reason;
    }

    /** Longest a request body may take to arrive (ms): a slow sender is cut off with 408 and frees its thread. */
    static final long BODY_DEADLINE_MS = 10_000;

    static byte[] readBounded(Context ctx, long limit) {
        long deadline = System.nanoTime() + BODY_DEADLINE_MS * 1_000_000L;
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new ApiProblem(408, "/problems/body-too-slow", "Request body too slow",
                            "the request body did not arrive within " + BODY_DEADLINE_MS / 1000 + " s", "body", null);
                }
                total += n;
                if (total > limit) {
                    throw LichainServer.tooLarge(limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiProblem.invalid("body", "could not be read (the connection failed or timed out)");
        }
    }
}
