package io.synthgen.compile;

import io.synthgen.plan.DataType;
import io.synthgen.plan.History;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.FeedSpec;
import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * The SCD type 2 history of a change-feed table after batches 0..K in Spark SQL, equal to {@code HistorySource}:
 * per key of {@code [0, N + K·A)} its versions (the insert, then each UPDATE of batches 1..K that hit it, found as
 * {@link FeedKeys#update}), each with its instant ({@code effective_from}: the operation time of the row of its
 * batch, through the inverse row order), {@code effective_to} (the next version's instant, else the delete's when
 * the key is deleted by K, else NULL) and {@code is_current}; one array of versions per key, exploded. Immutable.
 */
final class HistorySql implements FeedTable {

  private final ResolvedPlan plan;
  private final FeedSpec spec;
  private final String name;
  private final long after;
  private final SqlOptions options;

  private HistorySql(ResolvedPlan plan, Table historyTable, long after, SqlOptions options) {
    this.plan = plan;
    this.spec = FeedSpec.of(plan, plan.table(historyTable.history().of()));
    spec.checkBatch(after);
    this.name = historyTable.name();
    this.after = after;
    this.options = options;
  }

  static CompiledTable compiled(ResolvedPlan plan, Table historyTable, long after, SqlOptions options) {
    HistorySql h = new HistorySql(plan, historyTable, after, options);
    return new CompiledTable(h, h.columns());
  }

  List<CompiledColumn> columns() {
    List<CompiledColumn> out = FeedSql.baseColumns(spec.table());
    out.add(FeedSql.column(History.EFFECTIVE_FROM, DataType.TIMESTAMP, "the instant this version was made"));
    out.add(FeedSql.column(History.EFFECTIVE_TO, DataType.TIMESTAMP, "the instant the next version (or the delete) "
        + "replaced it; NULL while current"));
    out.add(FeedSql.column(History.IS_CURRENT, DataType.BOOLEAN, "true for the current version of a live key"));
    return out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long rows() {
    KeyLifecycle life = spec.lifecycle();
    return life.baseRows() + after * (life.appends() + life.updates());
  }

  @Override
  public String select(long first, long count, boolean withRow) {
    KeyLifecycle life = spec.lifecycle();
    long n = life.baseRows();
    long a = life.appends();
    long u = life.updates();
    long d = life.deletes();
    long m = a + u + d;
    Statement st = new Statement(plan, options.partitions());
    FeedLayers q = new FeedLayers("SELECT id AS `__key` FROM " + st.range(0, n + after * a), "__key");
    FeedKeys keys = new FeedKeys(q, spec);
    String key = "`__key`";
    String kb = q.let("__kb", keys.insertBatch(key));
    String position = u > 0 || d > 0 ? keys.deletionPosition(key) : "0L";
    String later = q.let("(" + kb + " > 0L)");
    // the insert: row `key` of batch 0, or its APPEND slot's row in its batch
    String insertRow = a == 0 ? key : q.let("IF(" + later + ", " + keys.rowOfSlotIn(kb, q.let("IF(" + later + ", "
        + key + " - " + SqlText.lit(n) + " - (" + kb + " - 1L) * " + SqlText.lit(a) + ", 0L)")) + ", " + key + ")");
    String insertAt = keys.instant(kb, insertRow, "IF(" + later + ", " + SqlText.lit(m) + ", " + SqlText.lit(n)
        + ")");
    String img = "named_struct('r', %s, 'b', %s, 'f', %s)";
    List<String> versions = new ArrayList<>();
    versions.add(img.formatted(key, kb, insertAt));
    if (u > 0) {
      for (long b = 1; b <= after; b++) {
        String[] hit = keys.update(b, kb, position);
        String row = keys.rowOfSlot(b, q.let("IF(" + hit[0] + ", " + SqlText.lit(a) + " + " + hit[1] + ", 0L)"));
        String at = keys.instant(SqlText.lit(b), row, SqlText.lit(m));
        versions.add("IF(" + hit[0] + ", " + img.formatted(SqlText.lit(keys.versionRowBase(b)) + " + " + hit[1],
            SqlText.lit(b), at) + ", NULL)");
      }
    }
    String deletedAt = "CAST(NULL AS TIMESTAMP)";
    String deleted = "false";
    if (d > 0) {
      deleted = q.let("(" + position + " < " + SqlText.lit(after * d) + ")");
      String batch = q.let("IF(" + deleted + ", 1L + " + position + " DIV " + SqlText.lit(d) + ", 1L)");
      String row = keys.rowOfSlotIn(batch, q.let("IF(" + deleted + ", " + SqlText.lit(a + u) + " + pmod(" + position
          + ", " + SqlText.lit(d) + "), 0L)"));
      deletedAt = q.let("IF(" + deleted + ", " + keys.instant(batch, row, SqlText.lit(m)) + ", NULL)");
    }
    String list = q.let("filter(array(" + String.join(", ", versions) + "), __x -> __x IS NOT NULL)");
    String full = q.let("transform(" + list + ", (__x, __i) -> named_struct('r', __x.r, 'b', __x.b, 'f', __x.f, "
        + "'t', coalesce(try_element_at(" + list + ", __i + 2).f, " + deletedAt + "), 'c', __i + 1 = size(" + list
        + ") AND NOT " + deleted + "))");
    String base = "SELECT *, `__v`.`r` AS `__vrow`, `__v`.`b` AS `__vb`, `__v`.`f` AS `__from`, `__v`.`t` AS `__to`, "
        + "`__v`.`c` AS `__cur` FROM (SELECT *, posexplode(" + full + ") AS (`__vi`, `__v`) FROM (" + q.select(
        "`__key`", "`__kb`", full) + "))";
    TableSql sql = new TableSql(st, spec.table(), base, spec.changed(), "__key", "__kb", "__vrow", "__vb");
    List<String> outputs = new ArrayList<>();
    boolean window = withRow || count >= 0;
    if (window) {
      outputs.add("CAST(row_number() OVER (ORDER BY `__key`, `__vi`) - 1 AS BIGINT) AS `__row`");
    }
    for (ResolvedColumn c : spec.table().outputColumns()) {
      outputs.add(sql.output(c.name()));
    }
    outputs.add("`__from` AS " + SqlText.ident(History.EFFECTIVE_FROM));
    outputs.add("`__to` AS " + SqlText.ident(History.EFFECTIVE_TO));
    outputs.add("`__cur` AS " + SqlText.ident(History.IS_CURRENT));
    String text = st.with(sql.select(outputs));
    return count >= 0 ? FeedSql.rowsOf(text, columns(), first, count, withRow) : text;
  }
}
