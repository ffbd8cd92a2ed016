package io.synthgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.output.formats.TableReaders;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.plan.Destination;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write {@link AllTypes} rows, read them back with DuckDB and with our readers. */
public final class Tables {

  private Tables() {
  }

  public static List<FileEntry> writeAllTypes(Path dir, String table, Destination.Format format,
      Destination.Compression compression, long rowsPerFile, long rows, int batchRows) throws IOException {
    try (TableWriter w = TableWriters.open(dir, table, AllTypes.COLUMNS,
        new WriterOptions(format, compression, rowsPerFile))) {
      for (long first = 0; first < rows; first += batchRows) {
        w.append(w.encode(AllTypes.batch(first, (int) Math.min(batchRows, rows - first))));
      }
      return w.commit();
    }
  }

  public static List<List<String>> duck(String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
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

  /** Checks DuckDB's types, the row count, null counts, and every value of a sample of rows. */
  public static void assertDuckReads(String from, long rows) throws SQLException {
    List<List<String>> desc = duck("DESCRIBE SELECT * FROM " + from);
    assertEquals(AllTypes.COLUMNS.size(), desc.size(), "columns");
    for (int c = 0; c < desc.size(); c++) {
      assertEquals(AllTypes.COLUMNS.get(c).name(), desc.get(c).get(0));
      assertEquals(AllTypes.DUCKDB_TYPES.get(c), desc.get(c).get(1), "type of " + desc.get(c).get(0));
    }
    StringBuilder counts = new StringBuilder("SELECT count(*)");
    for (OutputColumn col : AllTypes.COLUMNS) {
      counts.append(", count(\"").append(col.name()).append("\")");
    }
    List<String> got = duck(counts + " FROM " + from).get(0);
    assertEquals(Long.toString(rows), got.get(0), "rows");
    for (int c = 0; c < AllTypes.COLUMNS.size(); c++) {
      long nonNull = 0;
      for (long r = 0; r < rows; r++) {
        nonNull += AllTypes.value(c, r) == null ? 0 : 1;
      }
      assertEquals(Long.toString(nonNull), got.get(c + 1), "non-null count of " + AllTypes.COLUMNS.get(c).name());
    }
    List<List<String>> sample = duck("SELECT " + AllTypes.duckSelect() + " FROM " + from
        + " WHERE id < 3000 OR id % 101 = 0 ORDER BY id");
    long expectedRows = 0;
    for (long r = 0; r < rows; r++) {
      if (r < 3000 || r % 101 == 0) {
        List<String> row = sample.get((int) expectedRows++);
        for (int c = 0; c < AllTypes.COLUMNS.size(); c++) {
          assertEquals(AllTypes.text(c, r), row.get(c), "row " + r + " column " + AllTypes.COLUMNS.get(c).name());
        }
      }
    }
    assertEquals(expectedRows, sample.size());
  }

  /** Reads with {@link TableReaders} and compares every value. */
  public static void assertOwnReaderReads(Path file, long rows) throws IOException {
    long next = 0;
    try (TableReader r = TableReaders.open(file, AllTypes.COLUMNS)) {
      while (r.hasNext()) {
        Batch b = r.next();
        for (int i = 0; i < b.size(); i++) {
          assertEquals(next, b.rows()[i]);
          for (int c = 0; c < AllTypes.COLUMNS.size(); c++) {
            Object want = AllTypes.value(c, next);
            Object have = b.vectors().get(c).get(i);
            if (!java.util.Objects.equals(want, have)) {
              assertEquals(want, have, "row " + next + " column " + AllTypes.COLUMNS.get(c).name());
            }
          }
          next++;
        }
      }
    }
    assertEquals(rows, next, "rows read");
    assertTrue(rows >= 0);
  }
}
