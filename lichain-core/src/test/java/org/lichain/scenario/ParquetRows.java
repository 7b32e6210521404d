package org.lichain.scenario;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helper (shared through the core test-jar): every row of Parquet files as text, doubles bit-exact (hex). */
public final class ParquetRows {
    private ParquetRows() {
    }

    /** The rows of {@code parquet} (a file or a glob), in file order, or sorted on every column. */
    public static List<String> of(String parquet, boolean sorted) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + parquet.replace("'", "''") + "')"
                        + (sorted ? " ORDER BY ALL" : ""))) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object o = rs.getObject(i);
                    sb.append(md.getColumnName(i)).append('=')
                            .append(o instanceof Double d ? Double.toHexString(d) : String.valueOf(o)).append(' ');
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }
}
