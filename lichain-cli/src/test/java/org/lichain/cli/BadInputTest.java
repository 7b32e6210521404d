package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, the CLI's input discipline: every hostile input the issue lists is refused with exit 2 and a message
 * that locates it (file:line and field, or the option), with no Java exception name, stack frame or PID in front of
 * the user, and nothing written. A bug is exit 1 with one line naming the log file that holds the trace.
 */
class BadInputTest {
    @TempDir
    static Path shared;
    static Path dataset;

    @TempDir
    Path dir;

    @BeforeAll
    static void export() {
        dataset = shared.resolve("ds");
        assertThat(CliTestSupport.run("dataset", "export", dataset.toString()).status()).isZero();
    }

    /** Exit 2, the message contains every {@code located} part, and nothing of Java's internals. */
    static CliTestSupport.Result refused(CliTestSupport.Result r, String... located) {
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(located);
        assertClean(r.err());
        return r;
    }

    static void assertClean(String text) {
        assertThat(text).doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b")
                .doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContainPattern("(?i)\\bpid\\b");
    }

    /** A copy of the exported dataset with line 2 of capacity_events.csv's capacity set to {@code value}. */
    Path withCapacity(String value) throws Exception {
        return withField(3, value);
    }

    /** A copy of the exported dataset with field {@code column} of line 2 of capacity_events.csv set to {@code value}. */
    Path withField(int column, String value) throws Exception {
        Path d = dir.resolve("ds");
        copy(dataset, d);
        Path f = d.resolve("capacity_events.csv");
        String[] lines = Files.readString(f).split("\n", -1);
        String[] fields = lines[1].split(",", -1);
        fields[column] = value;
        lines[1] = String.join(",", fields);
        Files.writeString(f, String.join("\n", lines));
        return d;
    }

    static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    @Test
    void hugeCapacity_isRefusedByCheckAndCurve_andNoChartIsWritten() throws Exception {
        Path d = withCapacity("1e308");
        refused(CliTestSupport.run("dataset", "check", d.toString()), "capacity_events.csv:2:",
                "capacity_t_lce_per_year", "out of range");
        Path png = dir.resolve("curve.png");
        CliTestSupport.Result curve = refused(CliTestSupport.run("curve", "--year", "2025", "--data", d.toString(),
                "--png", png.toString()), "capacity_events.csv:2:", "capacity_t_lce_per_year");
        assertThat(curve.out()).isEmpty();
        assertThat(png).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"60000d", "0x1p16", "1e5d", "NaN", "Infinity", "60000f"})
    void javaNumberLiterals_areNotNumbers(String literal) throws Exception {
        refused(CliTestSupport.run("dataset", "check", withCapacity(literal).toString()), "capacity_events.csv:2:",
                "capacity_t_lce_per_year", "plain decimal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-08", "9999-08", "1999-12"})
    void monthsOutside2000to2100_areRefused(String month) throws Exception {
        Path d = withField(1, month);
        refused(CliTestSupport.run("dataset", "check", d.toString()), "capacity_events.csv:2:", "'from'",
                "outside 2000-01 to 2100-12");
    }

    /** Every month option of every command refuses a month that is not YYYY-MM in the same words, naming itself. */
    @Test
    void badMonthOptions_areRefusedAlike() {
        String[][] cases = {
            {"--month", "2025-13", "curve", "--month", "2025-13"},
            {"--from", "13-2025", "simulate", "--from", "13-2025"},
            {"--to", "2030/01", "simulate", "--to", "2030/01"},
            {"--origin", "soon", "forecast", "--origin", "soon"},
            {"--origins", "2020-1", "backtest", "--rolling", "--origins", "2020-1..2021-01"},
            {"--month", "July", "schedule", "--plant", "CN-JX-01", "--month", "July"},
            {"--month", "July", "schedule", "--list", "--month", "July"},
            {"--month", "2025-07x", "curve", "--power-price", "scheduled", "--month", "2025-07x"},
            {"--month", "2025-7", "env", "plan", "--month", "2025-7"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 2, c.length);
            refused(CliTestSupport.run(args), c[0] + " '" + c[1] + "': not a month (YYYY-MM)");
        }
    }

    @Test
    void anExpansionBeforeTheAssetStarts_isRefused() throws Exception {
        Path d = dir.resolve("ds");
        copy(dataset, d);
        Path f = d.resolve("capacity_events.csv");
        // CN-JX-01 starts 2022-08 (line 2); an expansion in 2019 describes an asset that does not exist yet
        Files.writeString(f, Files.readString(f).stripTrailing() + "\nCN-JX-01,2019-01,,1000,0,expansion,construction,estimate: test,\n");
        int line = Files.readString(f).split("\n", -1).length - 1;
        refused(CliTestSupport.run("dataset", "check", d.toString()), "capacity_events.csv:" + line + ":",
                "'from'", "before the asset's start 2022-08");
    }

    @Test
    void invalidUtf8_andUtf16_andNul_inADatasetFile_areLocated() throws Exception {
        Path d = dir.resolve("ds");
        copy(dataset, d);
        Path f = d.resolve("fx.csv");
        byte[] text = Files.readAllBytes(f);
        // line 3 gets a lone continuation byte
        int second = indexOfNth(text, (byte) '\n', 2);
        byte[] bad = splice(text, second + 1, new byte[] {(byte) 0x80});
        Files.write(f, bad);
        refused(CliTestSupport.run("dataset", "check", d.toString()), "fx.csv:3:1", "not valid UTF-8");
        Files.write(f, splice(text, second + 1, new byte[] {0}));
        refused(CliTestSupport.run("dataset", "check", d.toString()), "fx.csv:3:1", "NUL");
        byte[] utf16 = new String(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        Files.write(f, utf16);
        refused(CliTestSupport.run("curve", "--data", d.toString()), "fx.csv:1:1", "UTF-16");
    }

    static int indexOfNth(byte[] b, byte c, int n) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c && --n == 0) {
                return i;
            }
        }
        throw new AssertionError("fewer lines than expected");
    }

    static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    @Test
    void tariffFileWithInvalidUtf8_isLocated() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.write(f, new byte[] {'t', 'a', 'r', 'i', 'f', 'f', '\n', 'x', (byte) 0xFE, '\n'});
        refused(CliTestSupport.run("schedule", "--plant", "CN-JX-01", "--month", "2025-07", "--tariff", f.toString()),
                "t.csv:2:2", "not valid UTF-8");
    }

    // ------------------------------------------------------------------ market scenarios (simulate)

    Path scenario(String text) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void emptyScenario_isRefused_notANullPointer() throws Exception {
        refused(CliTestSupport.run("simulate", "--scenario", scenario("").toString()), "s.yaml", "is empty");
        refused(CliTestSupport.run("simulate", "--scenario", scenario("# only a comment\n").toString()), "s.yaml",
                "is empty");
    }

    @Test
    void scenarioProblems_areLocated() throws Exception {
        refused(CliTestSupport.run("simulate", "--scenario", scenario("name: a\nname: b\n").toString()), "s.yaml:2",
                "duplicate key");
        refused(CliTestSupport.run("simulate", "--scenario", scenario("to: 9999-12\n").toString()), "s.yaml:1:",
                "'to'", "outside 2000-01 to 2100-12");
        refused(CliTestSupport.run("simulate", "--scenario", scenario("seed: 1e5d\n").toString()), "s.yaml:1:",
                "'seed'", "plain decimal");
        refused(CliTestSupport.run("simulate", "--scenario", scenario(
                "shocks:\n  - type: suspend\n    asset: NO-SUCH-ASSET\n    from: 2026-01\n").toString()),
                "s.yaml:3:", "shocks.asset", "NO-SUCH-ASSET", "not an asset");
        refused(CliTestSupport.run("simulate", "--scenario", scenario("demand:\n  preset: nope\n").toString()),
                "s.yaml:2:", "demand.preset", "not a demand preset");
        refused(CliTestSupport.run("simulate", "--to", "9999-12"), "--to", "outside");
    }

    @Test
    void scenarioWithInvalidUtf8_isLocated() throws Exception {
        Path f = dir.resolve("u.yaml");
        Files.write(f, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'x', '\n', 'f', 'r', 'o', 'm', ':', ' ', (byte) 0xC3,
                (byte) 0x28, '\n'});
        refused(CliTestSupport.run("simulate", "--scenario", f.toString()), "u.yaml:2:7", "not valid UTF-8");
        refused(CliTestSupport.run("mc", "--scenario", f.toString(), "--runs", "1", "--no-progress",
                "--out", dir.resolve("mc").toString()), "u.yaml:2:7", "not valid UTF-8");
        assertThat(dir.resolve("mc")).doesNotExist();
    }

    // ------------------------------------------------------------------ ensembles (mc)

    Path ensemble(String parameters) throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, "name: e\nfrom: 2024-01\nto: 2025-12\nparameters:\n" + parameters);
        return f;
    }

    CliTestSupport.Result mc(Path scenario, String... more) {
        String[] base = {"mc", "--scenario", scenario.toString(), "--runs", "2", "--no-progress", "--out",
                dir.resolve("out").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliTestSupport.run(all);
    }

    @Test
    void ensembleProblems_areLocated_andNothingIsWritten() throws Exception {
        refused(mc(ensemble("  cost_inflaton:\n    dist: uniform\n    min: 0.9\n    max: 1.2\n")), "e.yaml:5",
                "cost_inflaton", "not an input of the market model");
        refused(mc(ensemble("  project_delay_months:\n    dist: fixed\n    value: 1e12\n")), "e.yaml:5",
                "project_delay_months", "outside -120 to 240");
        refused(mc(ensemble("  policy_path:\n    dist: discrete\n    values: [0, 7]\n")), "e.yaml:5",
                "policy_path", "outside 0 to 2");
        refused(mc(ensemble("  cost_inflation:\n    dist: uniform\n    min: 0x1p0\n    max: 1.2\n")), "e.yaml:",
                "cost_inflation.min");
        refused(mc(ensemble("  cost_inflation:\n    dist: uniform\n    min: 0.9\n    min: 1.0\n    max: 1.2\n")),
                "e.yaml:", "given twice");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void negativeSeed_isRefused() throws Exception {
        refused(mc(ensemble("  cost_inflation:\n    dist: uniform\n    min: 0.9\n    max: 1.2\n"), "--seed", "-1"),
                "--seed -1", "0 or more");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void outputToAnUnwritablePlace_isAUserError() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        refused(CliTestSupport.run("curve", "--year", "2025", "--png", file.resolve("c.png").toString()),
                file.toString());
        refused(CliTestSupport.run("simulate", "--from", "2024-01", "--to", "2024-03", "--json",
                file.resolve("r.json").toString()), file.toString());
        Path e = ensemble("  cost_inflation:\n    dist: uniform\n    min: 0.9\n    max: 1.2\n");
        refused(CliTestSupport.run("mc", "--scenario", e.toString(), "--runs", "2", "--no-progress", "--out",
                file.toString()), file.toString(), "already exists");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    // ------------------------------------------------------------------ measurement ingest

    Path db() {
        return dir.resolve("m.duckdb");
    }

    CliTestSupport.Result ingest(String csv) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, csv);
        return CliTestSupport.run("env", "ingest", f.toString(), "--db", db().toString());
    }

    static final String HEADER = "station,time,analyte,value,unit,detection_limit,qualifier,lab\n";

    @Test
    void ingestWhereEveryLineIsRejected_exitsTwo() throws Exception {
        CliTestSupport.Result r = ingest(HEADER + "NOPE,2024-01-01T00:00,thallium,1,ug/L,,,\n"
                + "NOPE,2024-01-02T00:00,thallium,1,ug/L,,,\n");
        refused(r, "every line was rejected");
        assertThat(r.out()).contains("m.csv:2:").contains("unknown station");
    }

    @Test
    void ingestLineWithTooFewFields_namesTheFirstMissingField() throws Exception {
        String station = firstStation();
        CliTestSupport.Result r = ingest(HEADER + station + ",2024-01-01T00:00,thallium,0.05,ug/L,,,\n"
                + station + ",2024-01-02T00:00,thallium\n");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("m.csv:3: field 'value' has 3 fields, the header has 8");
    }

    @Test
    void absurdMeasurement_isQuarantined_neverStored() throws Exception {
        String station = firstStation();
        CliTestSupport.Result r = ingest(HEADER + station + ",2024-01-01T00:00,thallium,0.05,ug/L,,,\n"
                + station + ",2024-01-02T00:00,thallium,1e308,mg/L,,,\n"
                + station + ",2024-01-03T00:00,thallium,1e5d,ug/L,,,\n");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 accepted, 2 quarantined").contains("m.csv:3: field 'value' is above")
                .contains("m.csv:4: field 'value' is not a number");
    }

    @Test
    void ingestOfInvalidUtf8_isLocated_andStoresNothing() throws Exception {
        String station = firstStation();
        Path f = dir.resolve("m.csv");
        byte[] ok = (HEADER + station + ",2024-01-01T00:00,thallium,0.05,ug/L,,,\n").getBytes(StandardCharsets.UTF_8);
        Files.write(f, splice(ok, ok.length, new byte[] {'x', (byte) 0xFF, '\n'}));
        refused(CliTestSupport.run("env", "ingest", f.toString(), "--db", db().toString()), "m.csv:3",
                "not valid UTF-8");
        CliTestSupport.Result again = CliTestSupport.run("env", "ingest", f.toString(), "--db", db().toString(),
                "--json");
        assertThat(again.status()).isEqualTo(2);
    }

    static String firstStation() throws Exception {
        return Json.MAPPER.readTree(CliTestSupport.run("env", "river", "--json").out()).get("stations").get(0)
                .get("id").asText();
    }

    // ------------------------------------------------------------------ a damaged store (issue 16)

    /**
     * Alerts and attribution on a store whose block is damaged right after an ingest into it reported success: exit 2
     * naming the store file and the damaged block (was an internal error, exit 1).
     */
    @Test
    void alertsAndAttribution_onAStoreDamagedAfterASuccessfulIngest_areExit2NamingTheStore() throws Exception {
        String station = firstStation();
        // 50,000 ten-minute samples, 2023-01-01 to 2023-12-14: about 1 MB of store
        CliTestSupport.Result ok = ingest(HEADER + org.lichain.environment.StoreDamage.measurementRows(station, 0, 50_000));
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("50000 accepted");
        org.lichain.environment.StoreDamage.corruptDataBlocks(db());
        for (String cmd : new String[] {"alerts", "attribute"}) {
            refused(CliTestSupport.run("env", cmd, "--db", db().toString()),
                    "the monitoring store " + db() + " is damaged: the block at byte ", "fails its checksum",
                    "--db NEW.duckdb");
        }
    }

    // ------------------------------------------------------------------ ids checked where they are read (issue 16)

    @Test
    void unknownIds_onTheCommandLine_nameTheOption_andTheCloseIds() throws Exception {
        refused(CliTestSupport.run("env", "alerts", "--db", db().toString(), "--station", "ST-BND-YIFENGG",
                "--chart", dir.resolve("c.png").toString()), "--station: unknown station 'ST-BND-YIFENGG'",
                "did you mean 'ST-BND-YIFENG'");
        assertThat(dir.resolve("c.png")).doesNotExist();
        refused(CliTestSupport.run("env", "spill", "--outfall", "OF-GOTON", "--tl-kg", "5", "--at", "2024-06-01"),
                "--outfall: unknown outfall 'OF-GOTON'", "did you mean 'OF-GOTION'");
        refused(CliTestSupport.run("env", "footprint", "--year", "2024", "--region", "CN-JXX"), "--region CN-JXX",
                "did you mean 'CN-JX'");
        refused(CliTestSupport.run("env", "groundwater", "--site", "GW-YONGXIN"),
                "unknown groundwater site 'GW-YONGXIN'", "did you mean 'GW-YONGXING'");
        refused(CliTestSupport.run("company", "GOTOIN", "--year", "2025"), "unknown company id 'GOTOIN'",
                "did you mean 'GOTION'");
        refused(CliTestSupport.run("schedule", "--plant", "CN-JX-6", "--month", "2025-07"), "unknown plant 'CN-JX-6'",
                "did you mean 'CN-JX-06'");
    }

    @Test
    void unknownIds_inAScenarioFile_areLocated_withTheCloseIds() throws Exception {
        refused(CliTestSupport.run("simulate", "--scenario", scenario(
                "shocks:\n  - type: suspend\n    asset: CN-JX-1\n    from: 2026-01\n").toString()),
                "s.yaml:3:", "shocks.asset", "did you mean 'CN-JX-01'");
        refused(CliTestSupport.run("simulate", "--scenario", scenario("policies:\n  state_support:\n"
                + "    - {region: CN-JQ, loss_tolerance: 0.2}\n").toString()), "s.yaml:3:",
                "policies.state_support.region", "'CN-JQ'", "not the region or country of any asset", "did you mean");
        refused(mc(ensembleWithBase("base:\n  shocks:\n    - {type: suspend, asset: CN-JX-1, from: 2025-01}\n")),
                "shocks.asset", "CN-JX-1", "did you mean 'CN-JX-01'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    // ------------------------------------------------------------------ horizons beyond the data (issue 16)

    /** The embedded demand drivers end in 2040 (demand_drivers.csv, both presets): 2041-01 is beyond the data. */
    @Test
    void horizonsBeyondTheData_areRefused_andTheLastCoveredMonthIsAccepted() throws Exception {
        refused(CliTestSupport.run("simulate", "--scenario", scenario("from: 2024-01\nto: 2045-12\n").toString()),
                "s.yaml:2:5", "'to'", "2045-12", "beyond the data", "ends in 2040", "2040-12");
        refused(CliTestSupport.run("simulate", "--to", "2041-01"), "--to 2041-01", "beyond the data");
        Path e = dir.resolve("far.yaml");
        Files.writeString(e, "name: far\nfrom: 2024-01\nto: 2050-12\nparameters:\n"
                + "  cost_inflation: {dist: uniform, min: 0.9, max: 1.2}\n");
        refused(mc(e), "far.yaml", "'to'", "2050-12", "beyond the data");
        assertThat(dir.resolve("out")).doesNotExist();
        CliTestSupport.Result last = CliTestSupport.run("simulate", "--from", "2040-01", "--to", "2040-12", "--json",
                dir.resolve("r.json").toString());
        assertThat(last.status()).as(last.err()).isZero();
    }

    Path ensembleWithBase(String base) throws Exception {
        Path f = dir.resolve("b.yaml");
        Files.writeString(f, "name: b\nfrom: 2024-01\nto: 2025-12\n" + base + "parameters:\n"
                + "  cost_inflation: {dist: uniform, min: 0.9, max: 1.2}\n");
        return f;
    }

    // ------------------------------------------------------------------ bugs are not user errors

    @Test
    void aBug_isOneLineNamingTheLog_andTheLogHoldsTheTrace() throws Exception {
        System.setProperty("lichain.log.dir", dir.resolve("logs").toString());
        try {
            String line = InternalErrorLog.record(new IllegalStateException("boom in a kernel"),
                    new String[] {"curve"});
            assertThat(line).startsWith("lichain: internal error ").doesNotContain("\n");
            assertClean(line);
            Path log = Path.of(line.substring(line.indexOf(" are in ") + 8, line.indexOf(" (please")));
            assertThat(log).startsWith(dir.resolve("logs"));
            assertThat(Files.readString(log)).contains("IllegalStateException: boom in a kernel")
                    .contains("at org.lichain.cli.BadInputTest").contains("command: lichain curve");
        } finally {
            System.clearProperty("lichain.log.dir");
        }
    }

    @Test
    void onlyTheUserErrorTypeIsAUserError() {
        assertThat(Main.userError(new IllegalArgumentException("a bug's message"))).isNull();
        assertThat(Main.userError(new java.util.NoSuchElementException())).isNull();
        assertThat(Main.userError(new NullPointerException())).isNull();
        assertThat(Main.userError(new org.lichain.dataset.InvalidInputException("--x: bad"))).isNotNull();
        assertThat(Main.userError(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/p")))
                .getMessage()).isEqualTo("/p: permission denied");
    }
}
