package org.lichain.server;

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

    /** Alerts per page by default and at most (a page may end early when {@link #MAX_SCAN} rows were read). */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Most measurements one request reads: the work and memory of a page are bounded whatever the store holds. */
    static final int MAX_SCAN = 200_000;
    /** Rows of the first scan batch of a page (then 4 times as many each batch). */
    static final int FIRST_BATCH = 20_000;
    /** Most measurements attribution is computed on over HTTP (it fits all of them at once). */
    static final int MAX_ATTRIBUTION = 200_000;
    private static final String ANALYTE = "thallium";

    private final java.util.concurrent.ConcurrentHashMap<Integer, java.util.function.BiFunction<RiverNetwork.Outfall,
            java.time.YearMonth, Double>> discharges = new java.util.concurrent.ConcurrentHashMap<>();

    /** The ledger's monthly discharges through {@code maxYear}, computed once per year (the world is immutable). */
    private java.util.function.BiFunction<RiverNetwork.Outfall, java.time.YearMonth, Double> discharge(int maxYear) {
        int y = Math.max(maxYear, EnvApi.LEDGER_FROM_YEAR);
        return discharges.computeIfAbsent(y, k -> Alerts.ledgerDischarge(EnvironmentLedger.compute(world,
                ProductionSeries.historical(world, EnvApi.LEDGER_FROM_YEAR, k,
                        ProductionSeries.Basis.REPORTED_ELSE_CAPACITY))));
    }

    /** Where the previous page ended: a measurement, how many of its alerts were sent, and the windows used. */
    record Cursor(MonitoringStore.ScanKey key, int emitted, int rolling, int trend) {
        String encode() {
            String raw = String.join("\u0001", key.station(), key.time().toString(), key.lab(),
                    Integer.toString(emitted), Integer.toString(rolling), Integer.toString(trend));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String raw = new String(java.util.Base64.getUrlDecoder().decode(text),
                        java.nio.charset.StandardCharsets.UTF_8);
                String[] f = raw.split("\u0001", -1);
                if (f.length != 6) {
                    throw new IllegalArgumentException("fields");
                }
                return new Cursor(new MonitoringStore.ScanKey(f[0], java.time.LocalDateTime.parse(f[1]), f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this endpoint returned (use page.next_cursor "
                        + "as given)");
            }
        }
    }

    /**
     * One page of alerts, by station then time: at most {@code limit} alerts, from at most {@link #MAX_SCAN}
     * measurements; {@code page.next_cursor} continues where the page ended (null after the last). Memory and time
     * per request are bounded by the page, not by the store: measurements stream through a per-station window.
     */
    void alerts(Context ctx) {
        RiverNetwork n = network();
        int rolling = Params.intOr(ctx, "rolling", 1, 1000, Alerts.Options.DEFAULT.rollingSamples());
        int trend = Params.intOr(ctx, "trend", 3, 1000, Alerts.Options.DEFAULT.trendSamples());
        int limit = Params.intOr(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        String cursorText = Params.text(ctx, "cursor");
        Cursor cursor = cursorText == null ? null : Cursor.decode(cursorText);
        if (cursor != null && (cursor.rolling() != rolling || cursor.trend() != trend)) {
            throw ApiProblem.invalid("cursor", "was made with rolling=" + cursor.rolling() + " and trend="
                    + cursor.trend() + "; give the same windows for every page");
        }
        Alerts.Options o = new Alerts.Options(rolling, trend);
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("alerts");
        ObjectNode page = Json.object();
        long scanned = 0;
        Cursor next = null;
        long total = 0;
        if (Files.exists(db)) {
            lock.lock();
            try (MonitoringStore store = openStore()) {
                MonitoringStore.Extent ext = store.extent(ANALYTE);
                total = ext.count();
                var discharge = discharge(ext.latest() == null ? EnvApi.LEDGER_FROM_YEAR : ext.latest().getYear());
                Pager pager = new Pager(n, o, discharge, limit, store, cursor);
                // station by station (in id order), in growing batches (20k, 80k, ... rows): DuckDB sorts only what
                // a batch asks for, a page that fills early reads little, and a request reads at most MAX_SCAN rows
                List<String> ids = n.stations().stream().map(RiverNetwork.Station::id).sorted().toList();
                int first = 0;
                java.time.LocalDateTime afterTime = null;
                String afterLab = null;
                if (cursor != null) {
                    while (first < ids.size() && ids.get(first).compareTo(cursor.key().station()) < 0) {
                        first++;
                    }
                    if (first < ids.size() && ids.get(first).equals(cursor.key().station())) {
                        afterTime = cursor.key().time();
                        afterLab = cursor.key().lab();
                    }
                }
                boolean end = true;
                for (int k = first; k < ids.size() && pager.next == null; k++) {
                    int batch = FIRST_BATCH;
                    while (pager.next == null && scanned < MAX_SCAN) {
                        int want = (int) Math.min(batch, MAX_SCAN - scanned);
                        long got = store.scanStation(ANALYTE, ids.get(k), afterTime, afterLab, want, pager::accept);
                        scanned += got;
                        if (got < want) {
                            break; // this station is done
                        }
                        afterTime = pager.last.time();
                        afterLab = pager.last.lab();
                        batch *= 4;
                    }
                    afterTime = null;
                    afterLab = null;
                    if (scanned >= MAX_SCAN && pager.next == null) {
                        end = false;
                        break;
                    }
                }
                pager.finish(!end);
                EnvJson.alerts(arr, pager.alerts,
                        world.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null));
                EnvJson.incidents(root.putArray("incidents"), Alerts.incidents(pager.alerts));
                next = pager.next;
            } finally {
                lock.unlock();
            }
        }
        root.put("measurements", total);
        page.put("limit", limit);
        page.put("measurements_scanned", scanned);
        page.put("next_cursor", next == null ? null : next.encode());
        root.set("page", page);
        ctx.contentType("application/json").result(Json.bytes(root));
    }

    /** Collects one page of alerts from the measurement stream. */
    private static final class Pager {
        private final RiverNetwork n;
        private final Alerts.Options o;
        private final java.util.function.BiFunction<RiverNetwork.Outfall, java.time.YearMonth, Double> discharge;
        private final int limit;
        final List<Alerts.Alert> alerts = new java.util.ArrayList<>();
        Cursor next;
        private String station;
        private Alerts.StationEvaluator ev;
        MonitoringStore.ScanKey last;
        private int lastEmitted;

        Pager(RiverNetwork n, Alerts.Options o,
              java.util.function.BiFunction<RiverNetwork.Outfall, java.time.YearMonth, Double> discharge, int limit,
              MonitoringStore store, Cursor cursor) {
            this.n = n;
            this.o = o;
            this.discharge = discharge;
            this.limit = limit;
            if (cursor != null) {
                // warm up on the samples up to the cursor's measurement; re-emit that measurement's unsent alerts
                List<MonitoringStore.Measurement> before = store.before(ANALYTE, cursor.key(),
                        Alerts.StationEvaluator.warmUp(o) + 1);
                for (int i = 0; i < before.size(); i++) {
                    MonitoringStore.Measurement m = before.get(i);
                    if (!startStation(m.station())) {
                        break;
                    }
                    if (i < before.size() - 1) {
                        ev.add(m, false, a -> { });
                    } else {
                        int[] k = {0};
                        int[] sent = {cursor.emitted()};
                        ev.add(m, true, a -> {
                            if (k[0]++ >= cursor.emitted() && alerts.size() < limit) {
                                alerts.add(a);
                                sent[0]++;
                            }
                        });
                        last = cursor.key();
                        lastEmitted = sent[0];
                        if (sent[0] < k[0]) { // even the rest of this measurement's alerts did not fit
                            next = new Cursor(last, lastEmitted, o.rollingSamples(), o.trendSamples());
                        }
                    }
                }
            }
        }

        /** Starts a station's evaluator when the stream reaches it; false when the station is not evaluated. */
        private boolean startStation(String id) {
            if (!id.equals(station)) {
                station = id;
                ev = n.findStation(id).map(s -> new Alerts.StationEvaluator(n, s, o, discharge))
                        .filter(e -> e.analyte().equals(ANALYTE)).orElse(null);
            }
            return ev != null;
        }

        /** Takes the next measurement; false once the page is full. */
        boolean accept(MonitoringStore.Measurement m) {
            if (next != null) {
                return false;
            }
            if (alerts.size() >= limit) {
                next = new Cursor(last, lastEmitted, o.rollingSamples(), o.trendSamples());
                return false;
            }
            last = new MonitoringStore.ScanKey(m.station(), m.time(), m.lab());
            lastEmitted = 0;
            if (startStation(m.station())) {
                ev.add(m, true, a -> {
                    lastEmitted++;
                    if (alerts.size() < limit) {
                        alerts.add(a);
                    } else {
                        // the page is full inside this measurement's alerts: the next page starts with the rest
                        lastEmitted--;
                        overflow = true;
                    }
                });
            }
            if (overflow) {
                next = new Cursor(last, lastEmitted, o.rollingSamples(), o.trendSamples());
                return false;
            }
            return true;
        }

        private boolean overflow;

        /** After the scan: a page cut by the scan bound continues after its last measurement. */
        void finish(boolean scanBoundHit) {
            if (next == null && scanBoundHit && last != null) {
                next = new Cursor(last, lastEmitted, o.rollingSamples(), o.trendSamples());
            }
        }
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
