package org.lichain.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes the results of a finished ensemble into a folder: {@code results.duckdb} (tables runs, months,
 * annual, inputs), and {@code runs.parquet}, {@code months.parquet}, {@code annual.parquet} exported from
 * it with DuckDB's {@code COPY … (FORMAT PARQUET)}, rows ordered by run (and month/year). Batches are
 * streamed in chunk order, one at a time, so memory stays bounded by one chunk plus the summary arrays.
 */
public final class EnsembleOutput {
    private EnsembleOutput() {
    }

    /** Opens {@code dir/results.duckdb} for batches handed in run order ({@link Writer#add}). */
    public static Writer open(Path dir, EnsembleLayout layout, long seed, int runs) {
        return new Writer(dir, layout, seed, runs);
    }

    /**
     * The results being written: batches are appended to DuckDB as they are added (in run order, so that the
     * Parquet files can be exported in insertion order without a sort), and {@link #finish} exports the Parquet
     * files and returns the summary. Not thread-safe: add from one thread.
     */
    public static final class Writer implements AutoCloseable {
        private final Path dir;
        private final EnsembleLayout layout;
        private final SummaryBuilder summary;
        private final Connection c;
        private final DuckDBAppender runsA;
        private final DuckDBAppender monthsA;
        private final DuckDBAppender annualA;
        private int nextRun;
        private boolean closed;

        private Writer(Path dir, EnsembleLayout layout, long seed, int runs) {
            this.dir = dir;
            this.layout = layout;
            this.summary = new SummaryBuilder(layout, seed, runs);
            Path db = dir.resolve("results.duckdb");
            Connection conn = null;
            try {
                Files.createDirectories(dir);
                Files.deleteIfExists(db);
                Files.deleteIfExists(dir.resolve("results.duckdb.wal"));
                conn = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                createTables(conn, layout);
                DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
                runsA = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "runs");
                monthsA = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "months");
                annualA = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "annual");
                c = conn;
            } catch (SQLException e) {
                closeQuietly(conn);
                throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
            } catch (IOException e) {
                closeQuietly(conn);
                throw new UncheckedIOException(e);
            }
        }

        /** Appends the next batch; batches must come in run order, without gaps. */
        public void add(RunBatch b) {
            if (b.firstRun() != nextRun) {
                throw new IllegalStateException("batch of runs from " + b.firstRun() + " added, expected run "
                        + nextRun);
            }
            try {
                append(b, layout, runsA, monthsA, annualA);
            } catch (SQLException e) {
                throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
            }
            summary.add(b);
            nextRun += b.count();
        }

        /** Closes the appenders, writes the Parquet files and returns the summary. */
        public EnsembleSummary finish() {
            try {
                runsA.close();
                monthsA.close();
                annualA.close();
                try (Statement st = c.createStatement()) {
                    // rows were appended in run (and month/year) order and DuckDB keeps insertion order
                    st.execute("SET preserve_insertion_order = true");
                    copy(st, "SELECT * FROM runs", dir.resolve("runs.parquet"));
                    copy(st, "SELECT * FROM months", dir.resolve("months.parquet"));
                    copy(st, "SELECT * FROM annual", dir.resolve("annual.parquet"));
                    st.execute("CHECKPOINT");
                }
                closed = true;
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return summary.build();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                closeQuietly(runsA);
                closeQuietly(monthsA);
                closeQuietly(annualA);
                closeQuietly(c);
            }
        }

        private static void closeQuietly(AutoCloseable a) {
            if (a == null) {
                return;
            }
            try {
                a.close();
            } catch (Exception ignored) {
                // already failing: the first error is the one reported
            }
        }
    }

    private static void createTables(Connection c, EnsembleLayout layout) throws SQLException {
        try (Statement st = c.createStatement()) {
            StringBuilder runs = new StringBuilder("CREATE TABLE runs (run INTEGER NOT NULL, seed BIGINT NOT NULL");
            for (String col : layout.inputColumns()) {
                runs.append(", ").append(quote(col)).append(" DOUBLE");
            }
            for (String col : layout.keyOutputColumns()) {
                runs.append(", ").append(quote(col)).append(" DOUBLE");
            }
            st.execute(runs.append(")").toString());
            StringBuilder months = new StringBuilder("CREATE TABLE months (run INTEGER NOT NULL, month VARCHAR NOT NULL");
            for (Metric m : layout.metrics()) {
                months.append(", ").append(quote(m.name())).append(" DOUBLE");
            }
            st.execute(months.append(")").toString());
            StringBuilder annual = new StringBuilder("CREATE TABLE annual (run INTEGER NOT NULL, year INTEGER NOT NULL");
            for (Metric m : layout.metrics()) {
                annual.append(", ").append(quote(m.annualName())).append(" DOUBLE");
            }
            st.execute(annual.append(")").toString());
            st.execute("CREATE TABLE inputs (name VARCHAR, unit VARCHAR, description VARCHAR, distribution VARCHAR)");
            st.execute("CREATE TABLE metrics (name VARCHAR, annual_name VARCHAR, unit VARCHAR, annual VARCHAR, "
                    + "description VARCHAR)");
            try (var ps = c.prepareStatement("INSERT INTO inputs VALUES (?, ?, ?, ?)")) {
                for (UncertainParameter p : layout.spec().parameters()) {
                    ps.setString(1, p.name());
                    ps.setString(2, p.unit());
                    ps.setString(3, p.description());
                    ps.setString(4, p.uncertainty().toString());
                    ps.executeUpdate();
                }
            }
            try (var ps = c.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?, ?, ?)")) {
                for (Metric m : layout.metrics()) {
                    ps.setString(1, m.name());
                    ps.setString(2, m.annualName());
                    ps.setString(3, m.unit());
                    ps.setString(4, m.aggregation().name().toLowerCase(java.util.Locale.ROOT));
                    ps.setString(5, m.description());
                    ps.executeUpdate();
                }
            }
        }
    }

    private static void append(RunBatch b, EnsembleLayout layout, DuckDBAppender runsA, DuckDBAppender monthsA,
            DuckDBAppender annualA) throws SQLException {
        int nMet = b.nMetrics();
        for (int r = 0; r < b.count(); r++) {
            int run = b.firstRun() + r;
            runsA.beginRow().append(run).append(b.runSeeds()[r]);
            for (int k = 0; k < b.nInputs(); k++) {
                runsA.append(b.input(r, k));
            }
            for (double v : layout.keyOutputs(b, r)) {
                runsA.append(v);
            }
            runsA.endRow();
            for (int t = 0; t < b.nMonths(); t++) {
                monthsA.beginRow().append(run).append(layout.month(t));
                for (int m = 0; m < nMet; m++) {
                    monthsA.append(b.monthly(r, m, t));
                }
                monthsA.endRow();
            }
            double[][] an = new double[nMet][];
            for (int m = 0; m < nMet; m++) {
                an[m] = layout.annual(b, r, m);
            }
            for (int y = 0; y < layout.years(); y++) {
                annualA.beginRow().append(run).append(layout.firstYear() + y);
                for (int m = 0; m < nMet; m++) {
                    annualA.append(an[m][y]);
                }
                annualA.endRow();
            }
        }
    }

    private static void copy(Statement st, String query, Path file) throws SQLException, IOException {
        Files.deleteIfExists(file);
        st.execute("COPY (" + query + ") TO '" + file.toAbsolutePath().toString().replace("'", "''")
                + "' (FORMAT PARQUET)");
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
