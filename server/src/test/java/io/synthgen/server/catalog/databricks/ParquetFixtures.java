package io.synthgen.server.catalog.databricks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Small Parquet files written by DuckDB, with one column of each type the publisher casts to. */
final class ParquetFixtures {

  /** The columns of {@link #customers} and the Spark SQL type the publisher casts each to. */
  static final String[][] COLUMNS = {
      {"customer_id", "BIGINT"}, {"visits", "INT"}, {"score", "DOUBLE"}, {"amount", "DECIMAL(10,2)"},
      {"name", "STRING"}, {"active", "BOOLEAN"}, {"signup_date", "DATE"}, {"updated_at", "TIMESTAMP"}};

  private ParquetFixtures() {
  }

  /** Rows with ids {@code first .. first+rows-1}; every fifth name is NULL. Returns {@code file}. */
  static Path customers(Path file, int first, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT CAST(i AS BIGINT) AS customer_id, CAST(i % 7 AS INTEGER) AS visits,"
          + " CAST(i * 1.5 AS DOUBLE) AS score, CAST(i * 10.25 AS DECIMAL(10,2)) AS amount,"
          + " CASE WHEN i % 5 = 4 THEN NULL ELSE 'name-' || i END AS name, i % 2 = 0 AS active,"
          + " DATE '2024-01-01' + CAST(i AS INTEGER) AS signup_date,"
          + " to_timestamp(1704067200 + i * 3600) AS updated_at"
          + " FROM range(" + first + ", " + (first + rows) + ") t(i)) TO '" + file + "' (FORMAT parquet)");
    }
    return file;
  }
}
