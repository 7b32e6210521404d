package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.DatasetSource;
import org.lichain.environment.IncidentReplay;
import org.lichain.environment.RiverNetwork;
import org.lichain.report.environment.GroundwaterJson;
import org.lichain.world.World;

/** The groundwater and replay endpoints on the embedded dataset. */
class GroundwaterApiTest {
    static World world;
    static LichainServer server;
    static Http http;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path db;

    @BeforeAll
    static void start() {
        world = DatasetLoader.loadEmbedded();
        server = LichainServer.start(world, Fixture.config().withMonitoringDb(db.resolve("monitoring.duckdb")), List.of());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void groundwater_hasPointsAndAPlanGrid() {
        JsonNode j = http.get("/api/env/groundwater?site=GW-JIANXIAWO&year=2023").json();
        assertThat(j.get("site").asText()).isEqualTo("GW-JIANXIAWO");
        assertThat(j.get("points").findValuesAsText("id")).contains("ST-WELL-JIANXIAWO", "RIVER");
        JsonNode plan = j.get("plan");
        assertThat(plan.get("ug_per_l")).hasSize(plan.get("y_m").size());
        assertThat(plan.get("ug_per_l").get(0)).hasSize(plan.get("x_m").size());
        // upgradient of the stack there is nothing; on the axis downgradient the plume is there
        assertThat(plan.get("ug_per_l").get(20).get(0).asDouble()).isZero();
        assertThat(plan.get("ug_per_l").get(20).get(21).asDouble()).isPositive();
        ApiTest.assertProblem(http.get("/api/env/groundwater?site=GW-NOPE"), 400, "site");
        ApiTest.assertProblem(http.get("/api/env/groundwater"), 400, "site");
        ApiTest.assertProblem(http.get("/api/env/groundwater?site=GW-JIANXIAWO&scenario=meteor"), 400, "scenario");
        ApiTest.assertProblem(http.get("/api/env/groundwater?site=GW-YONGXING"), 400, "stock_t");
        assertThat(http.get("/api/env/groundwater?site=GW-YONGXING&stock_t=1000000").status()).isEqualTo(200);
    }

    @Test
    void sites_listTheDatasetSites() {
        JsonNode j = http.get("/api/env/groundwater/sites").json();
        List<String> ids = new java.util.ArrayList<>();
        j.get("sites").forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).containsExactly("GW-YICHUN-CITY", "GW-JIANXIAWO", "GW-YONGXING");
        assertThat(j.get("sites").get(0).get("points").size()).isEqualTo(12);
    }

    @Test
    void wellsDesign_answersWithTheDesignFields() {
        JsonNode j = http.get("/api/env/wells-design?site=GW-JIANXIAWO&wells=2&trials=200").json();
        assertThat(j.get("best_monthly").get("recommended_wells")).hasSize(2);
        assertThat(j.get("trials").asInt()).isEqualTo(200);
        ApiTest.assertProblem(http.get("/api/env/wells-design?site=GW-JIANXIAWO&wells=0"), 400, "wells");
    }

    @Test
    void replay_isTheBodyOfTheCliJson() {
        JsonNode j = http.get("/api/env/replay/jinjiang-2022").json();
        ObjectNode expected = org.lichain.server.Json.object();
        GroundwaterJson.replay(expected, IncidentReplay.replay(world.extension(RiverNetwork.class).orElseThrow(),
                IncidentReplay.jinjiang2022(0.22), 0.3));
        assertThat(j).isEqualTo(expected);
        assertThat(http.get("/api/env/replay/atlantis-1900").status()).isEqualTo(404);
        ApiTest.assertProblem(http.get("/api/env/replay/jinjiang-2022?observed_ug_per_l=0"), 400, "observed_ug_per_l");
    }

    /**
     * A dataset whose river network lacks the station the incident is observed at (here the embedded one without
     * ST-INTAKE-GAOAN): the replay is "not available" (501), not a client error. A regression once made it a 400
     * "unknown station" when the network started refusing unknown ids with another exception.
     */
    @Test
    void replay_onADatasetWithoutTheIncidentStation_is501NotAvailable() {
        DatasetSource embedded = DatasetSource.embedded();
        String stations = embedded.read("monitoring_stations.csv").orElseThrow().lines()
                .filter(l -> !l.startsWith("ST-INTAKE-GAOAN,")).collect(Collectors.joining("\n", "", "\n"));
        DatasetSource withoutGaoan = embedded.withFiles("embedded dataset without ST-INTAKE-GAOAN",
                Map.of("monitoring_stations.csv", stations));
        World w = DatasetLoader.load(withoutGaoan);
        RiverNetwork n = w.extension(RiverNetwork.class).orElseThrow();
        assertThat(n.stations()).extracting(s -> s.id()).doesNotContain("ST-INTAKE-GAOAN").isNotEmpty();
        try (LichainServer s = LichainServer.start(w, Fixture.config(), List.of())) {
            Http h = new Http(s);
            Http.Response r = h.get("/api/env/replay/jinjiang-2022");
            ApiTest.assertProblem(r, 501, null);
            assertThat(r.json().get("capability").asText()).isEqualTo("replay");
            assertThat(r.json().get("detail").asText()).contains("ST-INTAKE-GAOAN");
        }
    }

    /** Before anything is ingested: the same fields as any page (incidents too), empty, and the last page. */
    @Test
    void alerts_withoutAStore_areAnEmptyLastPage() {
        JsonNode j = http.get("/api/env/alerts?limit=5").json();
        assertThat(j.fieldNames()).toIterable().containsExactly("alerts", "incidents", "measurements", "page");
        assertThat(j.get("alerts")).isEmpty();
        assertThat(j.get("incidents")).isEmpty();
        assertThat(j.get("measurements").asLong()).isZero();
        assertThat(j.get("page").get("limit").asInt()).isEqualTo(5);
        assertThat(j.get("page").get("measurements_scanned").asLong()).isZero();
        assertThat(j.get("page").get("next_cursor").isNull()).isTrue();
    }

    @Test
    void wells_emptyStoreHasNoWells() {
        assertThat(http.get("/api/env/wells").json().get("wells")).isEmpty();
    }
}
