package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import io.synthgen.plan.reach.Interval;
import io.synthgen.plan.reach.TypeRange;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.util.List;

/**
 * Binary arithmetic over two operands already converted to the operation's domain: bigint (64-bit, wrapping like
 * Spark), decimal (exact unscaled longs; + - % on equal scales, * adds the scales; overflow gives NULL) or double.
 * Division and modulo by zero give NULL.
 */
final class Arith extends Node {

  enum Op { ADD, SUB, MUL, DIV, MOD, PMOD }

  private final Op op;
  private final Node left;
  private final Node right;

  Arith(Op op, Node left, Node right, DataType type) {
    super(type, List.of(left, right));
    this.op = op;
    this.left = left;
    this.right = right;
  }

  @Override
  Interval range(RangeEnv env) {
    Interval a = env.range(left);
    Interval b = env.range(right);
    Interval r = switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.sub(b);
      case MUL -> a.mul(b);
      case DIV -> divide(a, b, right);
      case MOD, PMOD -> remainder(a, b);
    };
    if (type.kind() == Kind.BIGINT) {
      return env.within(r, type, "integer arithmetic '" + symbol() + "'", "integers are 64-bit and would wrap: "
          + "narrow the operands' ranges, or CAST an operand AS DOUBLE (or a decimal) to compute without wrapping");
    }
    if (type.kind() == Kind.DECIMAL) {
      // a decimal result beyond 18 digits is NULL, as documented: what remains fits the type
      Interval t = TypeRange.of(type, null);
      return r.isFinite() ? r.clamp(t.lo(), t.hi()) : t.assumed(r.assumed());
    }
    return r;
  }

  private String symbol() {
    return switch (op) {
      case ADD -> "+";
      case SUB -> "-";
      case MUL -> "*";
      case DIV -> "/";
      case MOD -> "%";
      case PMOD -> "pmod";
    };
  }

  /** x / y without the rows where y is 0 (NULL); an integer divisor that can be 0 is at least 1 in magnitude. */
  private static Interval divide(Interval a, Interval b, Node divisor) {
    if (a.isEmpty() || b.isEmpty()) {
      return Interval.empty();
    }
    if (b.lo() > 0 || b.hi() < 0) {
      return quotient(a, b);
    }
    // the divisor's range contains 0 (those rows are NULL): integers and decimals have a smallest other magnitude
    DataType source = divisor instanceof CastNode && divisor.children.get(0).type != null
        ? divisor.children.get(0).type : divisor.type;
    double unit = source.isIntegral() ? 1 : source.kind() == Kind.DECIMAL ? Math.pow(10, -source.scale()) : 0;
    if (unit == 0) {
      return TypeRange.of(DataType.DOUBLE, "a division by a value that can be near 0");
    }
    Interval r = Interval.empty();
    if (b.lo() <= -unit) {
      r = r.hull(quotient(a, Interval.of(b.lo(), -unit)));
    }
    if (b.hi() >= unit) {
      r = r.hull(quotient(a, Interval.of(unit, b.hi())));
    }
    return r;
  }

  private static Interval quotient(Interval a, Interval b) {
    double[] q = {a.lo() / b.lo(), a.lo() / b.hi(), a.hi() / b.lo(), a.hi() / b.hi()};
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : q) {
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return Interval.of(Math.nextDown(lo), Math.nextUp(hi)).hull(Interval.empty()).assumed(
        a.assumed() != null ? a.assumed() : b.assumed());
  }

  /** |a % b| is below |b| and at most |a|; the sign is the dividend's (pmod: never negative for b > 0). */
  private Interval remainder(Interval a, Interval b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Interval.empty();
    }
    // |a % b| < |b|: for integers at most |b| - 1, for decimals |b| less one unit of the scale
    double below = type.kind() == Kind.BIGINT ? 1 : type.kind() == Kind.DECIMAL ? Math.pow(10, -type.scale()) : 0;
    double m = Math.min(a.magnitude(), Math.max(0, b.magnitude() - below));
    String why = a.assumed() != null ? a.assumed() : b.assumed();
    if (op == Op.PMOD) {
      return Interval.of(b.lo() > 0 ? 0 : -m, m).assumed(why);
    }
    return Interval.of(a.lo() < 0 ? -m : 0, a.hi() > 0 ? m : 0).assumed(why);
  }

  /**
   * Doubles and bigints compute as Spark does (a bigint that could wrap is refused when the plan is checked);
   * decimals compute exactly in Spark's wider decimal and become NULL beyond 18 digits (try_cast); a zero divisor
   * is NULL through NULLIF, never an error.
   */
  @Override
  String sql(SqlScope scope) {
    if (type.kind() == Kind.DECIMAL) {
      DecimalSql d = decimalSql(scope);
      return d.as(type);
    }
    String a = left.sql(scope);
    String b = right.sql(scope);
    String zero = type.kind() == Kind.DOUBLE ? "0.0D" : type.kind() == Kind.DECIMAL ? "0BD" : "0L";
    String r = switch (op) {
      case ADD -> "(" + a + " + " + b + ")";
      case SUB -> "(" + a + " - " + b + ")";
      case MUL -> "(" + a + " * " + b + ")";
      case DIV -> "(" + a + " / NULLIF(" + b + ", " + zero + "))";
      case MOD -> "(" + a + " % NULLIF(" + b + ", " + zero + "))";
      case PMOD -> "pmod(" + a + ", NULLIF(" + b + ", " + zero + "))";
    };
    return type.kind() == Kind.DECIMAL ? "try_cast(" + r + " AS " + SqlOps.type(type) + ")" : r;
  }

  /**
   * Decimal arithmetic over the operands at their narrowest types: Spark types {@code a + b} as
   * DECIMAL(max(p1 - s1, p2 - s2) + s + 1, s) and {@code a * b} as DECIMAL(p1 + p2 + 1, s1 + s2), exactly (both
   * operands have at most 18 digits). Where that bound is within 18 digits the result cannot overflow the engine's
   * decimals and stays narrow (a long in Spark, not a BigDecimal); beyond it the 18-digit overflow check
   * ({@code try_cast}, NULL as locally) is kept. A remainder is below the divisor and at most the dividend.
   */
  @Override
  DecimalSql decimalSql(SqlScope scope) {
    if (type.kind() != Kind.DECIMAL) {
      return super.decimalSql(scope);
    }
    DecimalSql a = left.decimalSql(scope);
    DecimalSql b = right.decimalSql(scope);
    int s = type.scale();
    String zero = "0BD";
    int p = switch (op) {
      case ADD, SUB -> Math.max(a.integerDigits(), b.integerDigits()) + s + 1;
      case MUL -> a.precision() + b.precision() + 1;
      case MOD, PMOD -> Math.min(a.integerDigits(), b.integerDigits()) + s;
      case DIV -> throw new IllegalStateException("division is computed in double");
    };
    String r = switch (op) {
      case ADD -> "(" + a.sql() + " + " + b.sql() + ")";
      case SUB -> "(" + a.sql() + " - " + b.sql() + ")";
      case MUL -> "(" + a.sql() + " * " + b.sql() + ")";
      case MOD -> "(" + a.sql() + " % NULLIF(" + b.sql() + ", " + zero + "))";
      case PMOD -> "pmod(" + a.sql() + ", NULLIF(" + b.sql() + ", " + zero + "))";
      case DIV -> throw new IllegalStateException("division is computed in double");
    };
    if (p > DataType.MAX_DECIMAL_PRECISION) {
      return new DecimalSql("try_cast(" + r + " AS " + SqlOps.type(type) + ")", type.precision(), s);
    }
    // Spark's remainder type may be wider than this bound: pinned to it (the value always fits, so CAST cannot fail)
    String narrow = op == Op.MOD || op == Op.PMOD ? "CAST(" + r + " AS DECIMAL(" + p + "," + s + "))" : r;
    return new DecimalSql(narrow, p, s);
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    Vec a = left.eval(in);
    Vec b = right.eval(in);
    boolean[] nulls = Vecs.or(a.nulls(), b.nulls(), n);
    if (type.kind() == Kind.DOUBLE) {
      double[] x = ((DoubleVec) a).values;
      double[] y = ((DoubleVec) b).values;
      double[] r = new double[n];
      nulls = doubles(x, y, r, n, nulls);
      return Vecs.doubles(r, nulls, n);
    }
    long[] x = ((LongVec) a).values;
    long[] y = ((LongVec) b).values;
    long[] r = new long[n];
    nulls = type.kind() == Kind.DECIMAL ? decimals(x, y, r, n, nulls) : longs(x, y, r, n, nulls);
    return Vecs.longs(type, r, nulls, n);
  }

  private boolean[] doubles(double[] x, double[] y, double[] r, int n, boolean[] nulls) {
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] + y[i];
        }
      }
      case SUB -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] - y[i];
        }
      }
      case MUL -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] * y[i];
        }
      }
      case DIV, MOD, PMOD -> {
        for (int i = 0; i < n; i++) {
          if (y[i] == 0) {
            nulls = mark(nulls, i, n);
            continue;
          }
          double v = op == Op.DIV ? x[i] / y[i] : x[i] % y[i];
          r[i] = op == Op.PMOD && v < 0 ? (v + y[i]) % y[i] : v;
        }
      }
    }
    return nulls;
  }

  private boolean[] longs(long[] x, long[] y, long[] r, int n, boolean[] nulls) {
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] + y[i];
        }
      }
      case SUB -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] - y[i];
        }
      }
      case MUL -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] * y[i];
        }
      }
      case MOD, PMOD -> nulls = remainders(x, y, r, n, nulls);
      case DIV -> throw new IllegalStateException("division is computed in double");
    }
    return nulls;
  }

  private boolean[] decimals(long[] x, long[] y, long[] r, int n, boolean[] nulls) {
    if (op == Op.MOD || op == Op.PMOD) {
      return remainders(x, y, r, n, nulls);
    }
    for (int i = 0; i < n; i++) {
      try {
        r[i] = switch (op) {
          case ADD -> Math.addExact(x[i], y[i]);
          case SUB -> Math.subtractExact(x[i], y[i]);
          case MUL -> Math.multiplyExact(x[i], y[i]);
          default -> throw new IllegalStateException(op.name());
        };
        if (!DecimalMath.fits(r[i], DataType.MAX_DECIMAL_PRECISION)) {
          nulls = mark(nulls, i, n);
        }
      } catch (ArithmeticException e) {
        nulls = mark(nulls, i, n);
      }
    }
    return nulls;
  }

  private boolean[] remainders(long[] x, long[] y, long[] r, int n, boolean[] nulls) {
    for (int i = 0; i < n; i++) {
      if (y[i] == 0) {
        nulls = mark(nulls, i, n);
      } else {
        long v = x[i] % y[i];
        r[i] = op == Op.PMOD && v < 0 ? (v + y[i]) % y[i] : v;
      }
    }
    return nulls;
  }

  private static boolean[] mark(boolean[] nulls, int i, int n) {
    boolean[] m = nulls == null ? new boolean[n] : nulls;
    m[i] = true;
    return m;
  }
}
