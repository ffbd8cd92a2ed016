package io.synthgen.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** An in-memory DuckDB session: the independent engine our output is read back with. */
public final class Duck implements AutoCloseable {

  private final Connection connection;

  public Duck() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  public void exec(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** A view per table over {@code dir/{table}.parquet}. */
  public void parquetViews(Path dir, String... tables) throws SQLException {
    for (String t : tables) {
      view(t, dir.resolve(t + ".parquet"));
    }
  }

  /** A table's columns as DuckDB describes them: {@code name TYPE, name TYPE, ...}. */
  public String columns(String table) throws SQLException {
    List<String> cols = new java.util.ArrayList<>();
    for (List<String> r : rows("DESCRIBE SELECT * FROM " + table)) {
      cols.add(r.get(0) + " " + r.get(1));
    }
    return String.join(", ", cols);
  }

  /** A view {@code name} over a Parquet, CSV or JSONL file. */
  public void view(String name, Path file) throws SQLException {
    String f = file.toString().replace("'", "''");
    String reader = f.endsWith(".parquet") ? "read_parquet" : f.contains(".csv") ? "read_csv" : "read_json";
    exec("CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM " + reader + "('" + f + "')");
  }

  public List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(r.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The single value of a one-row, one-column query. */
  public String one(String sql) throws SQLException {
    List<List<String>> r = rows(sql);
    if (r.size() != 1 || r.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + ", got " + r);
    }
    return r.get(0).get(0);
  }

  public long count(String sql) throws SQLException {
    return Long.parseLong(one(sql));
  }

  public double number(String sql) throws SQLException {
    return Double.parseDouble(one(sql));
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
