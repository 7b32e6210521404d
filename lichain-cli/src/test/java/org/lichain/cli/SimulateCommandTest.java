package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @Test
    void json_followsTheContract_withOneValuePerMonth() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--from", "2020-01", "--to", "2021-12", "--json", "-");
        assertThat(r.status()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("scenario").asText()).isEqualTo("base");
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        int n = j.get("months").size();
        assertThat(n).isEqualTo(24);
        assertThat(j.get("months").get(0).asText()).isEqualTo("2020-01");
        for (String k : new String[] {"cny_per_t_incl_vat", "usd_per_t_lce", "sc6_usd_per_t"}) {
            assertThat(j.get("price").get(k).size()).isEqualTo(n);
        }
        assertThat(j.get("demand_t_lce").size()).isEqualTo(n);
        assertThat(j.get("production_t_lce").get("total").size()).isEqualTo(n);
        assertThat(j.get("production_t_lce").get("by_resource_type").get("lepidolite").size()).isEqualTo(n);
        assertThat(j.get("production_t_lce").get("by_country").get("CN").size()).isEqualTo(n);
        assertThat(j.get("share_of_output_at_loss").get("total").size()).isEqualTo(n);
        assertThat(j.get("share_of_output_at_loss").get("by_resource_type").get("lepidolite").size()).isEqualTo(n);
        assertThat(j.get("self_sufficiency").get("CN").size()).isEqualTo(n);
        assertThat(j.get("imports_t_lce").get("CN").size()).isEqualTo(n);
        JsonNode y = j.get("annual").get("2020");
        for (String k : new String[] {"price_cny_per_t_incl_vat_avg", "production_t_lce", "demand_t_lce",
                "imports_t_lce_CN"}) {
            assertThat(y.get(k).isNumber()).as(k).isTrue();
        }
    }

    @Test
    void sameSeed_sameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertThat(CliTestSupport.run("simulate", "--to", "2022-12", "--json", a.toString()).status()).isZero();
        assertThat(CliTestSupport.run("simulate", "--to", "2022-12", "--json", b.toString()).status()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void invalidScenario_exits2_namingFileLineAndField_andWritesNothing(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("bad.yaml");
        Files.writeString(s, "name: bad\nshocks:\n  - {type: suspend, asset: CN-JX-01, from: 2025-99}\n");
        Path out = dir.resolve("out.json");
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--scenario", s.toString(), "--json", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:3").contains("shocks.from").contains("2025-99");
        assertThat(out).doesNotExist();
    }

    @Test
    void aLaterStart_isSpunUpOnTheRecord_andSaysSo() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--from", "2024-01", "--to", "2025-12", "--json", "-");
        assertThat(r.status()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("months").size()).isEqualTo(24);
        assertThat(j.get("months").get(0).asText()).isEqualTo("2024-01");
        CliTestSupport.Result table = CliTestSupport.run("simulate", "--from", "2024-01", "--to", "2025-12");
        assertThat(table.status()).isZero();
        assertThat(table.out()).contains("spun up from 2020-01")
                .contains("recorded China carbonate monthly means imposed through 2023-12");
    }

    @Test
    void badMonthOption_exits2() {
        assertThat(CliTestSupport.run("simulate", "--from", "2020/01").status()).isEqualTo(2);
    }

    @Test
    void csvTables_areWritten(@TempDir Path dir) {
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--to", "2020-12", "--csv", dir.toString());
        assertThat(r.status()).isZero();
        assertThat(dir.resolve("monthly.csv")).exists();
        assertThat(dir.resolve("trade_flows.csv")).exists();
        assertThat(r.out()).contains("2020");
    }
}
