package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;

/**
 * Issue 16 over real loopback HTTP: request bodies are read strictly (400 naming the field, no Java internals),
 * method overrides are ignored, HEAD mirrors GET, every response (Jetty's own errors included) carries the security
 * headers, scenario ids are checked before a job is queued, and a bug is a 500 with an opaque id only.
 */
class HardeningTest {
    static LichainServer server;
    static Http http;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path db;

    @BeforeAll
    static void start() {
        World world = DatasetLoader.loadEmbedded();
        server = LichainServer.start(world, Fixture.config().withMonitoringDb(db.resolve("m.duckdb")),
                List.of(new org.lichain.server.jobs.SimulateJobRunner(), new org.lichain.server.jobs.McJobRunner(),
                        TestRunners.count()));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** No exception class, stack frame, file path or PID in what a client sees. */
    static void assertClean(String body) {
        assertCleanOf(body, db);
    }

    /** As {@link #assertClean}, for a server whose store is {@code store}. */
    static void assertCleanOf(String body, java.nio.file.Path store) {
        assertThat(body).doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b")
                .doesNotContain("com.fasterxml").doesNotContain("org.lichain").doesNotContain("java.")
                .doesNotContain("/tmp").doesNotContain(store.toString()).doesNotContainPattern("(?i)\\bpid\\b");
    }

    /** Issue 16: ids in request fields are checked where they are read, naming the field and the close ids. */
    @Test
    void unknownIds_inRequests_nameTheFieldAndTheCloseIds() {
        Http.Response plant = http.get("/api/schedule?plant=CN-JX-6&month=2025-07");
        ApiTest.assertProblem(plant, 400, "plant");
        assertThat(plant.json().get("detail").asText()).contains("unknown plant 'CN-JX-6'")
                .contains("did you mean 'CN-JX-06'");
        Http.Response site = http.get("/api/env/groundwater?site=GW-YONGXIN");
        ApiTest.assertProblem(site, 400, "site");
        assertThat(site.json().get("detail").asText()).contains("did you mean 'GW-YONGXING'");
        Http.Response region = http.get("/api/env/footprint?year=2024&region=CN-JXX");
        ApiTest.assertProblem(region, 400, "region");
        assertThat(region.json().get("detail").asText()).contains("did you mean 'CN-JX'");
        Http.Response company = http.get("/api/company/GOTOIN");
        assertThat(company.status()).isEqualTo(404);
        assertThat(company.json().get("detail").asText()).contains("unknown company id 'GOTOIN'")
                .contains("did you mean 'GOTION'");
        Http.Response asset = http.get("/api/assets/CN-JX-1");
        assertThat(asset.status()).isEqualTo(404);
        assertThat(asset.json().get("detail").asText()).contains("did you mean 'CN-JX-01'");
        Http.Response support = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"policies\":"
                + "{\"state_support\":[{\"region\":\"CN-JQ\",\"loss_tolerance\":0.2}]}}}", Fixture.TOKEN);
        ApiTest.assertProblem(support, 400, "scenario.policies.state_support.region");
        for (Http.Response r : List.of(plant, site, region, company, asset, support)) {
            assertClean(r.body());
        }
    }

    /** Issue 16: a horizon beyond the data (the demand drivers end in 2040) is a 400 before anything is queued. */
    @Test
    void horizonBeyondTheData_is400NamingScenarioTo() {
        Http.Response sim = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"from\":\"2030-01\","
                + "\"to\":\"2045-12\"}}", Fixture.TOKEN);
        ApiTest.assertProblem(sim, 400, "scenario.to");
        assertThat(sim.json().get("detail").asText()).contains("beyond the data").contains("2040-12");
        Http.Response mc = http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":2,\"scenario\":{\"to\":\"2050-12\","
                + "\"correlations\":[],\"parameters\":{\"cost_inflation\":{\"dist\":\"fixed\",\"value\":1}}}}",
                Fixture.TOKEN);
        ApiTest.assertProblem(mc, 400, "scenario.to");
        assertThat(mc.json().get("detail").asText()).contains("beyond the data");
    }

    static void invalidBody(String body, String reason) {
        Http.Response r = http.post("/api/jobs", body, Fixture.TOKEN);
        ApiTest.assertProblem(r, 400, "body");
        assertThat(r.json().get("detail").asText()).contains(reason);
        assertClean(r.body());
    }

    @Test
    void hostileJsonBodies_are400NamingTheBody() {
        invalidBody("[".repeat(5000), "nested deeper than 64");
        invalidBody("{\"kind\":\"count\",\"runs\":" + "9".repeat(5000) + "}", "number longer than 64");
        invalidBody("{\"kind\":\"count\"} {\"kind\":\"again\"}", "content after the JSON value");
        invalidBody("{\"kind\":\"count\"} trailing", "is not valid JSON");
        invalidBody("{\"kind\":\"count\",\"kind\":\"simulate\"}", "repeats a key");
        invalidBody("{\"kind\":\"co\u00ffnt\"", "is not valid JSON");
    }

    @Test
    void invalidUtf8Json_is400() {
        Http.Response r = http.send("POST", "/api/jobs", null, Fixture.TOKEN);
        ApiProblemAssert.status(r, 400);
        String body = "{\"kind\":\"c\u00ff\u00feu\"}"; // sent as ISO-8859-1: 0xFF 0xFE are not UTF-8
        String raw = Http.raw(server.port(), "POST /api/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + Fixture.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(raw).startsWith("HTTP/1.1 400");
        // refused for its encoding (an unknown kind would be a 400 too)
        assertThat(raw).contains("not valid UTF-8");
        assertClean(raw.substring(raw.indexOf("\r\n\r\n")));
    }

    @Test
    void simulateJob_withUnknownShockAssetOrPreset_is400BeforeQueueing() {
        Http.Response r = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"shocks\":[{\"type\":\"suspend\","
                + "\"asset\":\"NO-SUCH\",\"from\":\"2026-01\"}]}}", Fixture.TOKEN);
        ApiTest.assertProblem(r, 400, "scenario.shocks.asset");
        assertThat(r.json().get("detail").asText()).contains("not an asset");
        Http.Response p = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"demand\":{\"preset\":\"nope\"}}}",
                Fixture.TOKEN);
        ApiTest.assertProblem(p, 400, "scenario.demand.preset");
        Http.Response t = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"to\":\"9999-12\"}}",
                Fixture.TOKEN);
        ApiTest.assertProblem(t, 400, "scenario.to");
    }

    @Test
    void mcJob_withUnknownParameterOrShockAsset_is400_andAnUnknownModel501() {
        Http.Response typo = http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":2,\"scenario\":{\"correlations\":[],"
                + "\"parameters\":{\"cost_inflaton\":{\"dist\":\"fixed\",\"value\":1}}}}", Fixture.TOKEN);
        ApiTest.assertProblem(typo, 400, "scenario.parameters.cost_inflaton");
        assertThat(typo.json().get("detail").asText()).contains("not an input of the market model");
        Http.Response delay = http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":2,\"scenario\":{\"correlations\":[],"
                + "\"parameters\":{\"project_delay_months\":{\"dist\":\"fixed\",\"value\":1e12}}}}", Fixture.TOKEN);
        ApiTest.assertProblem(delay, 400, "scenario.parameters.project_delay_months");
        Http.Response shock = http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":2,\"scenario\":{\"base\":"
                + "{\"shocks\":[{\"type\":\"suspend\",\"asset\":\"NO-SUCH\",\"from\":\"2026-01\"}]}}}", Fixture.TOKEN);
        ApiTest.assertProblem(shock, 400, "scenario.shocks.asset");
        assertClean(shock.body());
        Http.Response model = http.post("/api/jobs", "{\"kind\":\"mc\",\"runs\":2,\"scenario\":{\"model\":\"nope\"}}",
                Fixture.TOKEN);
        assertThat(model.status()).as(model.body()).isEqualTo(501);
    }

    @Test
    void methodOverride_isIgnored() {
        Http.Response r = http.send("GET", "/api/jobs/does-not-exist", null, Fixture.TOKEN,
                "X-HTTP-Method-Override", "DELETE");
        ApiTest.assertProblem(r, 404, null);
        // a GET on a route that has only DELETE... and a POST overridden to GET still needs the token
        Http.Response unauth = http.send("POST", "/api/jobs", "{}", null, "X-HTTP-Method-Override", "GET");
        assertThat(unauth.status()).isEqualTo(401);
        Http.Response list = http.send("GET", "/api/jobs", null, null, "X-HTTP-Method", "POST");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().has("jobs")).isTrue();
    }

    @Test
    void head_mirrorsGet() {
        String missing = Http.raw(server.port(), "HEAD /no/such/thing HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(missing).startsWith("HTTP/1.1 404");
        String health = Http.raw(server.port(), "HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(health).startsWith("HTTP/1.1 200");
        assertThat(health.substring(health.indexOf("\r\n\r\n") + 4)).isEmpty(); // headers only
        assertThat(health).containsIgnoringCase("X-Frame-Options: DENY");
    }

    @Test
    void securityHeaders_areOnEveryResponse_jettyErrorsIncluded() {
        for (String req : new String[] {
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: other\r\nConnection: close\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"}) {
            String r = Http.raw(server.port(), req);
            String head = r.substring(0, Math.max(0, r.indexOf("\r\n\r\n")));
            assertThat(head).as(req).containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .containsIgnoringCase("X-Frame-Options: DENY").containsIgnoringCase("Referrer-Policy: no-referrer")
                    .containsIgnoringCase("Cache-Control: no-store");
            assertClean(r);
        }
        assertThat(Http.raw(server.port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 400");
    }

    @Test
    void measurementsBody_withInvalidUtf8_is400NamingTheLine_withoutTheServersTempPath() {
        String csv = "station,time,analyte,value,unit,detection_limit,qualifier,lab\nX,\u00ff\u00fe,thallium,1,u\n";
        String raw = Http.raw(server.port(), "POST /api/env/measurements HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + Fixture.TOKEN + "\r\nContent-Type: text/csv\r\nContent-Length: "
                + csv.length() + "\r\nConnection: close\r\n\r\n" + csv);
        assertThat(raw).startsWith("HTTP/1.1 400");
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        JsonNode p = JsonNodes.parse(body);
        assertThat(p.get("field").asText()).isEqualTo("body");
        assertThat(p.get("detail").asText()).contains("line 2").contains("not valid UTF-8");
        assertClean(body);
        assertThat(body).doesNotContain("lichain-upload");
    }

    /** Parses a JSON text (the raw-socket tests read bodies themselves). */
    static final class JsonNodes {
        static JsonNode parse(String s) {
            try {
                return Json.MAPPER.readTree(s);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + s, e);
            }
        }
    }

    /** A status check for responses whose body may not be a problem (e.g. an empty body). */
    static final class ApiProblemAssert {
        static void status(Http.Response r, int status) {
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertClean(r.body());
        }
    }
}
