package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveCommandTest {

    static JsonNode json(String... args) throws Exception {
        CliTestSupport.Result r = CliTestSupport.run(args);
        assertThat(r.status()).as(r.err()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void curveJson_followsContract_sortedWithCumulativeSums() throws Exception {
        JsonNode c = json("curve", "--year", "2025", "--price-usd", "9000", "--json");
        assertThat(c.get("year").asInt()).isEqualTo(2025);
        assertThat(c.get("basis").asText()).isEqualTo("c1");
        assertThat(c.get("price_usd_per_t_lce").asDouble()).isEqualTo(9000.0);
        assertThat(c.get("price_cny_per_t_incl_vat").asDouble()).isPositive();
        JsonNode assets = c.get("assets");
        assertThat(assets.size()).isGreaterThan(10);
        double prevCost = -1e9;
        double cum = 0;
        for (JsonNode a : assets) {
            for (String f : new String[] {"id", "name", "country", "resource_type", "capacity_t_lce", "production_t_lce",
                    "c1_usd_per_t_lce", "aisc_usd_per_t_lce", "cumulative_t_lce"}) {
                assertThat(a.has(f)).as(f).isTrue();
            }
            assertThat(a.get("c1_usd_per_t_lce").asDouble()).isGreaterThanOrEqualTo(prevCost);
            prevCost = a.get("c1_usd_per_t_lce").asDouble();
            cum += a.get("capacity_t_lce").asDouble();
            assertThat(a.get("cumulative_t_lce").asDouble()).isCloseTo(cum, within(0.05 * assets.size()));
            assertThat(a.get("resource_type").asText()).isIn("lepidolite", "spodumene", "brine", "clay", "other");
            assertThat(a.get("country").asText()).matches("[A-Z]{2}");
        }
        JsonNode lep = c.get("by_resource_type").get("lepidolite");
        for (String f : new String[] {"capacity_t_lce", "production_t_lce", "share_at_loss", "median_c1_usd_per_t_lce"}) {
            assertThat(lep.has(f)).as(f).isTrue();
        }
        assertThat(c.get("by_country").has("CN")).isTrue();
    }

    @Test
    void marginalCostAtDemand_isTheCostOfTheBarThatReachesIt() throws Exception {
        JsonNode c = json("curve", "--year", "2025", "--price-usd", "9000", "--demand-t-lce", "1000000", "--json");
        double marginal = c.get("marginal_cost_usd_per_t_lce").asDouble();
        JsonNode bar = null;
        for (JsonNode a : c.get("assets")) {
            if (a.get("cumulative_t_lce").asDouble() >= 1_000_000) {
                bar = a;
                break;
            }
        }
        assertThat(bar).isNotNull();
        assertThat(marginal).isEqualTo(bar.get("c1_usd_per_t_lce").asDouble());
    }

    @Test
    void aiscBasis_sortsByAisc() throws Exception {
        JsonNode c = json("curve", "--year", "2025", "--price-usd", "9000", "--basis", "aisc", "--json");
        double prev = -1e9;
        for (JsonNode a : c.get("assets")) {
            assertThat(a.get("aisc_usd_per_t_lce").asDouble()).isGreaterThanOrEqualTo(prev);
            prev = a.get("aisc_usd_per_t_lce").asDouble();
        }
    }

    /**
     * Issue 14: the default price is the year's own. 2025 mean of the 12 SMM monthly averages in prices_monthly.csv
     * (76,638.9 + 76,345.6 + 74,647.6 + 71,214.3 + 63,744.7 + 60,435.0 + 66,634.8 + 78,885.7 + 74,129.5 + 75,291.2
     * + 86,457.5 + 99,613.0) / 12 = 75,336.48 CNY/t incl. VAT; / 1.13 / 7.18 CNY/USD (flat in 2025) = 9,285.4 USD/t.
     */
    @Test
    void withoutPrice_usesTheYearsAverageOfTheMonthlyRecord_andSaysWhich() throws Exception {
        JsonNode c = json("curve", "--year", "2025", "--json");
        assertThat(c.get("price_cny_per_t_incl_vat").asDouble()).isCloseTo(75_336.48, within(0.01));
        assertThat(c.get("price_usd_per_t_lce").asDouble()).isCloseTo(9_285.4, within(0.1)).isBetween(7_000.0, 12_000.0);
        assertThat(c.get("price_source").asText()).contains("2025 average of 12 SMM monthly averages")
                .contains("prices_monthly.csv").doesNotContain("2023");
    }

    /** A month of the record is its own average (2025-06: 60,435.0 CNY/t); after the record, its latest month. */
    @Test
    void withoutPrice_monthlyCurveUsesTheMonth_andLaterYearsTheLatestKnownMonth() throws Exception {
        JsonNode jun = json("curve", "--month", "2025-06", "--json");
        assertThat(jun.get("price_cny_per_t_incl_vat").asDouble()).isCloseTo(60_435.0, within(0.01));
        JsonNode later = json("curve", "--year", "2030", "--json");
        assertThat(later.get("price_cny_per_t_incl_vat").asDouble()).isCloseTo(99_613.0, within(0.01));
        assertThat(later.get("price_source").asText()).contains("latest known month 2025-12").contains("not a forecast");
    }

    @Test
    void cnyPrice_isConvertedExVat() throws Exception {
        JsonNode c = json("curve", "--year", "2025", "--price-cny-incl-vat", "75000", "--json");
        assertThat(c.get("price_cny_per_t_incl_vat").asDouble()).isCloseTo(75000, within(1.0));
        assertThat(c.get("price_usd_per_t_lce").asDouble()).isBetween(8500.0, 10000.0);
    }

    @Test
    void charts_areWritten(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("c.png");
        Path svg = dir.resolve("c.svg");
        CliTestSupport.Result r = CliTestSupport.run("curve", "--year", "2024", "--price-usd", "10000", "--png",
                png.toString(), "--svg", svg.toString());
        assertThat(r.status()).as(r.err()).isZero();
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void badOptions_exitTwo_withReason() {
        assertThat(CliTestSupport.run("curve", "--basis", "c2").err()).contains("--basis");
        assertThat(CliTestSupport.run("curve", "--basis", "c2").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("curve", "--year", "1900").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("curve", "--price-usd", "-5").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("curve", "--price-usd", "1", "--price-cny-incl-vat", "2").status()).isEqualTo(2);
        assertThat(CliTestSupport.run("assets", "show", "NO-SUCH").err()).contains("NO-SUCH");
        assertThat(CliTestSupport.run("curve", "--data", "/no/such/dir").status()).isEqualTo(2);
        CliTestSupport.Result noThreads = CliTestSupport.run("curve", "--month", "2025-07", "--power-price",
                "scheduled", "--threads", "0", "--json");
        assertThat(noThreads.status()).isEqualTo(2);
        assertThat(noThreads.err()).contains("--threads 0: must be at least 1");
        assertThat(noThreads.out()).isEmpty();
    }
}
