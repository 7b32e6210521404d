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
}
