package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringStoreTest {
    static final Set<String> STATIONS = Set.of("ST-INTAKE-GAOAN", "ST-BND-YIFENG", "ST-WELL-YONGXING");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static final String GOOD_AND_BAD = String.join("\n",
            "station,time,analyte,value,unit,detection_limit,qualifier,lab",
            "ST-INTAKE-GAOAN,2022-11-24T08:00,thallium,0.0002,mg/L,0.00002,,LAB-A",   // 2: 0.2 µg/L
            "ST-INTAKE-GAOAN,2022-11-24T10:00,Tl,150,ng/L,20,,LAB-A",                  // 3: 0.15 µg/L, alias Tl
            "ST-BND-YIFENG,2022-11-24T08:00,thallium,0.05,ppb,0.02,,LAB-B",             // 4: 0.05 µg/L
            "ST-BND-YIFENG,2022-11-24T10:00,thallium,,µg/L,0.02,<,LAB-B",               // 5: below detection
            "ST-WELL-YONGXING,2022-11-24,thallium,0.01,ug/L,0.02,,LAB-B",               // 6: under the DL → BDL
            "ST-INTAKE-GAOAN,2022-11-24T12:00,thallium,0.1,furlongs,,,LAB-A",           // 7: bad unit
            "ST-INTAKE-GAOAN,2022-11-24T14:00,thallium,-0.1,ug/L,,,LAB-A",             // 8: negative
            "ST-NOWHERE,2022-11-24T14:00,thallium,0.1,ug/L,,,LAB-A",                    // 9: unknown station
            "ST-INTAKE-GAOAN,2022-02-30T14:00,thallium,0.1,ug/L,,,LAB-A",              // 10: bad date
            "ST-INTAKE-GAOAN,2022-11-24T08:00,thallium,0.3,ug/L,,,LAB-A",              // 11: duplicate of line 2
            "ST-INTAKE-GAOAN,2022-11-24T16:00,thallium,0.1,ug/L",                       // 12: too few fields
            "ST-INTAKE-GAOAN,2022-11-24T18:00,thallium,0.12,ug/L,,,LAB-A") + "\n";    // 13: good

    @Test
    void malformedRowsAreQuarantinedWithReasons_andNoGoodRowIsLost() throws Exception {
        Path csv = write("batch.csv", GOOD_AND_BAD);
        try (MonitoringStore store = MonitoringStore.open(dir.resolve("m.duckdb"))) {
            MonitoringStore.IngestResult r = store.ingest(csv, STATIONS);
            assertThat(r.accepted()).isEqualTo(6); // lines 2,3,4,5,6,13
            assertThat(r.quarantined()).isEqualTo(6);
            assertThat(r.duplicates()).isZero();
            assertThat(r.problems()).extracting(p -> p.line() + ":" + p.field()).containsExactly("7:unit", "8:value",
                    "9:station", "10:time", "11:station,time,analyte,lab", "12:detection_limit");
            assertThat(r.problems().get(0).reason()).contains("unknown unit 'furlongs'");
            assertThat(r.problems().get(1).reason()).isEqualTo("must not be negative");
            assertThat(r.problems().get(2).reason()).contains("unknown station 'ST-NOWHERE'");
            assertThat(r.problems().get(3).reason()).contains("is not a date-time");
            assertThat(r.problems().get(4).reason()).isEqualTo(
                    "duplicate of line 2 (same station, time, analyte and lab)");
            assertThat(r.problems().get(5).reason()).isEqualTo("has 5 fields, the header has 8 (no value for 'detection_limit' and after)");
            assertThat(store.counts()).containsExactly(6, 6, 1);

            List<MonitoringStore.Measurement> m = store.measurements("thallium");
            assertThat(m).hasSize(6);
            var gaoan = m.stream().filter(x -> x.station().equals("ST-INTAKE-GAOAN")).toList();
            assertThat(gaoan.get(0).valueUgPerL()).isCloseTo(0.2, within(1e-12));   // 0.0002 mg/L
            assertThat(gaoan.get(1).valueUgPerL()).isCloseTo(0.15, within(1e-12));  // 150 ng/L
            assertThat(gaoan.get(0).detectionLimitUgPerL()).isCloseTo(0.02, within(1e-12));
            var yifeng = m.stream().filter(x -> x.station().equals("ST-BND-YIFENG")).toList();
            assertThat(yifeng.get(0).valueUgPerL()).isCloseTo(0.05, within(1e-12)); // 0.05 ppb = 0.05 µg/L
            assertThat(yifeng.get(1).belowDetection()).isTrue();
            assertThat(yifeng.get(1).valueUgPerL()).isCloseTo(0.02, within(1e-12)); // stored at the limit
            var well = m.stream().filter(x -> x.station().equals("ST-WELL-YONGXING")).findFirst().orElseThrow();
            assertThat(well.belowDetection()).isTrue(); // 0.01 < DL 0.02
        }
    }

    @Test
    void reIngestingTheSameFileIsIdempotent_andAConflictIsQuarantined() throws Exception {
        Path csv = write("batch.csv", GOOD_AND_BAD);
        try (MonitoringStore store = MonitoringStore.open(dir.resolve("m.duckdb"))) {
            store.ingest(csv, STATIONS);
            MonitoringStore.IngestResult again = store.ingest(csv, STATIONS);
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(6);
            assertThat(store.counts()[0]).isEqualTo(6);
            assertThat(store.counts()[1]).isEqualTo(6); // quarantine not doubled
            Path changed = write("changed.csv", "station,time,analyte,value,unit,detection_limit,qualifier,lab\n"
                    + "ST-INTAKE-GAOAN,2022-11-24T18:00,thallium,0.5,ug/L,,,LAB-A\n");
            MonitoringStore.IngestResult c = store.ingest(changed, STATIONS);
            assertThat(c.accepted()).isZero();
            assertThat(c.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.reason()).startsWith("conflicts with the stored value 0.12");
            });
            assertThat(store.counts()[0]).isEqualTo(6);
        }
    }

    @Test
    void missingHeaderColumnRejectsTheFile() throws Exception {
        Path csv = write("h.csv", "station,time,value,unit\nST-INTAKE-GAOAN,2022-11-24T18:00,0.5,ug/L\n");
        try (MonitoringStore store = MonitoringStore.open(dir.resolve("m.duckdb"))) {
            var r = store.ingest(csv, STATIONS);
            assertThat(r.accepted()).isZero();
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.reason()).contains("analyte");
            });
        }
    }

    @Test
    void aKilledIngestLeavesTheStoreAsItWas() throws Exception {
        Path db = dir.resolve("m.duckdb");
        try (MonitoringStore store = MonitoringStore.open(db)) {
            store.ingest(write("first.csv", GOOD_AND_BAD), STATIONS);
        }
        StringBuilder big = new StringBuilder("station,time,analyte,value,unit,detection_limit,qualifier,lab\n");
        for (int i = 0; i < 2_000; i++) {
            big.append("ST-BND-YIFENG,2023-01-01T00:00,thallium,0.01,ug/L,,,L").append(i).append('\n');
        }
        Path second = write("second.csv", big.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IngestChild.class.getName(), db.toString(), second.toString(), String.join(",", STATIONS))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) { // all 2,000 rows written inside the open transaction
                    ready = true;
                    break;
                }
            }
            assertThat(ready).as("child reached the commit point").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (MonitoringStore store = MonitoringStore.open(db)) {
            assertThat(store.counts()).containsExactly(6, 6, 1);
            // and the store still works
            assertThat(store.ingest(second, STATIONS).accepted()).isEqualTo(2_000);
        }
    }
}
