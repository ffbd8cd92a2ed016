package io.synthgen.server.catalog;

import io.synthgen.plan.DataType;
import io.synthgen.profile.ProfileLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL text of a warehouse profile: aggregates only, every identifier quoted ({@link UcNames#quote}), every number
 * a literal synthgen formats; no text of the person's reaches a statement unquoted. A value held by fewer than k rows
 * is replaced by NULL inside the statement, so it never leaves the warehouse.
 */
final class ProfileSql {

  /** Relative standard deviation asked of approx_count_distinct (HyperLogLog++): 1 %. */
  static final String APPROX_DISTINCT_RSD = "0.01";

  /** Probabilities of the quantiles fitted as a pseudo-sample: (i + 0.5) / QUANTILES. */
  static final int QUANTILES = 200;

  private ProfileSql() {
  }

  /** {@code DESCRIBE TABLE `c`.`s`.`t`}: one row per column (name, type, comment), then partition information. */
  static String describe(String table) {
    return "DESCRIBE TABLE " + table;
  }

  /** Row count, then per column its non-null count and approximate distinct count. */
  static String counts(String table, List<String> columns) {
    List<String> e = new ArrayList<>();
    e.add("count(*)");
    for (String c : columns) {
      String q = UcNames.quote(c);
      e.add("count(" + q + ")");
      e.add("approx_count_distinct(" + q + ", " + APPROX_DISTINCT_RSD + ")");
    }
    return select(e, table);
  }

  /** The summary expressions of one column of type {@code type} with {@code nonNull} values (see {@link #summary}). */
  static List<String> summaryOf(String column, DataType type, long nonNull) {
    String q = UcNames.quote(column);
    List<String> e = new ArrayList<>();
    double lo = Math.min(0.5, (double) ProfileLimits.BOUND_RANK / Math.max(1, nonNull));
    String bounds = number(lo) + ", " + number(1 - lo);
    if (type.isNumeric()) {
      String x = "CAST(" + q + " AS DOUBLE)";
      e.add("min(" + x + ")");
      e.add("max(" + x + ")");
      e.add("avg(" + x + ")");
      e.add("stddev_pop(" + x + ")");
      StringBuilder probs = new StringBuilder(bounds);
      for (int i = 0; i < QUANTILES; i++) {
        probs.append(", ").append(number((i + 0.5) / QUANTILES));
      }
      e.add("to_json(percentile_approx(" + x + ", array(" + probs + ")))");
      e.add(type.isIntegral() ? "true" : "bool_and(" + q + " = floor(" + q + "))");
      e.add(type.kind() == DataType.Kind.DOUBLE ? "max(CASE WHEN " + q + " = floor(" + q + ") THEN 0 ELSE length("
          + "regexp_extract(CAST(" + q + " AS STRING), '[.]([0-9]+)$', 1)) END)" : "0");
    } else if (type.isTemporal()) {
      String m = type.kind() == DataType.Kind.DATE ? "unix_date(" + q + ")"
          : "unix_micros(CAST(" + q + " AS TIMESTAMP))";
      e.add("min(" + m + ")");
      e.add("max(" + m + ")");
      e.add("to_json(percentile_approx(" + m + ", array(" + bounds + ")))");
      for (long unit : new long[] {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L}) {
        e.add(type.kind() == DataType.Kind.DATE ? "true" : "bool_and(" + m + " % " + unit + " = 0)");
      }
    } else if (type.kind() == DataType.Kind.STRING) {
      e.add("min(length(" + q + "))");
      e.add("max(length(" + q + "))");
      e.add("avg(length(" + q + "))");
      e.add("avg(CASE WHEN " + q + " IS NULL THEN NULL WHEN instr(" + q + ", ' ') > 0 THEN 1.0 ELSE 0.0 END)");
    } else if (type.kind() == DataType.Kind.BOOLEAN) {
      e.add("count_if(" + q + ")");
    }
    return e;
  }

  /** One statement over the summary expressions of several columns. */
  static String summary(String table, List<String> expressions) {
    return select(expressions, table);
  }

  /**
   * The most frequent values of a column with their counts and the exact number of distinct values; a value held by
   * fewer than {@code k} rows comes back as NULL unless {@code allowed}.
   */
  static String topValues(String table, String column, int k, boolean allowed) {
    String q = UcNames.quote(column);
    String v = allowed ? "s.v" : "CASE WHEN s.n >= " + k + " THEN s.v END";
    return "SELECT " + v + ", s.n, s.d FROM (SELECT " + q + " AS v, count(*) AS n, count(*) OVER () AS d FROM "
        + table + " WHERE " + q + " IS NOT NULL GROUP BY " + q + ") s ORDER BY s.n DESC, s.v LIMIT "
        + ProfileLimits.TOP_VALUES;
  }

  /**
   * The most frequent shapes of a string column (each digit 9, upper-case letter A, lower-case letter a), each with
   * its count, the total of counted values and, for a shape held by at least {@code k} rows, its smallest and
   * largest value and those of the reversed values (their common prefixes are the shape's constant prefix and
   * suffix).
   */
  static String shapes(String table, String column, int k) {
    String q = UcNames.quote(column);
    String shape = "regexp_replace(regexp_replace(regexp_replace(" + q + ", '[0-9]', '9'), '[A-Z]', 'A'), '[a-z]', "
        + "'a')";
    String keep = "CASE WHEN s.n >= " + k + " THEN ";
    return "SELECT s.shape, s.n, sum(s.n) OVER (), " + keep + "s.lo END, " + keep + "s.hi END, " + keep + "s.rlo END, "
        + keep + "s.rhi END FROM (SELECT " + shape + " AS shape, count(*) AS n, min(" + q + ") AS lo, max(" + q
        + ") AS hi, min(reverse(" + q + ")) AS rlo, max(reverse(" + q + ")) AS rhi FROM " + table + " WHERE " + q
        + " IS NOT NULL AND length(" + q + ") <= " + ProfileLimits.SHAPE_MAX_LENGTH + " GROUP BY " + shape
        + ") s ORDER BY s.n DESC, s.shape LIMIT " + ProfileLimits.SHAPES;
  }

  /** Exact distinct counts of the given columns. */
  static String distinct(String table, List<String> columns) {
    List<String> e = new ArrayList<>();
    for (String c : columns) {
      e.add("count(DISTINCT " + UcNames.quote(c) + ")");
    }
    return select(e, table);
  }

  /**
   * The distinct non-null values of {@code child.column} that {@code parent.key} does not hold (0: a foreign key), and
   * the number of distinct non-null values of {@code child.column}.
   */
  static String orphans(String child, String column, String parent, String key) {
    String c = UcNames.quote(column);
    String k = UcNames.quote(key);
    return "SELECT count_if(p.k IS NULL), count(*) FROM (SELECT DISTINCT " + c + " AS v FROM " + child + " WHERE " + c
        + " IS NOT NULL) c LEFT JOIN (SELECT DISTINCT " + k + " AS k FROM " + parent + ") p ON c.v = p.k";
  }

  private static String select(List<String> expressions, String table) {
    StringBuilder sb = new StringBuilder("SELECT ");
    for (int i = 0; i < expressions.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(expressions.get(i)).append(" AS `v").append(i).append('`');
    }
    return sb.append(" FROM ").append(table).toString();
  }

  private static String number(double p) {
    return String.format(Locale.ROOT, "%.6f", p);
  }
}
