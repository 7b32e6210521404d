package org.lichain.environment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.lichain.dataset.InvalidInputException;

/**
 * Alerts of a monitoring store one page at a time (issue 16), for {@code GET /api/env/alerts} and
 * {@code lichain env alerts --limit}: at most {@code limit} alerts, by station then time, from at most
 * {@link #MAX_SCAN} measurements; {@link Page#next()} continues where the page ended (null after the last). Memory
 * and time per page are bounded by the page, not by the store: measurements stream through a per-station
 * {@link Alerts.StationEvaluator}, and a page that starts at a cursor warms the evaluator up on the samples before it
 * (the evaluator's state depends on its last samples only), so walking every page gives exactly the alerts of one
 * pass over the store.
 */
public final class AlertPages {
    /** Most measurements one page reads. */
    public static final int MAX_SCAN = 200_000;
    /** Rows of the first scan batch of a page (then 4 times as many each batch). */
    static final int FIRST_BATCH = 20_000;
    static final String ANALYTE = "thallium";

    private AlertPages() {
    }

    /** Where a page ended: a measurement, how many of its alerts were sent, and the windows used. */
    public record Cursor(MonitoringStore.ScanKey key, int emitted, int rolling, int trend) {
        /** The cursor as URL-safe text (what the API returns as {@code page.next_cursor}). */
        public String encode() {
            String raw = String.join("\u0001", key.station(), key.time().toString(), key.lab(),
                    Integer.toString(emitted), Integer.toString(rolling), Integer.toString(trend));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * A cursor from its text; {@link InvalidInputException} ("is not a cursor …") for anything {@link #encode}
         * did not make, and when it was made with other windows than {@code o}.
         */
        public static Cursor decode(String text, Alerts.Options o) {
            Cursor c;
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String[] f = raw.split("\u0001", -1);
                if (f.length != 6) {
                    throw new IllegalArgumentException("fields");
                }
                c = new Cursor(new MonitoringStore.ScanKey(f[0], LocalDateTime.parse(f[1]), f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]));
            } catch (RuntimeException e) {
                throw new InvalidInputException("is not a cursor of a page of alerts (use next_cursor as given)");
            }
            if (c.rolling() != o.rollingSamples() || c.trend() != o.trendSamples()) {
                throw new InvalidInputException("was made with rolling=" + c.rolling() + " and trend=" + c.trend()
                        + "; give the same windows for every page");
            }
            return c;
        }
    }

    /**
     * One page: its alerts, the cursor of the next page (null after the last), the measurements read and the
     * measurements stored.
     */
    public record Page(List<Alerts.Alert> alerts, Cursor next, long scanned, long measurements) {
    }

    /**
     * The page of alerts after {@code cursor} (null: the first page).
     *
     * @param dischargeForYear the outfalls' discharges through a year (called once, with the year of the latest
     *                         stored measurement or {@code fromYear} when there is none)
     */
    public static Page page(RiverNetwork n, Alerts.Options o, MonitoringStore store, Cursor cursor, int limit,
                            int fromYear,
                            IntFunction<BiFunction<RiverNetwork.Outfall, YearMonth, Double>> dischargeForYear) {
        MonitoringStore.Extent ext = store.extent(ANALYTE);
        var discharge = dischargeForYear.apply(ext.latest() == null ? fromYear : ext.latest().getYear());
        Pager pager = new Pager(n, o, discharge, limit, store, cursor);
        // station by station (in id order), in growing batches (20k, 80k, ... rows): DuckDB sorts only what a batch
        // asks for, a page that fills early reads little, and a page reads at most MAX_SCAN rows
        List<String> ids = n.stations().stream().map(RiverNetwork.Station::id).sorted().toList();
        int first = 0;
        LocalDateTime afterTime = null;
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
        long scanned = 0;
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
            if (scanned >= MAX_SCAN) {
                break;
            }
        }
        pager.finish(scanned >= MAX_SCAN);
        return new Page(List.copyOf(pager.alerts), pager.next, scanned, ext.count());
    }

    /** Collects one page of alerts from the measurement stream. */
    private static final class Pager {
        private final RiverNetwork n;
        private final Alerts.Options o;
        private final BiFunction<RiverNetwork.Outfall, YearMonth, Double> discharge;
        private final int limit;
        final List<Alerts.Alert> alerts = new ArrayList<>();
        Cursor next;
        private String station;
        private Alerts.StationEvaluator ev;
        MonitoringStore.ScanKey last;
        private int lastEmitted;
        private boolean overflow;

        Pager(RiverNetwork n, Alerts.Options o, BiFunction<RiverNetwork.Outfall, YearMonth, Double> discharge,
              int limit, MonitoringStore store, Cursor cursor) {
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
                            next = here();
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
                next = here();
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
                next = here();
                return false;
            }
            return true;
        }

        /** The cursor after the last measurement read and the alerts of it already emitted. */
        private Cursor here() {
            return new Cursor(last, lastEmitted, o.rollingSamples(), o.trendSamples());
        }

        /** After the scan: a page cut by the scan bound continues after its last measurement. */
        void finish(boolean scanBoundHit) {
            if (next == null && scanBoundHit && last != null) {
                next = here();
            }
        }
    }
}
