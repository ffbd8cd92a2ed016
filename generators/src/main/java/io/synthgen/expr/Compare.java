package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;

/**
 * A comparison of two operands already converted to one type. NULL on either side gives NULL. A dictionary-coded
 * string compared with a constant is decided once per dictionary entry.
 */
final class Compare extends Node {

  enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator with its operands swapped: a < b is b > a. */
    Op flipped() {
      return switch (this) {
        case EQ -> EQ;
        case NE -> NE;
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
      };
    }

    boolean test(int c) {
      return switch (this) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
      };
    }
  }

  private final Op op;
  private final Node left;
  private final Node right;
  private final DictCache<boolean[]> perCode = new DictCache<>();

  private Compare(Op op, Node left, Node right) {
    super(DataType.BOOLEAN, List.of(left, right));
    this.op = op;
    this.left = left;
    this.right = right;
  }

  /** Operands must have the same type; a constant operand is moved to the right. */
  static Compare of(Op op, Node left, Node right) {
    if (left instanceof Const && !(right instanceof Const)) {
      return new Compare(op.flipped(), right, left);
    }
    return new Compare(op, left, right);
  }

  /**
   * Spark's comparison, except where its order differs from the local one: doubles compare as {@code
   * Double.compare} (-0.0 below 0.0) and strings as {@code String.compareTo} (UTF-16 units).
   */
  @Override
  String sql(SqlScope scope) {
    String a = left.sql(scope);
    String b = right.sql(scope);
    Object ka = left instanceof Const c ? c.value : null;
    Object kb = right instanceof Const c ? c.value : null;
    if (left.type.kind() == DataType.Kind.DOUBLE) {
      return SqlOps.compareDoubles(op.symbol, a, b, kb);
    }
    if (left.type.kind() == DataType.Kind.STRING) {
      return SqlOps.compareStrings(op.symbol, a, b, ka, kb);
    }
    return "(" + a + " " + op.symbol + " " + b + ")";
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    Vec a = left.eval(in);
    boolean[] r = new boolean[n];
    if (a instanceof StrVec s && s.isDictionary() && right instanceof Const c) {
      if (c.value == null) {
        return Vecs.bools(r, Vecs.allNull(n), n);
      }
      String k = c.stringValue();
      boolean[] hit = perCode.get(s.dict, d -> {
        boolean[] h = new boolean[d.size()];
        for (int i = 0; i < h.length; i++) {
          h[i] = op.test(Integer.signum(d.get(i).compareTo(k)));
        }
        return h;
      });
      for (int i = 0; i < n; i++) {
        r[i] = hit[s.codes[i]];
      }
      return Vecs.bools(r, Vecs.copy(a.nulls()), n);
    }
    if (right instanceof Const c && (a instanceof LongVec && c.value instanceof Long
        || a instanceof DoubleVec && c.value instanceof Double)) {
      if (a instanceof LongVec x) {
        withConstant(x.values, (Long) c.value, r, n);
      } else {
        withConstant(((DoubleVec) a).values, (Double) c.value, r, n);
      }
      return Vecs.bools(r, Vecs.copy(a.nulls()), n);
    }
    Vec b = right.eval(in);
    boolean[] nulls = Vecs.or(a.nulls(), b.nulls(), n);
    if (a instanceof LongVec x) {
      long[] xv = x.values;
      long[] yv = ((LongVec) b).values;
      for (int i = 0; i < n; i++) {
        r[i] = op.test(Long.compare(xv[i], yv[i]));
      }
    } else if (a instanceof DoubleVec x) {
      double[] xv = x.values;
      double[] yv = ((DoubleVec) b).values;
      for (int i = 0; i < n; i++) {
        r[i] = op.test(Double.compare(xv[i], yv[i]));
      }
    } else if (a instanceof BoolVec x) {
      boolean[] xv = x.values;
      boolean[] yv = ((BoolVec) b).values;
      for (int i = 0; i < n; i++) {
        r[i] = op.test(Boolean.compare(xv[i], yv[i]));
      }
    } else {
      StrVec x = (StrVec) a;
      StrVec y = (StrVec) b;
      for (int i = 0; i < n; i++) {
        if (nulls == null || !nulls[i]) {
          r[i] = op.test(x.str(i).compareTo(y.str(i)));
        }
      }
    }
    return Vecs.bools(r, nulls, n);
  }

  /** {@code x[i] op k} for every row, one loop per operator (CASE WHEN age >= 65 ... over a whole vector). */
  private void withConstant(long[] x, long k, boolean[] r, int n) {
    switch (op) {
      case EQ -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] == k;
        }
      }
      case NE -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] != k;
        }
      }
      case LT -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] < k;
        }
      }
      case LE -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] <= k;
        }
      }
      case GT -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] > k;
        }
      }
      case GE -> {
        for (int i = 0; i < n; i++) {
          r[i] = x[i] >= k;
        }
      }
    }
  }

  /** {@code Double.compare(x[i], k) op 0} for every row, one loop per operator. */
  private void withConstant(double[] x, double k, boolean[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = op.test(Double.compare(x[i], k));
    }
  }
}
