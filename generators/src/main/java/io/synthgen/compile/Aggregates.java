package io.synthgen.compile;

import io.synthgen.column.ValueSql;
import io.synthgen.plan.DataType;

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
      return "CAST(" + v + " AS " + ValueSql.sparkType(type) + ")";
    }
    if (type.kind() == DataType.Kind.DOUBLE) {
      return sum ? "COALESCE(" + raw + ", 0D)" : raw;
    }
    return ValueSql.fromDouble(type, sum ? "COALESCE(" + raw + ", 0D)" : raw);
  }

  /** A child count (BIGINT) as a column of {@code type}: the local engine writes the count as the long value. */
  static String count(String countSql, DataType type) {
    return switch (type.kind()) {
      case DECIMAL -> ValueSql.fromLong(type, countSql);
      case INT, BIGINT, DOUBLE -> "CAST(" + countSql + " AS " + ValueSql.sparkType(type) + ")";
      default -> throw new IllegalStateException("a count is numeric, not " + type);
    };
  }
}
