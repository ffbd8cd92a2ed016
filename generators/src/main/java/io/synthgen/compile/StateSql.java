package io.synthgen.compile;

import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.FeedSpec;
import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of a change-feed table after batches 0..K in Spark SQL, equal to {@code StateSource} (what
 * {@code synthgen snapshot --after K} writes): the keys {@code [0, N + K·A)} not deleted by K (deletion position at
 * least K·D), each with its last version ({@link FeedKeys#lastVersion}, K inverses of update orders per key), under
 * the table's own name. Immutable.
 */
public final class StateSql implements FeedTable {

  private final ResolvedPlan plan;
  private final FeedSpec spec;
  private final long after;
  private final SqlOptions options;

  StateSql(ResolvedPlan plan, ResolvedTable table, long after, SqlOptions options) {
    this.plan = plan;
    this.spec = FeedSpec.of(plan, table);
    spec.checkBatch(after);
    this.after = after;
    this.options = options;
  }

  /**
   * What {@code synthgen snapshot --after K} writes, compiled: the state of every change-feed table after batches
   * 0..K, and every history table after K. Refused, with every violation at once, as {@link SqlCompiler#compile}
   * refuses a batch (and for a plan without a change feed).
   */
  public static CompiledPlan compile(ResolvedPlan plan, long after, SqlOptions options) throws PlanException {
    return FeedCompile.snapshot(plan, after, options);
  }

  static CompiledTable compiled(ResolvedPlan plan, ResolvedTable table, long after, SqlOptions options) {
    StateSql state = new StateSql(plan, table, after, options);
    return new CompiledTable(state, FeedSql.baseColumns(table));
  }

  @Override
  public String name() {
    return spec.table().name();
  }

  @Override
  public long rows() {
    KeyLifecycle life = spec.lifecycle();
    return life.baseRows() + after * (life.appends() - life.deletes());
  }

  @Override
  public String select(long first, long count, boolean withRow) {
    KeyLifecycle life = spec.lifecycle();
    Statement st = new Statement(plan, options.partitions());
    FeedLayers q = new FeedLayers("SELECT id AS `__key` FROM " + st.range(0, life.baseRows() + after
        * life.appends()), "__key");
    FeedKeys keys = new FeedKeys(q, spec);
    String key = "`__key`";
    String kb = q.let("__kb", keys.insertBatch(key));
    boolean positions = life.updates() > 0 || life.deletes() > 0;
    String position = positions ? keys.deletionPosition(key) : "0L";
    FeedKeys.Version last = keys.lastVersion(key, kb, position, after + 1);
    q.let("__vrow", last.row());
    q.let("__vb", last.batch());
    String vars = q.select("`__key`", "`__kb`", "`__vrow`", "`__vb`", life.deletes() == 0 ? "" : position);
    String base = life.deletes() == 0 ? vars : "SELECT * FROM (" + vars + ") WHERE " + position + " >= "
        + SqlText.lit(after * life.deletes());
    TableSql sql = new TableSql(st, spec.table(), base, spec.changed(), "__key", "__kb", "__vrow", "__vb");
    List<String> outputs = new ArrayList<>();
    boolean window = withRow || count >= 0;
    if (window) {
      outputs.add("CAST(row_number() OVER (ORDER BY `__key`) - 1 AS BIGINT) AS `__row`");
    }
    for (ResolvedColumn c : spec.table().outputColumns()) {
      outputs.add(sql.output(c.name()));
    }
    String text = st.with(sql.select(outputs));
    return count >= 0 ? FeedSql.rowsOf(text, FeedSql.baseColumns(spec.table()), first, count, withRow) : text;
  }
}
