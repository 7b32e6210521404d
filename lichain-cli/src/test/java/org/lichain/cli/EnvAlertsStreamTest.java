package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.DatasetLoader;
import org.lichain.environment.Alerts;
import org.lichain.environment.MonitoringStore;
import org.lichain.environment.RiverNetwork;
import org.lichain.world.World;

/**
 * Issue 16: {@code lichain env alerts} streams each station's measurements through its evaluator in batches instead
 * of reading every measurement into memory. Checked against the whole-list evaluation ({@link Alerts#evaluate}, an
 * independent pass that groups and sorts the full list) with batches small enough to cut every series many times.
 */
class EnvAlertsStreamTest {
    @TempDir
    Path dir;

    @Test
    void streamedAlerts_equalTheAlertsOfTheWholeList_acrossBatchBoundaries() throws Exception {
        World w = DatasetLoader.loadEmbedded();
        RiverNetwork n = w.extension(RiverNetwork.class).orElseThrow();
        List<String> stations = n.stations().stream().map(RiverNetwork.Station::id).sorted().limit(4).toList();
        StringBuilder csv = new StringBuilder("station,time,analyte,value,unit,detection_limit,qualifier,lab\n");
        java.util.Random r = new java.util.Random(16);
        LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (String st : stations) {
            for (int i = 0; i < 300; i++) {
                // around the 0.1 µg/L limit, with runs that rise: single, rolling-mean and trend alerts all occur
                double v = 0.02 + 0.1 * r.nextDouble() + (i % 40 > 30 ? 0.01 * (i % 40 - 30) : 0);
                String lab = i % 50 == 7 ? "L2" : "L1"; // two labs at one time: the (time, lab) order matters
                csv.append(st).append(',').append(t0.plusDays(i)).append(",thallium,")
                        .append(String.format(java.util.Locale.ROOT, "%.4f", v)).append(",ug/L,,,").append(lab)
                        .append('\n');
                if (lab.equals("L2")) {
                    csv.append(st).append(',').append(t0.plusDays(i)).append(",thallium,0.2500,ug/L,,,L1\n");
                }
            }
        }
        Path f = dir.resolve("m.csv");
        Files.writeString(f, csv);
        Path db = dir.resolve("s.duckdb");
        try (MonitoringStore store = MonitoringStore.open(db)) {
            assertThat(store.ingest(f, Set.copyOf(stations)).quarantined()).isZero();
            Alerts.Options o = new Alerts.Options(3, 6);
            List<Alerts.Alert> whole = EnvCommand.alerts(w, n, store.measurements("thallium"), o);
            List<MonitoringStore.Measurement> series = new ArrayList<>();
            List<Alerts.Alert> streamed = EnvCommand.streamAlerts(w, n, store, o, stations.get(1), series::add, 7);
            assertThat(whole).hasSizeGreaterThan(50);
            assertThat(whole.stream().map(Alerts.Alert::kind).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("single", "rolling_mean", "rising_trend");
            assertThat(streamed).isEqualTo(whole);
            assertThat(EnvCommand.streamAlerts(w, n, store, o, null, null, EnvCommand.SCAN_BATCH)).isEqualTo(whole);
            assertThat(series).hasSize(306).allMatch(m -> m.station().equals(stations.get(1)));
        }
        // env alerts --limit: pages of 13 (as the API: by station then time) walked with --cursor hold exactly the
        // alerts of the whole run
        CliTestSupport.Result all = CliTestSupport.run("env", "alerts", "--db", db.toString(), "--json");
        assertThat(all.status()).as(all.err()).isZero();
        List<String> whole = new ArrayList<>();
        Json.MAPPER.readTree(all.out()).get("alerts").forEach(a -> whole.add(a.toString()));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            CliTestSupport.Result res = cursor == null
                    ? CliTestSupport.run("env", "alerts", "--db", db.toString(), "--json", "--limit", "13")
                    : CliTestSupport.run("env", "alerts", "--db", db.toString(), "--json", "--limit", "13",
                    "--cursor", cursor);
            assertThat(res.status()).as(res.err()).isZero();
            var page = Json.MAPPER.readTree(res.out());
            assertThat(page.get("alerts").size()).isLessThanOrEqualTo(13);
            page.get("alerts").forEach(a -> paged.add(a.toString()));
            cursor = page.get("page").get("next_cursor").isNull() ? null : page.get("page").get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages <= whole.size()); // a cursor that never ends fails below, not hangs
        assertThat(pages).isEqualTo((whole.size() + 12) / 13);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(whole);
        BadInputTest.refused(CliTestSupport.run("env", "alerts", "--db", db.toString(), "--limit", "13", "--cursor",
                "garbage"), "--cursor: is not a cursor");
        BadInputTest.refused(CliTestSupport.run("env", "alerts", "--db", db.toString(), "--limit", "0"),
                "--limit 0: must be 1 to 100000");
    }
}
