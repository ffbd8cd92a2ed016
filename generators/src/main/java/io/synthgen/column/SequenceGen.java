package io.synthgen.column;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;

/** start + step * row. */
public final class SequenceGen implements ColumnGenerator {

  private final DataType type;
  private final long start;
  private final long step;

  public SequenceGen(DataType type, long start, long step) {
    this.type = type;
    this.start = start;
    this.step = step;
  }

  /** The key at a row, without a batch (foreign keys use it to turn parent rows into keys). */
  public long valueAt(long row) {
    return start + step * row;
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] rows = ctx.rows();
    LongVec out = new LongVec(type, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = start + step * rows[i];
    }
    return out;
  }

  @Override
  public String sql(SqlScope scope) {
    return valueSql(scope.row());
  }

  /** {@link #valueAt} of a BIGINT SQL row expression, typed as the column (INT or BIGINT). */
  public String valueSql(String rowSql) {
    String v = start == 0 && step == 1 ? rowSql
        : "(" + SqlText.lit(start) + " + " + SqlText.lit(step) + " * " + rowSql + ")";
    return type.kind() == DataType.Kind.INT ? "CAST(" + v + " AS INT)" : v;
  }

  @Override
  public long distinctEstimate(long rows) {
    return rows;
  }
}
