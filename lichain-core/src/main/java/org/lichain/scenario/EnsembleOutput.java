package org.lichain.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntFunction;
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

    /**
     * Streams the batches {@code batch.apply(0..chunks-1)} into {@code dir} (which must not hold the files
     * yet) and returns the summary.
     */
    public static EnsembleSummary write(Path dir, EnsembleLayout layout, long seed, int runs, int chunks,
            IntFunction<RunBatch> batch) {
        Path db = dir.resolve("results.duckdb");
        SummaryBuilder summary = new SummaryBuilder(layout, seed, runs);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(db);
            Files.deleteIfExists(dir.resolve("results.duckdb.wal"));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
                createTables(c, layout);
                DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
                try (DuckDBAppender runsA = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "runs");
                        DuckDBAppender monthsA = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "months");
                        DuckDBAppender annualA = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "annual")) {
                    for (int ch = 0; ch < chunks; ch++) {
                        RunBatch b = batch.apply(ch);
                        append(b, layout, runsA, monthsA, annualA);
                        summary.add(b);
                    }
                }
                try (Statement st = c.createStatement()) {
                    copy(st, "SELECT * FROM runs ORDER BY run", dir.resolve("runs.parquet"));
                    copy(st, "SELECT * FROM months ORDER BY run, month", dir.resolve("months.parquet"));
                    copy(st, "SELECT * FROM annual ORDER BY run, year", dir.resolve("annual.parquet"));
                    st.execute("CHECKPOINT");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary.build();
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

    /** Names of the files {@link #write} produces. */
    public static List<String> files() {
        return List.of("results.duckdb", "runs.parquet", "months.parquet", "annual.parquet");
    }
}
