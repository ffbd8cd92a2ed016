package io.synthgen.column;

import io.synthgen.distribution.SqlForms;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Rounding;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark SQL for the conversions of {@link Casts} and the column representations of {@code vec}: a long-backed value
 * (BIGINT expression) to its column type, drawn doubles to a column type, literals, and indexing constant arrays.
 * Each form equals the Java it mirrors value for value, with ANSI mode on or off and in any session time zone.
 */
public final class ValueSql {

  /**
   * 2^-53 (1 + 2^-27): {@code (a + a * ULP_PROBE) - a} is exactly {@code Math.ulp(a)} for a double a &gt;= 2^-969
   * (a * ULP_PROBE lies strictly between half an ulp and 1.5 ulps of a, so the sum rounds to a + ulp(a)).
   */
  static final double ULP_PROBE = 0x1.0000002p-53;

  private ValueSql() {
  }

  /** The Spark type of a plan type. */
  public static String sparkType(DataType t) {
    return switch (t.kind()) {
      case BIGINT -> "BIGINT";
      case INT -> "INT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "STRING";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
      default -> throw new IllegalArgumentException("no Spark type for " + t);
    };
  }

  /**
   * A {@code LongVec} value (BIGINT expression) as its column type: INT narrowed, a decimal's unscaled value scaled
   * exactly (taken at the type's own precision, which it must fit for the final cast anyway, so the product stays
   * within 18 digits, a long in Spark, up to precision 15), a date's epoch day through {@code date_from_unix_date}, a
   * timestamp's epoch microseconds through {@code timestamp_micros} (an instant: no session time zone is read).
   */
  public static String fromLong(DataType t, String bigint) {
    return switch (t.kind()) {
      case BIGINT -> bigint;
      case INT -> "CAST(" + bigint + " AS INT)";
      case DECIMAL -> t.scale() == 0
          ? "CAST(" + bigint + " AS " + sparkType(t) + ")"
          : "CAST(CAST(" + bigint + " AS DECIMAL(" + t.precision() + ",0)) * " + new java.math.BigDecimal(
              java.math.BigInteger.ONE, t.scale()).toPlainString() + "BD AS " + sparkType(t) + ")";
      case DATE -> "date_from_unix_date(CAST(" + bigint + " AS INT))";
      case TIMESTAMP -> "timestamp_micros(" + bigint + ")";
      default -> throw new IllegalArgumentException(t + " is not long-backed");
    };
  }

  /** A value in the Java representation of its column type ({@code ValueConversion}) as a SQL literal of that type. */
  public static String literal(DataType t, Object v) {
    return switch (t.kind()) {
      case STRING -> SqlText.lit((String) v);
      case DOUBLE -> SqlText.lit((Double) v);
      case BOOLEAN -> (Boolean) v ? "TRUE" : "FALSE";
      default -> fromLong(t, SqlText.lit((Long) v));
    };
  }

  /** {@code Rounding.apply} of a DOUBLE expression, exactly (signed zeros included). */
  public static String round(String x, Rounding r) {
    return switch (r) {
      case NONE -> x;
      case FLOOR -> SqlForms.floor(x);
      case CEIL -> SqlForms.ceil(x);
      case ROUND -> SqlForms.floor("(" + x + " + 0.5D)");
    };
  }

  /**
   * {@link Casts#fromDoubles} of a DOUBLE expression: doubles as they are; integers {@code (long) floor(v + 0.5)};
   * decimals {@code (long) floor(v * 10^s + 0.5 + 4 ulp(v * 10^s))} unscaled, with {@code Math.ulp} computed as
   * {@code (a + a * ULP_PROBE) - a} of {@code a = |v * 10^s|} (exact from 2^-969; below, v * 10^s + 0.5 is 0.5
   * exactly and the guard cannot change the floor).
   */
  public static String fromDouble(DataType t, String x) {
    if (t.kind() == DataType.Kind.DOUBLE) {
      return x;
    }
    if (t.kind() == DataType.Kind.DECIMAL) {
      String scaled = "(" + x + " * " + SqlText.lit((double) Casts.pow10(t.scale())) + ")";
      String a = "abs(" + scaled + ")";
      String ulp = "((" + a + " + " + a + " * " + SqlText.lit(ULP_PROBE) + ") - " + a + ")";
      return fromLong(t, "floor(" + scaled + " + 0.5D + " + ulp + " * 4.0D)");
    }
    return fromLong(t, "floor(" + x + " + 0.5D)");
  }

  /**
   * {@code array[index]} of a constant array given as Java values, {@code index} an INT expression counted from 0:
   * the array goes through {@link SqlScope#constantArray} under {@code hint}.
   */
  public static String pick(SqlScope scope, String hint, List<String> items, String index) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return "element_at(" + scope.constantArray(hint, SqlText.array(items)) + ", " + index + " + 1)";
  }

  /** SQL literals of strings. */
  public static List<String> strings(List<String> values) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(SqlText.lit(v));
    }
    return out;
  }

  /** {@code Stream.below(bits, bound)} as an INT index (bound up to 2^31 - 1). */
  public static String belowInt(String bits, long bound) {
    return "CAST(" + SqlText.toUniform(bits) + " * " + SqlText.lit((double) bound) + " AS INT)";
  }
}
