package org.lichain.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.lichain.environment.MonitoringStore;

/** Generated monitoring data for the alerts tests (inside DuckDB: two million rows take seconds). */
final class AlertsLoadTestData {
    private AlertsLoadTestData() {
    }

    /**
     * {@code rows} thallium measurements over the stations, round robin, hourly from 2020-01-01: every 25th (by a
     * scrambled index) 0.3 µg/L, the others 0.02 to 0.069 µg/L; so single, rolling-mean and trend alerts all occur.
     */
    static void generate(Path db, List<String> stations, int rows) throws Exception {
        MonitoringStore.open(db).close(); // the store's own schema
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            String list = String.join(",", stations.stream().map(x -> "'" + x + "'").toList());
            s.execute("INSERT INTO measurements SELECT list_extract([" + list + "], (i % " + stations.size()
                    + ")::INT + 1), TIMESTAMP '2020-01-01' + to_hours((i // " + stations.size() + ")::BIGINT), "
                    + "'thallium', CASE WHEN (i * 7919) % 25 = 0 THEN 0.3 ELSE 0.02 + ((i * 31) % 50) / 1000.0 END, "
                    + "false, NULL, '', 'GEN', 'generated', i + 2 FROM range(" + rows + ") t(i)");
        }
    }
}
