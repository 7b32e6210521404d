package org.lichain.server;

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
import org.lichain.environment.Alerts;
import org.lichain.environment.Attribution;
import org.lichain.environment.EnvironmentLedger;
import org.lichain.environment.MeasurementCsv;
import org.lichain.environment.MonitoringStore;
import org.lichain.environment.ProductionSeries;
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
        int maxYear = ms.stream().mapToInt(m -> m.time().getYear()).max().orElse(EnvApi.LEDGER_FROM_YEAR);
        EnvironmentLedger l = EnvironmentLedger.compute(world, ProductionSeries.historical(world,
                EnvApi.LEDGER_FROM_YEAR, Math.max(maxYear, EnvApi.LEDGER_FROM_YEAR),
                ProductionSeries.Basis.REPORTED_ELSE_CAPACITY));
        return Alerts.evaluate(network(), ms, options, Alerts.ledgerDischarge(l));
    }

    /** Stored thallium measurements; empty when nothing was ingested yet. */
    List<MonitoringStore.Measurement> thallium() {
        if (!Files.exists(db)) {
            return List.of();
        }
        lock.lock();
        try (MonitoringStore store = MonitoringStore.open(db)) {
            return store.measurements("thallium");
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
            tmp = Files.createTempFile("lichain-ingest-", ".csv");
            Files.write(tmp, body);
            Files.createDirectories(db.toAbsolutePath().getParent());
            try (MonitoringStore store = MonitoringStore.open(db)) {
                r = store.ingest(tmp, stations);
            }
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

    void alerts(Context ctx) {
        RiverNetwork n = network();
        int rolling = Params.intOr(ctx, "rolling", 1, 1000, Alerts.Options.DEFAULT.rollingSamples());
        int trend = Params.intOr(ctx, "trend", 3, 1000, Alerts.Options.DEFAULT.trendSamples());
        List<MonitoringStore.Measurement> ms = thallium();
        List<Alerts.Alert> alerts = alerts(ms, new Alerts.Options(rolling, trend));
        ObjectNode o = Json.object();
        o.put("measurements", ms.size());
        EnvJson.alerts(o.putArray("alerts"), alerts,
                world.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null));
        EnvJson.incidents(o.putArray("incidents"), Alerts.incidents(alerts));
        ctx.contentType("application/json").result(Json.bytes(o));
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
