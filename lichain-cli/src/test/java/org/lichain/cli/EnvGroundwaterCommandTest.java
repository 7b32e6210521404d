package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lichain env groundwater | wells-design | replay} on the embedded dataset, and located errors on bad input. */
class EnvGroundwaterCommandTest {
    @TempDir
    Path dir;

    static JsonNode json(CliTestSupport.Result r) throws Exception {
        assertThat(r.status()).as(r.err()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    static JsonNode point(JsonNode j, String id) {
        for (JsonNode p : j.get("points")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no point " + id);
    }

    @Test
    void groundwater_reportsArrivalAndPeakAtTheYichunWells() throws Exception {
        Path png = dir.resolve("gw.png");
        JsonNode j = json(CliTestSupport.run("env", "groundwater", "--site", "GW-JIANXIAWO", "--year", "2023",
                "--json", "--png", png.toString()));
        assertThat(Files.size(png)).isPositive();
        assertThat(j.get("scenario").asText()).isEqualTo("liner-failure");
        assertThat(j.get("residue_stock_t").asDouble()).isPositive();
        assertThat(j.get("stock_basis").asText()).startsWith("reported");
        JsonNode well = point(j, "ST-WELL-JIANXIAWO");
        assertThat(well.get("station").asText()).isEqualTo("ST-WELL-JIANXIAWO");
        assertThat(well.get("arrival_years").asDouble()).isPositive();
        assertThat(well.get("peak_ug_per_l").asDouble()).isGreaterThan(0.1);
        assertThat(well.get("ug_per_l_end_of_year")).hasSize(30);
        // nearer points see it first
        assertThat(point(j, "C-15-0").get("arrival_years").asDouble()).isLessThanOrEqualTo(
                well.get("arrival_years").asDouble());
        assertThat(j.get("assumptions").size()).isPositive();

        JsonNode city = json(CliTestSupport.run("env", "groundwater", "--site", "GW-YICHUN-CITY", "--json"));
        assertThat(point(city, "ST-WELL-YICHUN-CITY").get("arrival_years").isNumber()).isTrue();
        // an intact liner passes 1 % of the infiltration (groundwater_sites.csv): 1 % of the leached thallium
        JsonNode intact = json(CliTestSupport.run("env", "groundwater", "--site", "GW-YICHUN-CITY", "--json",
                "--scenario", "intact"));
        assertThat(intact.get("tl_leached_kg_first_year").asDouble()).isCloseTo(
                0.01 * city.get("tl_leached_kg_first_year").asDouble(), within(1e-4));
    }

    @Test
    void yongxing_needsAStockBecauseTheDatasetBooksNone() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("env", "groundwater", "--site", "GW-YONGXING");
        assertThat(r.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("CN-JX-03").contains("--stock-t");
        JsonNode j = json(CliTestSupport.run("env", "groundwater", "--site", "GW-YONGXING", "--stock-t", "1000000",
                "--json"));
        // 1 Mt at 24.7 mg/kg = 24,700 kg Tl, 10 % leachable
        assertThat(j.get("tl_in_residue_kg").asDouble()).isCloseTo(24_700, within(0.1));
        assertThat(j.get("tl_leachable_kg").asDouble()).isCloseTo(2_470, within(0.1));
        assertThat(point(j, "ST-WELL-YONGXING").get("arrival_years").isNumber()).isTrue();
    }

    @Test
    void wellsDesign_proposesWellsWithTheirDetectionProbability() throws Exception {
        JsonNode j = json(CliTestSupport.run("env", "wells-design", "--site", "GW-JIANXIAWO", "--wells", "2",
                "--trials", "400", "--json"));
        JsonNode best = j.get("best_monthly");
        assertThat(best.get("recommended_wells")).hasSize(2);
        double p = best.get("recommended_probability").asDouble();
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(p).isGreaterThanOrEqualTo(j.get("existing_monthly_probability").asDouble());
        assertThat(j.get("best_half_monthly_probability").asDouble()).isGreaterThanOrEqualTo(p);
        assertThat(j.get("one_more_well_monthly").get("recommended_probability").asDouble()).isGreaterThanOrEqualTo(p);
        assertThat(best.get("upper_bound").asDouble()).isGreaterThanOrEqualTo(best.get("greedy_probability").asDouble());
        // same seed, same answer
        JsonNode again = json(CliTestSupport.run("env", "wells-design", "--site", "GW-JIANXIAWO", "--wells", "2",
                "--trials", "400", "--json"));
        assertThat(again).isEqualTo(j);
    }

    @Test
    void replay_reportsTheReleaseRangeAndTravelTime() throws Exception {
        Path png = dir.resolve("replay.png");
        JsonNode j = json(CliTestSupport.run("env", "replay", "jinjiang-2022", "--json", "--png", png.toString()));
        assertThat(Files.size(png)).isPositive();
        assertThat(j.get("observed_at").asText()).startsWith("2022-11-24");
        assertThat(j.get("observed_ug_per_l").asDouble()).isEqualTo(0.22);
        assertThat(j.get("limit_ug_per_l").asDouble()).isEqualTo(0.1);
        JsonNode q = j.get("candidates").get(0);
        assertThat(q.get("outfall").asText()).isEqualTo("OF-QIJIN");
        assertThat(q.get("named_by_authorities").asBoolean()).isTrue();
        assertThat(q.get("travel_hours").asDouble()).isCloseTo(32.81, within(0.01)); // 45 km at 0.381 m/s
        assertThat(q.get("pulse_mass_min_kg").asDouble()).isLessThan(q.get("pulse_mass_at_range_edge_kg").asDouble());
        assertThat(j.get("caveats").size()).isGreaterThanOrEqualTo(3);
        assertThat(j.get("observation_source").asText()).contains("not published");
    }

    /** Well samples ingest like river samples; the wells command classes them and names the source stack. */
    @Test
    void wells_classTrendAndSourceStack() throws Exception {
        Path csv = dir.resolve("wells.csv");
        Path db = dir.resolve("w.duckdb");
        Files.writeString(csv, "station,time,analyte,value,unit,detection_limit,qualifier,lab\n"
                + "ST-WELL-JIANXIAWO,2024-01-15,thallium,0.01,ug/L,0.01,<,LAB\n"
                + "ST-WELL-JIANXIAWO,2024-02-15,thallium,0.04,ug/L,0.01,,LAB\n"
                + "ST-WELL-JIANXIAWO,2024-03-15,thallium,0.07,ug/L,0.01,,LAB\n"
                + "ST-WELL-JIANXIAWO,2024-04-15,thallium,0.09,ug/L,0.01,,LAB\n"
                + "ST-WELL-JIANXIAWO,2024-05-15,thallium,0.15,ug/L,0.01,,LAB\n"
                + "ST-WELL-JIANXIAWO,2024-06-15,thallium,0.0013,mg/L,0.00001,,LAB\n");
        assertThat(json(CliTestSupport.run("env", "ingest", csv.toString(), "--db", db.toString(), "--json"))
                .get("accepted").asInt()).isEqualTo(6);
        JsonNode w = json(CliTestSupport.run("env", "wells", "--db", db.toString(), "--json")).get("wells").get(0);
        assertThat(w.get("station").asText()).isEqualTo("ST-WELL-JIANXIAWO");
        assertThat(w.get("site").asText()).isEqualTo("GW-JIANXIAWO");
        assertThat(w.get("stack_asset").asText()).isEqualTo("CN-JX-01");
        assertThat(w.get("latest_ug_per_l").asDouble()).isCloseTo(1.3, within(1e-9)); // 0.0013 mg/L
        assertThat(w.get("latest_class").asText()).isEqualTo("V");
        assertThat(w.get("samples_over_class_iii").asInt()).isEqualTo(2);
        // strictly rising six samples: z = 14/sqrt(28.333) = 2.630
        assertThat(w.get("mann_kendall_z").asDouble()).isCloseTo(2.630, within(1e-3));
        assertThat(w.get("trend").asText()).isEqualTo("rising");
        JsonNode alerts = json(CliTestSupport.run("env", "alerts", "--db", db.toString(), "--json")).get("alerts");
        assertThat(alerts.get(0).get("source_stack").get("site").asText()).isEqualTo("GW-JIANXIAWO");
    }

    @Test
    void badInput_exits2_namesTheProblem_writesNothing() throws Exception {
        Path png = dir.resolve("never.png");
        CliTestSupport.Result r = CliTestSupport.run("env", "groundwater", "--site", "GW-NOPE", "--png", png.toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("unknown groundwater site 'GW-NOPE'");
        assertThat(png).doesNotExist();
        assertThat(CliTestSupport.run("env", "wells-design", "--site", "GW-JIANXIAWO", "--wells", "99").err())
                .contains("--wells 99");
        assertThat(CliTestSupport.run("env", "replay", "somewhere-1999").status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(CliTestSupport.run("env", "groundwater", "--site", "GW-JIANXIAWO", "--scenario", "meteor").err())
                .contains("unknown leak scenario");

        // a dataset folder with a negative conductivity and a well outside its domain
        Path data = dir.resolve("data");
        assertThat(CliTestSupport.run("dataset", "export", data.toString()).status()).isZero();
        Path sites = data.resolve("groundwater_sites.csv");
        Files.writeString(sites, Files.readString(sites).replace("GW-JIANXIAWO,CN-JX-01,Jianxiawo (Yifeng) residue yard,"
                + "TR-YF,5,", "GW-JIANXIAWO,CN-JX-01,Jianxiawo (Yifeng) residue yard,TR-YF,-5,"));
        Path points = data.resolve("groundwater_points.csv");
        Files.writeString(points, Files.readString(points) + "GW-YONGXING,W-FAR,well,5000,0,ST-WELL-YONGXING,"
                + "estimate: test\n");
        int lastLine = (int) Files.readString(points).lines().count();
        r = CliTestSupport.run("env", "groundwater", "--data", data.toString(), "--site", "GW-YICHUN-CITY", "--png",
                png.toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("groundwater_sites.csv:3:").contains("hydraulic_conductivity_m_per_day")
                .contains("must not be negative");
        assertThat(r.err()).contains("groundwater_points.csv:" + lastLine + ":").contains("field 'x_m'")
                .contains("outside the domain");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(png).doesNotExist();
    }
}
