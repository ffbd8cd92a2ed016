package io.synthgen.server.compile;

import io.synthgen.expr.CompiledExpr;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.ExprException;
import io.synthgen.expr.ExprInput;
import io.synthgen.expr.ExprScope;
import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.server.catalog.databricks.SharedSpark;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Input rows for comparing an expression's local values with its Spark SQL: typed columns (ints, bigints, doubles,
 * decimals, strings with non-ASCII and non-BMP characters, dates, timestamps, booleans, US states and a parent's
 * columns) with edge values first, then seeded values, and NULLs every k-th row. The same rows are a batch for
 * the local engine ({@link ExprInput}) and a Spark temporary view, {@code SELECT r, <columns>}, whose
 * {@link SqlScope} names the columns, so an expression's SQL runs on exactly the values its local evaluation saw.
 */
final class ExprSqlFixture implements ExprScope {

  static final String VIEW = "expr_inputs";
  /** Row indices start just below 2^31, so draws cross the int boundary. */
  static final long FIRST_ROW = (1L << 31) - 97;
  static final long BATCH = 3;
  static final LocalDate REFERENCE = LocalDate.of(2024, 6, 15);
  static final String PARENT = "parent";
  static final String VIA = "parent_id";

  private final Map<String, DataType> types = new LinkedHashMap<>();
  private final Map<String, Object[]> values = new LinkedHashMap<>();
  private final int n;
  private final Stream stream = Stream.root(42).child("orders").child("expr_col");
  private final StrDict colors = new StrDict(List.of("red", "green", "blue", "ünïcode", "𝄞 clef", "it's"));

  ExprSqlFixture(int n) {
    this.n = n;
    Random rnd = new Random(13);
    add("i", DataType.INT, 9, new Object[] {0, 1, -1, 7, -7, 2, 100, -100, 12, 3, 5, 999_999, -999_999, 60, 11},
        k -> rnd.nextInt(20_001) - 10_000);
    add("j", DataType.INT, 11, new Object[] {0, 1, 2, 12, 13, -1, 29, 30, 31, 32, 2, 4, 6, 9, 11},
        k -> rnd.nextInt(35) - 1);
    add("y", DataType.INT, 13, new Object[] {1, 9999, 2024, 2023, 1900, 2000, 0, 10_000, 1970, 1969, 4},
        k -> 1 + rnd.nextInt(9999));
    add("l", DataType.BIGINT, 7, new Object[] {0L, 1L, -1L, 1_000_000_007L, -3L, 86_399L, 9_000_000_000L,
        -9_000_000_000L, 1_700_000_000L, 2_147_483_648L, -2_147_483_649L, 253_402_300_799L, -62_135_596_800L},
        k -> rnd.nextLong() % 10_000_000_000L);
    add("d", DataType.DOUBLE, 8, new Object[] {0.0, -0.0, 1.0, -1.0, 2.675, -2.675, 0.5, -0.5, 1.5, 2.5, 1e-7,
        123456.789, 1e10, -1e15, 1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4.35,
        0.1 + 0.2, 3.9, -3.9, 9.3e12, 1e19, Double.MIN_VALUE, 1.0E23, 2_147_483_647.5, -2_147_483_648.7, 1.005,
        0.49999999999999994, 86_399.9999995, -0.4, 9.223372036854775807E18},
        k -> rnd.nextInt(4) == 0 ? (double) (rnd.nextInt(2001) - 1000) / 8 : rnd.nextGaussian() * 1000);
    add("m", DataType.decimal(10, 2), 6, new Object[] {bd("0.00"), bd("1.00"), bd("-1.00"), bd("12.34"),
        bd("-12.35"), bd("0.05"), bd("99999999.99"), bd("-99999999.99"), bd("0.50"), bd("1.50"), bd("2.50"),
        bd("-0.50"), bd("2.67"), bd("-2.68")},
        k -> BigDecimal.valueOf(rnd.nextLong() % 100_000_000_00L, 2));
    add("s", DataType.STRING, 10, new Object[] {"", " padded ", "Ünïcödé", "𝄞 non-BMP 😀 x", "ς final σ Σ",
        "İstanbul ǆ ß", "2024-02-29", " 42 ", "3.9", "-3.9", "1e3", "+7", ".5", "-.5", "true", "YES", "n", "NaN",
        "inf", "Infinity", "-Infinity", "1.5d", "0x1p3", "2024-01-31 13:45:00.5", "2024-01-31T13:45", "0000-01-01",
        "9999-12-31 23:59:59.999999", "2024-02-30", "2024-1-5", "2024-01-31 25:00", "2024-01-31  10:00:00.1234567",
        "2024-01-31 10:00:00.", "abc%_\\x", "a,b,,c", "hello world  foo", "\t tab\n", "x\uE000y", "x\uD83D\uDE00y",
        "12345678901234567890", "9223372036854775807", "-9223372036854775808", "1e-400", "0.9999999999999999999",
        "mixed CASE words", "o'brien", "\u00a0nbsp\u00a0", "a\u0000b", "ﬀ ligature", "aaa", "AAA",
        "\u0663\u0664", "\uff17.5", "-\u0967e\u0968", "\ud835\udfd7"},
        k -> word(rnd));
    add("dt", DataType.DATE, 9, new Object[] {day("0001-01-01"), day("9999-12-31"), day("2024-02-29"),
        day("2023-02-28"), day("1969-12-31"), day("1970-01-01"), day("2000-03-01"), day("1900-02-28"),
        day("2024-12-31"), day("2024-01-31"), day("0001-12-31"), day("9999-01-31")},
        k -> (long) rnd.nextInt(2_932_897) - 719_162);
    add("ts", DataType.TIMESTAMP, 12, new Object[] {micros("0001-01-01T00:00:00Z"),
        micros("9999-12-31T23:59:59.999999Z"), micros("1969-12-31T23:59:59.5Z"), 0L,
        micros("2024-03-10T02:30:00Z"), micros("2024-11-03T01:30:00Z"), micros("2024-02-29T23:59:59.000001Z"), -1L,
        micros("2024-03-10T10:30:00Z"), micros("1900-01-01T12:00:00.25Z")},
        k -> (long) (rnd.nextDouble() * 3.1e17) - 62_135_596_800_000_000L);
    add("b", DataType.BOOLEAN, 5, new Object[] {true, false}, k -> rnd.nextBoolean());
    add("st", DataType.STRING, 9, new Object[] {"MA", "CA", "WY", "DC", "XX", "ma", "", "TX", "NY"},
        k -> List.of("MA", "CA", "TX", "WA", "PR", "FL").get(rnd.nextInt(6)));
    add(PARENT + ".pd", DataType.DOUBLE, 7, new Object[] {0.25, -0.0, 1e6}, k -> rnd.nextGaussian() * 50);
    add(PARENT + ".ps", DataType.STRING, 8, new Object[] {"Gold", "Platinum", "Silver"},
        k -> List.of("Gold", "Platinum", "Silver", "Basic").get(rnd.nextInt(4)));
  }

  private interface Gen {
    Object at(int k);
  }

  private void add(String name, DataType type, int nullEvery, Object[] edges, Gen gen) {
    Object[] v = new Object[n];
    for (int k = 0; k < n; k++) {
      Object x = k < edges.length ? edges[k] : gen.at(k);
      v[k] = k >= edges.length && k % nullEvery == nullEvery - 1 ? null : x;
    }
    types.put(name, type);
    values.put(name, v);
  }

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  private static long day(String s) {
    return LocalDate.parse(s).toEpochDay();
  }

  private static long micros(String s) {
    Instant t = Instant.parse(s);
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  private static String word(Random rnd) {
    String[] parts = {"alpha", "Beta", " gamma", "delta ", "ÉPSILON", "ζeta", "🎉", "42", "-7.25", "2024-05-06",
        "a_b", "x%y", "O'Neil", "  "};
    StringBuilder b = new StringBuilder();
    int k = rnd.nextInt(3);
    for (int i = 0; i <= k; i++) {
      b.append(parts[rnd.nextInt(parts.length)]);
    }
    return b.toString();
  }

  int size() {
    return n;
  }

  // ---- ExprScope ----

  @Override
  public DataType columnType(String name) {
    return name.contains(".") ? null : types.get(name);
  }

  @Override
  public List<String> columnNames() {
    return types.keySet().stream().filter(c -> !c.contains(".")).toList();
  }

  @Override
  public DataType parentColumnType(String table, String column) {
    return table.equals(PARENT) ? types.get(PARENT + "." + column) : null;
  }

  @Override
  public List<String> parentTables() {
    return List.of(PARENT);
  }

  @Override
  public String foreignKeyTo(String parentTable) {
    return parentTable.equals(PARENT) ? VIA : null;
  }

  @Override
  public Stream stream() {
    return stream;
  }

  @Override
  public LocalDate referenceDate() {
    return REFERENCE;
  }

  @Override
  public long batches() {
    return 5;
  }

  @Override
  public StrDict dictionary(String name) {
    return name.equals("colors") ? colors : null;
  }

  @Override
  public List<String> dictionaryNames() {
    return List.of("colors");
  }

  // ---- the local side ----

  CompiledExpr compile(String expr, DataType target) {
    try {
      return ExprCompiler.compile(expr, target == null ? ExprCompiler.resultType(expr, this) : target, this);
    } catch (ExprException e) {
      throw new AssertionError("'" + expr + "' does not compile: " + e.problems(), e);
    }
  }

  /** The expression's values as Spark's Java values (Integer, Long, Double, BigDecimal, LocalDate, Instant...). */
  List<Object> local(CompiledExpr e) {
    Vec v = e.evaluate(input());
    List<Object> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(javaValue(v, e.type(), k));
    }
    return out;
  }

  private static Object javaValue(Vec v, DataType t, int k) {
    if (v.isNull(k)) {
      return null;
    }
    if (v instanceof DoubleVec d) {
      return d.values[k];
    }
    if (v instanceof BoolVec b) {
      return b.values[k];
    }
    if (v instanceof StrVec s) {
      // as the writers store it: UTF-8, where a lone surrogate (a pad cut through a pair) becomes '?'
      return new String(s.str(k).getBytes(java.nio.charset.StandardCharsets.UTF_8),
          java.nio.charset.StandardCharsets.UTF_8);
    }
    long x = ((LongVec) v).values[k];
    return switch (t.kind()) {
      case INT -> Math.toIntExact(x);
      case DECIMAL -> BigDecimal.valueOf(x, t.scale());
      case DATE -> LocalDate.ofEpochDay(x);
      case TIMESTAMP -> Instant.ofEpochSecond(Math.floorDiv(x, 1_000_000L), Math.floorMod(x, 1_000_000L) * 1000);
      default -> x;
    };
  }

  private ExprInput input() {
    long[] rows = new long[n];
    long[] hashes = new long[n];
    for (int k = 0; k < n; k++) {
      rows[k] = FIRST_ROW + k;
      hashes[k] = Stream.rowHash(rows[k]);
    }
    Map<String, Vec> vecs = new LinkedHashMap<>();
    for (var c : types.entrySet()) {
      vecs.put(c.getKey(), vector(c.getValue(), values.get(c.getKey())));
    }
    return new ExprInput() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public long[] rows() {
        return rows;
      }

      @Override
      public long[] rowHashes() {
        return hashes;
      }

      @Override
      public Vec column(String name) {
        return Objects.requireNonNull(vecs.get(name), name);
      }

      @Override
      public long batch() {
        return BATCH;
      }
    };
  }

  private Vec vector(DataType t, Object[] v) {
    Vec r = switch (t.kind()) {
      case DOUBLE -> {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
          a[k] = v[k] == null ? 0 : (Double) v[k];
        }
        yield new DoubleVec(a, n);
      }
      case BOOLEAN -> {
        boolean[] a = new boolean[n];
        for (int k = 0; k < n; k++) {
          a[k] = v[k] != null && (Boolean) v[k];
        }
        yield new BoolVec(a, n);
      }
      case STRING -> {
        String[] a = new String[n];
        for (int k = 0; k < n; k++) {
          a[k] = (String) v[k];
        }
        yield StrVec.plain(a, n);
      }
      default -> {
        long[] a = new long[n];
        for (int k = 0; k < n; k++) {
          Object x = v[k];
          a[k] = x == null ? 0 : x instanceof BigDecimal b ? b.unscaledValue().longValueExact()
              : ((Number) x).longValue();
        }
        yield new LongVec(t, a, n);
      }
    };
    for (int k = 0; k < n; k++) {
      if (v[k] == null) {
        r.setNull(k);
      }
    }
    return r;
  }

  // ---- the Spark side ----

  /** A session of the shared Spark with its own settings, holding the input view. */
  SparkSession session(boolean ansi, String timeZone) {
    SparkSession s = SharedSpark.get().newSession();
    s.conf().set("spark.sql.ansi.enabled", Boolean.toString(ansi));
    s.conf().set("spark.sql.session.timeZone", timeZone);
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("r", DataTypes.LongType, false));
    for (var c : types.entrySet()) {
      fields.add(DataTypes.createStructField(sparkName(c.getKey()), sparkType(c.getValue()), true));
    }
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Object[] row = new Object[types.size() + 1];
      row[0] = FIRST_ROW + k;
      int f = 1;
      for (var c : types.entrySet()) {
        row[f++] = sparkValue(c.getValue(), values.get(c.getKey())[k]);
      }
      rows.add(RowFactory.create(row));
    }
    s.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new))).createOrReplaceTempView(VIEW);
    return s;
  }

  private static Object sparkValue(DataType t, Object v) {
    if (v == null) {
      return null;
    }
    return switch (t.kind()) {
      case DATE -> LocalDate.ofEpochDay((Long) v);
      case TIMESTAMP -> Instant.ofEpochSecond(Math.floorDiv((Long) v, 1_000_000L),
          Math.floorMod((Long) v, 1_000_000L) * 1000);
      case INT -> ((Number) v).intValue();
      default -> v;
    };
  }

  private static String sparkName(String column) {
    return column.replace('.', '_');
  }

  static org.apache.spark.sql.types.DataType sparkType(DataType t) {
    return switch (t.kind()) {
      case BIGINT -> DataTypes.LongType;
      case INT -> DataTypes.IntegerType;
      case DOUBLE -> DataTypes.DoubleType;
      case DECIMAL -> DataTypes.createDecimalType(t.precision(), t.scale());
      case STRING -> DataTypes.StringType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }

  /** The scope of the view: columns by name, the parent's columns under {@code parent_<column>}. */
  static SqlScope scope() {
    return new SqlScope() {
      @Override
      public String row() {
        return "r";
      }

      @Override
      public String rowHash() {
        return "xxhash64(r)";
      }

      @Override
      public String column(String name) {
        return SqlText.ident(name);
      }

      @Override
      public String parentRow(String fkColumn) {
        throw new IllegalStateException("expressions read parent columns, not rows");
      }

      @Override
      public String parentColumn(String fkColumn, String parentColumn) {
        if (!fkColumn.equals(VIA)) {
          throw new IllegalStateException("unexpected foreign key " + fkColumn);
        }
        return SqlText.ident(sparkName(PARENT + "." + parentColumn));
      }

      @Override
      public String batch() {
        return SqlText.lit(BATCH);
      }

      @Override
      public String perParentParentRow() {
        throw new IllegalStateException("not a per-parent table");
      }

      @Override
      public String perParentOrdinal() {
        throw new IllegalStateException("not a per-parent table");
      }

      @Override
      public String childAggregate(String childTable, String function, String column) {
        throw new IllegalStateException("no child tables");
      }

      @Override
      public String constantArray(String hint, String sqlArray) {
        return sqlArray;
      }
    };
  }
}
