package io.synthgen.server.compile;

import io.synthgen.compile.CompiledTable;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.DataType;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.server.catalog.databricks.SharedSpark;
import io.synthgen.vec.Batch;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a table's compiled SQL on the shared local Spark and compares it, row by row ({@code __row}) and cell by cell,
 * with the local engine's rows; the mismatches (at most a few per column) are returned as text.
 */
final class CoreSqlCheck {

  private CoreSqlCheck() {
  }

  static ResolvedPlan resolve(String json) {
    try {
      return Resolver.resolve(PlanCodec.read(json));
    } catch (PlanException e) {
      throw new AssertionError(e.violations().toString(), e);
    }
  }

  static SparkSession spark() {
    return SharedSpark.get();
  }

  /** Rows [first, first + count) of batch {@code batch} (null: no batch) of a table, or all when count < 0. */
  static List<String> mismatches(ResolvedPlan plan, String table, Long batch, long first, int count) {
    return mismatches(plan, plan, table, batch, first, count);
  }

  /** The first and last {@code __row} of a table's SELECT of a batch, as Spark computes them. */
  static List<Long> rowRange(ResolvedPlan plan, String table, Long batch) {
    try {
      String sql = SqlCompiler.compile(plan, new SqlOptions(batch, 2)).table(table).selectWithRow();
      Row r = spark().sql("SELECT min(`__row`), max(`__row`) FROM (" + sql + ")").first();
      return List.of(r.getLong(0), r.getLong(1));
    } catch (PlanException e) {
      throw new AssertionError(e.violations().toString(), e);
    }
  }

  /** The SQL of {@code sqlPlan} against the local rows of {@code plan} (the check's own test gives two plans). */
  static List<String> mismatches(ResolvedPlan sqlPlan, ResolvedPlan plan, String table, Long batch, long first,
      int count) {
    CompiledTable ct;
    try {
      ct = SqlCompiler.compile(sqlPlan, new SqlOptions(batch, 2)).table(table);
    } catch (PlanException e) {
      throw new AssertionError(e.violations().toString(), e);
    }
    ResolvedTable rt = plan.table(table);
    int n = count < 0 ? Math.toIntExact(rt.rows()) : count;
    String sql = count < 0 ? ct.selectWithRow() : ct.selectWithRow(first, count);
    List<Row> rows = spark().sql(sql).collectAsList();
    Batch local = TableEvaluator.slice(plan, rt, batch == null ? 0 : batch, first, n).outputBatch();
    List<String> out = new ArrayList<>();
    if (rows.size() != n) {
      out.add(table + ": SQL gave " + rows.size() + " rows, the local engine " + n);
    }
    Map<Long, Row> byRow = new HashMap<>();
    for (Row r : rows) {
      byRow.put(r.getLong(0), r);
    }
    for (int c = 0; c < local.names().size(); c++) {
      Vec v = local.vectors().get(c);
      DataType type = rt.column(local.names().get(c)).spec().type();
      int shown = 0;
      for (int i = 0; i < n && shown < 3; i++) {
        Row r = byRow.get(local.rows()[i]);
        Object sparkValue = r == null ? "<missing row>" : normal(r.get(c + 1));
        Object localValue = localValue(v, i, type);
        if (!Objects.equals(sparkValue, localValue)) {
          out.add(table + "." + local.names().get(c) + " row " + local.rows()[i] + ": local " + localValue + ", SQL "
              + sparkValue);
          shown++;
        }
      }
    }
    return out;
  }

  private static Object normal(Object o) {
    if (o instanceof Integer i) {
      return (long) i;
    }
    if (o instanceof Double d) {
      return Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0) ? "0.0" : "d" + d;
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

  private static Object localValue(Vec v, int i, DataType type) {
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
