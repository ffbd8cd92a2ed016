package io.synthgen.server.compile;

import io.synthgen.compile.CompiledColumn;
import io.synthgen.compile.CompiledTable;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import io.synthgen.server.catalog.databricks.SharedSpark;
import io.synthgen.vec.Batch;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Compares a compiled feed, state or history on the shared local Spark with what the local engine writes for it:
 * the same column names and types, and the same rows as multisets (every cell, both ways: what EXCEPT ALL finds in
 * either direction), optionally also row by row through {@code __row}. The differences (a few per side) come back
 * as text.
 */
final class FeedSqlTestSupport {

  private FeedSqlTestSupport() {
  }

  /** Every row of {@code local} against {@code compiled.select()}. */
  static List<String> differences(TableSource local, CompiledTable compiled) {
    return differences(local, compiled, SharedSpark.get().sql(compiled.select()).collectAsList(), 0);
  }

  /** The local rows against Spark rows that start with {@code skip} extra columns (e.g. {@code __row}). */
  static List<String> differences(TableSource local, CompiledTable compiled, List<Row> sparkRows, int skip) {
    List<String> out = new ArrayList<>();
    List<String> names = local.columns().stream().map(OutputColumn::name).toList();
    List<String> sqlNames = compiled.columns().stream().map(CompiledColumn::name).toList();
    if (!names.equals(sqlNames)) {
      out.add(local.name() + ": local columns " + names + ", SQL columns " + sqlNames);
      return out;
    }
    for (int c = 0; c < names.size(); c++) {
      if (!local.columns().get(c).type().equals(compiled.columns().get(c).type())) {
        out.add(local.name() + "." + names.get(c) + ": local type " + local.columns().get(c).type() + ", SQL type "
            + compiled.columns().get(c).type());
      }
    }
    if (local.rows() != compiled.rows()) {
      out.add(local.name() + ": local rows " + local.rows() + ", SQL rows() " + compiled.rows());
    }
    List<String> localRows = localRows(local);
    List<String> sqlRows = new ArrayList<>();
    for (Row r : sparkRows) {
      sqlRows.add(sparkRow(r, skip));
    }
    if (sqlRows.size() != localRows.size()) {
      out.add(local.name() + ": SQL gave " + sqlRows.size() + " rows, the local engine " + localRows.size());
    }
    Map<String, Integer> bag = new TreeMap<>();
    localRows.forEach(r -> bag.merge(r, 1, Integer::sum));
    sqlRows.forEach(r -> bag.merge(r, -1, Integer::sum));
    int onlyLocal = 0;
    int onlySql = 0;
    for (Map.Entry<String, Integer> e : bag.entrySet()) {
      if (e.getValue() > 0 && onlyLocal++ < 3) {
        out.add(local.name() + " only local: " + e.getKey());
      } else if (e.getValue() < 0 && onlySql++ < 3) {
        out.add(local.name() + " only SQL:   " + e.getKey());
      }
    }
    return out;
  }

  /** Every local row, rendered as the SQL rows are. */
  static List<String> localRows(TableSource local) {
    Batch b = local.chunk(0, Math.toIntExact(local.rows()));
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < local.columns().size(); c++) {
        cells.add(String.valueOf(localValue(b.vectors().get(c), i, local.columns().get(c).type())));
      }
      rows.add(String.join(" | ", cells));
    }
    return rows;
  }

  static String sparkRow(Row r, int skip) {
    List<String> cells = new ArrayList<>();
    for (int c = skip; c < r.size(); c++) {
      cells.add(String.valueOf(normal(r.get(c))));
    }
    return String.join(" | ", cells);
  }

  static Object normal(Object o) {
    if (o instanceof Integer i) {
      return (long) i;
    }
    if (o instanceof Double d) {
      return "d" + d;
    }
    if (o instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (o instanceof Instant t) {
      return "ts" + (t.getEpochSecond() * 1_000_000L + t.getNano() / 1000);
    }
    if (o instanceof LocalDate d) {
      return "date" + d.toEpochDay();
    }
    return o;
  }

  static Object localValue(Vec v, int i, DataType type) {
    if (v.isNull(i)) {
      return null;
    }
    if (v instanceof LongVec l) {
      long x = l.values[i];
      return switch (type.kind()) {
        case DECIMAL -> BigDecimal.valueOf(x, type.scale()).toPlainString();
        case DATE -> "date" + x;
        case TIMESTAMP -> "ts" + x;
        default -> x;
      };
    }
    if (v instanceof DoubleVec d) {
      return normal(d.values[i]);
    }
    return v.get(i);
  }
}
