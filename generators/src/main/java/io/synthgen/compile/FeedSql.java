package io.synthgen.compile;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.FeedSpec;
import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.sql.SqlText;
import io.synthgen.column.ValueSql;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch k of a table's change feed in Spark SQL, equal cell for cell to {@code FeedSource} (docs/change-feeds.md,
 * "Change feeds in Spark SQL"): one row per operation of the batch over {@code range(0, m)}, its slot, key and
 * version from the key lifecycle's closed forms ({@link FeedKeys}), its instant from the operation times, and the
 * table's own column SQL evaluated at the key's row (columns an UPDATE keeps) or the version's row (the changed
 * ones) through {@link TableSql}. Formats plain and delta_cdf (an UPDATE is two rows, its preimage and postimage,
 * from {@code posexplode} of an array of two structs); debezium is refused by the compiler. Immutable.
 */
final class FeedSql implements FeedTable {

  /** What the statement around the key layers reads of them. */
  private static final String[] EXPORTS = {"`__t`", "`__ts`", "`__key`", "`__kb`", "`__vrow`", "`__vb`", "`__code`"};

  private final ResolvedPlan plan;
  private final FeedSpec spec;
  private final long batch;
  private final SqlOptions options;
  private final boolean cdf;

  FeedSql(ResolvedPlan plan, ResolvedTable table, long batch, SqlOptions options) {
    this.plan = plan;
    this.spec = FeedSpec.of(plan, table);
    spec.checkBatch(batch);
    this.batch = batch;
    this.options = options;
    this.cdf = spec.format() == ChangeFeed.Format.DELTA_CDF;
    if (spec.format() == ChangeFeed.Format.DEBEZIUM) {
      throw new IllegalArgumentException("a debezium feed is made by the local engine");
    }
  }

  /** The feed of batch k as a compiled table. */
  static CompiledTable compiled(ResolvedPlan plan, ResolvedTable table, long batch, SqlOptions options) {
    FeedSql feed = new FeedSql(plan, table, batch, options);
    return new CompiledTable(feed, feed.columns());
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public long rows() {
    KeyLifecycle life = spec.lifecycle();
    return cdf && batch > 0 ? life.appends() + 2 * life.updates() + life.deletes() : life.rows(batch);
  }

  /** The feed's columns: the table's, then its format's (as {@code FeedSource} writes them). */
  List<CompiledColumn> columns() {
    List<CompiledColumn> out = baseColumns(spec.table());
    if (cdf) {
      out.add(column("_change_type", DataType.STRING, "insert, update_preimage, update_postimage or delete"));
      out.add(column("_commit_version", DataType.BIGINT, "the batch number"));
      out.add(column("_commit_timestamp", DataType.TIMESTAMP, "the operation's instant"));
    } else {
      out.add(column(spec.operationColumn(), DataType.STRING, "APPEND, UPDATE or DELETE (" + spec.appendName()
          + " for a new key)"));
      out.add(column(spec.sequenceColumn(), DataType.TIMESTAMP, "the operation's instant inside its batch's window; "
          + "the latest wins"));
    }
    return out;
  }

  static List<CompiledColumn> baseColumns(ResolvedTable t) {
    List<CompiledColumn> out = new ArrayList<>();
    for (ResolvedColumn c : t.outputColumns()) {
      out.add(new CompiledColumn(c.name(), c.spec().type(), ValueSql.sparkType(c.spec().type()), c.spec().note()));
    }
    return out;
  }

  static CompiledColumn column(String name, DataType type, String comment) {
    return new CompiledColumn(name, type, ValueSql.sparkType(type), comment);
  }

  @Override
  public String select(long first, long count, boolean withRow) {
    KeyLifecycle life = spec.lifecycle();
    long m = life.rows(batch);
    boolean slice = count >= 0 && !cdf;
    Statement st = new Statement(plan, options.partitions());
    FeedLayers q = new FeedLayers("SELECT id AS `__t` FROM " + st.range(slice ? first : 0, slice ? first + count : m),
        "__t");
    FeedKeys keys = new FeedKeys(q, spec);
    String t = "`__t`";
    String k = SqlText.lit(batch);
    q.let("__ts", "(" + keys.instant(k, t, SqlText.lit(m)) + ")");
    String base;
    if (batch == 0) {
      q.let("__key", t);
      q.let("__kb", "0L");
      q.let("__vrow", t);
      q.let("__vb", "0L");
      q.let("__code", "0");
      base = q.select(EXPORTS);
    } else {
      long n = life.baseRows();
      long a = life.appends();
      long u = life.updates();
      long d = life.deletes();
      String s = keys.slot(batch, t);
      String isAppend = q.let("(" + s + " < " + SqlText.lit(a) + ")");
      String isUpdate = q.let("(" + s + " >= " + SqlText.lit(a) + " AND " + s + " < " + SqlText.lit(a + u) + ")");
      String j = q.let("IF(" + isUpdate + ", " + s + " - " + SqlText.lit(a) + ", 0L)");
      String deletePosition = SqlText.lit((batch - 1) * d) + " + " + s + " - " + SqlText.lit(a + u);
      String position = q.let(u == 0 ? "IF(" + isAppend + ", 0L, " + deletePosition + ")" : "CASE WHEN " + isAppend
          + " THEN 0L WHEN " + isUpdate + " THEN " + SqlText.lit(batch * d) + " + " + keys.updateOffset(batch, j)
          + " ELSE " + deletePosition + " END");
      String touched = u + d == 0 ? "0L" : keys.keyAtDeletionPosition(position);
      String key = q.let("__key", "IF(" + isAppend + ", " + SqlText.lit(n + (batch - 1) * a) + " + " + s + ", "
          + touched + ")");
      String kb = q.let("__kb", keys.insertBatch(key));
      FeedKeys.Version last = keys.lastVersion(key, kb, position, batch);
      String post = SqlText.lit(keys.versionRowBase(batch)) + " + " + j;
      q.let("__code", "CASE WHEN " + isAppend + " THEN 0 WHEN " + isUpdate + " THEN 1 ELSE 2 END");
      if (!cdf) {
        q.let("__vrow", "CASE WHEN " + isAppend + " THEN " + key + " WHEN " + isUpdate + " THEN " + post + " ELSE "
            + last.row() + " END");
        q.let("__vb", "CASE WHEN " + isAppend + " OR " + isUpdate + " THEN " + k + " ELSE " + last.batch() + " END");
        base = q.select(EXPORTS);
      } else {
        String img = "named_struct('r', %s, 'b', %s, 'c', %s)";
        String images = "CASE WHEN " + isUpdate + " THEN array(" + img.formatted(last.row(), last.batch(), "1") + ", "
            + img.formatted(post, k, "2") + ") WHEN " + isAppend + " THEN array(" + img.formatted(key, k, "0")
            + ") ELSE array(" + img.formatted(last.row(), last.batch(), "3") + ") END";
        String exploded = "SELECT *, posexplode(" + images + ") AS (`__half`, `__img`) FROM (" + q.select("`__key`",
            "`__kb`", "`__ts`", "`__t`", images) + ")";
        base = "SELECT *, `__img`.`r` AS `__vrow`, `__img`.`b` AS `__vb`, `__img`.`c` AS `__ct` FROM (" + exploded
            + ")";
      }
    }
    TableSql sql = new TableSql(st, spec.table(), base, spec.changed(), "__key", "__kb", "__vrow", "__vb");
    List<String> outputs = new ArrayList<>();
    boolean window = cdf && (withRow || count >= 0);
    if (withRow || window) {
      outputs.add(!cdf ? "`__t` AS `__row`" : "CAST(row_number() OVER (ORDER BY `__t`" + (batch == 0 ? ""
          : ", `__half`") + ") - 1 AS BIGINT) AS `__row`");
    }
    for (ResolvedColumn c : spec.table().outputColumns()) {
      outputs.add(sql.output(c.name()));
    }
    if (cdf) {
      String code = batch == 0 ? "`__code`" : "`__ct`";
      outputs.add("CASE " + code + " WHEN 0 THEN 'insert' WHEN 1 THEN 'update_preimage' WHEN 2 THEN "
          + "'update_postimage' ELSE 'delete' END AS `_change_type`");
      outputs.add(k + " AS `_commit_version`");
      outputs.add("`__ts` AS `_commit_timestamp`");
    } else {
      outputs.add("CASE `__code` WHEN 0 THEN " + SqlText.lit(spec.appendName()) + " WHEN 1 THEN 'UPDATE' ELSE "
          + "'DELETE' END AS " + SqlText.ident(spec.operationColumn()));
      outputs.add("`__ts` AS " + SqlText.ident(spec.sequenceColumn()));
    }
    String text = st.with(sql.select(outputs));
    return window && count >= 0 ? rowsOf(text, columns(), first, count, withRow) : text;
  }

  /** Rows [first, first + count) by {@code __row} of a SELECT that numbers them, with or without {@code __row}. */
  static String rowsOf(String numbered, List<CompiledColumn> columns, long first, long count, boolean withRow) {
    List<String> names = new ArrayList<>();
    if (withRow) {
      names.add("`__row`");
    }
    for (CompiledColumn c : columns) {
      names.add(SqlText.ident(c.name()));
    }
    return "SELECT " + String.join(", ", names) + " FROM (" + numbered + ") WHERE `__row` >= " + SqlText.lit(first)
        + " AND `__row` < " + SqlText.lit(first + count);
  }
}
