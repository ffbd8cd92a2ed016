package io.synthgen.column;

import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.Vec;

/** true with a fixed probability: u &lt; p. */
public final class BoolGen implements ColumnGenerator {

  private final Stream stream;
  private final double p;

  public BoolGen(Stream stream, double probability) {
    this.stream = stream;
    this.p = probability;
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    BoolVec out = new BoolVec(n);
    for (int i = 0; i < n; i++) {
      out.values[i] = stream.uniform(h[i]) < p;
    }
    return out;
  }

  @Override
  public String sql(SqlScope scope) {
    return "(" + SqlText.uniform(scope, stream.key()) + " < " + SqlText.lit(p) + ")";
  }

  @Override
  public long distinctEstimate(long rows) {
    return Math.min(2, rows);
  }
}
