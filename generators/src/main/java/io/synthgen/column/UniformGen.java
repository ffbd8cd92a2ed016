package io.synthgen.column;

import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;

/**
 * Uniform over [min, max]: integers and decimals pick one of the (max - min) / step + 1 grid points with equal
 * probability (step defaults to 1 or to the decimal's smallest unit); doubles are continuous unless a step is set.
 */
public final class UniformGen implements ColumnGenerator {

  private final DataType type;
  private final Stream stream;
  private final double min;
  private final double max;
  private final long lo;
  private final long stepUnits;
  private final long points;

  public UniformGen(DataType type, Stream stream, double min, double max, Double step) {
    this.type = type;
    this.stream = stream;
    this.min = min;
    this.max = max;
    if (type.kind() == DataType.Kind.DOUBLE) {
      this.lo = 0;
      this.stepUnits = 0;
      this.points = step == null ? 0 : (long) Math.floor((max - min) / step + 1e-9) + 1;
    } else {
      long unit = type.kind() == DataType.Kind.DECIMAL ? Casts.pow10(type.scale()) : 1;
      this.lo = Casts.toLong(min, type);
      long hi = Casts.toLong(max, type);
      this.stepUnits = step == null ? 1 : Math.max(1, Math.round(step * unit));
      this.points = (hi - lo) / stepUnits + 1;
    }
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    if (type.kind() == DataType.Kind.DOUBLE) {
      DoubleVec out = new DoubleVec(n);
      double width = max - min;
      double step = points > 1 ? width / (points - 1) : 0;
      for (int i = 0; i < n; i++) {
        out.values[i] = points > 0
            ? min + step * Stream.below(stream.bits(h[i]), points)
            : min + width * Stream.toUniform(stream.bits(h[i]));
      }
      return out;
    }
    LongVec out = new LongVec(type, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = lo + stepUnits * Stream.below(stream.bits(h[i]), points);
    }
    return out;
  }

  @Override
  public String sql(SqlScope scope) {
    String bits = SqlText.bits(scope, stream.key());
    if (type.kind() == DataType.Kind.DOUBLE) {
      double width = max - min;
      double step = points > 1 ? width / (points - 1) : 0;
      return points > 0
          ? "(" + SqlText.lit(min) + " + " + SqlText.lit(step) + " * " + SqlText.below(bits, points) + ")"
          : "(" + SqlText.lit(min) + " + " + SqlText.lit(width) + " * " + SqlText.toUniform(bits) + ")";
    }
    return ValueSql.fromLong(type, "(" + SqlText.lit(lo) + " + " + SqlText.lit(stepUnits) + " * "
        + SqlText.below(bits, points) + ")");
  }

  @Override
  public long distinctEstimate(long rows) {
    return points > 0 ? Math.min(points, rows) : rows;
  }
}
