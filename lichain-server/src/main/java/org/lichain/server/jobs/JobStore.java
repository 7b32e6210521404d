package org.lichain.server.jobs;

import org.lichain.dataset.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs and their results in an embedded DuckDB file, so that they outlive the server process: a finished job is
 * served after a restart, a queued one runs again, one that was running is marked failed with the reason. Results
 * live here, not on the heap (the heap holds each retained job's status only). One connection, held for the server's
 * life; calls are serialised. Named choice: DuckDB (already a dependency) in its own file beside the monitoring
 * store ({@code <store>.jobs.duckdb}), so that {@code lichain env ingest} into the store is not blocked while the
 * server runs.
 */
public final class JobStore implements AutoCloseable {
    /** One stored job (result excluded). */
    public record Row(String id, String kind, int runs, String state, Instant createdAt, Instant startedAt,
                      Instant finishedAt, String error, long resultBytes, String request) {
    }

    private final Connection conn;
    private boolean closed;

    private JobStore(Connection conn) {
        this.conn = conn;
    }

    /** The job store beside a monitoring store file: {@code m.duckdb} → {@code m.jobs.duckdb}. */
    public static Path besideStore(Path monitoringDb) {
        String name = monitoringDb.getFileName().toString().replaceFirst("\\.duckdb$", "");
        return monitoringDb.resolveSibling(name + ".jobs.duckdb");
    }

    public static JobStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS jobs(id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, "
                        + "runs INTEGER NOT NULL, state VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, "
                        + "started_at TIMESTAMP, finished_at TIMESTAMP, error VARCHAR, result_bytes BIGINT NOT NULL "
                        + "DEFAULT 0, request VARCHAR NOT NULL, result BLOB)");
            }
            return new JobStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new org.lichain.dataset.InvalidInputException("cannot open the job store " + file + ": "
                    + (e.getMessage() != null && e.getMessage().contains("lock")
                    ? "it is in use by another server" : "not a job store or damaged"), e);
        }
    }

    public synchronized void insert(Job j, String request) {
        exec("INSERT INTO jobs(id, kind, runs, state, created_at, request) VALUES (?, ?, ?, ?, ?, ?)",
                j.id(), j.kind(), j.runs(), j.state().id(), ts(j.createdAt()), request);
    }

    public synchronized void started(Job j) {
        exec("UPDATE jobs SET state = ?, started_at = ? WHERE id = ?", j.state().id(), ts(j.startedAt()), j.id());
    }

    /** Records the end of a job with its result ({@code null} unless it succeeded). */
    public synchronized void finished(Job j, byte[] result) {
        exec("UPDATE jobs SET state = ?, finished_at = ?, error = ?, result_bytes = ?, result = ? WHERE id = ?",
                j.state().id(), ts(j.finishedAt()), j.error(), result == null ? 0L : (long) result.length, result,
                j.id());
    }

    public synchronized byte[] result(String id) {
        if (closed) {
            return null;
        }
        try (PreparedStatement p = conn.prepareStatement("SELECT result FROM jobs WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }

    public synchronized void delete(String id) {
        exec("DELETE FROM jobs WHERE id = ?", id);
    }

    /** Every stored job, oldest first. */
    public synchronized List<Row> all() {
        List<Row> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT id, kind, runs, state, "
                + "created_at, started_at, finished_at, error, result_bytes, request FROM jobs ORDER BY created_at, "
                + "id")) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), instant(rs, 5),
                        instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getLong(9), rs.getString(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private void exec(String sql, Object... args) {
        if (closed) {
            return; // a worker finishing after shutdown: its job was already recorded as interrupted
        }
        try (PreparedStatement p = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof byte[] b) {
                    p.setBytes(i + 1, b);
                } else {
                    p.setObject(i + 1, args[i]);
                }
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            conn.close();
        } catch (SQLException e) {
            // closing: nothing left to save
        }
    }
}
