package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.synthgen.column.ValueSql;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.server.catalog.databricks.SharedSpark;
import io.synthgen.sql.SqlScope;
import io.synthgen.testing.Plans;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Runs value generators both ways: {@code generate} on the local engine's evaluator and {@code sql} on real Spark
 * over {@code range(start, start + n)}, then compares every cell (doubles bit for bit) and every column's Spark type.
 */
final class ValueSqlTestSupport {

  /** Rows per comparison. */
  static final int N = 10_000;
  /** First rows of the compared ranges: the start of a table, rows around 2^31 and around 2^40. */
  static final long[] STARTS = {0, (1L << 31) - N / 2, (1L << 40) - N / 2};

  private ValueSqlTestSupport() {
  }

  /** The scope of a bare {@code range}: the row is {@code id}; constant arrays are inlined. */
  static final SqlScope RANGE = new SqlScope() {
    @Override
    public String row() {
      return "id";
    }

    @Override
    public String rowHash() {
      return "xxhash64(id)";
    }

    @Override
    public String column(String name) {
      throw new IllegalStateException("value generators read no other column");
    }

    @Override
    public String parentRow(String fkColumn) {
      throw new IllegalStateException("value generators have no parent");
    }

    @Override
    public String parentColumn(String fkColumn, String parentColumn) {
      throw new IllegalStateException("value generators have no parent");
    }

    @Override
    public String batch() {
      return "0L";
    }

    @Override
    public String perParentParentRow() {
      throw new IllegalStateException("not per parent");
    }

    @Override
    public String perParentOrdinal() {
      throw new IllegalStateException("not per parent");
    }

    @Override
    public String childAggregate(String childTable, String function, String column) {
      throw new IllegalStateException("value generators aggregate nothing");
    }

    @Override
    public String constantArray(String hint, String sqlArray) {
      return sqlArray;
    }
  };

  /** A column object of a plan. */
  static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  /** One table {@code t} of the given columns, seed 7, resolved. */
  static ResolvedPlan plan(List<String> columns) {
    return Plans.resolve(Plans.document(7, Plans.table("t", 1_000_000, columns.toArray(new String[0]))));
  }

  /** Compares every column of table t at every start of {@link #STARTS}; returns the number of cells compared. */
  static long compareAll(ResolvedPlan plan) {
    return compareAll(plan, SharedSpark.get());
  }

  static long compareAll(ResolvedPlan plan, SparkSession spark) {
    long cells = 0;
    for (long start : STARTS) {
      cells += compare(plan, spark, start, N);
    }
    return cells;
  }

  /** Compares every column of table t over rows [start, start + n); returns the number of cells compared. */
  static long compare(ResolvedPlan plan, SparkSession spark, long start, int n) {
    ResolvedTable t = plan.table("t");
    List<ResolvedColumn> cols = t.columns();
    StringBuilder select = new StringBuilder("SELECT id");
    for (ResolvedColumn c : cols) {
      select.append(",\n  ").append(c.generator().sql(RANGE)).append(" AS `").append(c.name()).append('`');
    }
    select.append("\nFROM range(").append(start).append(", ").append(start + n).append(") ORDER BY id");
    List<Row> rows;
    StructField[] fields;
    try {
      org.apache.spark.sql.Dataset<Row> d = spark.sql(select.toString());
      fields = d.schema().fields();
      rows = d.collectAsList();
    } catch (RuntimeException e) {
      throw new AssertionError("Spark refused the SQL of " + cols.stream().map(ResolvedColumn::name).toList() + ": "
          + e.getMessage(), e);
    }
    assertEquals(n, rows.size(), "rows of range(" + start + ", " + (start + n) + ")");
    TableEvaluator ev = TableEvaluator.range(plan, t, start, n);
    long cells = 0;
    for (int j = 0; j < cols.size(); j++) {
      ResolvedColumn c = cols.get(j);
      DataType type = c.spec().type();
      assertEquals(ValueSql.sparkType(type), fields[j + 1].dataType().sql(), c.name() + ": Spark type");
      Vec v = ev.column(c.name());
      for (int i = 0; i < n; i++) {
        Row r = rows.get(i);
        assertEquals(start + i, r.getLong(0));
        Object spark1 = r.get(j + 1);
        Object local = local(v, i);
        Object sparkValue = normalise(spark1, type);
        if (!local.equals(sparkValue)) {
          fail(c.name() + " (" + type + ") at row " + (start + i) + ": local " + show(local, type) + ", Spark "
              + show(sparkValue, type) + "\nSQL: " + abbreviate(c.generator().sql(RANGE)));
        }
        cells++;
      }
    }
    return cells;
  }

  /** The local value as a comparable object: longs, raw double bits, booleans, strings. */
  private static Object local(Vec v, int i) {
    if (v.isNull(i)) {
      return "NULL";
    }
    if (v instanceof LongVec l) {
      return l.values[i];
    } else if (v instanceof DoubleVec d) {
      return Double.doubleToRawLongBits(d.values[i]);
    } else if (v instanceof BoolVec b) {
      return b.values[i];
    }
    return ((StrVec) v).str(i);
  }

  /** Spark's value in the local representation (unscaled decimals, epoch days, epoch microseconds). */
  private static Object normalise(Object o, DataType t) {
    if (o == null) {
      return "NULL";
    }
    return switch (t.kind()) {
      case BIGINT -> (Long) o;
      case INT -> (long) (Integer) o;
      case DOUBLE -> Double.doubleToRawLongBits((Double) o);
      case DECIMAL -> ((BigDecimal) o).setScale(t.scale()).unscaledValue().longValueExact();
      case DATE -> ((LocalDate) o).toEpochDay();
      case TIMESTAMP -> ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) o);
      case BOOLEAN -> (Boolean) o;
      case STRING -> (String) o;
      default -> throw new IllegalArgumentException(t.toString());
    };
  }

  private static String show(Object v, DataType t) {
    return t.kind() == DataType.Kind.DOUBLE && v instanceof Long bits
        ? Double.longBitsToDouble(bits) + " (bits " + Long.toHexString(bits) + ")" : String.valueOf(v);
  }

  private static String abbreviate(String sql) {
    return sql.length() > 4000 ? sql.substring(0, 4000) + "..." : sql;
  }

  /** Column objects named {@code prefix0, prefix1, ...} from {@code type|rest} pairs. */
  static List<String> columns(String prefix, String[][] specs) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      out.add(col(prefix + i, specs[i][0], specs[i][1]));
    }
    return out;
  }
}
