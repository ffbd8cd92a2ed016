package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.util.Arrays;
import java.util.List;

/**
 * {@code batch()}: the number of the series batch the rows belong to, an input like the row index ({@link
 * ExprInput#batch()}); never folded. Its range is 0 .. the batches the plan is checked for minus one.
 */
final class BatchNumber extends Node {

  private final long batches;

  BatchNumber(long batches) {
    super(DataType.BIGINT, List.of());
    this.batches = Math.max(1, batches);
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    long[] v = new long[n];
    Arrays.fill(v, in.batch());
    return new LongVec(DataType.BIGINT, v, n);
  }

  @Override
  String sql(SqlScope scope) {
    return scope.batch();
  }

  @Override
  boolean isConstant() {
    return false;
  }

  @Override
  Interval range(RangeEnv env) {
    return Interval.of(0, batches - 1);
  }
}
