package io.synthgen.column;

import io.synthgen.distribution.AliasTable;
import io.synthgen.distribution.ZipfSampler;
import io.synthgen.plan.FkDistribution;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
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
  private volatile AliasSlots slots;

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
        weighted = new AliasTable(finite(readWeights(ctx, by)));
      }
      return weighted;
    }
  }

  /** Every parent row's weight: its {@code by} value, 0 where NULL or negative. */
  private double[] readWeights(BatchContext ctx, String by) {
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
    return w;
  }

  /** The parent rows this key draws from. */
  public long parentCount() {
    return parentCount;
  }

  /** The distribution of the parent row: uniform, zipf or weighted. */
  public FkDistribution distribution() {
    return distribution;
  }

  /**
   * Before {@link #parentRowSql} of a weighted key: reads the parent's weights through {@code ctx} (a context of
   * this column's table, whose {@code evaluate} gives parent rows as the parent writes them) and keeps the alias
   * slots the SQL writes as constants. Other distributions need nothing. Idempotent.
   */
  public void prepareSql(BatchContext ctx) {
    if (distribution instanceof FkDistribution.Weighted w && slots == null && parentCount > 0) {
      synchronized (this) {
        if (slots == null) {
          slots = new AliasSlots(finite(readWeights(ctx, w.by())));
        }
      }
    }
  }

  @Override
  public String sql(SqlScope scope) {
    return keys.sql(scope, columnName, scope.parentRow(columnName));
  }

  /**
   * The drawn parent row (before the offset of an append parent, which the compiler adds as the engine does): the
   * same draw as {@link #parentRows} in SQL. A weighted key needs {@link #prepareSql} first.
   */
  @Override
  public String parentRowSql(SqlScope scope) {
    if (parentCount == 0) {
      return "0L";
    }
    if (distribution instanceof FkDistribution.Uniform) {
      return SqlText.below(SqlText.bits(scope, stream.key()), parentCount);
    } else if (distribution instanceof FkDistribution.Zipf) {
      String rank = "(CAST(" + zipf.sql(scope) + " AS BIGINT) - 1L)";
      // a * rank + b stays below 2^63 for every rank < parentCount unless the parent has billions of rows
      boolean fits = Math.multiplyHigh(permA, parentCount - 1) == 0 && permA * (parentCount - 1) >= 0
          && permA * (parentCount - 1) + permB >= 0;
      String a = fits ? SqlText.lit(permA) : "CAST(" + SqlText.lit(permA) + " AS DECIMAL(38,0))";
      String mod = "pmod(" + a + " * " + rank + " + " + SqlText.lit(permB) + ", " + SqlText.lit(parentCount) + ")";
      return fits ? mod : "CAST(" + mod + " AS BIGINT)";
    } else if (distribution instanceof FkDistribution.Weighted) {
      AliasSlots s = slots;
      if (s == null) {
        throw new IllegalStateException("the weights of " + columnName + " were not read: call prepareSql first");
      }
      return s.sql(scope, "weights_" + columnName, SqlText.uniform(scope, stream.key()));
    }
    throw new IllegalStateException("unhandled foreign key distribution " + distribution);
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
