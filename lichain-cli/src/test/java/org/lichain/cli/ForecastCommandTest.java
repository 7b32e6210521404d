package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lichain forecast} and {@code lichain backtest --rolling}: contract, tables, bad options. */
class ForecastCommandTest {

    @Test
    void forecast_json_followsTheContract(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("f.json");
        Path csv = dir.resolve("f.csv");
        CliTestSupport.Result r = CliTestSupport.run("forecast", "--origin", "2024-06", "--months", "9", "--runs", "3",
                "--seed", "2", "--json", json.toString(), "--csv", csv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(json.toFile());
        assertThat(o.get("origin").asText()).isEqualTo("2024-06");
        assertThat(o.get("months")).hasSize(9);
        assertThat(o.get("months").get(0).asText()).isEqualTo("2024-07");
        for (String cur : new String[] {"cny_per_t_incl_vat", "usd_per_t_lce"}) {
            for (String q : new String[] {"p10", "p50", "p90"}) {
                assertThat(o.get("price").get(cur).get(q)).hasSize(9);
            }
        }
        // the history ends at the origin with the recorded monthly mean of 2024-06 (SMM, prices_monthly.csv: 88,015)
        JsonNode hist = o.get("history");
        assertThat(hist.get("months").get(hist.get("months").size() - 1).asText()).isEqualTo("2024-06");
        assertThat(hist.get("cny_per_t_incl_vat").get(hist.get("months").size() - 1).asLong())
                .isEqualTo(Math.round(org.lichain.market.MarketInputs.priceRecord(
                        org.lichain.dataset.DatasetLoader.loadEmbedded()).get(java.time.YearMonth.of(2024, 6))));
        for (String h : new String[] {"1", "3", "6", "12", "24"}) {
            JsonNode s = o.get("skill").get(h);
            assertThat(s.has("mae_log") && s.has("mase_no_change") && s.has("coverage_p10_p90")).isTrue();
            assertThat(s.get("forecasters").get("no_change").get("mase_no_change").asDouble()).isEqualTo(1.0);
        }
        assertThat(Files.readAllLines(csv)).hasSize(10).first().asString().startsWith("month,cny_per_t_incl_vat_p10");
        assertThat(r.out()).contains("2024-Q3").contains("MASE nc");
    }

    @Test
    void forecast_badOrigin_exits2_andWritesNothing(@TempDir Path dir) {
        Path json = dir.resolve("f.json");
        CliTestSupport.Result r = CliTestSupport.run("forecast", "--origin", "2026-03", "--json", json.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("2026-03").contains("price record");
        assertThat(json).doesNotExist();
        assertThat(CliTestSupport.run("forecast", "--origin", "2025/12").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("forecast", "--origin", "2018-06").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("forecast", "--runs", "0").status()).isEqualTo(2);
    }

    @Test
    void rolling_printsTheRecordPerHorizon() {
        CliTestSupport.Result r = CliTestSupport.run("backtest", "--rolling", "--origins", "2024-01..2024-06",
                "--horizons", "1,6", "--runs", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("origins 2024-01..2024-06 (6)").contains("1 mo").contains("6 mo")
                .contains("no_change").contains("futures");
    }

    /**
     * A {@code --data} folder whose record starts in 2020-01 and lacks 2022-02: the first origin moves to 2022-01 and
     * says so; the missing month is no origin.
     */
    @Test
    void dataFolder_withAShorterRecord_movesTheFirstOrigin(@TempDir Path dir) throws Exception {
        Path ds = dir.resolve("ds");
        assertThat(CliTestSupport.run("dataset", "export", ds.toString()).status()).isZero();
        Path prices = ds.resolve("prices_monthly.csv");
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(prices)) {
            String[] f = line.split(",", 3);
            if (f.length < 3 || !f[1].matches("\\d{4}-\\d{2}")
                    || f[1].compareTo("2020-01") >= 0 && !f[1].equals("2022-02")) {
                kept.add(line);
            }
        }
        Files.write(prices, kept);
        CliTestSupport.Result early = CliTestSupport.run("forecast", "--data", ds.toString(), "--origin", "2021-06");
        assertThat(early.status()).isEqualTo(2);
        assertThat(early.err()).contains("first origin is 2022-01");
        CliTestSupport.Result r = CliTestSupport.run("backtest", "--rolling", "--data", ds.toString(), "--origins",
                "2022-01..2022-03", "--horizons", "1", "--runs", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("origins 2022-01..2022-03 (2)");
    }

    @Test
    void rolling_badOptions_exit2() {
        assertThat(CliTestSupport.run("backtest", "--rolling", "--origins", "2024-01").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("backtest", "--rolling", "--origins", "2024-06..2024-01").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("backtest", "--rolling", "--origins", "2019-01..2026-06").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("backtest", "--rolling", "--horizons", "0").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("backtest", "--horizons", "1").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("backtest", "--runs", "5").status()).isEqualTo(2);
    }
}
