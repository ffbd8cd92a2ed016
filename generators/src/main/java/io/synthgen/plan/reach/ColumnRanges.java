package io.synthgen.plan.reach;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The values every column of a resolved plan can reach, checked against the column's type: a sequence over its
 * table's exact row count, uniform bounds, weighted values, distributions with their clamps, date ranges, foreign
 * keys (the parent key's range), lookups (the parent column's), child aggregates (count times the child column's
 * range), constants, patterns and expressions (interval arithmetic, through {@link Expressions}). A plan whose values
 * can leave their type is refused with the path, the reachable range, the type's range and a fix, so no value is
 * ever wrapped, pinned at a limit or cut silently.
 */
public final class ColumnRanges {

  /** The longest value assumed for a composed or pooled dictionary (street addresses, full names...). */
  public static final int MAX_COMPOSED_LENGTH = 256;

  /** What an expression column reaches, or null when its expression did not compile (already reported). */
  public interface Expressions {
    Derived reach(String table, String column, Function<String, Interval> inputs);
  }

  /** An expression's value range and the problems of its intermediate values. */
  public record Derived(Interval value, List<String> problems) {
  }

  private final Plan plan;
  private final Map<String, Long> rows;
  private final Expressions expressions;
  private final ToLongFunction<String> dictionaryLength;
  private final Map<String, Interval> memo = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final Map<String, List<String>> exprProblems = new HashMap<>();
  private final List<Violation> out = new ArrayList<>();

  private ColumnRanges(Plan plan, Map<String, Long> rows, Expressions expressions,
      ToLongFunction<String> dictionaryLength) {
    this.plan = plan;
    this.rows = rows;
    this.expressions = expressions;
    this.dictionaryLength = dictionaryLength;
  }

  /**
   * Every column whose reachable values do not fit its type. {@code rows} holds each table's exact row count,
   * {@code dictionaryLength} the longest value of a dictionary (list dictionaries) or -1 when it is composed;
   * columns with a violation in {@code already} are not reported again.
   */
  public static List<Violation> check(Plan plan, Map<String, Long> rows, Expressions expressions,
      ToLongFunction<String> dictionaryLength, List<Violation> already) {
    ColumnRanges r = new ColumnRanges(plan, rows, expressions, dictionaryLength);
    for (int ti = 0; ti < plan.tables().size(); ti++) {
      Table t = plan.tables().get(ti);
      for (int ci = 0; ci < t.columns().size(); ci++) {
        Column c = t.columns().get(ci);
        String path = "tables[" + ti + "].columns[" + ci + "]";
        Interval v = r.range(t, c);
        if (reported(already, path)) {
          continue;
        }
        for (String p : r.exprProblems.getOrDefault(t.name() + "." + c.name(), List.of())) {
          r.out.add(new Violation(path + ".expr", shorten(((ColumnGen.Expression) c.gen()).expr()), p,
              "see the limits in docs/expressions.md"));
        }
        if (c.gen() instanceof ColumnGen.ForeignKey fk && fk.distribution() instanceof FkDistribution.Weighted w) {
          r.weightsAbove0(fk, w, path);
        }
        boolean fits = RangeFit.check(r.out, path, c, v);
        if (fits && c.gen() instanceof ColumnGen.Uniform u) {
          RangeFit.uniformWidth(r.out, path, c, u);
        }
      }
    }
    return List.copyOf(r.out);
  }

  /** A weighted foreign key needs a parent column that can be above 0, or no parent row could be chosen. */
  private void weightsAbove0(ColumnGen.ForeignKey fk, FkDistribution.Weighted w, String path) {
    int dot = fk.references().indexOf('.');
    Interval by = dot < 0 ? null : range(fk.references().substring(0, dot), w.by());
    if (by != null && !by.isEmpty() && !by.isText() && by.assumed() == null && by.hi() <= 0) {
      out.add(new Violation(path + ".distribution.by", w.by(), fk.references().substring(0, dot) + "." + w.by()
          + " reaches at most " + by.hi() + ", so no parent row would have a weight above 0",
          "weigh by a column with positive values, or use {\"type\": \"uniform\"}"));
    }
  }

  private static boolean reported(List<Violation> already, String columnPath) {
    for (Violation v : already) {
      if (v.path().equals(columnPath) || v.path().startsWith(columnPath + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Every column's reachable range, by {@code table.column}, in the column type's units (see {@link Interval}). */
  public static Map<String, Interval> ranges(Plan plan, Map<String, Long> rows, Expressions expressions,
      ToLongFunction<String> dictionaryLength) {
    ColumnRanges r = new ColumnRanges(plan, rows, expressions, dictionaryLength);
    Map<String, Interval> all = new java.util.LinkedHashMap<>();
    for (Table t : plan.tables()) {
      for (Column c : t.columns()) {
        all.put(t.name() + "." + c.name(), r.range(t, c));
      }
    }
    return all;
  }

  /** The range of {@code table.column}, or null when no such column exists. */
  private Interval range(String table, String column) {
    Table t = plan.table(table).orElse(null);
    Column c = t == null ? null : t.column(column).orElse(null);
    return c == null ? null : range(t, c);
  }

  private Interval range(Table t, Column c) {
    String key = t.name() + "." + c.name();
    Interval r = memo.get(key);
    if (r != null) {
      return r;
    }
    if (!inProgress.add(key)) {
      return Interval.empty(); // a cycle, reported by the resolver: its columns have no values to bound
    }
    r = rowsOf(t) == 0 ? Interval.empty() : compute(t, c);
    inProgress.remove(key);
    memo.put(key, r);
    return r;
  }

  private long rowsOf(Table t) {
    Long n = rows.get(t.name());
    return n == null ? t.rows() : n;
  }

  private Interval compute(Table t, Column c) {
    return c.gen().accept(new Reach(t, c));
  }

  /** The values one column's strategy reaches, in its type's units. */
  private final class Reach implements ColumnGen.Visitor<Interval> {
    private final Table t;
    private final Column c;
    private final DataType type;

    Reach(Table t, Column c) {
      this.t = t;
      this.c = c;
      this.type = c.type();
    }

    @Override
    public Interval sequence(ColumnGen.Sequence q) {
      BigInteger end = BigInteger.valueOf(q.start()).add(BigInteger.valueOf(q.step())
          .multiply(BigInteger.valueOf(rowsOf(t) - 1)));
      return exact(BigInteger.valueOf(q.start()), end);
    }

    @Override
    public Interval uniform(ColumnGen.Uniform u) {
      return type.isIntegral() ? Interval.of(Math.floor(u.min() + 0.5), Math.floor(u.max() + 0.5))
          : Interval.of(u.min(), u.max());
    }

    @Override
    public Interval values(ColumnGen.Values v) {
      Interval r = Interval.empty();
      for (Object o : v.values()) {
        r = r.hull(PlanValues.range(o, type, plan.referenceDate()));
      }
      return r;
    }

    @Override
    public Interval dist(ColumnGen.Dist d) {
      return DistributionReach.shaped(d.shaped());
    }

    @Override
    public Interval dateRange(ColumnGen.DateRange d) {
      return PlanValues.dateRange(d, type, plan.referenceDate());
    }

    @Override
    public Interval dictionary(ColumnGen.Dictionary d) {
      long n = dictionaryLength.applyAsLong(d.dictionary());
      return n >= 0 ? Interval.text(n) : Interval.text(MAX_COMPOSED_LENGTH).assumed("a composed dictionary value");
    }

    @Override
    public Interval pattern(ColumnGen.Pattern p) {
      return Interval.text(p.pattern().length());
    }

    @Override
    public Interval uuid(ColumnGen.Uuid u) {
      return Interval.text(36);
    }

    @Override
    public Interval bool(ColumnGen.Bool b) {
      return Interval.of(0, 1);
    }

    @Override
    public Interval constant(ColumnGen.Constant k) {
      return k.value() == null ? Interval.empty() : PlanValues.range(k.value(), type, plan.referenceDate());
    }

    @Override
    public Interval foreignKey(ColumnGen.ForeignKey fk) {
      return referenced(fk.references(), type);
    }

    @Override
    public Interval parent(ColumnGen.Parent p) {
      return referenced(p.references(), type);
    }

    @Override
    public Interval childIndex(ColumnGen.ChildIndex ci) {
      Interval count = childCount(t);
      return Interval.of(ci.start(), ci.start() + Math.max(0, count.hi() - 1)).assumed(count.assumed());
    }

    @Override
    public Interval lookup(ColumnGen.Lookup l) {
      String parent = parentOf(t, l.via());
      Interval r = parent == null ? null : range(parent, l.column());
      return r != null ? r : TypeRange.of(type, "the looked-up column is unknown");
    }

    @Override
    public Interval childAggregate(ColumnGen.ChildAggregate a) {
      return aggregate(t, a, type);
    }

    @Override
    public Interval expression(ColumnGen.Expression e) {
      Derived d = expressions.reach(t.name(), c.name(), name -> input(t, name));
      if (d == null) {
        return Interval.empty(); // the expression did not compile, which is reported with its reason
      }
      if (!d.problems().isEmpty()) {
        exprProblems.put(t.name() + "." + c.name(), d.problems());
      }
      return d.value();
    }
  }

  /** The range of a name an expression reads: a column of its table, or parent_table.column. */
  private Interval input(Table t, String name) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      return t.column(name).map(c -> range(t, c)).orElse(null);
    }
    return range(name.substring(0, dot), name.substring(dot + 1));
  }

  private Interval referenced(String ref, DataType type) {
    int dot = ref.indexOf('.');
    Interval r = dot < 0 ? null : range(ref.substring(0, dot), ref.substring(dot + 1));
    return r != null ? r : TypeRange.of(type, "the referenced key is unknown");
  }

  private String parentOf(Table t, String via) {
    Column v = t.column(via).orElse(null);
    String ref = v == null ? null : v.gen() instanceof ColumnGen.ForeignKey fk ? fk.references()
        : v.gen() instanceof ColumnGen.Parent p ? p.references() : null;
    return ref == null || ref.indexOf('.') < 0 ? null : ref.substring(0, ref.indexOf('.'));
  }

  /** How many children a parent row of a per-parent table can have. */
  private Interval childCount(Table child) {
    if (child.perParent() == null || child.perParent().count() == null) {
      return Interval.of(0, 0x1p63).assumed("the table is not generated per parent");
    }
    return DistributionReach.shaped(child.perParent().count()).clamp(0.0, null);
  }

  private Interval aggregate(Table t, ColumnGen.ChildAggregate a, DataType type) {
    Table child = plan.table(a.table()).orElse(null);
    if (child == null) {
      return TypeRange.of(type, "the child table is unknown");
    }
    Interval count = childCount(child);
    if ("count".equals(a.function())) {
      return count;
    }
    Interval v = a.column() == null ? null : range(a.table(), a.column());
    if (v == null) {
      return TypeRange.of(type, "the aggregated column is unknown");
    }
    if ("sum".equals(a.function())) {
      return v.isEmpty() ? v : v.mul(Interval.of(Math.max(1, count.lo()), Math.max(1, count.hi())))
          .hull(Interval.point(0)).assumed(count.assumed());
    }
    return v; // min, max and avg stay within the children's values
  }

  private static Interval exact(BigInteger a, BigInteger b) {
    BigInteger lo = a.min(b);
    BigInteger hi = a.max(b);
    double l = lo.doubleValue();
    double h = hi.doubleValue();
    if (new BigDecimal(l).toBigInteger().compareTo(lo) > 0) {
      l = Math.nextDown(l);
    }
    if (hi.bitLength() < 64 && h >= 0x1p63) {
      h = Math.nextDown(0x1p63); // up to Long.MAX_VALUE: the largest double below 2^63 stands for it
    } else if (new BigDecimal(h).toBigInteger().compareTo(hi) < 0) {
      h = Math.nextUp(h);
    }
    return Interval.of(l, h);
  }

  static String shorten(String s) {
    return s == null || s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
