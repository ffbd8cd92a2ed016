package io.synthgen.column;

import io.synthgen.plan.DataType;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;

/** In a table generated per parent: the row's position among its parent's children, counted from start. */
public final class ChildIndexGen implements ColumnGenerator {

  private final DataType type;
  private final ChildLayout layout;
  private final long start;

  public ChildIndexGen(DataType type, ChildLayout layout, long start) {
    this.type = type;
    this.layout = layout;
    this.start = start;
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] ordinals = new long[n];
    layout.locate(ctx.rows(), n, new long[n], ordinals);
    LongVec out = new LongVec(type, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = start + ordinals[i];
    }
    return out;
  }

  @Override
  public String sql(io.synthgen.sql.SqlScope scope) {
    String v = "(" + io.synthgen.sql.SqlText.lit(start) + " + " + scope.perParentOrdinal() + ")";
    return type.kind() == DataType.Kind.INT ? "CAST(" + v + " AS INT)" : v;
  }
}
