package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
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
