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

    /** Stored thallium measurements; empty when nothing was ingested yet. */
    private List<MonitoringStore.Measurement> thallium() {
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
        int maxYear = ms.stream().mapToInt(m -> m.time().getYear()).max().orElse(EnvApi.LEDGER_FROM_YEAR);
        EnvironmentLedger l = EnvironmentLedger.compute(world, ProductionSeries.historical(world,
                EnvApi.LEDGER_FROM_YEAR, Math.max(maxYear, EnvApi.LEDGER_FROM_YEAR),
                ProductionSeries.Basis.REPORTED_ELSE_CAPACITY));
        List<Alerts.Alert> alerts = Alerts.evaluate(n, ms, new Alerts.Options(rolling, trend), (of, month) -> {
            if (of.plant().isEmpty()) {
                return Double.NaN;
            }
            int i = l.production.indexOf(month);
            try {
                return i < 0 ? Double.NaN : l.thalliumToWaterKg[l.assetIndex(of.plant())][i];
            } catch (java.util.NoSuchElementException e) {
                return Double.NaN;
            }
        });
        ObjectNode o = Json.object();
        o.put("measurements", ms.size());
        ArrayNode arr = o.putArray("alerts");
        for (Alerts.Alert a : alerts) {
            ObjectNode j = arr.addObject();
            j.put("station", a.station());
            j.put("station_kind", a.stationKind().id());
            j.put("kind", a.kind());
            j.put("analyte", a.analyte());
            j.put("time", a.time().toString());
            j.put("value_ug_per_l", EnvApi.round(a.valueUgPerL(), 5));
            j.put("limit_ug_per_l", a.limitUgPerL());
            j.put("detail", a.detail());
            ArrayNode up = j.putArray("upstream");
            for (Alerts.Upstream u : a.upstream()) {
                ObjectNode x = up.addObject();
                x.put("outfall", u.outfall());
                x.put("plant", u.plant());
                x.put("distance_km", EnvApi.round(u.distanceKm(), 2));
                if (Double.isNaN(u.thalliumKgPerMonth())) {
                    x.putNull("thallium_kg_per_month");
                } else {
                    x.put("thallium_kg_per_month", EnvApi.round(u.thalliumKgPerMonth(), 4));
                }
            }
        }
        ctx.contentType("application/json").result(Json.bytes(o));
    }

    void attribution(Context ctx) {
        RiverNetwork n = network();
        Attribution.Result r = Attribution.attribute(n, thallium());
        ObjectNode o = Json.object();
        ArrayNode c = o.putArray("candidates");
        for (Attribution.Candidate x : r.candidates()) {
            ObjectNode j = c.addObject();
            j.put("outfall", x.outfall());
            j.put("plant", x.plant());
            j.put("score", EnvApi.round(x.score(), 4));
            j.put("released_kg", EnvApi.round(x.releasedKg(), 3));
            if (x.meanReleaseTime() != null) {
                j.put("release_time", x.meanReleaseTime().toString());
            }
        }
        o.put("confidence", EnvApi.round(r.confidence(), 4));
        o.put("fit_r2", EnvApi.round(r.fitR2(), 4));
        o.put("samples", r.samples());
        o.put("exceedances", r.exceedances());
        o.put("note", r.note());
        ctx.contentType("application/json").result(Json.bytes(o));
    }
}
