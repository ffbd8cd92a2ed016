package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import io.synthgen.random.FdLog;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Numeric functions. Integer arguments compute in bigint, decimals exactly, the rest in double. */
final class MathFunctions {

  private MathFunctions() {
  }

  static List<FunctionDef> defs() {
    return List.of(
        new FunctionDef("abs", "abs(x)", 1, 1, false, MathFunctions::abs),
        new FunctionDef("round", "round(x[, digits])", 1, 2, false, MathFunctions::round),
        new FunctionDef("floor", "floor(x)", 1, 1, false, c -> floorCeil(c, true)),
        new FunctionDef("ceil", "ceil(x)", 1, 1, false, c -> floorCeil(c, false)),
        new FunctionDef("sqrt", "sqrt(x)", 1, 1, false, c -> dbl(c, Math::sqrt, false, x -> "sqrt(" + x + ")")),
        new FunctionDef("exp", "exp(x)", 1, 1, false, c -> dbl(c, StrictMath::exp, false, x -> "exp(" + x + ")")),
        new FunctionDef("ln", "ln(x)", 1, 1, false,
            c -> dbl(c, x -> x > 0 ? FdLog.log(x) : Double.NaN, true, x -> "ln(" + x + ")")),
        new FunctionDef("log10", "log10(x)", 1, 1, false,
            c -> dbl(c, x -> x > 0 ? FdLog.log10(x) : Double.NaN, true, x -> "log10(" + x + ")")),
        new FunctionDef("sin", "sin(x)", 1, 1, false, c -> dbl(c, Math::sin, false, x -> "sin(" + x + ")")),
        new FunctionDef("cos", "cos(x)", 1, 1, false, c -> dbl(c, Math::cos, false, x -> "cos(" + x + ")")),
        new FunctionDef("tan", "tan(x)", 1, 1, false, c -> dbl(c, Math::tan, false, x -> "tan(" + x + ")")),
        new FunctionDef("atan", "atan(x)", 1, 1, false, c -> dbl(c, Math::atan, false, x -> "atan(" + x + ")")),
        new FunctionDef("pi", "pi()", 0, 0, false, c -> new Const(DataType.DOUBLE, Math.PI)),
        new FunctionDef("pow", "pow(x, y)", 2, 2, false, MathFunctions::pow),
        new FunctionDef("power", "power(x, y)", 2, 2, false, MathFunctions::pow),
        new FunctionDef("sign", "sign(x)", 1, 1, false, c -> dbl(c, Math::signum, false, x -> "signum(" + x + ")")),
        new FunctionDef("mod", "mod(a, b)", 2, 2, false, c -> mod(c, Arith.Op.MOD)),
        new FunctionDef("pmod", "pmod(a, b)", 2, 2, false, c -> mod(c, Arith.Op.PMOD)));
  }

  private static Node dbl(Call c, DoubleUnaryOperator f, boolean nanIsNull, MapNodes.Sql1 sql) {
    Node x = c.numeric(0);
    return c.bad() ? Node.failure() : MapNodes.doubles(CastNode.of(x, DataType.DOUBLE), nanIsNull, f, sql);
  }

  private static Node pow(Call c) {
    Node x = c.numeric(0);
    Node y = c.numeric(1);
    return c.bad() ? Node.failure()
        : MapNodes.doubles2(CastNode.of(x, DataType.DOUBLE), CastNode.of(y, DataType.DOUBLE), StrictMath::pow,
            (a, b) -> "power(" + a + ", " + b + ")");
  }

  private static Node mod(Call c, Arith.Op op) {
    return c.translator().operators().arithmetic(op, c.def.name(), c.arg(0), c.arg(1));
  }

  private static Node abs(Call c) {
    Node x = c.numeric(0);
    if (c.bad()) {
      return Node.failure();
    }
    DataType t = Types.arithmetic(x.type);
    if (t.kind() == Kind.DOUBLE) {
      return MapNodes.doubles(x, false, Math::abs, v -> "abs(" + v + ")");
    }
    return MapNodes.longs(t, CastNode.of(x, t), Math::abs, v -> "abs(" + v + ")");
  }

  /** floor and ceil give bigint (NULL beyond its range). */
  private static Node floorCeil(Call c, boolean floor) {
    Node x = c.numeric(0);
    if (c.bad()) {
      return Node.failure();
    }
    DataType t = Types.arithmetic(x.type);
    switch (t.kind()) {
      case BIGINT:
        return CastNode.of(x, DataType.BIGINT);
      case DECIMAL: {
        long p = DecimalMath.POW10[t.scale()];
        return MapNodes.longs(DataType.BIGINT, CastNode.of(x, t),
            v -> floor ? Math.floorDiv(v, p) : -Math.floorDiv(-v, p),
            v -> "CAST(" + (floor ? "floor(" : "ceil(") + v + ") AS BIGINT)");
      }
      default:
        return MapNodes.doubleToLong(DataType.BIGINT, x, v -> {
          double r = floor ? Math.floor(v) : Math.ceil(v);
          return Double.isFinite(r) && Math.abs(r) < 0x1p63 ? (long) r : DecimalMath.OVERFLOW;
        }, v -> SqlOps.let(v, y -> "CASE WHEN abs(" + y + ") < 9.223372036854775808E18D THEN " + (floor ? "floor("
            : "ceil(") + y + ") END"));
    }
  }

  /**
   * {@link DecimalMath#roundDouble} in SQL. Spark's round(x, d) rounds the shortest spelling HALF_UP and converts the
   * exact decimal to the nearest double, as the local engine does while the rounded value scaled by 10^d has at most
   * 53 bits; beyond that the local engine converts the scaled long to a double before dividing by 10^d, which can
   * round differently, so the SQL does the same there (the unscaled value through a decimal cast, which rounds
   * HALF_UP on the shortest spelling too), and takes Spark's round where that long would overflow.
   */
  static String roundDoubleSql(String x, int d) {
    if (d < 0) {
      return "round(" + x + ", " + d + ")";
    }
    double exactBelow = 0x1p53 / DecimalMath.POW10D[d];
    String pow = DecimalMath.POW10[d] + "BD";
    return SqlOps.let(x, v -> "CASE WHEN abs(" + v + ") < " + io.synthgen.sql.SqlText.lit(exactBelow) + " THEN round("
        + v + ", " + d + ") ELSE coalesce(CAST(try_cast(try_cast(" + v + " AS DECIMAL(19," + d + ")) * " + pow
        + " AS BIGINT) AS DOUBLE) / " + io.synthgen.sql.SqlText.lit(DecimalMath.POW10D[d]) + ", round(" + v + ", " + d
        + ")) END");
  }

  /**
   * round(x, d) rounds HALF_UP to d decimal places (negative d: tens, hundreds...). Decimals round exactly and the
   * result has scale max(d, 0); doubles round their shortest decimal spelling and stay double; integers stay bigint.
   */
  private static Node round(Call c) {
    Node x = c.numeric(0);
    int d = c.size() > 1 ? (int) c.constantLong(1) : 0;
    if (c.bad()) {
      return Node.failure();
    }
    if (d > DataType.MAX_DECIMAL_PRECISION || d < -DataType.MAX_DECIMAL_PRECISION) {
      return c.problem("digits must be between -18 and 18, got " + d);
    }
    DataType t = Types.arithmetic(x.type);
    switch (t.kind()) {
      case DOUBLE:
        return MapNodes.doubles(x, false, v -> DecimalMath.roundDouble(v, d), v -> roundDoubleSql(v, d));
      case BIGINT:
        if (d >= 0) {
          return CastNode.of(x, DataType.BIGINT);
        }
        return MapNodes.longs(DataType.BIGINT, x, v -> {
          long q = DecimalMath.rescale(v, -d, 0);
          return q == DecimalMath.OVERFLOW ? q : q * DecimalMath.POW10[-d];
        }, v -> "round(CAST(" + v + " AS BIGINT), " + d + ")");
      default: {
        int s = t.scale();
        if (d >= s) {
          return CastNode.of(x, t);
        }
        if (d >= 0) {
          return MapNodes.longs(Types.decimal(d), CastNode.of(x, t), v -> DecimalMath.rescale(v, s, d),
              v -> "try_cast(round(" + v + ", " + d + ") AS " + SqlOps.type(Types.decimal(d)) + ")");
        }
        return MapNodes.longs(Types.decimal(0), CastNode.of(x, t), v -> {
          long q = DecimalMath.rescale(v, s - d, 0);
          return q == DecimalMath.OVERFLOW ? q : q * DecimalMath.POW10[-d];
        }, v -> "try_cast(round(" + v + ", " + d + ") AS " + SqlOps.type(Types.decimal(0)) + ")");
      }
    }
  }
}
