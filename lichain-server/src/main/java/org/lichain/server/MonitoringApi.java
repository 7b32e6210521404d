package org.lichain.server;

import static org.lichain.environment.EnvironmentLedger.HISTORICAL_FROM_YEAR;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.lichain.environment.AlertPages;
import org.lichain.environment.Alerts;
import org.lichain.environment.Attribution;
import org.lichain.environment.MeasurementCsv;
import org.lichain.environment.MonitoringStore;
import org.lichain.environment.RiverNetwork;
import org.lichain.report.environment.EnvJson;
import org.lichain.world.World;

/**
 * The monitoring store over HTTP (issue #4): {@code POST /api/env/measurements} ingests a measurement CSV (the
 * format of {@code lichain env ingest}; bad rows quarantined with reasons, re-ingest idempotent),
 * {@code GET /api/env/alerts} and {@code GET /api/env/attribution} evaluate the stored thallium measurements.
 * Fields are those of the matching {@code lichain env … --json} commands. The DuckDB file is opened per request
 * and requests are serialised (one writer at a time).
 */
final class MonitoringApi {
    private static final int MAX_PROBLEMS = 100;

    private final World world;
    private final Path db;
    private final ReentrantLock lock = new ReentrantLock();

    MonitoringApi(World world, Path db) {
        this.world = world;
        this.db = db == null ? MonitoringStore.defaultPath() : db;
    }

    private RiverNetwork network() {
        return world.extension(RiverNetwork.class).orElseThrow(() -> ApiProblem.notAvailable("environment monitoring",
                "the dataset has no river network"));
    }

    /** The attached store's file name ("none" when nothing was ingested yet). */
    String storeName() {
        return Files.exists(db) ? db.toString() : "none (nothing ingested yet)";
    }

    /** Alerts over measurements, with the ledger's discharges (as {@code /api/env/alerts}). */
    List<Alerts.Alert> alerts(List<MonitoringStore.Measurement> ms, Alerts.Options options) {
        int maxYear = ms.stream().mapToInt(m -> m.time().getYear()).max().orElse(HISTORICAL_FROM_YEAR);
        return Alerts.evaluate(network(), ms, options, discharge(maxYear)); // the ledger is cached per year
    }

    /** Stored thallium measurements; empty when nothing was ingested yet. */
    List<MonitoringStore.Measurement> thallium() {
        if (!Files.exists(db)) {
            return List.of();
        }
        lock.lock();
        try (MonitoringStore store = openStore()) {
            long count = store.extent(ANALYTE).count();
            if (count > MAX_ATTRIBUTION) {
                throw new ApiProblem(422, "/problems/too-many-measurements", "Too many measurements",
                        "attribution over HTTP fits at most " + MAX_ATTRIBUTION + " measurements and the store holds "
                                + count + "; run 'lichain env attribute' for the whole store", null,
                        java.util.Map.of("limit", MAX_ATTRIBUTION, "measurements", count));
            }
            return store.measurements(ANALYTE);
        } finally {
            lock.unlock();
        }
    }

    void ingest(Context ctx, long maxBodyBytes) {
        RiverNetwork n = network();
        byte[] body = JobsApi.readBounded(ctx, maxBodyBytes);
        if (body.length == 0) {
            throw ApiProblem.invalid("body", "is empty; expected a CSV with the header "
                    + String.join(",", MeasurementCsv.COLUMNS));
        }
        Set<String> stations = new HashSet<>();
        n.stations().forEach(s -> stations.add(s.id()));
        MonitoringStore.IngestResult r;
        Path tmp = null;
        lock.lock();
        try {
            tmp = Files.createTempFile("lichain-upload-", ".csv");
            Files.write(tmp, body);
            Files.createDirectories(db.toAbsolutePath().getParent());
            try (MonitoringStore store = openStore()) {
                r = store.ingest(tmp, stations);
            }
        } catch (org.lichain.dataset.DatasetException e) {
            org.lichain.dataset.Problem p = e.problems().get(0);
            throw ApiProblem.invalid("body", (p.line() > 0 ? "line " + p.line() + ": " : "") + p.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the ingest result stands
                }
            }
        }
        ObjectNode o = Json.object();
        o.put("accepted", r.accepted());
        o.put("quarantined", r.quarantined());
        o.put("duplicates", r.duplicates());
        ArrayNode p = o.putArray("problems");
        for (MeasurementCsv.Rejected x : r.problems().subList(0, Math.min(MAX_PROBLEMS, r.problems().size()))) {
            p.addObject().put("line", x.line()).put("field", x.field()).put("reason", x.reason());
        }
        o.put("problems_truncated", r.problems().size() > MAX_PROBLEMS);
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    /** Alerts per page by default and at most (a page may end early when {@link AlertPages#MAX_SCAN} rows were read). */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Most measurements attribution is computed on over HTTP (it fits all of them at once). */
    static final int MAX_ATTRIBUTION = 200_000;
    private static final String ANALYTE = "thallium";

    private final java.util.concurrent.ConcurrentHashMap<Integer, java.util.function.BiFunction<RiverNetwork.Outfall,
            java.time.YearMonth, Double>> discharges = new java.util.concurrent.ConcurrentHashMap<>();

    /** The ledger's monthly discharges through {@code maxYear}, computed once per year (the world is immutable). */
    private java.util.function.BiFunction<RiverNetwork.Outfall, java.time.YearMonth, Double> discharge(int maxYear) {
        int y = Math.max(maxYear, HISTORICAL_FROM_YEAR);
        return discharges.computeIfAbsent(y, k -> Alerts.historicalDischarge(world, k));
    }

    /**
     * One page of alerts, by station then time ({@link AlertPages}): at most {@code limit} alerts, from at most
     * {@link AlertPages#MAX_SCAN} measurements; {@code page.next_cursor} continues where the page ended (null after
     * the last).
     */
    void alerts(Context ctx) {
        RiverNetwork n = network();
        int rolling = Params.intOr(ctx, "rolling", 1, 1000, Alerts.Options.DEFAULT.rollingSamples());
        int trend = Params.intOr(ctx, "trend", 3, 1000, Alerts.Options.DEFAULT.trendSamples());
        int limit = Params.intOr(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Alerts.Options o = new Alerts.Options(rolling, trend);
        String cursorText = Params.text(ctx, "cursor");
        AlertPages.Cursor cursor;
        try {
            cursor = cursorText == null ? null : AlertPages.Cursor.decode(cursorText, o);
        } catch (InvalidInputException e) {
            throw ApiProblem.invalid("cursor", e.getMessage());
        }
        AlertPages.Page p = new AlertPages.Page(List.of(), null, 0, 0); // no store yet: an empty last page
        if (Files.exists(db)) {
            lock.lock();
            try (MonitoringStore store = openStore()) {
                p = AlertPages.page(n, o, store, cursor, limit, HISTORICAL_FROM_YEAR, this::discharge);
            } finally {
                lock.unlock();
            }
        }
        ObjectNode root = Json.object();
        EnvJson.alertPage(root, p, limit,
                world.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null));
        ctx.contentType("application/json").result(Json.bytes(root));
    }

    /** Opens the store; a store held by another process is a 503 with Retry-After (no path, no PID). */
    private MonitoringStore openStore() {
        try {
            return MonitoringStore.open(db);
        } catch (MonitoringStore.StoreBusyException e) {
            throw new ApiProblem(503, "/problems/store-busy", "Monitoring store busy", "the monitoring store is in "
                    + "use by another process (e.g. 'lichain env ingest'); retry later", null,
                    java.util.Map.of("retry_after_s", 5));
        } catch (MonitoringStore.StoreDamagedException e) {
            throw e; // a 500 of type /problems/store-damaged (LichainServer)
        } catch (org.lichain.dataset.InvalidInputException e) {
            throw new ApiProblem(503, "/problems/store-unavailable", "Monitoring store unavailable",
                    "the server's monitoring store cannot be opened (see the server log)", null, null);
        }
    }

    /** The wells' samples: GB/T 14848 classes, Mann–Kendall trend and source stack (fields of {@code lichain env wells --json}). */
    void wells(Context ctx) {
        RiverNetwork n = network();
        int trend = Params.intOr(ctx, "trend", 3, 1000, 6);
        List<String> wellIds = n.stations().stream()
                .filter(x -> x.kind() == org.lichain.environment.StationKind.WELL).map(RiverNetwork.Station::id)
                .toList();
        var review = org.lichain.environment.groundwater.WellReview.review(
                world.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null), wellIds,
                thallium(), trend);
        ObjectNode o = Json.object();
        org.lichain.report.environment.GroundwaterJson.wells(o.putArray("wells"), review);
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void attribution(Context ctx) {
        RiverNetwork n = network();
        Attribution.Result r = Attribution.attribute(n, thallium());
        ObjectNode o = Json.object();
        EnvJson.attribution(o, r);
        ctx.contentType("application/json").result(Json.bytes(o));
    }
}
