package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lichain.company.Companies;
import org.lichain.company.CompanyModel;
import org.lichain.company.GivenPricePath;
import org.lichain.company.TransferPricing;
import org.lichain.dataset.DatasetLoader;
import org.lichain.report.company.CompanyJson;
import org.lichain.world.World;

/** Endpoints over HTTP on the embedded dataset, against the same builders the CLI uses. */
class EmbeddedApiTest {
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
    void companyPnl_isTheBodyOfLichainCompanyJson() throws Exception {
        Companies c = CompanyModel.companies(world);
        JsonNode expected = CompanyJson.of(CompanyModel.pnl(world, c, "CATL", 2025,
                GivenPricePath.reference(world, c, 2025), TransferPricing.MARKET), c.offtakesOf("CATL"));
        Http.Response r = http.get("/api/company/CATL?year=2025");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Json.MAPPER.writeValueAsString(expected)); // byte for byte
        assertThat(r.json().get("segments").size()).isEqualTo(4); // mining, conversion, cathode, cells
        assertThat(http.get("/api/companies").json().get("companies").toString()).contains("\"CATL\"");
        assertThat(http.get("/api/capabilities").json().get("company").asBoolean()).isTrue();
        ApiTest.assertProblem(http.get("/api/company/NOBODY"), 404, null);
        ApiTest.assertProblem(http.get("/api/company/CATL?transfer=barter"), 400, "transfer");
        ApiTest.assertProblem(http.get("/api/company/CATL?year=1999"), 400, "year");
    }

    /** {@code /api/forecast} is the body of {@code lichain forecast --json} (same builder), and refuses bad origins. */
    @Test
    void forecast_isTheBodyOfLichainForecastJson_andRefusesBadOrigins() {
        java.time.YearMonth origin = java.time.YearMonth.of(2024, 3);
        String expected = org.lichain.market.ForecastJson.toJson(org.lichain.market.ForecastJson.tree(
                org.lichain.market.RollingForecast.forecast(world, origin, ForecastApi.MONTHS, ForecastApi.RUNS,
                        ForecastApi.SEED, 1))) + "\n";
        Http.Response r = http.get("/api/forecast?origin=2024-03");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expected); // byte for byte, on any thread count
        assertThat(r.json().get("months").get(0).asText()).isEqualTo("2024-04");
        ApiTest.assertProblem(http.get("/api/forecast?origin=2024-13"), 400, "origin");
        ApiTest.assertProblem(http.get("/api/forecast?origin=2026-01"), 400, "origin");
        ApiTest.assertProblem(http.get("/api/forecast?origin=2018-01"), 400, "origin");
    }

    @Test
    void river_hasReachesStationsWithLimitsAndAProfile() {
        JsonNode r = http.get("/api/env/river?year=2023&month=7").json();
        assertThat(r.get("reaches").size()).isPositive();
        assertThat(r.get("stations").size()).isPositive();
        assertThat(r.get("outfalls").size()).isPositive();
        // GB 3838-2002: thallium 0.1 µg/L for drinking-water sources
        assertThat(r.get("profile").get("limit_ug_per_l").asDouble()).isEqualTo(0.1);
        JsonNode pts = r.get("profile").get("points");
        assertThat(pts.size()).isGreaterThan(2);
        for (int i = 1; i < pts.size(); i++) {
            assertThat(pts.get(i).get("distance_km").asDouble())
                    .isGreaterThanOrEqualTo(pts.get(i - 1).get("distance_km").asDouble());
        }
        ApiTest.assertProblem(http.get("/api/env/river?month=13"), 400, "month");
    }

    @Test
    void footprintAndPlan_answerWithTheirFields() {
        JsonNode f = http.get("/api/env/footprint?year=2024&region=CN-JX").json();
        assertThat(f.get("region").asText()).isEqualToIgnoringCase("CN-JX");
        assertThat(f.get("residue_t").asDouble()).isPositive();
        assertThat(f.get("intensity_by_resource_type").has("lepidolite")).isTrue();
        ApiTest.assertProblem(http.get("/api/env/footprint"), 400, "year");
        ApiTest.assertProblem(http.get("/api/env/footprint?year=2024&region=ATLANTIS"), 400, "region");
        JsonNode p = http.get("/api/env/plan?month=2025-07").json();
        assertThat(p.get("used_days").asDouble()).isLessThanOrEqualTo(p.get("capacity_days").asDouble());
        assertThat(p.get("visits").size()).isPositive();
        assertThat(p.get("visits").get(0).get("reason").asText()).isNotEmpty();
        ApiTest.assertProblem(http.get("/api/env/plan?month=July"), 400, "month");
    }

    @Test
    void measurements_ingestQuarantinesBadRows_thenAlertsNameTheUpstreamOutfalls() {
        String csv = String.join("\n",
                "station,time,analyte,value,unit,detection_limit,qualifier,lab",
                "ST-INTAKE-GAOAN,2022-11-24T08:00,thallium,0.0002,mg/L,0.00002,,LAB-A", // 0.2 µg/L > 0.1
                "ST-INTAKE-GAOAN,2022-11-24T10:00,Tl,150,ng/L,20,,LAB-A",               // 0.15 µg/L
                "ST-NOWHERE,2022-11-24T14:00,thallium,0.1,ug/L,,,LAB-A",                 // unknown station
                "ST-INTAKE-GAOAN,2022-11-24T12:00,thallium,0.1,furlongs,,,LAB-A") + "\n"; // bad unit
        ApiTest.assertProblem(http.post("/api/env/measurements", csv, null), 401, null);
        JsonNode r = http.post("/api/env/measurements", csv, Fixture.TOKEN).json();
        assertThat(r.get("accepted").asInt()).isEqualTo(2);
        assertThat(r.get("quarantined").asInt()).isEqualTo(2);
        assertThat(r.get("problems").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(r.get("problems").get(0).get("field").asText()).isEqualTo("station");
        JsonNode again = http.post("/api/env/measurements", csv, Fixture.TOKEN).json();
        assertThat(again.get("accepted").asInt()).isZero(); // idempotent
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        JsonNode alerts = http.get("/api/env/alerts").json();
        assertThat(alerts.get("measurements").asInt()).isEqualTo(2);
        assertThat(alerts.get("alerts").size()).isPositive();
        JsonNode first = alerts.get("alerts").get(0);
        assertThat(first.get("station").asText()).isEqualTo("ST-INTAKE-GAOAN");
        assertThat(first.get("limit_ug_per_l").asDouble()).isEqualTo(0.1);
        assertThat(first.get("upstream").size()).isPositive();
        assertThat(http.get("/api/env/attribution").status()).isEqualTo(200);
    }

    @Test
    void schedule_aYichunPlantInJuly_costsNoMoreThanFlat() {
        JsonNode plants = http.get("/api/schedule/plants").json().get("plants");
        assertThat(plants.toString()).contains("\"CN-JX-01\"");
        Http.Response r = http.get("/api/schedule?plant=CN-JX-01&month=2025-07");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("hours").asInt()).isEqualTo(744); // 31 days x 24 h
        assertThat(s.get("target_met").asBoolean()).isTrue();
        assertThat(s.get("cost_cny").asDouble()).isLessThanOrEqualTo(s.get("flat_cost_cny").asDouble() * (1 + 1e-6));
        assertThat(s.get("stages").size()).isPositive();
        ApiTest.assertProblem(http.get("/api/schedule?month=2025-07"), 400, "plant");
        ApiTest.assertProblem(http.get("/api/schedule?plant=CN-JX-01&month=2025-7"), 400, "month");
        ApiTest.assertProblem(http.get("/api/schedule?plant=NOPE&month=2025-07"), 400, "plant");
    }

    @Test
    void curve_2025_hasLepidoliteAtTheTopAndBrineAtTheBottom() {
        JsonNode c = http.get("/api/curve?year=2025&price_cny_incl_vat=75000").json();
        JsonNode groups = c.get("by_resource_type");
        assertThat(groups.get("brine").get("median_c1_usd_per_t_lce").asDouble())
                .isLessThan(groups.get("lepidolite").get("median_c1_usd_per_t_lce").asDouble());
        assertThat(c.get("assets").size()).isGreaterThan(10);
    }
}
