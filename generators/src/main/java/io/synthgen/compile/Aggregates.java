package io.synthgen.compile;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlText;
import io.synthgen.sql.SqlTypes;
import java.math.BigDecimal;

/**
 * A child aggregate in SQL with the local engine's values ({@code ChildAggregateGen}): over a child table's rows
 * {@code __row}, {@code __pp} (the parent row) and {@code __v} (the column), grouped by {@code __pp}. Long-backed
 * children aggregated into a long-backed type of the same scale are exact (sum, min, max); everything else is summed
 * as doubles in child row order (the local order) and converted to the column's type as {@code Casts.fromDoubles}
 * does. NULL children are skipped; no children give count 0, sum 0 and NULL min, max and avg.
 */
final class Aggregates {

  private final String grouped;
  private final String function;
  private final boolean exact;
  private final DataType type;

  private Aggregates(String grouped, String function, boolean exact, DataType type) {
    this.grouped = grouped;
    this.function = function;
    this.exact = exact;
    this.type = type;
  }

  static Aggregates of(String function, DataType childType, DataType type) {
    boolean exact = childType.isLongBacked() && type.isLongBacked() && childType.scale() == type.scale()
        && !function.equals("avg");
    String grouped;
    if (exact) {
      grouped = switch (function) {
        case "sum" -> "SUM(`__v`)";
        case "min" -> "MIN(`__v`)";
        case "max" -> "MAX(`__v`)";
        default -> throw new IllegalArgumentException("unknown aggregate function " + function);
      };
    } else if (function.equals("min") || function.equals("max")) {
      // doubles: Math.min/max give NaN as soon as one value is NaN; Spark orders NaN above every number
      grouped = "CASE WHEN bool_or(isnan(`__v`)) THEN CAST('NaN' AS DOUBLE) ELSE " + function.toUpperCase(
          java.util.Locale.ROOT) + "(`__v`) END";
    } else {
      String d = childType.kind() == DataType.Kind.DOUBLE ? "`__v`" : "CAST(`__v` AS DOUBLE)";
      String sum = "aggregate(array_sort(collect_list(IF(`__v` IS NULL, NULL, named_struct('r', `__row`, 'v', " + d
          + ")))), 0D, (__a, __x) -> __a + __x.v)";
      grouped = switch (function) {
        case "sum" -> sum;
        case "avg" -> "CASE WHEN count(`__v`) = 0 THEN NULL ELSE " + sum + " / count(`__v`) END";
        default -> throw new IllegalArgumentException("unknown aggregate function " + function);
      };
    }
    return new Aggregates(grouped, function, exact, type);
  }

  /** The aggregate expression of the grouped subquery. */
  String grouped() {
    return grouped;
  }

  /** The column's value from the joined aggregate {@code raw} (NULL where the row has no children). */
  String value(String raw) {
    boolean sum = function.equals("sum");
    if (exact) {
      String v = sum ? "COALESCE(" + raw + ", 0)" : raw;
      return "CAST(" + v + " AS " + SqlTypes.of(type) + ")";
    }
    if (type.kind() == DataType.Kind.DOUBLE) {
      return sum ? "COALESCE(" + raw + ", 0D)" : raw;
    }
    return fromDouble(sum ? "COALESCE(" + raw + ", 0D)" : raw, type);
  }

  /** A child count (BIGINT) as a column of {@code type}: the local engine writes the count as the long value. */
  static String count(String countSql, DataType type) {
    return switch (type.kind()) {
      case DECIMAL -> unscaled(countSql, type);
      case INT, BIGINT, DOUBLE -> "CAST(" + countSql + " AS " + SqlTypes.of(type) + ")";
      default -> throw new IllegalStateException("a count is numeric, not " + type);
    };
  }

  /**
   * {@code Casts.toLong} of a DOUBLE for a long-backed numeric type: integers round half up; decimals are scaled
   * and rounded half up with a guard of 4 ulps.
   */
  static String fromDouble(String x, DataType type) {
    return switch (type.kind()) {
      case INT, BIGINT -> "CAST(floor(" + x + " + 0.5D) AS " + SqlTypes.of(type) + ")";
      case DECIMAL -> "element_at(transform(array(" + x + " * " + SqlText.lit((double) pow10(type.scale()))
          + "), __s -> " + unscaled("floor(__s + 0.5D + " + ulp("__s") + " * 4D)", type) + "), 1)";
      default -> throw new IllegalStateException("an aggregate of doubles cannot be " + type);
    };
  }

  /** A BIGINT unscaled value as a decimal of {@code type}. */
  private static String unscaled(String longSql, DataType type) {
    return "CAST(CAST(" + longSql + " AS DECIMAL(19,0)) * " + BigDecimal.ONE.movePointLeft(type.scale())
        .toPlainString() + "BD AS " + SqlTypes.of(type) + ")";
  }

  /**
   * {@code Math.ulp} of a finite DOUBLE (0 for 0, which the half-up rounding cannot tell from Java's smallest
   * double): 2^(e - 52) with e the exponent, found by log2 and corrected by exact powers of two.
   */
  static String ulp(String x) {
    return "(CASE WHEN " + x + " = 0D THEN 0D ELSE element_at(transform(array(CAST(floor(log2(abs(" + x
        + "))) AS INT)), __g -> power(2D, __g - CASE WHEN power(2D, __g) > abs(" + x + ") THEN 1 ELSE 0 END"
        + " + CASE WHEN power(2D, __g + 1) <= abs(" + x + ") THEN 1 ELSE 0 END - 52)), 1) END)";
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
