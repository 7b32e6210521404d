package org.lichain.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lichain.environment.MonitoringStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monitoring-store ingest of a measurement CSV (default 10 million rows, generated once in a temp folder):
 * LiChain's validated, idempotent, transactional ingest against DuckDB's own {@code read_csv} of the same file into
 * the same table (no validation, no duplicate check, no quarantine). Each invocation starts from an empty store.
 * Run: {@code ./bench EnvIngest -f 1 -wi 1 -i 3} (add {@code -p rows=1000000} for a quick look).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class EnvIngestBenchmark {
    static final String[] STATIONS = {"ST-INTAKE-YICHUN", "ST-BND-YUANZHOU-WANZAI", "ST-BND-YIFENG",
            "ST-BND-WANZAI-SHANGGAO", "ST-INTAKE-SHANGGAO", "ST-INTAKE-GAOAN", "ST-BND-JINJIANG-MOUTH",
            "ST-INTAKE-NANCHANG", "ST-WELL-YICHUN-CITY", "ST-WELL-JIANXIAWO", "ST-WELL-YONGXING"};

    @Param("10000000")
    public int rows;

    Path dir;
    Path csv;
    Path db;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("lichain-ingest-bench");
        csv = dir.resolve("measurements.csv");
        SplittableRandom rnd = new SplittableRandom(42);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
        LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 0, 0);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("station,time,analyte,value,unit,detection_limit,qualifier,lab\n");
            for (int i = 0; i < rows; i++) {
                String st = STATIONS[i % STATIONS.length];
                LocalDateTime t = t0.plusMinutes(i / STATIONS.length);
                double v = rnd.nextDouble() * 0.3;
                boolean bdl = v < 0.02;
                w.write(st);
                w.write(',');
                w.write(f.format(t));
                w.write(",thallium,");
                w.write(bdl ? "" : String.format(Locale.ROOT, "%.4f", v));
                w.write(",ug/L,0.02,");
                w.write(bdl ? "<" : "");
                w.write(",LAB-");
                w.write(Integer.toString(i % 3));
                w.write('\n');
            }
        }
    }

    @Setup(Level.Invocation)
    public void freshStore() throws IOException {
        db = dir.resolve("store-" + System.nanoTime() + ".duckdb");
        MonitoringStore.open(db).close(); // schema only
    }

    @TearDown(Level.Invocation)
    public void dropStore() throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + ".wal"));
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long lichainValidatedIngest() {
        try (MonitoringStore store = MonitoringStore.open(db)) {
            MonitoringStore.IngestResult r = store.ingest(csv, Set.of(STATIONS));
            if (r.accepted() != rows) {
                throw new IllegalStateException("accepted " + r.accepted() + " of " + rows);
            }
            return r.accepted();
        }
    }

    @Benchmark
    public long duckdbReadCsv() throws Exception {
        try (MonitoringStore store = MonitoringStore.open(db)) {
            Connection c = store.connection();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO measurements SELECT station, \"time\", analyte, "
                    + "coalesce(value, detection_limit), coalesce(qualifier = '<', false), detection_limit, coalesce(qualifier, ''), "
                    + "coalesce(lab, ''), 'measurements.csv', 0 FROM read_csv(?, header = true, columns = {"
                    + "'station': 'VARCHAR', 'time': 'TIMESTAMP', 'analyte': 'VARCHAR', 'value': 'DOUBLE', "
                    + "'unit': 'VARCHAR', 'detection_limit': 'DOUBLE', 'qualifier': 'VARCHAR', 'lab': 'VARCHAR'})")) {
                p.setString(1, csv.toString());
                int n = p.executeUpdate();
                if (n != rows) {
                    throw new IllegalStateException("read_csv inserted " + n + " of " + rows);
                }
                return n;
            }
        }
    }
}
