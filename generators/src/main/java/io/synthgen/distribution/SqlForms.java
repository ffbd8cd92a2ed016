package io.synthgen.distribution;

import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

/**
 * Spark SQL building blocks shared by the samplers' and value generators' translations. Each form computes exactly
 * what the Java it names computes; none depends on ANSI mode or the session time zone.
 */
public final class SqlForms {

  /** {@code 2.0 * Math.PI}, as Java folds it before multiplying by a uniform. */
  static final String TWO_PI = SqlText.lit(2.0 * Math.PI);

  private SqlForms() {
  }

  /**
   * {@code body} with {@code var} bound to {@code value}, evaluated once: a one-element {@code transform}. Used where
   * a value built from lambdas or loops is read more than once (Spark cannot share such an expression itself).
   * {@code var} must be a name no column and no enclosing binding of the same expression uses ({@code __sg_...}).
   */
  public static String let(String value, String var, String body) {
    return "element_at(transform(array(" + value + "), " + var + " -> " + body + "), 1)";
  }

  /** Whether an expression holds a lambda (so Spark evaluates each copy of it separately). */
  public static boolean heavy(String sql) {
    return sql.contains("->");
  }

  /** The uniform in [0, 1) of the stream whose key is the BIGINT expression {@code keySql}, at the scope's row. */
  static String uniformOfKey(String keySql, SqlScope scope) {
    return SqlText.toUniform("xxhash64(" + scope.row() + ", " + keySql + ")");
  }

  /** {@code Math.sqrt(-2.0 * StrictMath.log(uPos)) * Math.cos(2.0 * Math.PI * u)}: a Box-Muller normal. */
  static String boxMuller(String uPosSql, String uSql) {
    return "(sqrt((-2.0D) * ln(" + uPosSql + ")) * cos(" + TWO_PI + " * " + uSql + "))";
  }

  /**
   * {@code Math.floor(x)} as a DOUBLE, signed zeros included (-0.0 stays -0.0): {@code rint(x)} less one where it
   * rounded up. Spark's own {@code floor} answers a BIGINT.
   */
  public static String floor(String x) {
    return "(rint(" + x + ") - IF(rint(" + x + ") > " + x + ", 1.0D, 0.0D))";
  }

  /** {@code Math.ceil(x)} as a DOUBLE, signed zeros included (ceil(-0.5) is -0.0): {@code -floor(-x)}. */
  public static String ceil(String x) {
    return "(-" + floor("(-" + x + ")") + ")";
  }

  /**
   * The number of leading entries of the sorted constant array {@code array} (of {@code size} entries) for which
   * {@code test(entry)} holds, by binary search: {@code test} must hold for a prefix of the array and fail on the rest.
   * {@code stateVar} names the loop state (and, suffixed {@code _i}, the step).
   */
  static String prefixCount(String array, int size, java.util.function.UnaryOperator<String> test, String stateVar) {
    int steps = 1;
    while ((1L << steps) <= size) {
      steps++;
    }
    String s = stateVar;
    String mid = "((" + s + ".lo + " + s + ".hi) div 2L)";
    String entry = "element_at(" + array + ", CAST(" + mid + " AS INT) + 1)";
    String inPrefix = test.apply(entry);
    return "aggregate(sequence(1, " + steps + "), named_struct('lo', 0L, 'hi', " + SqlText.lit((long) size) + "), ("
        + s + ", " + s + "_i) -> IF(" + s + ".lo >= " + s + ".hi, " + s + ", IF(" + inPrefix + ", named_struct('lo', "
        + mid + " + 1L, 'hi', " + s + ".hi), named_struct('lo', " + s + ".lo, 'hi', " + mid + "))), " + s + " -> "
        + s + ".lo)";
  }
}
