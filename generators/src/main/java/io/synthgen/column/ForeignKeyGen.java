package io.synthgen.column;

import io.synthgen.distribution.AliasTable;
import io.synthgen.distribution.ZipfSampler;
import io.synthgen.plan.FkDistribution;
import io.synthgen.random.Stream;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;

/**
 * A key of a parent row. The parent row index is drawn (uniform, zipf over a seeded permutation of the rows, or
 * weighted by a parent column) and the key is the parent's key at that row, so no parent data is held and a child
 * can read any parent attribute by recomputing it.
 */
public final class ForeignKeyGen implements ColumnGenerator, ParentKeys {

  private static final int WEIGHT_CHUNK = 65_536;
  /** Most parent rows a weighted foreign key may weigh (its alias table holds 12 bytes per row). */
  public static final long MAX_WEIGHTED_PARENTS = io.synthgen.plan.validate.PlanLimits.MAX_WEIGHTED_PARENTS;

  private final ParentKeyValues keys;
  private final long parentCount;
  private final FkDistribution distribution;
  private final Stream stream;
  private final ZipfSampler zipf;
  private final long permA;
  private final long permB;
  private final String columnName;
  private volatile AliasTable weighted;

  /** {@code columnName} is this column's own name, under which the engine caches its parent rows. */
  public ForeignKeyGen(String columnName, ParentKeyValues keys, long parentCount, FkDistribution distribution,
      Stream stream) {
    this.columnName = columnName;
    this.keys = keys;
    this.parentCount = parentCount;
    this.distribution = distribution;
    this.stream = stream;
    if (distribution instanceof FkDistribution.Zipf z) {
      this.zipf = new ZipfSampler(stream.child("zipf"), Math.max(1, parentCount), z.exponent());
      long a = 1 + Stream.below(stream.child("perm-a").bitsAt(0), Math.max(1, parentCount - 1));
      while (gcd(a, parentCount) != 1) {
        a++;
      }
      this.permA = a;
      this.permB = Stream.below(stream.child("perm-b").bitsAt(0), Math.max(1, parentCount));
    } else {
      this.zipf = null;
      this.permA = 1;
      this.permB = 0;
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }

  @Override
  public String parentTable() {
    return keys.parentTable();
  }

  @Override
  public long[] parentRows(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    long[] out = new long[n];
    if (parentCount == 0) {
      return out;
    }
    if (distribution instanceof FkDistribution.Uniform) {
      for (int i = 0; i < n; i++) {
        out[i] = Stream.below(stream.bits(h[i]), parentCount);
      }
    } else if (distribution instanceof FkDistribution.Zipf) {
      for (int i = 0; i < n; i++) {
        long rank = zipf.rank(h[i]) - 1;
        out[i] = mulAddMod(permA, rank, permB, parentCount);
      }
    } else if (distribution instanceof FkDistribution.Weighted w) {
      AliasTable t = weights(ctx, w.by());
      for (int i = 0; i < n; i++) {
        out[i] = t.sample(stream.uniform(h[i]));
      }
    } else {
      throw new IllegalStateException("unhandled foreign key distribution " + distribution);
    }
    return out;
  }

  /** (a * x + b) mod m without overflow. */
  static long mulAddMod(long a, long x, long b, long m) {
    long hi = Math.multiplyHigh(a, x);
    long lo = a * x;
    if (hi == 0 && lo >= 0) {
      return Math.floorMod(lo % m + b, m);
    }
    return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(x))
        .add(java.math.BigInteger.valueOf(b)).mod(java.math.BigInteger.valueOf(m)).longValue();
  }

  private AliasTable weights(BatchContext ctx, String by) {
    AliasTable t = weighted;
    if (t != null) {
      return t;
    }
    synchronized (this) {
      if (weighted == null) {
        if (parentCount > MAX_WEIGHTED_PARENTS) {
          throw new IllegalStateException("a weighted foreign key can weigh at most " + MAX_WEIGHTED_PARENTS
              + " parent rows; " + keys.parentTable() + " has " + parentCount + "; use zipf instead");
        }
        double[] w = new double[(int) parentCount];
        long[] rows = new long[WEIGHT_CHUNK];
        for (long start = 0; start < parentCount; start += WEIGHT_CHUNK) {
          int n = (int) Math.min(WEIGHT_CHUNK, parentCount - start);
          for (int i = 0; i < n; i++) {
            rows[i] = start + i;
          }
          Vec v = ctx.evaluate(keys.parentTable(), by, rows, n);
          for (int i = 0; i < n; i++) {
            w[(int) start + i] = v.isNull(i) ? 0 : numeric(v, i);
          }
        }
        weighted = new AliasTable(finite(w));
      }
      return weighted;
    }
  }

  /**
   * Weights the alias table can take: when no parent weighs more than 0 all weigh the same, a parent value that is
   * NaN weighs 0, one that is infinite the largest double,
   * and when their sum overflows all are divided by the largest (only their ratios matter), so a column of huge
   * values still spreads its children by them. Weights whose sum is finite are kept as they are.
   */
  static double[] finite(double[] w) {
    double sum = 0;
    boolean anyPositive = false;
    for (double x : w) {
      anyPositive |= x > 0;
    }
    if (!anyPositive) {
      // every parent weighs 0 (or NULL) in this run: each is equally likely, as documented
      java.util.Arrays.fill(w, 1);
      return w;
    }
    double max = 0;
    for (int i = 0; i < w.length; i++) {
      if (Double.isNaN(w[i])) {
        w[i] = 0;
      } else if (Double.isInfinite(w[i])) {
        w[i] = Double.MAX_VALUE;
      }
      sum += w[i];
      max = Math.max(max, w[i]);
    }
    if (Double.isInfinite(sum)) {
      for (int i = 0; i < w.length; i++) {
        w[i] /= max;
      }
    }
    return w;
  }

  private static double numeric(Vec v, int i) {
    if (v instanceof DoubleVec d) {
      return Math.max(0, d.values[i]);
    }
    if (v instanceof LongVec l) {
      double x = l.values[i];
      if (l.type().kind() == io.synthgen.plan.DataType.Kind.DECIMAL) {
        x /= Casts.pow10(l.type().scale());
      }
      return Math.max(0, x);
    }
    throw new IllegalStateException("weights must come from a numeric column");
  }

  @Override
  public Vec generate(BatchContext ctx) {
    long[] parents = ctx.parentRows(columnName);
    return keys.keys(ctx, parents, ctx.size());
  }

  @Override
  public ParentKeys parentKeys() {
    return this;
  }

  @Override
  public long distinctEstimate(long rows) {
    return Math.min(rows, parentCount);
  }
}
