package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurves;
import org.lichain.report.CurveJson;
import org.lichain.world.World;

/** The API over real HTTP on an ephemeral loopback port, on the synthetic fixture dataset. */
class ApiTest {
    static World world;
    static LichainServer server;
    static Http http;

    @BeforeAll
    static void start() {
        world = Fixture.world();
        server = LichainServer.start(world, Fixture.config(), List.of(TestRunners.count()));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith(LichainServer.PROBLEM_JSON);
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("/problems/");
        assertThat(p.get("title").asText()).isNotEmpty();
        if (field != null) {
            assertThat(p.get("field").asText()).isEqualTo(field);
            assertThat(p.get("detail").asText()).startsWith(field + ": ");
        }
    }

    @Test
    void health_isOkAndCountsAssets() {
        Http.Response r = http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().get("assets").asInt()).isEqualTo(4); // four rows in fixture-dataset/assets.csv
    }

    @Test
    void curve_hasTheSameBodyAsTheSharedCurveJson() {
        Http.Response r = http.get("/api/curve?year=2025&price_usd=9000&basis=c1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        ObjectNode expected = CurveJson.of(CostCurves.annual(world, 2025,
                new CostCurves.Price(9000, "ignored"), CostBreakdown.Basis.C1));
        ObjectNode actual = (ObjectNode) r.json();
        expected.remove("price_source");
        actual.remove("price_source");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void curve_brineIsTheFirstBarWithItsHandComputedCost() {
        JsonNode c = http.get("/api/curve?year=2025&price_usd=9000").json();
        JsonNode first = c.get("assets").get(0);
        assertThat(first.get("id").asText()).isEqualTo("FX-BRINE-D");
        // brine_cost 2000 + labour 400; no reagents, power, fuel or royalty in the fixture: 2400 USD/t LCE
        assertThat(first.get("c1_usd_per_t_lce").asDouble()).isEqualTo(2400.0);
        assertThat(first.get("cumulative_t_lce").asDouble()).isEqualTo(50000.0); // its capacity
        double prev = -1;
        double cum = 0;
        for (JsonNode a : c.get("assets")) {
            assertThat(a.get("c1_usd_per_t_lce").asDouble()).isGreaterThanOrEqualTo(prev);
            prev = a.get("c1_usd_per_t_lce").asDouble();
            cum += a.get("capacity_t_lce").asDouble();
            assertThat(a.get("cumulative_t_lce").asDouble()).isCloseTo(cum, org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(cum).isEqualTo(170000.0); // 40000 + 20000 + 60000 + 50000
    }

    @Test
    void curve_withoutPrice_usesTheLatestReferencePriceAndSaysSo() {
        JsonNode c = http.get("/api/curve?year=2025").json();
        assertThat(c.get("price_usd_per_t_lce").asDouble()).isEqualTo(10000.0); // fixture: 2023 reference only
        assertThat(c.get("price_source").asText()).contains("2023").contains("latest before 2025");
        // 10000 USD x 1.13 VAT x 7.0 CNY/USD (fixture FX) = 79100 CNY/t incl. VAT
        assertThat(c.get("price_cny_per_t_incl_vat").asDouble()).isEqualTo(79100.0);
    }

    @Test
    void curve_badQueryParameters_are400NamingTheParameter() {
        assertProblem(http.get("/api/curve"), 400, "year");
        assertProblem(http.get("/api/curve?year=abc"), 400, "year");
        assertProblem(http.get("/api/curve?year=1850"), 400, "year");
        assertProblem(http.get("/api/curve?month=2025-13"), 400, "month");
        assertProblem(http.get("/api/curve?year=2025&basis=xyz"), 400, "basis");
        assertProblem(http.get("/api/curve?year=2025&price_usd=-5"), 400, "price_usd");
        assertProblem(http.get("/api/curve?year=2025&price_usd=NaN"), 400, "price_usd");
        assertProblem(http.get("/api/curve?year=2025&price_usd=1&price_cny_incl_vat=2"), 400, "price_cny_incl_vat");
    }

    @Test
    void curve_pricedInCny_convertsWithVatAndFx() {
        JsonNode c = http.get("/api/curve?year=2025&price_cny_incl_vat=79100").json();
        // 79100 / 1.13 / 7.0 = 10000 USD
        assertThat(c.get("price_usd_per_t_lce").asDouble()).isEqualTo(10000.0);
    }

    @Test
    void assets_filterByCountryAndType() {
        JsonNode all = http.get("/api/assets").json();
        assertThat(all.get("assets")).hasSize(4);
        JsonNode cn = http.get("/api/assets?country=cn").json();
        assertThat(cn.get("assets")).hasSize(2);
        assertThat(cn.get("assets").get(0).get("id").asText()).isEqualTo("FX-LEPI-A");
        JsonNode brine = http.get("/api/assets?type=brine").json();
        assertThat(brine.get("assets")).hasSize(1);
        assertThat(brine.get("assets").get(0).get("capacity_t_lce").asDouble()).isEqualTo(50000.0);
        assertProblem(http.get("/api/assets?type=granite"), 400, "type");
        assertProblem(http.get("/api/assets?country=China"), 400, "country");
    }

    @Test
    void assetDetail_hasOwnersBalanceCostAndSources() {
        JsonNode a = http.get("/api/assets/FX-SPOD-C?year=2025&price_usd=9000").json();
        assertThat(a.get("name").asText()).isEqualTo("Fixture Spodumene C");
        assertThat(a.get("owners")).hasSize(2);
        assertThat(a.get("owners").get(0).get("stake_pct").asDouble()).isEqualTo(60.0);
        assertThat(a.get("parameters").get("concentrate_grade_li2o_pct").get("value").asDouble()).isEqualTo(6.0);
        assertThat(a.get("parameters").get("concentrate_grade_li2o_pct").get("source").asText()).startsWith("estimate:");
        assertThat(a.get("balance_per_t_lce").get("concentrate_t").asDouble()).isPositive();
        assertThat(a.get("cost_usd_per_t_lce").get("c1").asDouble()).isPositive();
        assertProblem(http.get("/api/assets/NOPE"), 404, null);
    }

    @Test
    void jobs_withoutOrWithWrongToken_are401() {
        Http.Response r = http.post("/api/jobs", "{\"kind\":\"simulate\"}", null);
        assertProblem(r, 401, null);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"lichain\"");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"simulate\"}", "wrong-token-0123456789"), 401, null);
        assertProblem(http.delete("/api/jobs/whatever", null), 401, null);
        assertProblem(http.post("/api/env/measurements", "station,time\n", null), 401, null);
    }

    @Test
    void jobs_malformedRequests_are400NamingTheField() {
        String t = Fixture.TOKEN;
        assertProblem(http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"from\":\"2020-13\"}}", t), 400,
                "scenario.from");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"mc\",\"scenario\":{\"from\":\"2030-01\",\"to\":\"2025-01\"}}",
                t), 400, "scenario.to");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"mc\",\"scenario\":{\"seed\":-1}}", t), 400, "scenario.seed");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":\"ten\"}", t), 400, "runs");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":0}", t), 400, "runs");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"mc\",\"scenario\":[1,2]}", t), 400, "scenario");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"mc\",\"scenaro\":{}}", t), 400, "scenaro");
        assertProblem(http.post("/api/jobs", "{\"runs\":3}", t), 400, "kind");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"forecast\"}", t), 400, "kind");
        assertProblem(http.post("/api/jobs", "{\"kind\":", t), 400, "body");
        assertProblem(http.post("/api/jobs", "[]", t), 400, "body");
        assertProblem(http.post("/api/jobs", "{\"kind\":\"test-count\",\"scenario\":{\"bad\":1}}", t), 400,
                "scenario.bad");
    }

    @Test
    void jobs_kindWhoseCapabilityHasNotLanded_is501() {
        Http.Response r = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"from\":\"2020-01\"}}",
                Fixture.TOKEN);
        assertProblem(r, 501, null);
        assertThat(r.json().get("capability").asText()).isEqualTo("jobs.simulate");
        assertThat(http.get("/api/capabilities").json().get("jobs").get("simulate").asBoolean()).isFalse();
        assertProblem(http.get("/api/company/CATL?year=2025"), 501, null);
        assertProblem(http.get("/api/env/alerts"), 501, null); // the fixture dataset has no river network
    }

    @Test
    void jobs_lifeCycle_queuedToSucceededWithResult() throws Exception {
        Http.Response r = http.post("/api/jobs", "{\"kind\":\"test-count\",\"runs\":3}", Fixture.TOKEN);
        assertThat(r.status()).isEqualTo(202);
        String id = r.json().get("id").asText();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/jobs/" + id);
        JsonNode s = waitFor(id);
        assertThat(s.get("state").asText()).isEqualTo("succeeded");
        assertThat(s.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
        assertThat(s.get("progress").get("done").asInt()).isEqualTo(10);
        JsonNode result = http.get("/api/jobs/" + id + "/result").json();
        assertThat(result.get("assets").asInt()).isEqualTo(4);
        assertThat(result.get("runs").asInt()).isEqualTo(3);
        assertProblem(http.delete("/api/jobs/" + id, Fixture.TOKEN), 409, null);
        assertProblem(http.get("/api/jobs/no-such-job"), 404, null);
        assertThat(http.get("/api/jobs").json().get("available_kinds").toString()).contains("test-count");
    }

    static JsonNode waitFor(String id) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            JsonNode s = http.get("/api/jobs/" + id).json();
            if (!s.get("state").asText().matches("queued|running")) {
                return s;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void oversizedBody_is413() {
        String big = "{\"kind\":\"mc\",\"scenario\":{\"name\":\"" + "x".repeat(2 << 20) + "\"}}";
        Http.Response r = http.post("/api/jobs", big, Fixture.TOKEN);
        assertProblem(r, 413, null);
    }

    @Test
    void unknownPath_is404Problem() {
        assertProblem(http.get("/api/nothing-here"), 404, null);
        assertProblem(http.get("/static/secret.txt"), 404, null);
    }

    @Test
    void traversalOnStaticPaths_is404() {
        int port = server.port();
        for (String target : List.of(
                "/static/..%2f..%2fpom.xml",
                "/static/../../../../etc/passwd",
                "/../../../../etc/passwd",
                "/static/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%5c..%5cpom.xml",
                "/static/app.js%00.html",
                "/static/%2e%2e%2fopenapi.json",
                "/static/....//....//etc/passwd",
                "/static/org/lichain/server/openapi.json",
                "/static/..;/openapi.json",
                "/vendor/..%2f..%2fMETA-INF%2fMANIFEST.MF",
                "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/org/lichain/server/LichainServer.class")) {
            assertThat(http.rawStatus(port, target)).as(target).isEqualTo(404);
        }
        assertThat(http.get("/static/app.js").status()).isEqualTo(200);
    }

    @Test
    void cors_isOffByDefault() {
        Http.Response r = http.get("/health");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void queue_whenFull_answers429() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LichainServer small = LichainServer.start(world, Fixture.config().withJobs(1, 1),
                List.of(TestRunners.blocking(release)))) {
            Http h = new Http(small);
            String body = "{\"kind\":\"test-block\"}";
            Http.Response running = h.post("/api/jobs", body, Fixture.TOKEN);
            Http.Response queued = h.post("/api/jobs", body, Fixture.TOKEN);
            Http.Response refused = h.post("/api/jobs", body, Fixture.TOKEN);
            assertThat(running.status()).isEqualTo(202);
            assertThat(queued.status()).isEqualTo(202);
            assertProblem(refused, 429, null);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            // cancelling the queued job frees its slot
            String queuedId = queued.json().get("id").asText();
            assertThat(h.delete("/api/jobs/" + queuedId, Fixture.TOKEN).status()).isEqualTo(202);
            assertThat(h.get("/api/jobs/" + queuedId).json().get("state").asText()).isEqualTo("cancelled");
            assertThat(h.post("/api/jobs", body, Fixture.TOKEN).status()).isEqualTo(202);
            assertProblem(h.get("/api/jobs/" + queuedId + "/result"), 409, null);
            release.countDown();
        }
    }

    @Test
    void cors_whenConfigured_allowsOnlyThatOrigin() {
        try (LichainServer s = LichainServer.start(world,
                Fixture.config().withCorsOrigins(List.of("http://localhost:3000")), List.of())) {
            Http h = new Http(s);
            // HttpClient refuses to set Origin? It is not a restricted header in java.net.http.
            var client = java.net.http.HttpClient.newHttpClient();
            try {
                var resp = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + s.port() + "/health"))
                        .header("Origin", "http://localhost:3000").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(resp.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
                var other = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + s.port() + "/health"))
                        .header("Origin", "http://evil.example").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(h.get("/health").status()).isEqualTo(200);
        }
    }
}
