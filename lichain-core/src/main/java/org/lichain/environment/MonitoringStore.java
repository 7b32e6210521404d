package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The monitoring store: measurements in an embedded DuckDB database file. An ingest validates every line
 * ({@link MeasurementCsv}), quarantines bad lines with their reasons, skips rows already stored (re-ingesting a file
 * is idempotent) and runs in one transaction, so an interrupted ingest leaves the store as it was.
 *
 * <p>Identity of a measurement: (station, time, analyte, lab). The same identity twice in one file quarantines the
 * later line ("duplicate of line N"); a stored identity with the same value counts as a duplicate, with another
 * value it is quarantined as a conflict (the stored value is never overwritten silently).
 */
public final class MonitoringStore implements AutoCloseable {
    private final Connection conn;
    private final Path file;

    private MonitoringStore(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    /** The default database: {@code $XDG_DATA_HOME/lichain/monitoring.duckdb} (~/.local/share on Linux), the user's
     * application-data folder on Windows and macOS. */
    public static Path defaultPath() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        Path base;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            base = Path.of(System.getenv("APPDATA"));
        } else if (os.contains("mac")) {
            base = Path.of(home, "Library", "Application Support");
        } else if (System.getenv("XDG_DATA_HOME") != null && !System.getenv("XDG_DATA_HOME").isBlank()) {
            base = Path.of(System.getenv("XDG_DATA_HOME"));
        } else {
            base = Path.of(home, ".local", "share");
        }
        return base.resolve("lichain").resolve("monitoring.duckdb");
    }

    /** Opens (creating if needed) the store at {@code db}. */
    public static MonitoringStore open(Path db) {
        try {
            Path parent = db.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS measurements(station VARCHAR NOT NULL, time TIMESTAMP NOT NULL, "
                        + "analyte VARCHAR NOT NULL, value_ug_per_l DOUBLE NOT NULL, below_detection BOOLEAN NOT NULL, "
                        + "detection_limit_ug_per_l DOUBLE, qualifier VARCHAR NOT NULL, lab VARCHAR NOT NULL, "
                        + "source_file VARCHAR NOT NULL, source_line BIGINT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS quarantine(source_file VARCHAR NOT NULL, line BIGINT NOT NULL, "
                        + "field VARCHAR NOT NULL, reason VARCHAR NOT NULL, raw VARCHAR NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS ingests(source_file VARCHAR NOT NULL, accepted BIGINT, "
                        + "quarantined BIGINT, duplicates BIGINT, ingested_at TIMESTAMP)");
            }
            // DuckDB holds this store's lock now: scratch files a killed ingest into THIS store left can go (another
            // store's scratch files in the same folder carry that store's name and are left alone)
            try (var stale = Files.newDirectoryStream(db.toAbsolutePath().getParent(),
                    scratchPrefix(db) + "*.csv")) {
                for (Path p : stale) {
                    Files.deleteIfExists(p);
                }
            }
            return new MonitoringStore(c, db);
        } catch (SQLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("lock")) {
                // DuckDB's message names the holder's executable and PID: not for the user's screen
                throw new StoreBusyException(db, e);
            }
            StoreDamagedException d = damaged(db, e);
            if (d != null) {
                throw d;
            }
            throw new InvalidInputException("cannot open monitoring store " + db + ": not a LiChain monitoring store "
                    + "or damaged (the database could not be opened)", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot open monitoring store " + db + ": " + (e instanceof
                    java.nio.file.AccessDeniedException ? "permission denied" : "cannot create its folder"), e);
        }
    }

    /** The store is open in another process (DuckDB allows one writer); retry when that command has finished. */
    public static final class StoreBusyException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        StoreBusyException(Path db, Throwable cause) {
            super("the monitoring store " + db + " is in use by another process (a running 'lichain env' command or "
                    + "server); try again when it has finished", cause);
        }
    }

    /**
     * The store's file is damaged: DuckDB found a block whose checksum does not match while reading it (the file was
     * changed after it was written: a disk fault, a partial copy, another program writing into it). Not a bug in
     * LiChain and nothing the user typed, but something the user can fix (restore the file or ingest again into a
     * new store), so it is a user error naming the file and the damaged place: the CLI exits 2; the server answers a
     * 500 of type {@code /problems/store-damaged} with an error id (the store is the server's, not the client's).
     */
    public static final class StoreDamagedException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        StoreDamagedException(Path db, String where, Throwable cause) {
            super("the monitoring store " + db + " is damaged: " + where + " fails its checksum (the file was changed "
                    + "after LiChain wrote it: a disk fault, an incomplete copy or another program writing into it); "
                    + "nothing was read from it or written to it. Restore the file from a backup, or ingest the "
                    + "measurement files again into a new store (--db NEW.duckdb)", cause);
        }
    }

    private static final java.util.regex.Pattern DAMAGED_BLOCK = java.util.regex.Pattern.compile(
            "block at location (\\d+)");

    /**
     * The store-damaged error behind a DuckDB failure, or null when the failure is something else. DuckDB reports a
     * block whose checksum fails as "Data Corruption Error: Corrupt database file: computed checksum … does not match
     * stored checksum … in block at location N" (DuckDB 1.x).
     */
    static StoreDamagedException damaged(Path db, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof SQLException && m != null && (m.contains("Corrupt") || m.contains("checksum"))) {
                java.util.regex.Matcher at = DAMAGED_BLOCK.matcher(m);
                return new StoreDamagedException(db, at.find() ? "the block at byte " + at.group(1) : "a block", e);
            }
        }
        return null;
    }

    /** A failed read: {@link StoreDamagedException} when DuckDB found the file damaged, else a bug. */
    private RuntimeException readFailure(SQLException e) {
        StoreDamagedException d = damaged(file, e);
        return d != null ? d : new IllegalStateException("cannot read measurements: " + e.getMessage(), e);
    }

    public Path file() {
        return file;
    }

    /** Prefix of the scratch files an ingest writes beside the store (a killed ingest may leave one behind). */
    static final String SCRATCH_PREFIX = ".lichain-ingest-";

    /**
     * The scratch-file prefix of one store: {@code .lichain-ingest-<store file name>-}. Only the store's owner (the
     * process holding its DuckDB lock) writes or deletes files with it, so ingests into two stores in one folder
     * never touch each other's scratch files. Glob characters in the name are replaced.
     */
    static String scratchPrefix(Path db) {
        String name = db.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return SCRATCH_PREFIX + name + "-";
    }

    private Path scratchDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static StringBuilder quoted(StringBuilder sb, String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return sb.append(v);
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        return sb.append('"');
    }

    /** The outcome of one ingest. {@code problems} lists every quarantined line (capped by the caller for display). */
    public record IngestResult(long accepted, long quarantined, long duplicates, List<MeasurementCsv.Rejected> problems) {
    }

    /** Hooks into an ingest, for progress display and for the interrupted-ingest test. */
    public interface Listener {
        default void rowsRead(long rows) {
        }

        /** Called after all rows are written, just before the commit. */
        default void beforeCommit() {
        }
    }

    public IngestResult ingest(Path csv, Set<String> knownStations) {
        return ingest(csv, knownStations, new Listener() {
        });
    }

    /** Ingests one CSV file in one transaction; throws (and changes nothing) if the file cannot be read. */
    public IngestResult ingest(Path csv, Set<String> knownStations, Listener listener) {
        String source = csv.getFileName().toString();
        // strict UTF-8 first, located to the byte: the whole file is refused before anything is written
        org.lichain.dataset.TextInput.checkUtf8(csv, source);
        List<MeasurementCsv.Rejected> rejected = new ArrayList<>();
        try {
            conn.setAutoCommit(false);
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE OR REPLACE TEMP TABLE staging(line BIGINT, station VARCHAR, time TIMESTAMP, "
                        + "analyte VARCHAR, value_ug_per_l DOUBLE, below_detection BOOLEAN, "
                        + "detection_limit_ug_per_l DOUBLE, qualifier VARCHAR, lab VARCHAR)");
            }
            long[] count = {0};
            // validated rows go to a normalised scratch CSV beside the store, which DuckDB's parallel reader loads
            // into the staging table inside the transaction (much faster than a JDBC appender call per value)
            Path scratch = Files.createTempFile(scratchDir(), scratchPrefix(file), ".csv");
            try {
                try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                     java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                             Files.newOutputStream(scratch), StandardCharsets.UTF_8), 1 << 20)) {
                    StringBuilder sb = new StringBuilder(128);
                    MeasurementCsv.read(in, source, knownStations, new MeasurementCsv.Sink() {
                        @Override
                        public void accept(MeasurementCsv.Row r) throws IOException {
                            sb.setLength(0);
                            sb.append(r.line()).append(',');
                            quoted(sb, r.station()).append(',').append(r.epochMicros()).append(',');
                            quoted(sb, r.analyte()).append(',').append(r.valueUgPerL()).append(',')
                                    .append(r.belowDetection()).append(',');
                            if (!Double.isNaN(r.detectionLimitUgPerL())) {
                                sb.append(r.detectionLimitUgPerL());
                            }
                            sb.append(',');
                            quoted(sb, r.qualifier()).append(',');
                            quoted(sb, r.lab()).append('\n');
                            w.append(sb);
                            if (++count[0] % 1_000_000 == 0) {
                                listener.rowsRead(count[0]);
                            }
                        }

                        @Override
                        public void reject(MeasurementCsv.Rejected r) {
                            rejected.add(r);
                        }
                    });
                }
                try (PreparedStatement load = conn.prepareStatement("INSERT INTO staging SELECT line, station, "
                        + "make_timestamp(us), analyte, v, below, dl, coalesce(qualifier, ''), coalesce(lab, '') "
                        + "FROM read_csv(?, header = false, auto_detect = false, delim = ',', quote = '\"', "
                        + "escape = '\"', columns = {'line': 'BIGINT', 'station': 'VARCHAR', 'us': 'BIGINT', "
                        + "'analyte': 'VARCHAR', 'v': 'DOUBLE', 'below': 'BOOLEAN', 'dl': 'DOUBLE', "
                        + "'qualifier': 'VARCHAR', 'lab': 'VARCHAR'})")) {
                    load.setString(1, scratch.toString());
                    long loaded = load.executeUpdate();
                    if (loaded != count[0]) {
                        throw new IllegalStateException("staging holds " + loaded + " rows, " + count[0] + " were valid");
                    }
                }
            } finally {
                Files.deleteIfExists(scratch);
            }
            listener.rowsRead(count[0]);
            long duplicates;
            int parsedRejects = rejected.size();
            try (Statement s = conn.createStatement()) {
                // the same identity twice in the file: keep the first line, quarantine the others
                s.execute("CREATE OR REPLACE TEMP TABLE dup AS SELECT s.line, k.first_line FROM staging s JOIN "
                        + "(SELECT station, time, analyte, lab, min(line) AS first_line FROM staging "
                        + "GROUP BY ALL HAVING count(*) > 1) k USING (station, time, analyte, lab) "
                        + "WHERE s.line > k.first_line");
                try (ResultSet rs = s.executeQuery("SELECT line, first_line FROM dup ORDER BY line")) {
                    while (rs.next()) {
                        rejected.add(new MeasurementCsv.Rejected(rs.getLong(1), "station,time,analyte,lab",
                                "duplicate of line " + rs.getLong(2) + " (same station, time, analyte and lab)", ""));
                    }
                }
                s.execute("DELETE FROM staging WHERE line IN (SELECT line FROM dup)");
                // against the store: same value = duplicate (skipped), other value = conflict (quarantined)
                s.execute("CREATE OR REPLACE TEMP TABLE seen AS SELECT s.line, "
                        + "(m.value_ug_per_l = s.value_ug_per_l AND m.below_detection = s.below_detection) AS same, "
                        + "m.value_ug_per_l AS stored FROM staging s JOIN measurements m "
                        + "USING (station, time, analyte, lab)");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE same) FROM seen")) {
                    rs.next();
                    duplicates = rs.getLong(1);
                }
                try (ResultSet rs = s.executeQuery("SELECT line, stored FROM seen WHERE NOT same ORDER BY line")) {
                    while (rs.next()) {
                        rejected.add(new MeasurementCsv.Rejected(rs.getLong(1), "value",
                                "conflicts with the stored value " + rs.getDouble(2) + " µg/L for the same station, "
                                        + "time, analyte and lab", ""));
                    }
                }
            }
            try (PreparedStatement ins = conn.prepareStatement("INSERT INTO measurements SELECT station, time, analyte, "
                    + "value_ug_per_l, below_detection, detection_limit_ug_per_l, qualifier, lab, ?, line "
                    + "FROM staging WHERE line NOT IN (SELECT line FROM seen)")) {
                ins.setString(1, source);
                ins.execute();
            }
            long accepted = count[0] - (rejected.size() - parsedRejects) - duplicates;
            rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
            try (PreparedStatement q = conn.prepareStatement("INSERT INTO quarantine SELECT ?, ?, ?, ?, ? WHERE NOT "
                    + "EXISTS (SELECT 1 FROM quarantine WHERE source_file = ? AND line = ? AND reason = ?)")) {
                for (MeasurementCsv.Rejected r : rejected) {
                    q.setString(1, source);
                    q.setLong(2, r.line());
                    q.setString(3, r.field());
                    q.setString(4, r.reason());
                    q.setString(5, r.raw());
                    q.setString(6, source);
                    q.setLong(7, r.line());
                    q.setString(8, r.reason());
                    q.addBatch();
                }
                q.executeBatch();
            }
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO ingests VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, source);
                p.setLong(2, accepted);
                p.setLong(3, rejected.size());
                p.setLong(4, duplicates);
                p.setObject(5, LocalDateTime.now());
                p.execute();
            }
            listener.beforeCommit();
            conn.commit();
            return new IngestResult(accepted, rejected.size(), duplicates, List.copyOf(rejected));
        } catch (Exception e) {
            StoreDamagedException d = damaged(file, e);
            try {
                rollback();
            } catch (RuntimeException rollbackFailed) {
                if (d == null) {
                    throw rollbackFailed;
                }
            }
            if (d != null) {
                throw d;
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + csv + ": " + io.getMessage(), io);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("ingest of " + csv + " failed, store unchanged: " + e.getMessage(), e);
        } finally {
            try {
                conn.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closing; nothing was committed
            }
        }
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("rollback failed: " + e.getMessage(), e);
        }
    }

    /** A stored measurement. */
    public record Measurement(String station, LocalDateTime time, String analyte, double valueUgPerL,
                              boolean belowDetection, double detectionLimitUgPerL, String lab) {
    }

    /** Every stored measurement of an analyte, by station then time. */
    public List<Measurement> measurements(String analyte) {
        List<Measurement> out = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT station, time, analyte, value_ug_per_l, "
                + "below_detection, detection_limit_ug_per_l, lab FROM measurements WHERE analyte = ? "
                + "ORDER BY station, time, lab")) {
            p.setString(1, analyte);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return out;
    }

    /** Where a scan stands: the last measurement read (its station, time and lab: unique per analyte). */
    public record ScanKey(String station, LocalDateTime time, String lab) {
    }

    /**
     * Streams one station's measurements of an analyte in (time, lab) order, those after ({@code afterTime},
     * {@code afterLab}) (null: from the first), at most {@code maxRows}, until {@code sink} answers false; nothing
     * is held beyond the current row. Returns the rows passed to the sink. One station at a time because DuckDB
     * then sorts only that station's rows (tens of ms on two million rows, against hundreds for a sort by station
     * too).
     */
    public long scanStation(String analyte, String station, LocalDateTime afterTime, String afterLab, int maxRows,
                            java.util.function.Predicate<Measurement> sink) {
        String sql = "SELECT station, time, analyte, value_ug_per_l, below_detection, detection_limit_ug_per_l, lab "
                + "FROM measurements WHERE analyte = ? AND station = ?"
                + (afterTime == null ? "" : " AND (time, lab) > (?, ?)")
                + " ORDER BY time, lab LIMIT ?";
        long n = 0;
        try (PreparedStatement p = conn.prepareStatement(sql)) {
            int i = 1;
            p.setString(i++, analyte);
            p.setString(i++, station);
            if (afterTime != null) {
                p.setObject(i++, afterTime);
                p.setString(i++, afterLab);
            }
            p.setInt(i, maxRows);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    n++;
                    if (!sink.test(row(rs))) {
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return n;
    }

    /** The last {@code n} measurements of the key's station before the key, oldest first (a page's warm-up). */
    public List<Measurement> before(String analyte, ScanKey key, int n) {
        List<Measurement> out = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT station, time, analyte, value_ug_per_l, "
                + "below_detection, detection_limit_ug_per_l, lab FROM measurements WHERE analyte = ? AND station = ? "
                + "AND (time, lab) <= (?, ?) ORDER BY time DESC, lab DESC LIMIT ?")) {
            p.setString(1, analyte);
            p.setString(2, key.station());
            p.setObject(3, key.time());
            p.setString(4, key.lab());
            p.setInt(5, n);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** Number of stored measurements of an analyte and the latest time (null when none). */
    public record Extent(long count, LocalDateTime latest) {
    }

    public Extent extent(String analyte) {
        try (PreparedStatement p = conn.prepareStatement("SELECT count(*), max(time) FROM measurements "
                + "WHERE analyte = ?")) {
            p.setString(1, analyte);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new Extent(rs.getLong(1), rs.getObject(2, LocalDateTime.class));
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    private static Measurement row(ResultSet rs) throws SQLException {
        double dl = rs.getDouble(6);
        boolean dlNull = rs.wasNull();
        return new Measurement(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
                rs.getDouble(4), rs.getBoolean(5), dlNull ? Double.NaN : dl, rs.getString(7));
    }

    /** Row counts of the three tables: measurements, quarantine, ingests. */
    public long[] counts() {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM "
                + "measurements), (SELECT count(*) FROM quarantine), (SELECT count(*) FROM ingests)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** The JDBC connection, for reports and benchmarks that query the store directly. */
    public Connection connection() {
        return conn;
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
