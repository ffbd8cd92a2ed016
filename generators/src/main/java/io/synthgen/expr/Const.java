package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import io.synthgen.plan.reach.Interval;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A literal or folded constant. The value is held in its internal form: a Long for long-backed types (unscaled for
 * decimals, epoch day for dates, epoch micros for timestamps), a Double, a Boolean, a String, or null. A string
 * constant evaluates to a one-entry dictionary so per-value string functions stay on the dictionary path.
 */
final class Const extends Node {

  final Object value;
  private final StrDict dict;

  Const(DataType type, Object value) {
    super(type, List.of());
    this.value = value;
    this.dict = value instanceof String s ? new StrDict(List.of(s)) : null;
  }

  static Const nullOf(DataType type) {
    return new Const(type, null);
  }

  /** The untyped NULL literal. */
  static Const untypedNull() {
    return new Const(null, null);
  }

  @Override
  Interval range(RangeEnv env) {
    if (value == null || type == null) {
      return Interval.empty();
    }
    if (value instanceof String s) {
      return Interval.text(s.length());
    }
    if (value instanceof Boolean b) {
      return Interval.point(b ? 1 : 0);
    }
    if (value instanceof Double d) {
      return Interval.point(d);
    }
    long v = (Long) value;
    if (type.kind() != DataType.Kind.DECIMAL) {
      return Interval.point(v);
    }
    java.math.BigDecimal exact = java.math.BigDecimal.valueOf(v, type.scale());
    double d = exact.doubleValue();
    return new java.math.BigDecimal(d).compareTo(exact) == 0 ? Interval.point(d)
        : Interval.of(Math.nextDown(d), Math.nextUp(d));
  }

  long longValue() {
    return (Long) value;
  }

  double doubleValue() {
    return (Double) value;
  }

  String stringValue() {
    return (String) value;
  }

  /** Folds a constant node into a literal by evaluating it on a one-row batch. */
  static Const fold(Node n) {
    if (n instanceof Const c) {
      return c;
    }
    Vec v = n.eval(OneRow.INSTANCE);
    if (v.isNull(0)) {
      return nullOf(n.type);
    }
    Object o;
    if (v instanceof LongVec l) {
      o = l.values[0];
    } else if (v instanceof DoubleVec d) {
      o = d.values[0];
    } else if (v instanceof BoolVec b) {
      o = b.values[0];
    } else {
      o = ((StrVec) v).str(0);
    }
    return new Const(n.type, o);
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    if (type == null) {
      return Vecs.nulls(DataType.STRING, n);
    }
    if (value == null) {
      return Vecs.nulls(type, n);
    }
    return switch (type.kind()) {
      case BIGINT, INT, DECIMAL, DATE, TIMESTAMP -> {
        long[] a = new long[n];
        Arrays.fill(a, (Long) value);
        yield new LongVec(type, a, n);
      }
      case DOUBLE -> {
        double[] a = new double[n];
        Arrays.fill(a, (Double) value);
        yield new DoubleVec(a, n);
      }
      case BOOLEAN -> {
        boolean[] a = new boolean[n];
        Arrays.fill(a, (Boolean) value);
        yield new BoolVec(a, n);
      }
      case STRING -> StrVec.dictionary(dict, new int[n], n);
    };
  }

  @Override
  String sql(SqlScope scope) {
    return SqlOps.literal(type, value);
  }

  /** A decimal constant at its own digits ({@code 0.08} is DECIMAL(2,2)), so products with it stay narrow. */
  @Override
  DecimalSql decimalSql(SqlScope scope) {
    if (type.kind() != Kind.DECIMAL || !(value instanceof Long v) || v == Long.MIN_VALUE) {
      return super.decimalSql(scope);
    }
    int s = type.scale();
    int p = Math.max(1, Math.max(s, Long.toString(Math.abs(v)).length()));
    return new DecimalSql("CAST(" + BigDecimal.valueOf(v, s).toPlainString() + "BD AS DECIMAL(" + p + "," + s + "))",
        p, s);
  }

  @Override
  boolean isConstant() {
    return true;
  }

  /** The input constant folding evaluates on: one row, no columns. */
  private static final class OneRow implements ExprInput {
    static final OneRow INSTANCE = new OneRow();

    @Override
    public int size() {
      return 1;
    }

    @Override
    public long[] rows() {
      return new long[1];
    }

    @Override
    public long[] rowHashes() {
      return new long[1];
    }

    @Override
    public Vec column(String name) {
      throw new IllegalStateException("a constant read column " + name);
    }
  }
}
