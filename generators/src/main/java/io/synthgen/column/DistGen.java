package io.synthgen.column;

import io.synthgen.distribution.Sampler;
import io.synthgen.distribution.SqlForms;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.Shaped;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.Vec;

/**
 * {@code round(clamp(offset + scale * x, min, max))} with x drawn from the distribution, then converted to the
 * column type (integers round half-up when no rounding is given; decimals round half-up to their scale).
 */
public final class DistGen implements ColumnGenerator {

  private final DataType type;
  private final ShapedSampler sampler;

  public DistGen(DataType type, Stream stream, Shaped shaped) {
    this.type = type;
    this.sampler = new ShapedSampler(Sampler.of(shaped.distribution(), stream), shaped);
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = sampler.sample(h[i]);
    }
    return Casts.fromDoubles(v, n, type);
  }

  @Override
  public long distinctEstimate(long rows) {
    return sampler.distinctEstimate(type, rows);
  }

  /** The shaped draw converted as {@link Casts#fromDoubles} converts it. */
  @Override
  public String sql(SqlScope scope) {
    String x = sampler.sql(scope);
    if (type.kind() != DataType.Kind.DOUBLE && SqlForms.heavy(x)) {
      return SqlForms.let(x, "__sg_dv", ValueSql.fromDouble(type, "__sg_dv"));
    }
    return ValueSql.fromDouble(type, x);
  }

  /** A distribution with its affine map, clamp and rounding; also used for per-parent child counts. */
  public static final class ShapedSampler {
    private final Sampler sampler;
    private final Shaped shaped;
    private final double lo;
    private final double hi;

    public ShapedSampler(Sampler sampler, Shaped shaped) {
      this.sampler = sampler;
      this.shaped = shaped;
      this.lo = shaped.min() == null ? Double.NEGATIVE_INFINITY : shaped.min();
      this.hi = shaped.max() == null ? Double.POSITIVE_INFINITY : shaped.max();
    }

    public double sample(long rowHash) {
      double x = shaped.offset() + shaped.scale() * sampler.sample(rowHash);
      x = Casts.round(x, shaped.rounding());
      return x < lo ? lo : x > hi ? hi : x;
    }

    /**
     * {@link #sample} as a Spark SQL DOUBLE: offset + scale * draw, rounded (exactly, signed zeros included), then
     * clamped with {@code greatest}/{@code least} (draws are never NaN: the plan's rules keep them finite).
     */
    public String sql(SqlScope scope) {
      String x = sampler.sql(scope);
      Rounding r = shaped.rounding();
      if (r != Rounding.NONE && SqlForms.heavy(x)) {
        return SqlForms.let(x, "__sg_sx", shape("__sg_sx"));
      }
      return shape(x);
    }

    private String shape(String draw) {
      String x = "(" + SqlText.lit(shaped.offset()) + " + " + SqlText.lit(shaped.scale()) + " * " + draw + ")";
      x = ValueSql.round(x, shaped.rounding());
      if (shaped.min() != null) {
        x = "greatest(" + x + ", " + SqlText.lit(lo) + ")";
      }
      if (shaped.max() != null) {
        x = "least(" + x + ", " + SqlText.lit(hi) + ")";
      }
      return x;
    }

    /** The unclamped mean, or NaN. */
    public double mean() {
      return shaped.offset() + shaped.scale() * sampler.mean();
    }

    long distinctEstimate(DataType type, long rows) {
      boolean discrete = type.isIntegral() || shaped.rounding() != Rounding.NONE;
      if (discrete && shaped.min() != null && shaped.max() != null) {
        return Math.min(rows, (long) (hi - lo) + 1);
      }
      return -1;
    }
  }
}
