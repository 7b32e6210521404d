package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.InvalidInputException;

/**
 * Issue 16: scratch files are named per store and cleaned only by their owner; a store held by another process is a
 * user error without DuckDB's PID-bearing message.
 */
class MonitoringStoreScratchTest {
    @TempDir
    Path dir;

    @Test
    void openingOneStore_leavesAnotherStoresScratchFileAlone() throws Exception {
        Path a = dir.resolve("a.duckdb");
        Path b = dir.resolve("b.duckdb");
        Path scratchOfA = dir.resolve(MonitoringStore.scratchPrefix(a) + "123.csv");
        Files.writeString(scratchOfA, "1,ST,0,thallium,0.1,false,,,\n");
        MonitoringStore.open(b).close();
        assertThat(scratchOfA).as("b's open must not delete a's scratch file").exists();
        assertThat(MonitoringStore.scratchPrefix(a)).isNotEqualTo(MonitoringStore.scratchPrefix(b))
                .startsWith(".lichain-ingest-a.duckdb-");
        MonitoringStore.open(a).close();
        assertThat(scratchOfA).as("a's own open cleans what a killed ingest into a left").doesNotExist();
    }

    /** A store another process holds (the server case leaked the store path, JVM path and PID). */
    @Test
    void aStoreHeldByAnotherProcess_isBusy_withoutPidOrExecutable() throws Exception {
        Path db = dir.resolve("held.duckdb");
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "station,time,analyte,value,unit,detection_limit,qualifier,lab\n"
                + "ST-BND-YIFENG,2023-01-01T00:00,thallium,0.01,ug/L,,,L1\n");
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaExe, "-cp", System.getProperty("java.class.path"),
                IngestChild.class.getName(), db.toString(), csv.toString(), "ST-BND-YIFENG")
                .redirectErrorStream(true).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) { // the child holds the store, inside its ingest
                    ready = true;
                    break;
                }
            }
            assertThat(ready).isTrue();
            assertThatThrownBy(() -> MonitoringStore.open(db))
                    .isInstanceOf(MonitoringStore.StoreBusyException.class)
                    .hasMessageContaining("is in use by another process")
                    .hasMessageNotContainingAny("PID", "pid", "java", System.getProperty("java.home"));
        } finally {
            child.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aDamagedStore_isAUserErrorNamingIt() throws Exception {
        Path bad = dir.resolve("bad.duckdb");
        Files.writeString(bad, "this is not a database");
        assertThatThrownBy(() -> MonitoringStore.open(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(bad.toString()).hasMessageNotContaining("SQLException")
                .hasMessageNotContainingAny("PID", "pid");
    }

    /**
     * Issue 16: alerts or attribution on a store with a corrupted block, right after an ingest into it reported
     * success, was an internal error. Now every read names the store and the damaged block, as a user error.
     */
    @Test
    void aBlockDamagedAfterASuccessfulIngest_isAUserErrorNamingTheStoreAndTheBlock() throws Exception {
        Path db = dir.resolve("hit.duckdb");
        Path csv = dir.resolve("m.csv");
        writeMeasurements(csv, 50_000);
        try (MonitoringStore s = MonitoringStore.open(db)) {
            assertThat(s.ingest(csv, java.util.Set.of("ST-A")).accepted()).isEqualTo(50_000);
        }
        StoreDamage.corruptDataBlocks(db);
        try (MonitoringStore s = MonitoringStore.open(db)) {
            for (org.assertj.core.api.ThrowableAssert.ThrowingCallable read : java.util.List.<
                    org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                    () -> s.measurements("thallium"),
                    () -> s.scanStation("thallium", "ST-A", null, null, 100_000, m -> true),
                    () -> s.ingest(csv, java.util.Set.of("ST-A")))) {
                assertThatThrownBy(read).isInstanceOf(MonitoringStore.StoreDamagedException.class)
                        .hasMessageContaining("the monitoring store " + db + " is damaged: the block at byte ")
                        .hasMessageContaining("fails its checksum").hasMessageContaining("--db NEW.duckdb")
                        .hasMessageNotContainingAny("SQLException", "Data Corruption Error");
            }
        }
    }

    /** Thallium measurements at one station, every 10 minutes from 2023-01-01 (values 0.010–0.106 µg/L). */
    static void writeMeasurements(Path csv, int rows) throws java.io.IOException {
        Files.writeString(csv, "station,time,analyte,value,unit,detection_limit,qualifier,lab\n"
                + StoreDamage.measurementRows("ST-A", 0, rows));
    }
}
