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
    if (g == null) {
      return;
    }
    String what = c.name() != null && c.name().equals(t.primaryKey()) ? "a primary key" : "a unique column";
    Repeats r = g.accept(new Uniqueness(v, t, what));
    if (r == null) {
      return;
    }
    String fix = "use strategy sequence (or uuid for a string key), or "
        + (what.equals("a primary key") ? "remove \"primary_key\" from " + t.name() : "drop \"unique\"");
    v.out.add(path + ".strategy", g.strategy(), what + " must be unique by construction: " + r.why(),
        r.fix() + fix);
  }

  /** Why a strategy can repeat a value, and the start of the fix that is particular to it. */
  private record Repeats(String why, String fix) {
    static Repeats of(ColumnGen g) {
      return new Repeats("strategy " + g.strategy() + " can repeat a value", "");
    }
  }

  /** Null for a strategy whose values are distinct by construction in this table, else why they are not. */
  private static final class Uniqueness implements ColumnGen.Visitor<Repeats> {
    private final PlanValidator v;
    private final Table t;
    private final String what;

    Uniqueness(PlanValidator v, Table t, String what) {
      this.v = v;
      this.t = t;
      this.what = what;
    }

    @Override
    public Repeats sequence(ColumnGen.Sequence g) {
      return null;
    }

    @Override
    public Repeats uuid(ColumnGen.Uuid g) {
      return null;
    }

    @Override
    public Repeats pattern(ColumnGen.Pattern p) {
      if (p.pattern() == null) {
        return null;
      }
      double combinations = combinations(p.pattern());
      double rows = rowsBound(t);
      if (combinations >= rows * rows * PATTERN_SAFETY) {
        return null;
      }
      return new Repeats("pattern \"" + p.pattern() + "\" makes " + count(combinations) + " values, too few for "
          + "distinct values on " + count(rows) + " rows (random draws repeat long before they run out: " + what
          + " needs at least " + count(rows * rows * PATTERN_SAFETY) + ", " + count(PATTERN_SAFETY)
          + " times rows²)", "lengthen the pattern (each # multiplies the values by 10), or ");
    }

    @Override
    public Repeats parent(ColumnGen.Parent g) {
      PerParent pp = t.perParent();
      if (pp != null && pp.count() != null && pp.count().max() != null && pp.count().max() <= 1) {
        return null;
      }
      return new Repeats("strategy parent repeats the parent's key on each of its children",
          "set the per_parent count's \"max\": 1 for one child per parent, or ");
    }

    @Override
    public Repeats childIndex(ColumnGen.ChildIndex g) {
      PerParent pp = t.perParent();
      Table parent = pp == null || pp.table() == null ? null : v.tables.get(pp.table());
      if (parent != null && parent.perParent() == null && parent.rows() <= 1) {
        return null;
      }
      return new Repeats("strategy child_index starts again for every parent row", "");
    }

    @Override
    public Repeats uniform(ColumnGen.Uniform g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats values(ColumnGen.Values g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats dist(ColumnGen.Dist g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats dateRange(ColumnGen.DateRange g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats dictionary(ColumnGen.Dictionary g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats bool(ColumnGen.Bool g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats constant(ColumnGen.Constant g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats foreignKey(ColumnGen.ForeignKey g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats lookup(ColumnGen.Lookup g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats childAggregate(ColumnGen.ChildAggregate g) {
      return Repeats.of(g);
    }

    @Override
    public Repeats expression(ColumnGen.Expression g) {
      return Repeats.of(g);
    }
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
