package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Table;

/**
 * A primary key or a {@code unique: true} column must be unique by construction, not by luck: random draws repeat long
 * before they run out of values (the birthday bound), so a key drawn from values, a range, a dictionary or an
 * expression would fail the output check or, worse, pass it for one seed and not another. Allowed: {@code sequence}
 * (step is never 0), {@code uuid} (122 random bits: n rows collide with probability below n²/2^123, under 1e-13 at
 * 10^12 rows), a {@code pattern} with at least {@link #PATTERN_SAFETY} times rows² combinations (collision probability
 * below 1e-9), {@code parent} when every parent has at most one child, and {@code child_index} when the parent table
 * has at most one row.
 */
final class KeyRules {

  /**
   * A pattern key needs this many times rows² combinations: n draws from c values collide with probability at most
   * n²/(2c), so this keeps it below 1e-9.
   */
  static final double PATTERN_SAFETY = 5e8;

  private KeyRules() {
  }

  /** Reports the key column at {@code path} (the column's path) when its strategy can repeat a value. */
  static void check(PlanValidator v, Table t, Column c, String path) {
    ColumnGen g = c.gen();
    if (g == null || g instanceof ColumnGen.Sequence || g instanceof ColumnGen.Uuid) {
      return;
    }
    String what = c.name() != null && c.name().equals(t.primaryKey()) ? "a primary key" : "a unique column";
    String fix = "use strategy sequence (or uuid for a string key), or "
        + (what.equals("a primary key") ? "remove \"primary_key\" from " + t.name() : "drop \"unique\"");
    String why;
    if (g instanceof ColumnGen.Pattern p) {
      if (p.pattern() == null) {
        return;
      }
      double combinations = combinations(p.pattern());
      double rows = rowsBound(t);
      if (combinations >= rows * rows * PATTERN_SAFETY) {
        return;
      }
      why = "pattern \"" + p.pattern() + "\" makes " + count(combinations) + " values, too few for distinct values "
          + "on " + count(rows) + " rows (random draws repeat long before they run out: " + what + " needs at least "
          + count(rows * rows * PATTERN_SAFETY) + ", " + count(PATTERN_SAFETY) + " times rows²)";
      fix = "lengthen the pattern (each # multiplies the values by 10), or " + fix;
    } else if (g instanceof ColumnGen.Parent) {
      PerParent pp = t.perParent();
      if (pp != null && pp.count() != null && pp.count().max() != null && pp.count().max() <= 1) {
        return;
      }
      why = "strategy parent repeats the parent's key on each of its children";
      fix = "set the per_parent count's \"max\": 1 for one child per parent, or " + fix;
    } else if (g instanceof ColumnGen.ChildIndex) {
      PerParent pp = t.perParent();
      Table parent = pp == null || pp.table() == null ? null : v.tables.get(pp.table());
      if (parent != null && parent.perParent() == null && parent.rows() <= 1) {
        return;
      }
      why = "strategy child_index starts again for every parent row";
    } else {
      why = "strategy " + g.strategy() + " can repeat a value";
    }
    v.out.add(path + ".strategy", g.strategy(), what + " must be unique by construction: " + why, fix);
  }

  /** The values a pattern can make: the product of its placeholders' alphabets (escaped characters are literal). */
  static double combinations(String pattern) {
    double c = 1;
    for (int i = 0; i < pattern.length(); i++) {
      switch (pattern.charAt(i)) {
        case '#':
          c *= 10;
          break;
        case '!':
          c *= 9;
          break;
        case '?':
          c *= 26;
          break;
        case '*':
          c *= 36;
          break;
        case '\\':
          i++;
          break;
        default:
          break;
      }
    }
    return c;
  }

  /** A count for a message: exact below 10^15, else in scientific notation. */
  private static String count(double x) {
    return x < 1e15 ? String.format(java.util.Locale.ROOT, "%,.0f", x)
        : String.format(java.util.Locale.ROOT, "%.3g", x);
  }

  /** The rows the key must tell apart: a per_parent table's rows are an expectation, so allow twice as many. */
  private static double rowsBound(Table t) {
    double rows = Math.max(1, t.rows());
    return t.perParent() == null ? rows : 2 * rows + 100;
  }
}
