package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import io.synthgen.plan.reach.Interval;
import io.synthgen.plan.reach.TypeRange;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;

/**
 * Converts a value to another type with Spark's non-ANSI {@code CAST} semantics, except that a value that does not
 * fit the target (an int overflow, a decimal beyond its precision, NaN to an integer) becomes NULL, as with
 * {@code try_cast}. double and decimal to integers truncate toward zero; to decimals round HALF_UP.
 */
final class CastNode extends Node {

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private final Node child;
  private final DictCache<Object[]> parsed = new DictCache<>();

  private CastNode(Node child, DataType to) {
    super(to, List.of(child));
    this.child = child;
  }

  /** {@code n} converted to {@code to}; callers check {@link Types#castable} first. Constants are folded. */
  static Node of(Node n, DataType to) {
    if (n.failed()) {
      return n;
    }
    if (n.type == null) {
      return Const.nullOf(to);
    }
    if (n.type.equals(to)) {
      return n;
    }
    Node c = new CastNode(n, to);
    return n.isConstant() ? Const.fold(c) : c;
  }

  @Override
  Interval range(RangeEnv env) {
    Interval r = env.range(child);
    DataType from = child.type;
    Kind k = type.kind();
    if (r.isEmpty()) {
      return r;
    }
    if (k == Kind.STRING) {
      return r.isText() ? r : Interval.text(textLength(from)).assumed(r.assumed());
    }
    if (from.kind() == Kind.STRING) {
      return TypeRange.of(type, "a value parsed from text");
    }
    if (k == Kind.BOOLEAN || from.kind() == Kind.BOOLEAN) {
      return Interval.of(0, 1);
    }
    if (from.kind() == Kind.DATE) {
      return k == Kind.TIMESTAMP ? env.within(r.mul(Interval.point(MICROS_PER_DAY)), type,
          "a date converted to a timestamp", "keep dates within years 1 to 9999") : r;
    }
    if (from.kind() == Kind.TIMESTAMP) {
      double unit = k == Kind.DATE ? MICROS_PER_DAY : k == Kind.TIMESTAMP ? 1 : 1e6;
      return Interval.of(Math.floor(r.lo() / unit), Math.floor(r.hi() / unit)).assumed(r.assumed());
    }
    if (k == Kind.TIMESTAMP) {
      return env.within(r.mul(Interval.point(1e6)), type, "CAST(... AS TIMESTAMP) of seconds since 1970",
          "keep the seconds within years 1 to 9999 (about -6.2e10 to 2.5e11)");
    }
    if (k == Kind.DATE) {
      return r;
    }
    Interval t = TypeRange.of(type, null);
    if (!r.isFinite()) {
      return t.assumed(r.assumed());
    }
    // values that do not fit become NULL (try_cast), so what remains is within the type
    Interval v = switch (k) {
      case INT, BIGINT -> Interval.of(trunc(r.lo()), trunc(r.hi())).assumed(r.assumed());
      case DECIMAL -> r.widen(Math.pow(10, -type.scale()) / 2);
      default -> r;
    };
    return k == Kind.DOUBLE ? v : v.clamp(t.lo(), t.hi());
  }

  /** Seconds since 1970 as a timestamp; NULL (OVERFLOW) outside years 1 to 9999. */
  private static long timestampOfSeconds(long seconds) {
    return Math.abs(seconds) < 9_200_000_000_000L ? DateFunctions.timestamp(seconds * 1_000_000L)
        : DecimalMath.OVERFLOW;
  }

  private static double trunc(double v) {
    return v < 0 ? Math.ceil(v) : Math.floor(v);
  }

  /** The longest text of a value of a type: bigint digits and sign, a double's shortest spelling, ISO dates. */
  static int textLength(DataType t) {
    if (t == null) {
      return 0;
    }
    return switch (t.kind()) {
      case INT -> 11;
      case BIGINT -> 20;
      case DOUBLE -> 24;
      case DECIMAL -> t.precision() + 3;
      case BOOLEAN -> 5;
      case DATE -> 11;
      case TIMESTAMP -> 27;
      case STRING -> ExprLimits.MAX_STRING_LENGTH;
    };
  }

  @Override
  String sql(SqlScope scope) {
    return CastSql.of(child.sql(scope), child.type, type);
  }

  /**
   * A decimal widened from a narrower decimal of at most its scale, or from an int, never fails or rounds: the value
   * stays at the child's digits (rescaled when the scale grows) so arithmetic over it stays narrow.
   */
  @Override
  DecimalSql decimalSql(SqlScope scope) {
    int ts = type.kind() == Kind.DECIMAL ? type.scale() : -1;
    if (ts >= 0 && child.type.kind() == Kind.DECIMAL && child.type.scale() <= ts
        && child.type.precision() - child.type.scale() + ts <= type.precision()) {
      DecimalSql c = child.decimalSql(scope);
      if (c.scale() == ts) {
        return c;
      }
      int p = c.integerDigits() + ts;
      return new DecimalSql("CAST(" + c.sql() + " AS DECIMAL(" + p + "," + ts + "))", p, ts);
    }
    if (ts >= 0 && child.type.kind() == Kind.INT && 10 + ts <= type.precision()) {
      return new DecimalSql("CAST(" + child.sql(scope) + " AS DECIMAL(" + (10 + ts) + "," + ts + "))", 10 + ts, ts);
    }
    return super.decimalSql(scope);
  }

  @Override
  Vec eval(ExprInput in) {
    Vec v = child.eval(in);
    int n = in.size();
    boolean[] nulls = Vecs.copy(v.nulls());
    if (v instanceof StrVec s) {
      return fromString(s, n, nulls);
    }
    if (type.kind() == Kind.STRING) {
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        if (nulls == null || !nulls[i]) {
          out[i] = Formats.format(v, i);
        }
      }
      return Vecs.plain(out, nulls, n);
    }
    if (type.kind() == Kind.BOOLEAN) {
      boolean[] out = new boolean[n];
      if (v instanceof LongVec l) {
        for (int i = 0; i < n; i++) {
          out[i] = l.values[i] != 0;
        }
      } else if (v instanceof DoubleVec d) {
        for (int i = 0; i < n; i++) {
          out[i] = d.values[i] != 0;
        }
      }
      return Vecs.bools(out, nulls, n);
    }
    if (type.kind() == Kind.DOUBLE) {
      return Vecs.doubles(toDouble(v, n), nulls, n);
    }
    long[] out = new long[n];
    if (v instanceof BoolVec b) {
      long one = type.kind() == Kind.DECIMAL ? DecimalMath.POW10[type.scale()] : 1;
      // TRUE is 1, which a decimal without an integer digit (decimal(2,2)) cannot hold: NULL, as any value too wide
      boolean oneFits = type.kind() != Kind.DECIMAL || DecimalMath.fits(one, type.precision());
      for (int i = 0; i < n; i++) {
        if (b.values[i] && !oneFits) {
          nulls = markNull(nulls, i, n);
        }
        out[i] = b.values[i] ? one : 0;
      }
    } else if (v instanceof DoubleVec d) {
      nulls = fromDouble(d.values, out, n, nulls);
    } else {
      nulls = fromLong((LongVec) v, out, n, nulls);
    }
    return Vecs.longs(type, out, nulls, n);
  }

  /**
   * For a cast of an integer (bigint, int) to string, the integers, whose decimal digits are the strings; null for
   * any other cast. Lets a concatenation write the digits without making strings.
   */
  LongVec integerToString(ExprInput in) {
    if (type.kind() != Kind.STRING || child.type == null
        || (child.type.kind() != Kind.BIGINT && child.type.kind() != Kind.INT)) {
      return null;
    }
    return (LongVec) child.eval(in);
  }

  private double[] toDouble(Vec v, int n) {
    double[] out = new double[n];
    if (v instanceof BoolVec b) {
      for (int i = 0; i < n; i++) {
        out[i] = b.values[i] ? 1 : 0;
      }
      return out;
    }
    LongVec l = (LongVec) v;
    DataType from = l.type();
    double div = from.kind() == Kind.DECIMAL ? DecimalMath.POW10D[from.scale()]
        : from.kind() == Kind.TIMESTAMP ? 1e6 : 1;
    for (int i = 0; i < n; i++) {
      out[i] = div == 1 ? l.values[i] : l.values[i] / div;
    }
    return out;
  }

  private boolean[] fromDouble(double[] in, long[] out, int n, boolean[] nulls) {
    Kind k = type.kind();
    for (int i = 0; i < n; i++) {
      double d = in[i];
      long r;
      if (k == Kind.DECIMAL) {
        r = DecimalMath.fromDouble(d, type.scale());
        if (!DecimalMath.fits(r, type.precision())) {
          r = DecimalMath.OVERFLOW;
        }
      } else if (k == Kind.TIMESTAMP) {
        r = Double.isFinite(d) && Math.abs(d) < 9.2e12 ? DateFunctions.timestamp((long) (d * 1e6))
            : DecimalMath.OVERFLOW;
      } else {
        r = Double.isFinite(d) && d >= Long.MIN_VALUE && d < 0x1p63 ? (long) d : DecimalMath.OVERFLOW;
        if (k == Kind.INT && r != (int) r) {
          r = DecimalMath.OVERFLOW;
        }
      }
      if (r == DecimalMath.OVERFLOW) {
        nulls = markNull(nulls, i, n);
      } else {
        out[i] = r;
      }
    }
    return nulls;
  }

  private boolean[] fromLong(LongVec l, long[] out, int n, boolean[] nulls) {
    DataType from = l.type();
    Kind k = type.kind();
    long[] in = l.values;
    for (int i = 0; i < n; i++) {
      long v = in[i];
      long r;
      switch (from.kind()) {
        case DECIMAL -> r = k == Kind.DECIMAL ? DecimalMath.rescale(v, from.scale(), type.scale())
            : v / DecimalMath.POW10[from.scale()];
        case DATE -> r = k == Kind.TIMESTAMP ? DateFunctions.timestamp(v * MICROS_PER_DAY) : v;
        case TIMESTAMP -> r = k == Kind.DATE ? Math.floorDiv(v, MICROS_PER_DAY)
            : k == Kind.TIMESTAMP ? v : Math.floorDiv(v, 1_000_000L);
        default -> r = k == Kind.DECIMAL ? DecimalMath.rescale(v, 0, type.scale())
            : k == Kind.TIMESTAMP ? timestampOfSeconds(v) : v;
      }
      if (k == Kind.INT && r != (int) r || k == Kind.DECIMAL && !DecimalMath.fits(r, type.precision())) {
        r = DecimalMath.OVERFLOW;
      }
      if (r == DecimalMath.OVERFLOW) {
        nulls = markNull(nulls, i, n);
      } else {
        out[i] = r;
      }
    }
    return nulls;
  }

  private Vec fromString(StrVec s, int n, boolean[] nulls) {
    if (type.kind() == Kind.STRING) {
      return s;
    }
    Object[] values = new Object[n];
    if (s.isDictionary()) {
      Object[] perCode = parsed.get(s.dict, d -> {
        Object[] a = new Object[d.size()];
        for (int c = 0; c < a.length; c++) {
          a[c] = Formats.parse(d.get(c), type);
        }
        return a;
      });
      for (int i = 0; i < n; i++) {
        values[i] = perCode[s.codes[i]];
      }
    } else {
      for (int i = 0; i < n; i++) {
        values[i] = s.plain[i] == null ? null : Formats.parse(s.plain[i], type);
      }
    }
    for (int i = 0; i < n; i++) {
      if (values[i] == null) {
        nulls = markNull(nulls, i, n);
      }
    }
    return Formats.fill(type, values, nulls, n);
  }

  private static boolean[] markNull(boolean[] nulls, int i, int n) {
    boolean[] r = nulls == null ? new boolean[n] : nulls;
    r[i] = true;
    return r;
  }
}
