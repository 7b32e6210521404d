package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lichain company}: the issue 6 JSON contract, the human table, the chart and bad input. */
class CompanyCommandTest {

    @Test
    void json_followsTheIssueContract() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("company", "CATL", "--year", "2025", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = Json.MAPPER.readTree(r.out());
        assertThat(root.get("company").asText()).isEqualTo("CATL");
        assertThat(root.get("year").asInt()).isEqualTo(2025);
        assertThat(root.get("segments")).hasSize(4);
        double sum = 0;
        for (JsonNode s : root.get("segments")) {
            assertThat(s.get("segment").asText()).isIn("mining", "conversion", "cathode", "cells");
            assertThat(s.get("margin_usd").asDouble()).isCloseTo(
                    s.get("revenue_usd").asDouble() - s.get("cost_usd").asDouble(), org.assertj.core.api.Assertions.within(0.02));
            sum += s.get("margin_usd").asDouble();
        }
        assertThat(root.get("integrated_margin_usd").asDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(0.05));
        JsonNode jx = null;
        for (JsonNode a : root.get("assets")) {
            assertThat(a.has("id") && a.has("stake") && a.has("standalone_margin_usd") && a.has("kept_by_group")).isTrue();
            if (a.get("id").asText().equals("CN-JX-01")) {
                jx = a;
            }
        }
        assertThat(jx).isNotNull();
        assertThat(jx.get("stake").asDouble()).isEqualTo(1.0);
        assertThat(jx.get("standalone_margin_usd").asDouble()).isNegative();
        assertThat(jx.get("kept_by_group").asBoolean()).isTrue();
        // deterministic: the same command prints the same bytes
        assertThat(CliTestSupport.run("company", "CATL", "--year", "2025", "--json").out()).isEqualTo(r.out());
    }

    @Test
    void flatPrice_andCostTransfer_keepTheIntegratedMargin() throws Exception {
        JsonNode market = Json.MAPPER.readTree(CliTestSupport.run("company", "CATL", "--year", "2025",
                "--price-usd", "9000", "--json").out());
        JsonNode cost = Json.MAPPER.readTree(CliTestSupport.run("company", "CATL", "--year", "2025",
                "--price-usd", "9000", "--transfer", "cost", "--json").out());
        assertThat(market.get("carbonate_usd_per_t_lce_avg").asDouble()).isEqualTo(9000.0);
        assertThat(cost.get("transfer_pricing").asText()).isEqualTo("cost");
        assertThat(cost.get("integrated_margin_usd").asDouble())
                .isCloseTo(market.get("integrated_margin_usd").asDouble(), org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void humanTable_andCompareChart(@TempDir Path dir) throws Exception {
        CliTestSupport.Result one = CliTestSupport.run("company", "CATL", "--year", "2025");
        assertThat(one.status()).isZero();
        assertThat(one.out()).contains("integrated", "CN-JX-01", "cells");
        Path png = dir.resolve("cmp.png");
        CliTestSupport.Result r = CliTestSupport.run("company", "compare", "CATL", "BYD", "YC-CONVERTER", "--year",
                "2025", "--png", png.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("CATL", "BYD", "YC-CONVERTER", "integrated");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void badInput_exitsWith2AndSaysWhy() {
        CliTestSupport.Result unknown = CliTestSupport.run("company", "NOPE", "--year", "2025");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown company id 'NOPE'", "CATL");
        CliTestSupport.Result transfer = CliTestSupport.run("company", "CATL", "--transfer", "cheap");
        assertThat(transfer.status()).isEqualTo(2);
        assertThat(transfer.err()).contains("--transfer", "market, cost");
        // 2016 is before the monthly record and has no other carbonate price: say so, never borrow another year's
        CliTestSupport.Result noPrice = CliTestSupport.run("company", "CATL", "--year", "2016");
        assertThat(noPrice.status()).isEqualTo(2);
        assertThat(noPrice.err()).contains("no carbonate reference price for 2016", "--price-usd");
        // 2024 is in the record: its SMM monthly averages
        CliTestSupport.Result y2024 = CliTestSupport.run("company", "CATL", "--year", "2024");
        assertThat(y2024.status()).as(y2024.err()).isZero();
        assertThat(y2024.out()).contains("carbonate SMM monthly averages");
        assertThat(CliTestSupport.run("company", "CATL", "--price-usd", "-5").status()).isEqualTo(2);
    }
}
