package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lichain env} commands on the embedded dataset: JSON contracts of issue 4 and invalid input. */
class EnvCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void footprintJson_hasTheContractFields() throws Exception {
        Run r = run("env", "footprint", "--year", "2023", "--region", "yichun", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("year").asInt()).isEqualTo(2023);
        assertThat(j.get("region").asText()).isEqualTo("yichun");
        for (String f : new String[] {"residue_t", "tailings_t", "co2e_t", "water_m3", "thallium_to_water_kg"}) {
            assertThat(j.get(f).isNumber()).as(f).isTrue();
        }
        JsonNode lep = j.get("intensity_by_resource_type").get("lepidolite");
        // reference/process.md: lepidolite leach residue ≈ 31–37.5 t per t LCE [D] ("tens of tonnes")
        assertThat(lep.get("residue_t_per_t_lce").asDouble()).isBetween(10.0, 99.0);
        assertThat(lep.get("co2e_t_per_t_lce").asDouble()).isPositive();
    }

    @Test
    void riverJson_listsReachesOutfallsAndStations() throws Exception {
        JsonNode j = run("env", "river", "--json").json();
        assertThat(j.get("reaches").get(0).has("downstream")).isTrue();
        assertThat(j.get("reaches").get(0).get("length_km").asDouble()).isPositive();
        assertThat(j.get("outfalls").findValuesAsText("id")).contains("OF-YICHUN-CITY");
        assertThat(j.get("outfalls").get(0).has("plant")).isTrue();
        assertThat(j.get("stations").findValuesAsText("kind")).contains("intake", "boundary", "well");
    }

    @Test
    void spillThenIngestThenAttribute_ranksTheSpillingOutfallFirst() throws Exception {
        Path csv = dir.resolve("spill.csv");
        Path db = dir.resolve("m.duckdb");
        Run spill = run("env", "spill", "--outfall", "OF-YICHUN-CITY", "--tl-kg", "5", "--at", "2022-12-01T08:00",
                "--json", "--emit-measurements", csv.toString());
        assertThat(spill.status()).as(spill.err()).isZero();
        JsonNode gaoan = null;
        for (JsonNode s : spill.json().get("stations")) {
            if (s.get("id").asText().equals("ST-INTAKE-GAOAN")) {
                gaoan = s;
            }
        }
        assertThat(gaoan).isNotNull();
        assertThat(gaoan.get("kind").asText()).isEqualTo("intake");
        assertThat(gaoan.get("exceeds").asBoolean()).isTrue();
        // 140 km at 0.366 m/s in December (see SpillTest): 106.25 h
        assertThat(gaoan.get("arrival_hours").asDouble()).isEqualTo(106.25);
        assertThat(gaoan.get("limit_ug_per_l").asDouble()).isEqualTo(0.1);
        assertThat(Files.exists(csv)).isTrue();

        JsonNode ingest = run("env", "ingest", csv.toString(), "--db", db.toString(), "--json").json();
        assertThat(ingest.get("accepted").asLong()).isPositive();
        assertThat(ingest.get("quarantined").asLong()).isZero();
        assertThat(ingest.get("problems").isArray()).isTrue();
        JsonNode again = run("env", "ingest", csv.toString(), "--db", db.toString(), "--json").json();
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(ingest.get("accepted").asLong());

        JsonNode attr = run("env", "attribute", "--db", db.toString(), "--json").json();
        assertThat(attr.get("candidates").get(0).get("outfall").asText()).isEqualTo("OF-YICHUN-CITY");
        assertThat(attr.get("candidates").get(0).get("score").asDouble()).isGreaterThan(0.9);

        Run alerts = run("env", "alerts", "--db", db.toString(), "--json");
        assertThat(alerts.json().get("alerts").size()).isPositive();
        Run plan = run("env", "plan", "--month", "2023-01", "--db", db.toString(), "--json");
        assertThat(plan.status()).as(plan.err()).isZero();
        assertThat(plan.json().get("visits").get(0).get("reason").asText()).contains("risk ");
        assertThat(plan.json().get("attribution").get("groups").get(0).get("outfalls").get(0).asText())
                .isEqualTo("OF-YICHUN-CITY");
    }

    /**
     * Issue 14: the Jianxiawo spill of the issue (5 kg, 2025-01-15 08:00), emitted, ingested, attributed: the true
     * outfall is in the best group with its tributary neighbours, `groups` lists it best first, and the plan of the
     * month visits every member of that group even with a capacity that fits only one of them, and proposes the
     * sample that would separate them.
     */
    @Test
    void jianxiawoSpill_attributionGroupsItsNeighbours_andThePlanVisitsEveryMember() throws Exception {
        Path csv = dir.resolve("jx.csv");
        Path db = dir.resolve("jx.duckdb");
        Run spill = run("env", "spill", "--outfall", "OF-JIANXIAWO", "--tl-kg", "5", "--at", "2025-01-15T08:00",
                "--emit-measurements", csv.toString(), "--json");
        assertThat(spill.status()).as(spill.err()).isZero();
        for (JsonNode st : spill.json().get("stations")) {
            // how long each station stays above its limit (issue 14): positive exactly when the peak exceeds it
            assertThat(st.get("hours_above_limit").asDouble() > 0).as(st.toString())
                    .isEqualTo(st.get("exceeds").asBoolean());
        }
        assertThat(run("env", "ingest", csv.toString(), "--db", db.toString(), "--json").status()).isZero();
        JsonNode alerts = run("env", "alerts", "--db", db.toString(), "--json").json();
        assertThat(alerts.get("incidents")).hasSize(1); // one spill, one incident
        assertThat(alerts.get("incidents").get(0).get("alerts").asInt()).isEqualTo(alerts.get("alerts").size());
        assertThat(alerts.get("incidents").get(0).get("common_upstream_outfalls").toString()).contains("OF-JIANXIAWO");
        JsonNode attr = run("env", "attribute", "--db", db.toString(), "--json").json();
        JsonNode best = attr.get("groups").get(0);
        java.util.List<String> members = new java.util.ArrayList<>();
        best.get("outfalls").forEach(o -> members.add(o.asText()));
        assertThat(members).contains("OF-JIANXIAWO").hasSizeGreaterThan(1);
        assertThat(attr.get("confidence").asDouble()).isEqualTo(best.get("confidence").asDouble());
        assertThat(attr.get("candidates").size()).isEqualTo(6);
        assertThat(attr.get("separating_samples").get(0).get("separation_sigma").asDouble()).isGreaterThan(2.0);

        JsonNode plan = run("env", "plan", "--month", "2025-01", "--inspector-days", "1", "--db", db.toString(),
                "--json").json();
        java.util.List<String> visited = new java.util.ArrayList<>();
        plan.get("visits").forEach(v -> visited.add(v.get("site").asText()));
        assertThat(visited).containsAll(members);
        assertThat(plan.get("used_days").asDouble()).isGreaterThan(1.0); // the group needs more than 1 day
        assertThat(plan.get("visits").get(0).get("reason").asText()).contains("must visit");
        assertThat(plan.get("monitoring_store").asText()).isEqualTo(db.toString());
        assertThat(plan.get("past_alerts").asInt()).isPositive();
    }

    @Test
    void ingestQuarantinesBadRowsWithLineFieldAndReason() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "station,time,analyte,value,unit,detection_limit,qualifier,lab\n"
                + "ST-INTAKE-GAOAN,2022-11-24T08:00,thallium,0.2,ug/L,,,L\n"
                + "ST-INTAKE-GAOAN,2022-11-24T09:00,thallium,0.2,gallons,,,L\n");
        JsonNode j = run("env", "ingest", csv.toString(), "--db", dir.resolve("b.duckdb").toString(), "--json").json();
        assertThat(j.get("accepted").asLong()).isEqualTo(1);
        assertThat(j.get("quarantined").asLong()).isEqualTo(1);
        assertThat(j.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(j.get("problems").get(0).get("field").asText()).isEqualTo("unit");
        assertThat(j.get("problems").get(0).get("reason").asText()).contains("unknown unit 'gallons'");
    }

    @Test
    void invalidInputExitsWith2AndSaysWhy() {
        Run r = run("env", "spill", "--outfall", "OF-NOPE", "--tl-kg", "5", "--at", "2022-12-01T08:00");
        assertThat(r.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("unknown outfall 'OF-NOPE'");
        assertThat(run("env", "plan", "--month", "2023-13").status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(run("env", "footprint", "--year", "2023", "--region", "ZZ").err()).contains("--region ZZ");
        assertThat(run("env", "alerts", "--db", dir.resolve("none.duckdb").toString()).err())
                .contains("no monitoring store there yet");
    }
}
