package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.scenario.EnsembleDirectory;
import org.lichain.scenario.ParquetRows;

class McCommandTest {
    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    /** The test-only toy scenario (core test-jar), optionally slowed down per run. */
    static Path toy(Path dir, String name, int sleepMs) throws Exception {
        String yaml;
        try (InputStream in = McCommandTest.class.getResourceAsStream("/org/lichain/scenario/toy.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        yaml = yaml.replace("name: toy", "name: " + name);
        if (sleepMs > 0) {
            yaml += "base:\n  sleep_ms: " + sleepMs + "\n";
        }
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    static List<String> rows(Path parquet) throws Exception {
        return ParquetRows.of(parquet.toString(), true);
    }

    @Test
    void mc_writesTheOutputContractAndPrintsTheSummary(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Run r = cli("mc", "--scenario", toy(tmp, "toy", 0).toString(), "--runs", "60", "--threads", "2",
                "--seed", "11", "--out", out.toString(), "--no-progress", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode s = Json.MAPPER.readTree(r.out());
        assertThat(s.get("runs").asInt()).isEqualTo(60);
        assertThat(s.get("seed").asLong()).isEqualTo(11);
        assertThat(s.at("/metrics/price_cny_per_t_incl_vat_avg/2026/p50").isNumber()).isTrue();
        for (String f : List.of("results.duckdb", "runs.parquet", "months.parquet", "summary.json", "summary.txt",
                "fan_price_cny_per_t_incl_vat.png", "fan_self_sufficiency_CN.png", "fan_lepidolite_share_at_loss.png",
                "tornado_price_cny_per_t_incl_vat_mean.png")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        Run human = cli("mc", "--scenario", toy(tmp, "toy", 0).toString(), "--runs", "30", "--out",
                tmp.resolve("h").toString(), "--no-progress");
        assertThat(human.out()).contains("price_cny_per_t_incl_vat_avg", "p5", "p95", "runs computed now: 30");
    }

    @Test
    void badScenario_exitsWithTheFileAndLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "model: toy-test\nparameters:\n  growth: {dist: uniform, min: 2, max: 1}\n");
        Run r = cli("mc", "--scenario", f.toString(), "--runs", "5", "--out", tmp.resolve("o").toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("bad.yaml:3", "min 2.0 must be <= max 1.0");
        assertThat(tmp.resolve("o")).doesNotExist();
        Run unknown = cli("mc", "--scenario", toy(tmp, "x", 0).toString().replace("x.yaml", "missing.yaml"));
        assertThat(unknown.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void sigkillMidRun_thenResume_equalsAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        // 200 runs at ~8 ms each on 2 threads take ~0.8 s; the child is killed once some chunks are stored
        Path scenario = toy(tmp, "slow", 8);
        Path killed = tmp.resolve("killed");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", cp, "org.lichain.cli.Main", "mc", "--scenario",
                scenario.toString(), "--runs", "200", "--threads", "2", "--out", killed.toString(), "--no-progress")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path chunks = killed.resolve(EnsembleDirectory.PARTIAL).resolve("chunks");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (countChunks(chunks) < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("child finished before it could be killed: " + Files.readString(
                tmp.resolve("child.log"))).isTrue();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
        int stored = countChunks(chunks);
        assertThat(stored).isBetween(2, 7); // 200 runs = 8 chunks of 25: killed mid-run
        // nothing of the final layout was written by the killed run
        assertThat(killed.resolve("summary.json")).doesNotExist();
        assertThat(killed.resolve("runs.parquet")).doesNotExist();

        Run again = cli("mc", "--scenario", scenario.toString(), "--runs", "200", "--threads", "1", "--out",
                killed.toString(), "--no-progress");
        assertThat(again.status()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(again.err()).contains("--resume");
        Run resumed = cli("mc", "--scenario", scenario.toString(), "--runs", "200", "--threads", "1", "--out",
                killed.toString(), "--no-progress", "--resume");
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed: " + stored * 25);

        Path full = tmp.resolve("full");
        assertThat(cli("mc", "--scenario", scenario.toString(), "--runs", "200", "--threads", "2", "--out",
                full.toString(), "--no-progress").status()).isZero();
        List<String> expected = rows(full.resolve("runs.parquet"));
        assertThat(expected).hasSize(200);
        assertThat(rows(killed.resolve("runs.parquet"))).containsExactlyElementsOf(expected);
        assertThat(rows(killed.resolve("months.parquet"))).containsExactlyElementsOf(rows(full.resolve("months.parquet")));
        assertThat(Files.readString(killed.resolve("summary.json"))).isEqualTo(Files.readString(full.resolve("summary.json")));
        assertThat(killed.resolve(EnsembleDirectory.PARTIAL)).doesNotExist();
    }

    private static int countChunks(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".bin")).count();
        }
    }

    @Test
    void compare_putsScenariosSideBySide(@TempDir Path tmp) throws Exception {
        Path a = toy(tmp, "low", 0);
        Path b = tmp.resolve("high.yaml");
        Files.writeString(b, Files.readString(a).replace("name: low", "name: high").replace("median: 1.0", "median: 1.5"));
        Path out = tmp.resolve("cmp");
        Run r = cli("compare", a.toString(), b.toString(), "--runs", "40", "--seed", "3", "--out", out.toString(),
                "--no-progress", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("scenarios").toString()).isEqualTo("[\"low\",\"high\"]");
        // the toy price is proportional to cost inflation: a 1.5x median gives a higher median price
        double low = j.at("/metrics/price_cny_per_t_incl_vat_avg/low/2026/p50").asDouble();
        double high = j.at("/metrics/price_cny_per_t_incl_vat_avg/high/2026/p50").asDouble();
        assertThat(high / low).isBetween(1.3, 1.7);
        assertThat(out.resolve("compare_price_cny_per_t_incl_vat_avg.png")).isNotEmptyFile();
        assertThat(out.resolve("low/summary.json")).isNotEmptyFile();
        assertThat(out.resolve("high/runs.parquet")).isNotEmptyFile();
        assertThat(new File(out.toFile(), "compare.txt")).isFile();
    }

    @Test
    void mc_onAnExportedDataset_matchesTheEmbeddedOne_andFollowsItsEdits(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        assertThat(cli("dataset", "export", data.toString()).status()).isZero();
        Run embedded = cli("mc", "--runs", "20", "--seed", "3", "--out", tmp.resolve("e").toString(), "--no-progress",
                "--json");
        Run exported = cli("mc", "--runs", "20", "--seed", "3", "--out", tmp.resolve("x").toString(), "--no-progress",
                "--json", "--data", data.toString());
        assertThat(embedded.status()).as(embedded.err()).isZero();
        assertThat(exported.status()).as(exported.err()).isZero();
        assertThat(exported.out()).isEqualTo(embedded.out());
        // twice the EV battery demand of the base preset in every driver year: a dearer 2030 (median of 20 runs)
        Path drivers = data.resolve("demand_drivers.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(drivers)) {
            String[] f = line.split(",", 4);
            if (line.startsWith("stated_policies,") && f.length == 4) {
                line = f[0] + "," + f[1] + "," + Double.parseDouble(f[2]) * 2 + "," + f[3];
            }
            lines.add(line);
        }
        Files.write(drivers, lines);
        Run doubled = cli("mc", "--runs", "20", "--seed", "3", "--out", tmp.resolve("d").toString(), "--no-progress",
                "--json", "--data", data.toString());
        assertThat(doubled.status()).as(doubled.err()).isZero();
        String p50 = "/metrics/price_cny_per_t_incl_vat_avg/2030/p50";
        assertThat(Json.MAPPER.readTree(doubled.out()).at(p50).asDouble())
                .isGreaterThan(Json.MAPPER.readTree(embedded.out()).at(p50).asDouble());
        Run missing = cli("mc", "--runs", "20", "--out", tmp.resolve("m").toString(), "--no-progress", "--data",
                tmp.resolve("nope").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--data").contains("nope");
    }
}
