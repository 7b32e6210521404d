package org.lichain.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SimulationResult} as tables: {@code monthly.csv} (one row per month), {@code production_by_asset.csv}
 * and {@code trade_flows.csv} (long format), {@code annual.csv}; or the same as Parquet through DuckDB. Files are
 * written to a temporary folder first and moved into place, so a failure leaves nothing half-written.
 */
public final class MarketCsv {
    public static final List<String> TABLES = List.of("monthly", "production_by_asset", "trade_flows", "annual");

    private MarketCsv() {
    }

    public static void writeCsv(SimulationResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir.toAbsolutePath(), ".lichain-");
            write(r, tmp);
            for (String t : TABLES) {
                Files.move(tmp.resolve(t + ".csv"), dir.resolve(t + ".csv"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static void writeParquet(SimulationResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir.toAbsolutePath(), ".lichain-");
            write(r, tmp);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                for (String t : TABLES) {
                    String in = tmp.resolve(t + ".csv").toString().replace("'", "''");
                    String out = tmp.resolve(t + ".parquet").toString().replace("'", "''");
                    s.execute("COPY (SELECT * FROM read_csv_auto('" + in + "', header=true)) TO '" + out
                            + "' (FORMAT PARQUET)");
                }
            }
            for (String t : TABLES) {
                Files.move(tmp.resolve(t + ".parquet"), dir.resolve(t + ".parquet"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.delete(tmp.resolve(t + ".csv"));
            }
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Parquet to " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed writing Parquet: " + e.getMessage(), e);
        }
    }

    private static void write(SimulationResult r, Path dir) throws IOException {
        // the monthly table is the declared columns (MarketColumns) plus the boolean market_short
        StringBuilder m = new StringBuilder("month");
        List<double[]> cols = new java.util.ArrayList<>();
        for (MarketColumns.Column c : MarketColumns.MONTHLY) {
            m.append(',').append(c.name());
            cols.add(c.values().apply(r));
        }
        m.append(",market_short\n");
        for (int t = 0; t < r.months(); t++) {
            m.append(r.month(t));
            for (double[] v : cols) {
                m.append(',').append(f(v[t]));
            }
            m.append(',').append(r.short_()[t]).append('\n');
        }
        Files.writeString(dir.resolve("monthly.csv"), m, StandardCharsets.UTF_8);
        StringBuilder p = new StringBuilder("month,asset_id,country,resource_type,production_t_lce,c1_usd_per_t_lce,running\n");
        for (int i = 0; i < r.assetIds().size(); i++) {
            for (int t = 0; t < r.months(); t++) {
                p.append(r.month(t)).append(',').append(r.assetIds().get(i)).append(',')
                        .append(r.assetCountries().get(i)).append(',').append(r.assetResourceTypes().get(i)).append(',')
                        .append(f(r.productionByAsset()[i][t])).append(',').append(f(r.assetC1UsdPerTLce()[i][t]))
                        .append(',').append(r.assetRunning()[i][t]).append('\n');
            }
        }
        Files.writeString(dir.resolve("production_by_asset.csv"), p, StandardCharsets.UTF_8);
        StringBuilder tf = new StringBuilder("month,origin_country,destination_region,t_lce\n");
        for (int t = 0; t < r.months(); t++) {
            for (int c = 0; c < r.countries().size(); c++) {
                for (DemandRegion reg : DemandRegion.values()) {
                    double v = r.flowCountryToRegion()[t][c][reg.ordinal()];
                    if (v > 0) {
                        tf.append(r.month(t)).append(',').append(r.countries().get(c)).append(',').append(reg.id())
                                .append(',').append(f(v)).append('\n');
                    }
                }
            }
        }
        Files.writeString(dir.resolve("trade_flows.csv"), tf, StandardCharsets.UTF_8);
        Map<Integer, Map<String, Double>> annual = ResultJson.annual(r);
        StringBuilder a = new StringBuilder("year");
        List<String> keys = List.copyOf(annual.values().iterator().next().keySet());
        for (String k : keys) {
            a.append(',').append(k);
        }
        a.append('\n');
        for (var e : annual.entrySet()) {
            a.append(e.getKey());
            for (String k : keys) {
                a.append(',').append(f(e.getValue().get(k)));
            }
            a.append('\n');
        }
        Files.writeString(dir.resolve("annual.csv"), a, StandardCharsets.UTF_8);
    }

    /** A cell: 4 decimals, empty when missing (not finite). */
    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", ResultJson.round(v, 4)) : "";
    }
}
