package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mc} jobs over HTTP with the built-in runner, on the test-only ensemble model "toy-test" (core test-jar). */
class McJobTest {
    static LichainServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = LichainServer.start(Fixture.world(), Fixture.config(), LichainServer.defaultRunners());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private JsonNode run(String body) throws InterruptedException {
        Http.Response r = http.post("/api/jobs", body, Fixture.TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().get("id").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode s = http.get("/api/jobs/" + id).json();
            if (s.get("state").asText().equals("succeeded")) {
                assertThat(s.get("progress").get("done").asInt()).isEqualTo(s.get("runs").asInt());
                return http.get("/api/jobs/" + id + "/result").json();
            }
            assertThat(s.get("state").asText()).isIn("queued", "running");
            Thread.sleep(50);
        }
        throw new AssertionError("mc job did not finish");
    }

    @Test
    void ensemble_overTheBaseParameters_givesTheSummaryJsonContract_deterministically() throws Exception {
        String body = "{\"kind\":\"mc\",\"runs\":50,\"scenario\":{\"model\":\"toy-test\",\"from\":\"2024-01\","
                + "\"to\":\"2031-12\",\"seed\":7}}";
        JsonNode a = run(body);
        assertThat(a.get("runs").asInt()).isEqualTo(50);
        assertThat(a.get("seed").asInt()).isEqualTo(7);
        JsonNode price2030 = a.get("metrics").get("price_cny_per_t_incl_vat_avg").get("2030");
        double p5 = price2030.get("p5").asDouble();
        double p50 = price2030.get("p50").asDouble();
        double p95 = price2030.get("p95").asDouble();
        assertThat(p5).isLessThanOrEqualTo(p50);
        assertThat(p50).isLessThanOrEqualTo(p95);
        assertThat(p95).isGreaterThan(p5); // the base demand_path is drawn (triangular 0.8..1.2 in 2030)
        assertThat(a.get("metrics").get("self_sufficiency_CN").has("2024")).isTrue();
        assertThat(run(body)).isEqualTo(a); // same scenario and seed: identical summary
    }

    @Test
    void badScenario_is400NamingTheField_andTheBaseEnsembleRunsOnTheMarketModel() {
        Http.Response bad = http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":5,\"scenario\":{\"model\":\"toy-test\","
                + "\"parameters\":{\"x\":{\"dist\":\"weibull\"}}}}", Fixture.TOKEN);
        ApiTest.assertProblem(bad, 400, bad.json().path("field").asText("?"));
        assertThat(bad.json().get("field").asText()).startsWith("scenario.").contains("x");
        // the base ensemble asks for the market model, which this build has (org.lichain.scenario.MarketEnsembleModel)
        Http.Response market = http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":5}", Fixture.TOKEN);
        assertThat(market.status()).as(market.body()).isEqualTo(202);
    }
}
