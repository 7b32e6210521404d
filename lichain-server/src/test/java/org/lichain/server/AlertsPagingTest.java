package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.DatasetLoader;
import org.lichain.environment.Alerts;
import org.lichain.environment.EnvironmentLedger;
import org.lichain.environment.MonitoringStore;
import org.lichain.environment.ProductionSeries;
import org.lichain.environment.RiverNetwork;
import org.lichain.report.environment.EnvJson;
import org.lichain.world.World;

/**
 * Paging of {@code GET /api/env/alerts} is exact: walking every page by {@code next_cursor} (pages of 7, which cut
 * through the alerts of one measurement) gives, alert for alert, what one pass of {@link Alerts#evaluate} over the
 * whole store gives (ordered by station, then time), for two window settings.
 */
class AlertsPagingTest {
    @TempDir
    Path dir;

    @Test
    void walkingAllPages_equalsOnePassOverTheStore() throws Exception {
        World world = DatasetLoader.loadEmbedded();
        RiverNetwork n = world.extension(RiverNetwork.class).orElseThrow();
        Path db = dir.resolve("m.duckdb");
        List<String> stations = n.stations().stream().map(RiverNetwork.Station::id).toList();
        AlertsLoadTestData.generate(db, stations, 4000);
        List<MonitoringStore.Measurement> all;
        try (MonitoringStore s = MonitoringStore.open(db)) {
            all = s.measurements("thallium");
        }
        try (LichainServer server = LichainServer.start(world, Fixture.config().withMonitoringDb(db), List.of())) {
            Http http = new Http(server);
            for (int[] w : new int[][] {{3, 6}, {2, 4}}) {
                Alerts.Options o = new Alerts.Options(w[0], w[1]);
                int maxYear = all.stream().mapToInt(m -> m.time().getYear()).max().orElseThrow();
                EnvironmentLedger l = EnvironmentLedger.compute(world, ProductionSeries.historical(world, 2020,
                        Math.max(maxYear, 2020), ProductionSeries.Basis.REPORTED_ELSE_CAPACITY));
                List<Alerts.Alert> expected = new ArrayList<>(Alerts.evaluate(n, all, o, Alerts.ledgerDischarge(l)));
                expected.sort(Comparator.comparing(Alerts.Alert::station)); // stable: time order within a station
                ArrayNode want = Json.MAPPER.createArrayNode();
                EnvJson.alerts(want, expected, // as the server: a well's alert names its source stack
                        world.extension(org.lichain.environment.groundwater.GroundwaterSites.class).orElse(null));
                assertThat(want.size()).isGreaterThan(50);

                ArrayNode got = Json.MAPPER.createArrayNode();
                String cursor = null;
                int pages = 0;
                do {
                    String q = "/api/env/alerts?limit=7&rolling=" + w[0] + "&trend=" + w[1]
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                    Http.Response r = http.get(q);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    JsonNode page = r.json();
                    assertThat(page.get("alerts").size()).isLessThanOrEqualTo(7);
                    page.get("alerts").forEach(got::add);
                    cursor = page.get("page").get("next_cursor").isNull() ? null
                            : page.get("page").get("next_cursor").asText();
                    pages++;
                } while (cursor != null && pages < 10_000);
                assertThat(got).as("windows " + w[0] + "/" + w[1]).containsExactlyElementsOf(want);
            }
            ApiTest.assertProblem(http.get("/api/env/alerts?cursor=garbage"), 400, "cursor");
            ApiTest.assertProblem(http.get("/api/env/alerts?limit=100000"), 400, "limit");
        }
    }
}
