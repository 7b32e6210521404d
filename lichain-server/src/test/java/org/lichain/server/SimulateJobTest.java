package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.market.ResultJson;
import org.lichain.market.Scenario;
import org.lichain.market.Simulation;
import org.lichain.world.World;

/** {@code simulate} jobs over HTTP on the embedded dataset: the body of {@code lichain simulate --json}. */
class SimulateJobTest {
    static World world;
    static LichainServer server;
    static Http http;

    @BeforeAll
    static void start() {
        world = DatasetLoader.loadEmbedded();
        server = LichainServer.start(world, Fixture.config(), LichainServer.defaultRunners());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void simulation_isTheSimulateJsonBody_forTheSameScenario() throws Exception {
        Http.Response r = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"from\":\"2020-01\","
                + "\"to\":\"2022-12\",\"seed\":3}}", Fixture.TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().get("id").asText();
        JsonNode s = ApiTest.waitFor(http, id);
        assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("succeeded");
        Http.Response result = http.get("/api/jobs/" + id + "/result");
        Scenario sc = Scenario.base().withPeriod(java.time.YearMonth.of(2020, 1), java.time.YearMonth.of(2022, 12))
                .withSeed(3).withName("api");
        String expected = Json.MAPPER.writeValueAsString(ResultJson.tree(Simulation.run(world, sc, 3)));
        JsonNode body = result.json();
        assertThat(body.get("months").size()).isEqualTo(36); // 2020-01..2022-12
        assertThat(body.get("price").get("cny_per_t_incl_vat").size()).isEqualTo(36);
        assertThat(result.body()).isEqualTo(expected); // byte for byte, deterministic for the seed
        assertThat(http.get("/api/capabilities").json().get("jobs").get("simulate").asBoolean()).isTrue();
    }

    @Test
    void badScenarioAndRuns_are400NamingTheField() {
        Http.Response runs = http.post("/api/jobs", "{\"kind\":\"simulate\",\"runs\":5}", Fixture.TOKEN);
        ApiTest.assertProblem(runs, 400, "runs");
        Http.Response bad = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"policies\":{\"tariffs\":"
                + "[{\"origin\":\"CN\",\"destination\":\"US\",\"product\":\"chemical\",\"rate\":\"high\","
                + "\"from\":\"2025-01\"}]}}}", Fixture.TOKEN);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).startsWith("scenario");
    }
}
