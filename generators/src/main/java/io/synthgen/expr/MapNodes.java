package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Element-wise numeric nodes built from a primitive lambda, for the many one-line functions. A long function
 * returning {@link DecimalMath#OVERFLOW}, or a double function returning NaN where {@code nanIsNull}, yields NULL.
 * Operands must already have the physical type the lambda reads (long-backed or double). Each builder takes the
 * function's Spark SQL beside its lambda, so the two are written together and a node cannot lack its SQL.
 */
final class MapNodes {

  private MapNodes() {
  }

  interface LongTernary {
    long apply(long a, long b, long c);
  }

  interface DoubleBinary {
    double apply(double a, double b);
  }

  /** The Spark SQL of a one-operand function from its operand's SQL. */
  interface Sql1 {
    String of(String a);
  }

  /** The Spark SQL of a two-operand function from its operands' SQL. */
  interface Sql2 {
    String of(String a, String b);
  }

  /** The Spark SQL of a three-operand function from its operands' SQL. */
  interface Sql3 {
    String of(String a, String b, String c);
  }

  static Node longs(DataType out, Node a, LongUnaryOperator f, Sql1 sql) {
    return new Node(out, List.of(a)) {
      @Override
      String sql(SqlScope scope) {
        return sql.of(a.sql(scope));
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        LongVec x = (LongVec) a.eval(in);
        long[] r = new long[n];
        boolean[] nulls = Vecs.copy(x.nulls());
        for (int i = 0; i < n; i++) {
          r[i] = f.applyAsLong(x.values[i]);
          nulls = checkLong(r[i], nulls, i, n);
        }
        return Vecs.longs(out, r, nulls, n);
      }
    };
  }

  static Node longs2(DataType out, Node a, Node b, LongBinaryOperator f, Sql2 sql) {
    return new Node(out, List.of(a, b)) {
      @Override
      String sql(SqlScope scope) {
        return sql.of(a.sql(scope), b.sql(scope));
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        LongVec x = (LongVec) a.eval(in);
        LongVec y = (LongVec) b.eval(in);
        long[] r = new long[n];
        boolean[] nulls = Vecs.or(x.nulls(), y.nulls(), n);
        for (int i = 0; i < n; i++) {
          r[i] = f.applyAsLong(x.values[i], y.values[i]);
          nulls = checkLong(r[i], nulls, i, n);
        }
        return Vecs.longs(out, r, nulls, n);
      }
    };
  }

  static Node longs3(DataType out, Node a, Node b, Node c, LongTernary f, Sql3 sql) {
    return new Node(out, List.of(a, b, c)) {
      @Override
      String sql(SqlScope scope) {
        return sql.of(a.sql(scope), b.sql(scope), c.sql(scope));
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        LongVec x = (LongVec) a.eval(in);
        LongVec y = (LongVec) b.eval(in);
        LongVec z = (LongVec) c.eval(in);
        long[] r = new long[n];
        boolean[] nulls = Vecs.or(Vecs.or(x.nulls(), y.nulls(), n), z.nulls(), n);
        for (int i = 0; i < n; i++) {
          r[i] = f.apply(x.values[i], y.values[i], z.values[i]);
          nulls = checkLong(r[i], nulls, i, n);
        }
        return Vecs.longs(out, r, nulls, n);
      }
    };
  }

  /** {@code sql} computes f's value; where {@code nanIsNull} a NaN result is made NULL around it. */
  static Node doubles(Node a, boolean nanIsNull, DoubleUnaryOperator f, Sql1 sql) {
    return new Node(DataType.DOUBLE, List.of(a)) {
      @Override
      String sql(SqlScope scope) {
        String r = sql.of(a.sql(scope));
        return nanIsNull ? "nullif(" + r + ", CAST('NaN' AS DOUBLE))" : r;
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        DoubleVec x = (DoubleVec) a.eval(in);
        double[] r = new double[n];
        boolean[] nulls = Vecs.copy(x.nulls());
        for (int i = 0; i < n; i++) {
          r[i] = f.applyAsDouble(x.values[i]);
          if (nanIsNull && Double.isNaN(r[i])) {
            nulls = mark(nulls, i, n);
          }
        }
        return Vecs.doubles(r, nulls, n);
      }
    };
  }

  static Node doubles2(Node a, Node b, DoubleBinary f, Sql2 sql) {
    return new Node(DataType.DOUBLE, List.of(a, b)) {
      @Override
      String sql(SqlScope scope) {
        return sql.of(a.sql(scope), b.sql(scope));
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        DoubleVec x = (DoubleVec) a.eval(in);
        DoubleVec y = (DoubleVec) b.eval(in);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
          r[i] = f.apply(x.values[i], y.values[i]);
        }
        return Vecs.doubles(r, Vecs.or(x.nulls(), y.nulls(), n), n);
      }
    };
  }

  /** A double mapped to a long-backed type; OVERFLOW (e.g. from NaN) yields NULL. */
  static Node doubleToLong(DataType out, Node a, java.util.function.DoubleToLongFunction f, Sql1 sql) {
    return new Node(out, List.of(a)) {
      @Override
      String sql(SqlScope scope) {
        return sql.of(a.sql(scope));
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        DoubleVec x = (DoubleVec) a.eval(in);
        long[] r = new long[n];
        boolean[] nulls = Vecs.copy(x.nulls());
        for (int i = 0; i < n; i++) {
          r[i] = f.applyAsLong(x.values[i]);
          nulls = checkLong(r[i], nulls, i, n);
        }
        return Vecs.longs(out, r, nulls, n);
      }
    };
  }

  private static boolean[] checkLong(long v, boolean[] nulls, int i, int n) {
    return v == DecimalMath.OVERFLOW ? mark(nulls, i, n) : nulls;
  }

  static boolean[] mark(boolean[] nulls, int i, int n) {
    boolean[] m = nulls == null ? new boolean[n] : nulls;
    m[i] = true;
    return m;
  }
}
