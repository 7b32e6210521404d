package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.AssetKind;

class ScheduleCommandTest {
    @Test
    void listJson_hasEveryConverterAndIntegratedAsset() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("schedule", "--list", "--json");
        assertThat(r.status()).isZero();
        JsonNode arr = Json.MAPPER.readTree(r.out());
        assertThat(arr.isArray()).isTrue();
        var ids = new java.util.HashSet<String>();
        for (JsonNode n : arr) {
            assertThat(n.has("id") && n.has("name") && n.has("country") && n.has("route")).isTrue();
            ids.add(n.get("id").asText());
        }
        DatasetLoader.loadEmbedded().assets().stream()
                .filter(a -> a.kind() == AssetKind.CONVERTER || a.kind() == AssetKind.INTEGRATED)
                .forEach(a -> assertThat(ids).contains(a.id()));
    }

    @Test
    void scheduleJson_followsTheContract_andWritesTheChart(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("s.png");
        Path day = dir.resolve("day.png");
        CliTestSupport.Result r = CliTestSupport.run("schedule", "--plant", "cn-jx-agg", "--month", "2025-07",
                "--json", "--png", png.toString(), "--day-png", day.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertThat(o.get("plant").asText()).isEqualTo("CN-JX-AGG");
        assertThat(o.get("month").asText()).isEqualTo("2025-07");
        assertThat(o.get("hours").asInt()).isEqualTo(744);
        assertThat(o.get("target_met").asBoolean()).isTrue();
        assertThat(o.get("cost_cny").asDouble()).isLessThanOrEqualTo(o.get("flat_cost_cny").asDouble());
        assertThat(o.get("saving_pct").asDouble()).isPositive();
        assertThat(o.get("valley_kwh_share").asDouble()).isGreaterThan(o.get("flat_valley_kwh_share").asDouble());
        assertThat(o.get("flat_valley_kwh_share").asDouble()).isCloseTo(7.0 / 24,
                org.assertj.core.api.Assertions.within(1e-6));
        JsonNode stages = o.get("stages");
        assertThat(stages.size()).isEqualTo(4);
        for (JsonNode s : stages) {
            assertThat(s.has("id") && s.has("kwh") && s.has("valley_kwh_share")).isTrue();
        }
        assertThat(o.get("buffers").get(0).get("level_t_lce").size()).isEqualTo(744);
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P'); // PNG signature \x89PNG
        java.awt.image.BufferedImage dayImage = javax.imageio.ImageIO.read(day.toFile());
        assertThat(dayImage.getWidth()).isEqualTo(1100); // typical day + heat map
    }

    /**
     * The typical day is the month folded by hour of day: with 744 h = 31 whole days, the mean of its 24 hourly means
     * equals the stage's mean load over the month (both in % of the stage's maximum rate).
     */
    @Test
    void typicalDay_isTheMonthFoldedByHourOfDay() {
        var w = org.lichain.dataset.DatasetLoader.loadEmbedded();
        var s = org.lichain.operations.PlantModels.schedule(w, "CN-JX-AGG", java.time.YearMonth.of(2025, 7), null);
        for (int i = 0; i < s.plant().stages().size(); i++) {
            double[] day = org.lichain.report.operations.ScheduleCharts.typicalDay(s, i);
            double meanDay = java.util.Arrays.stream(day).average().orElseThrow();
            double meanMonth = 100 * java.util.Arrays.stream(s.rateTLcePerH()[i]).average().orElseThrow()
                    / s.plant().stages().get(i).maxRateTLcePerH();
            assertThat(meanDay).isCloseTo(meanMonth, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void badInputsExitWithTwoAndSayWhy(@TempDir Path dir) throws Exception {
        CliTestSupport.Result unknown = CliTestSupport.run("schedule", "--plant", "NOPE", "--month", "2025-07");
        assertThat(unknown.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(unknown.err()).contains("unknown plant 'NOPE'");
        CliTestSupport.Result month = CliTestSupport.run("schedule", "--plant", "CN-JX-AGG", "--month", "2025-13");
        assertThat(month.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        Path bad = dir.resolve("t.csv");
        Files.writeString(bad, "tariff,region,rule,months,day_type,start,end,value,unit,source\n"
                + "MINE,CN-JX,flat_price,,,,,0.5,cny_per_kwh,bill\n"
                + "MINE,CN-JX,peak,*,all,9am,12:00,1.6,multiplier,bill\n");
        CliTestSupport.Result tariff = CliTestSupport.run("schedule", "--plant", "CN-JX-AGG", "--tariff",
                bad.toString());
        assertThat(tariff.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(tariff.err()).contains("t.csv").contains("start").contains("is not a time HH:MM");
        CliTestSupport.Result name = CliTestSupport.run("schedule", "--plant", "CN-JX-AGG", "--tariff", "NOPE");
        assertThat(name.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(name.err()).contains("unknown tariff 'NOPE'");
    }

    @Test
    void userTariffFileIsUsed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("flat.csv");
        Files.writeString(f, "tariff,region,rule,months,day_type,start,end,value,unit,source\n"
                + "ONE-PRICE,CN-JX,flat_price,,,,,0.5,cny_per_kwh,my contract\n");
        CliTestSupport.Result r = CliTestSupport.run("schedule", "--plant", "CN-JX-AGG", "--tariff", f.toString(),
                "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertThat(o.get("tariff").asText()).isEqualTo("ONE-PRICE");
        assertThat(o.get("saving_pct").asDouble()).isZero(); // nothing to gain under one price
        assertThat(o.get("effective_cny_per_kwh").asDouble()).isEqualTo(0.5);
    }

    @Test
    void powerPriceOptionParses() {
        PowerPriceOption o = new PowerPriceOption();
        o.powerPrice = "scheduled";
        assertThat(o.mode()).isEqualTo(org.lichain.operations.EffectivePowerPrice.Mode.SCHEDULED);
        o.powerPrice = "cheap";
        org.assertj.core.api.Assertions.assertThatThrownBy(o::mode).hasMessageContaining("scheduled or flat");
    }
}
