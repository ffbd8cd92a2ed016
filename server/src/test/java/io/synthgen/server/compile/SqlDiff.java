package io.synthgen.server.compile;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Preview;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.engine.TableRun;
import io.synthgen.engine.TableSource;
import io.synthgen.output.EncodedChunk;
import io.synthgen.output.FileEntry;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableWriter;
import io.synthgen.output.WriterOptions;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Compares a table as the local engine writes it with the same table as Spark SQL computes it. The local side is
 * our Parquet, written by the real run path ({@link Runs#generate}, as {@code synthgen generate} does) or, for a
 * slice far into a table, by the engine over {@link TableEvaluator#range}, and read back by Spark; the Spark side is
 * the table's SELECT run on the given session. Both are cast to the plan's types and compared with {@code EXCEPT
 * ALL} both ways: equal row counts and no row on one side only.
 *
 * <p>Doubles are compared by their exact value including the sign of zero: {@code EXCEPT ALL} alone treats 0.0 and
 * -0.0 (and every NaN) as one value, so a double column is compared through its Java spelling
 * ({@code CAST(d AS STRING)}, the shortest round-trip text, distinct for distinct bit patterns other than NaN
 * payloads). Open-source Spark computes on the JVM, so nothing less than equality is accepted.
 *
 * <p>On a mismatch, the {@link Outcome} carries a per-column diff: both sides joined on the local row index (the
 * local rows numbered in file order, {@code _metadata.row_index} plus the file's first row; the SQL side by its
 * {@code __row} column), with the first {@value #SHOWN_CELLS} differing cells of each column and the rows present
 * on one side only.
 */
final class SqlDiff {

  /** Differing cells shown per column in a mismatch report. */
  static final int SHOWN_CELLS = 5;

  /** The leading column of a SELECT with its row index. */
  static final String ROW = "__row";

  /** Characters of a compiled SELECT quoted in a report around a differing column's alias. */
  static final int FRAGMENT_CHARS = 600;

  private static final AtomicInteger VIEWS = new AtomicInteger();

  private final SparkSession spark;
  private final Path scratch;
  private final Map<String, Path> computed = new LinkedHashMap<>();

  /**
   * A comparer on {@code spark}, writing each SELECT's rows under {@code scratch} once (a table compared and then
   * checked for containment runs its SELECT once). The rows go to Parquet rather than Spark's memory so that a long
   * run holds no result in the heap.
   */
  SqlDiff(SparkSession spark, Path scratch) {
    this.spark = spark;
    this.scratch = scratch;
  }

  /** The rows of a SELECT, computed once into Parquet (as a CTAS would) and read back. */
  private Dataset<Row> computed(String select) {
    Path p = computed.get(select);
    if (p == null) {
      p = scratch.resolve("sql-" + VIEWS.incrementAndGet());
      spark.sql(select).write().parquet(p.toUri().toString());
      computed.put(select, p);
    }
    return spark.read().parquet(p.toUri().toString());
  }

  /** One table of local output: its Parquet files in row order, with rows, and the local row index of each file's first row. */
  record LocalTable(String name, List<Part> parts) {

    long rows() {
      return parts.stream().mapToLong(Part::rows).sum();
    }
  }

  /** One Parquet file of a local table: its path, its rows and the local row index of its first row. */
  record Part(Path file, long rows, long firstRow) {
  }

  /**
   * The SQL of one table: the SELECT of its output columns, and the same SELECT with a leading {@code __row BIGINT}
   * (the local row index of each row), used only to explain a mismatch.
   */
  record SqlTable(String name, String select, String selectWithRow) {
  }

  /** The comparison of one table. */
  record Outcome(String label, String table, long localRows, long sqlRows, long localOnly, long sqlOnly,
      List<String> problems, String detail, double seconds) {

    /** The same outcome with more problems. */
    Outcome with(List<String> more) {
      List<String> all = new ArrayList<>(problems);
      all.addAll(more);
      return new Outcome(label, table, localRows, sqlRows, localOnly, sqlOnly, all, detail, seconds);
    }

    boolean equal() {
      return problems.isEmpty() && localRows == sqlRows && localOnly == 0 && sqlOnly == 0;
    }

    @Override
    public String toString() {
      String head = String.format(Locale.ROOT, "%s %s: %s (local %d rows, spark %d rows, %d rows only local, %d only"
          + " in spark; %.1f s)", label, table, equal() ? "equal" : "DIFFERENT", localRows, sqlRows, localOnly,
          sqlOnly, seconds);
      StringBuilder b = new StringBuilder(head);
      problems.forEach(p -> b.append("\n  ").append(p));
      if (!detail.isEmpty()) {
        b.append('\n').append(detail);
      }
      return b.toString();
    }
  }

  /**
   * Every table of a plan run locally with {@link Runs#generate} (batch {@code batch} of its series, or the plan
   * when null) into {@code dir}, by table name in plan order; rows are numbered as the run numbers them (an append
   * table's batch-k rows start at its {@link ResolvedTable#firstRow(long) first row} of k).
   */
  static Map<String, LocalTable> run(ResolvedPlan plan, Long batch, Path dir) throws IOException {
    RunResult r = Runs.generate(plan, batch, dir, WriterOptions.parquetZstd(), new Engine(2, 4_096), Progress.NONE,
        new Cancellation());
    Map<String, LocalTable> out = new LinkedHashMap<>();
    for (TableRun t : r.tables()) {
      ResolvedTable table = plan.table(t.table());
      long first = batch == null || table == null ? 0 : table.firstRow(batch);
      out.put(t.table(), local(r.dir(), t, first));
    }
    return out;
  }

  /**
   * Rows [first, first + n) of a table, generated by the engine over {@link TableEvaluator#range} and written to
   * Parquet in {@code dir} as a run writes them.
   */
  static LocalTable slice(ResolvedPlan plan, ResolvedTable table, long first, int n, Path dir) throws IOException {
    return slice(plan, table, null, first, n, dir);
  }

  /**
   * Rows [first, first + n) of batch {@code batch} of a table (counted from the batch's first row, as
   * {@link TableEvaluator#slice} counts them: an append table's batch-k rows with their batch and shift), or of the
   * table itself when {@code batch} is null ({@link TableEvaluator#range}); numbered by their row index.
   */
  static LocalTable slice(ResolvedPlan plan, ResolvedTable table, Long batch, long first, int n, Path dir)
      throws IOException {
    List<OutputColumn> columns = Engine.outputColumns(table);
    TableSource source = new TableSource() {
      @Override
      public String name() {
        return table.name();
      }

      @Override
      public List<OutputColumn> columns() {
        return columns;
      }

      @Override
      public long rows() {
        return n;
      }

      @Override
      public Batch chunk(long at, int count) {
        return batch == null ? TableEvaluator.range(plan, table, Math.addExact(first, at), count).outputBatch()
            : TableEvaluator.slice(plan, table, batch, Math.addExact(first, at), count).outputBatch();
      }

      @Override
      public ResolvedTable table() {
        return table;
      }
    };
    List<TableRun> runs = new Engine(2, 4_096).run(List.of(source), dir, WriterOptions.parquetZstd(),
        Progress.NONE, new Cancellation(), null);
    return local(dir, runs.get(0), batch == null ? first : Math.addExact(table.firstRow(batch), first));
  }

  /**
   * The FK-closed sample of a plan ({@link Preview#generate}, what {@code synthgen sample} shows and writes), each
   * table written to one Parquet file in {@code dir} as {@code synthgen sample --out} writes it. Its rows are not
   * contiguous, so its parts carry no row numbering ({@code firstRow} -1).
   */
  static Map<String, LocalTable> sample(ResolvedPlan plan, int perTable, Path dir) throws IOException {
    Map<String, LocalTable> out = new LinkedHashMap<>();
    for (Map.Entry<String, Batch> e : Preview.generate(plan, perTable).entrySet()) {
      ResolvedTable t = plan.table(e.getKey());
      try (TableWriter w = TableWriters.open(dir, t.name(), Engine.outputColumns(t), WriterOptions.parquetZstd())) {
        EncodedChunk chunk = w.encode(e.getValue());
        w.append(chunk);
        List<FileEntry> files = w.commit();
        List<Part> parts = new ArrayList<>();
        for (FileEntry f : files) {
          parts.add(new Part(dir.resolve(f.path()), f.rows(), -1));
        }
        out.put(t.name(), new LocalTable(t.name(), parts));
      }
    }
    return out;
  }

  private static LocalTable local(Path dir, TableRun run, long firstRow) {
    List<Part> parts = new ArrayList<>();
    long at = firstRow;
    for (FileEntry f : run.files()) {
      parts.add(new Part(dir.resolve(f.path()), f.rows(), at));
      at += f.rows();
    }
    return new LocalTable(run.table(), parts);
  }

  /** Compares the local table with the SQL table: equal rows both ways, with a per-column diff when they differ. */
  Outcome compare(String label, ResolvedTable table, LocalTable local, SqlTable sql) {
    return compare(label, table, local, sql, false);
  }

  /**
   * Whether every row of {@code sample} (a local sample of the table) is a row of the SQL table: the sample's rows
   * EXCEPT ALL the SQL's rows is empty. {@link Outcome#sqlOnly()} is then not a failure and is reported as 0.
   */
  Outcome contained(String label, ResolvedTable table, LocalTable sample, SqlTable sql) {
    return compare(label, table, sample, sql, true);
  }

  private Outcome compare(String label, ResolvedTable table, LocalTable local, SqlTable sql, boolean containment) {
    long start = System.nanoTime();
    List<ResolvedColumn> columns = table.outputColumns();
    List<String> problems = new ArrayList<>();
    String id = "v" + VIEWS.incrementAndGet();
    String lv = "local_" + id;
    String sv = "spark_" + id;
    Dataset<Row> spark;
    try {
      spark = computed(sql.select());
    } catch (Exception e) {
      return new Outcome(label, table.name(), local.rows(), -1, -1, -1,
          List.of("the SELECT fails on Spark: " + firstLines(e)), "  SQL: " + abbreviate(sql.select(), 2_000),
          seconds(start));
    }
    problems.addAll(schemaProblems("the SELECT", this.spark.sql(sql.select()).schema(), columns, false));
    problems.addAll(schemaProblems("our Parquet read by Spark", this.spark.read()
        .parquet(local.parts().get(0).file().toUri().toString()).schema(), columns, true));
    Dataset<Row> mine = read(table, local, false);
    mine.createOrReplaceTempView(lv);
    spark.createOrReplaceTempView(sv);
    String lp = projection(columns, "");
    String sp = projection(columns, "");
    Row counts;
    try {
      counts = this.spark.sql("SELECT (SELECT count(*) FROM " + lv + "), (SELECT count(*) FROM " + sv + "),"
          + " (SELECT count(*) FROM (SELECT " + lp + " FROM " + lv + " EXCEPT ALL SELECT " + sp + " FROM " + sv + ")),"
          + " (SELECT count(*) FROM (SELECT " + sp + " FROM " + sv + " EXCEPT ALL SELECT " + lp + " FROM " + lv + "))")
          .first();
    } catch (Exception e) {
      problems.add("comparing as the plan's types fails on Spark: " + firstLines(e));
      return new Outcome(label, table.name(), local.rows(), -1, -1, -1, problems, "", seconds(start));
    }
    long localRows = counts.getLong(0);
    long sqlRows = counts.getLong(1);
    long localOnly = counts.getLong(2);
    long sqlOnly = containment ? 0 : counts.getLong(3);
    if (localRows != local.rows()) {
      problems.add("Spark read " + localRows + " rows of our Parquet, the run wrote " + local.rows());
    }
    boolean equal = localOnly == 0 && sqlOnly == 0 && (containment || localRows == sqlRows);
    if (containment && localRows > sqlRows) {
      problems.add("the sample has more rows than the table");
    }
    String detail = equal ? "" : explain(table, local, sql, containment);
    this.spark.catalog().dropTempView(lv);
    this.spark.catalog().dropTempView(sv);
    return new Outcome(label, table.name(), localRows, containment ? localRows : sqlRows, localOnly, sqlOnly,
        problems, detail, seconds(start));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Our Parquet of a table, read by Spark with the plan's Spark types, optionally with its local row index
   * {@code __row} first. Our timestamps are wall-clock values ({@code isAdjustedToUTC=false}, docs/output.md), which
   * Spark would infer as {@code TIMESTAMP_NTZ}; the SQL's are instants. Both hold microseconds since the epoch, so
   * the file is read with {@code TIMESTAMP} for them: Spark then takes the stored microseconds as the instant, with
   * no session time zone involved (a cast from {@code TIMESTAMP_NTZ} would read the wall clock in the session's
   * zone).
   */
  private Dataset<Row> read(ResolvedTable table, LocalTable local, boolean withRow) {
    StructType schema = new StructType();
    for (ResolvedColumn c : table.outputColumns()) {
      schema = schema.add(c.name(), sparkDataType(c.spec().type()));
    }
    Dataset<Row> all = null;
    for (Part p : local.parts()) {
      Dataset<Row> d = spark.read().schema(schema).parquet(p.file().toUri().toString());
      if (withRow) {
        String[] cols = d.columns();
        List<String> select = new ArrayList<>();
        select.add("CAST(" + SqlText.lit(p.firstRow()) + " + _metadata.row_index AS BIGINT) AS " + ROW);
        for (String c : cols) {
          select.add(SqlText.ident(c));
        }
        d = d.selectExpr(select.toArray(String[]::new));
      }
      all = all == null ? d : all.unionAll(d);
    }
    if (all == null) {
      throw new IllegalStateException("table " + local.name() + " has no files");
    }
    return all;
  }

  /** The Spark type text of a plan type (design: bigint → BIGINT ... timestamp → TIMESTAMP). */
  static String sparkType(DataType t) {
    return switch (t.kind()) {
      case BIGINT -> "BIGINT";
      case INT -> "INT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "STRING";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  /** The Spark data type of a plan type. */
  static org.apache.spark.sql.types.DataType sparkDataType(DataType t) {
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

  /**
   * Names and types of a result against the plan's output columns; {@code ourParquet}: a timestamp is
   * {@code TIMESTAMP_NTZ} (our Parquet's wall-clock timestamps as Spark infers them).
   */
  private static List<String> schemaProblems(String what, StructType schema, List<ResolvedColumn> columns,
      boolean ourParquet) {
    List<String> out = new ArrayList<>();
    StructField[] fields = schema.fields();
    int n = Math.min(fields.length, columns.size());
    if (fields.length != columns.size()) {
      out.add(what + " has " + fields.length + " columns " + List.of(schema.fieldNames()) + ", the plan writes "
          + columns.size() + " " + columns.stream().map(ResolvedColumn::name).toList());
    }
    for (int i = 0; i < n; i++) {
      ResolvedColumn c = columns.get(i);
      StructField f = fields[i];
      if (!f.name().equals(c.name())) {
        out.add(what + ": column " + (i + 1) + " is named " + f.name() + ", the plan's is " + c.name());
      }
      boolean timestamp = c.spec().type().kind() == DataType.Kind.TIMESTAMP;
      org.apache.spark.sql.types.DataType expected = ourParquet && timestamp ? DataTypes.TimestampNTZType
          : sparkDataType(c.spec().type());
      if (!f.dataType().equals(expected)) {
        out.add(what + ": column " + c.name() + " is " + f.dataType().sql() + ", the plan's type "
            + c.spec().type() + " is " + expected.sql() + " in Spark");
      }
    }
    return out;
  }

  /** The compared form of each column, by position: cast to its plan type, a double through its exact spelling. */
  private static String projection(List<ResolvedColumn> columns, String qualifier) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(compared(columns.get(i), qualifier + SqlText.ident(columns.get(i).name())) + " AS c" + i);
    }
    return String.join(", ", out);
  }

  private static String compared(ResolvedColumn c, String ref) {
    DataType t = c.spec().type();
    String cast = "CAST(" + ref + " AS " + sparkType(t) + ")";
    return t.kind() == DataType.Kind.DOUBLE ? "CAST(" + cast + " AS STRING)" : cast;
  }

  /** How a cell is shown in a report: its text, a timestamp with its microseconds since the epoch, UTC. */
  private static String shown(ResolvedColumn c, String ref) {
    DataType t = c.spec().type();
    String cast = "CAST(" + ref + " AS " + sparkType(t) + ")";
    return switch (t.kind()) {
      case TIMESTAMP -> "concat(CAST(" + cast + " AS STRING), ' (', CAST(unix_micros(" + cast
          + ") AS STRING), ' us)')";
      case STRING -> "concat('\\'', " + cast + ", '\\'')";
      default -> "CAST(" + cast + " AS STRING)";
    };
  }

  /**
   * The per-column diff: the local rows with their row index joined to {@code selectWithRow}; per column the number
   * of differing cells and the first few, and the rows one side lacks.
   */
  private String explain(ResolvedTable table, LocalTable local, SqlTable sql, boolean containment) {
    if (local.parts().stream().anyMatch(p -> p.firstRow() < 0)) {
      return "  (the sample's rows carry no row index: no per-column diff)";
    }
    List<ResolvedColumn> columns = table.outputColumns();
    String id = "x" + VIEWS.incrementAndGet();
    String lv = "local_" + id;
    String sv = "spark_" + id;
    StringBuilder b = new StringBuilder();
    try {
      read(table, local, true).createOrReplaceTempView(lv);
      computed(sql.selectWithRow()).createOrReplaceTempView(sv);
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        ResolvedColumn c = columns.get(i);
        String l = "l." + SqlText.ident(c.name());
        String s = "s." + SqlText.ident(c.name());
        cells.add("named_struct('i', " + i + ", 'same', " + compared(c, l) + " <=> " + compared(c, s) + ", 'l', "
            + shown(c, l) + ", 's', " + shown(c, s) + ")");
      }
      String joined = "SELECT coalesce(l." + ROW + ", s." + ROW + ") AS r, l." + ROW + " IS NULL AS no_local, s."
          + ROW + " IS NULL AS no_spark, array(" + String.join(", ", cells) + ") AS cells FROM " + lv + " l "
          + (containment ? "LEFT" : "FULL") + " OUTER JOIN " + sv + " s ON l." + ROW + " = s." + ROW;
      List<Row> missing = this.spark.sql("SELECT r, no_local FROM (" + joined + ") WHERE no_local OR no_spark"
          + " ORDER BY r LIMIT " + SHOWN_CELLS).collectAsList();
      long missingCount = this.spark.sql("SELECT count(*) FROM (" + joined + ") WHERE no_local OR no_spark").first()
          .getLong(0);
      if (missingCount > 0) {
        b.append("  ").append(missingCount).append(" row indices on one side only, first: ");
        for (Row m : missing) {
          b.append(m.getLong(0)).append(m.getBoolean(1) ? " (only spark) " : " (only local) ");
        }
        b.append('\n');
      }
      List<Row> diffs = this.spark.sql("SELECT i, count, first FROM (SELECT cell.i AS i, count(*) AS count,"
          + " slice(array_sort(collect_list(struct(r, cell.l, cell.s))), 1, " + SHOWN_CELLS + ") AS first FROM ("
          + joined + ") LATERAL VIEW explode(cells) AS cell WHERE NOT no_local AND NOT no_spark AND NOT cell.same"
          + " GROUP BY cell.i) ORDER BY i").collectAsList();
      for (Row d : diffs) {
        ResolvedColumn c = columns.get(d.getInt(0));
        b.append(String.format(Locale.ROOT, "  column %s (%s, %s%s): %d rows differ%n", c.name(),
            c.spec().gen().strategy(), c.spec().type(), c.spec().nullRate() > 0 ? ", null_rate "
                + c.spec().nullRate() : "", d.getLong(1)));
        for (Row cell : d.<Row>getList(2)) {
          b.append(String.format(Locale.ROOT, "    row %d: local %s, spark %s%n", cell.getLong(0),
              cell.isNullAt(1) ? "NULL" : cell.getString(1), cell.isNullAt(2) ? "NULL" : cell.getString(2)));
        }
        b.append("    SQL: ").append(fragment(sql.select(), c.name())).append('\n');
      }
      if (diffs.isEmpty() && missingCount == 0) {
        b.append("  joined on the row index every cell is equal: the SELECT with __row disagrees with the SELECT\n");
      }
    } catch (Exception e) {
      b.append("  the diff by row index fails on Spark: ").append(firstLines(e)).append('\n');
    } finally {
      this.spark.catalog().dropTempView(lv);
      this.spark.catalog().dropTempView(sv);
    }
    return b.toString().stripTrailing();
  }

  /** The text of the SELECT that defines a column's alias (up to {@value #FRAGMENT_CHARS} characters before it). */
  static String fragment(String select, String column) {
    String alias = " AS " + SqlText.ident(column);
    int at = select.indexOf(alias);
    if (at < 0) {
      alias = " AS " + column;
      at = select.indexOf(alias);
    }
    if (at < 0) {
      return "(no alias " + SqlText.ident(column) + " in the SELECT)";
    }
    int from = Math.max(0, at - FRAGMENT_CHARS);
    return (from > 0 ? "..." : "") + select.substring(from, at + alias.length()).replaceAll("\\s+", " ");
  }

  private static String firstLines(Throwable e) {
    String m = String.valueOf(e.getMessage());
    String[] lines = m.split("\n");
    StringBuilder b = new StringBuilder(e.getClass().getSimpleName()).append(": ");
    for (int i = 0; i < Math.min(6, lines.length); i++) {
      b.append(i == 0 ? "" : " | ").append(lines[i].trim());
    }
    return abbreviate(b.toString(), 1_500);
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " characters)";
  }
}
