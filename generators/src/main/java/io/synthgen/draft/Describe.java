package io.synthgen.draft;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.Shaped;
import io.synthgen.plan.Table;
import io.synthgen.plan.TimeProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One-line descriptions of how a column is generated and what to note about it, for the rendered plan. */
public final class Describe {

  private static final int MAX_VALUES = 8;
  private static final int MAX_EXPR = 90;

  private Describe() {
  }

  /** The Generation cell: the strategy and its parameters. */
  public static String generation(ColumnGen g) {
    return g.accept(GENERATION);
  }

  private static final ColumnGen.Visitor<String> GENERATION = new ColumnGen.Visitor<>() {
    @Override
    public String sequence(ColumnGen.Sequence s) {
      return "sequence from " + s.start() + (s.step() == 1 ? "" : " step " + s.step());
    }

    @Override
    public String uniform(ColumnGen.Uniform u) {
      return "uniform " + num(u.min()) + "–" + num(u.max()) + (u.step() == null ? "" : " step " + num(u.step()));
    }

    @Override
    public String values(ColumnGen.Values v) {
      return "values " + Describe.values(v);
    }

    @Override
    public String dist(ColumnGen.Dist d) {
      return shaped(d.shaped());
    }

    @Override
    public String dateRange(ColumnGen.DateRange r) {
      return r.start() + " → " + r.end() + " every " + (r.interval() == null ? "1 day" : r.interval())
          + profile(r.profile());
    }

    @Override
    public String dictionary(ColumnGen.Dictionary d) {
      return "dictionary " + d.dictionary();
    }

    @Override
    public String pattern(ColumnGen.Pattern p) {
      return "pattern `" + p.pattern() + "`";
    }

    @Override
    public String uuid(ColumnGen.Uuid u) {
      return "UUID v4";
    }

    @Override
    public String bool(ColumnGen.Bool b) {
      return "boolean, " + pct(b.probability()) + " true";
    }

    @Override
    public String constant(ColumnGen.Constant c) {
      return "constant " + c.value();
    }

    @Override
    public String foreignKey(ColumnGen.ForeignKey fk) {
      return "FK → " + fk.references() + fk(fk.distribution());
    }

    @Override
    public String parent(ColumnGen.Parent p) {
      return "parent key → " + p.references();
    }

    @Override
    public String childIndex(ColumnGen.ChildIndex c) {
      return "position among the parent's rows from " + c.start();
    }

    @Override
    public String lookup(ColumnGen.Lookup l) {
      return "lookup of " + l.column() + " through " + l.via();
    }

    @Override
    public String childAggregate(ColumnGen.ChildAggregate a) {
      return a.function() + "(" + a.table() + (a.column() == null ? "" : "." + a.column()) + ")";
    }

    @Override
    public String expression(ColumnGen.Expression e) {
      String x = e.expr().length() > MAX_EXPR ? e.expr().substring(0, MAX_EXPR - 1) + "…" : e.expr();
      return "`" + x + "`";
    }
  };

  /** The Notes cell: key, uniqueness, nulls, hidden, and the plan's note. */
  public static String notes(Table t, Column c) {
    List<String> parts = new ArrayList<>();
    if (c.name().equals(t.primaryKey())) {
      parts.add("primary key");
    } else if (c.unique()) {
      parts.add("unique");
    }
    if (c.nullRate() > 0) {
      parts.add(pct(c.nullRate()) + " NULL");
    }
    if (c.omit()) {
      parts.add("hidden helper, not written");
    }
    if (c.note() != null && !c.note().isEmpty()) {
      parts.add(c.note());
    }
    return String.join("; ", parts);
  }

  static String fk(FkDistribution d) {
    if (d == null || d instanceof FkDistribution.Uniform) {
      return "";
    } else if (d instanceof FkDistribution.Zipf z) {
      return " (zipf " + num(z.exponent()) + ")";
    } else if (d instanceof FkDistribution.Weighted w) {
      return " (weighted by " + w.by() + ")";
    }
    throw new IllegalArgumentException("no description for foreign key distribution " + d.type());
  }

  static String shaped(Shaped s) {
    StringBuilder b = new StringBuilder(distribution(s.distribution()));
    if (s.scale() != 1) {
      b.append(" × ").append(num(s.scale()));
    }
    if (s.offset() != 0) {
      b.append(s.offset() > 0 ? " + " : " − ").append(num(Math.abs(s.offset())));
    }
    if (s.min() != null || s.max() != null) {
      b.append(", in ").append(s.min() == null ? "…" : num(s.min())).append("–")
          .append(s.max() == null ? "…" : num(s.max()));
    }
    if (s.rounding() != null && s.rounding() != Rounding.NONE) {
      b.append(", ").append(s.rounding().jsonName());
    }
    return b.toString();
  }

  static String distribution(Distribution d) {
    if (d instanceof Distribution.Normal n) {
      return "normal(" + num(n.mean()) + ", " + num(n.stddev()) + ")";
    } else if (d instanceof Distribution.LogNormal l) {
      return "lognormal(μ " + num(l.mu()) + ", σ " + num(l.sigma()) + ")";
    } else if (d instanceof Distribution.Exponential e) {
      return "exponential(rate " + num(e.rate()) + ")";
    } else if (d instanceof Distribution.Gamma g) {
      return "gamma(" + num(g.shape()) + ", " + num(g.scale()) + ")";
    } else if (d instanceof Distribution.Beta b) {
      return "beta(" + num(b.alpha()) + ", " + num(b.beta()) + ")";
    } else if (d instanceof Distribution.Pareto p) {
      return "pareto(α " + num(p.alpha()) + ", xm " + num(p.xm()) + ")";
    } else if (d instanceof Distribution.Zipf z) {
      return "zipf(n " + z.n() + ", s " + num(z.exponent()) + ")";
    } else if (d instanceof Distribution.Poisson p) {
      return "poisson(λ " + num(p.lambda()) + ")";
    } else if (d instanceof Distribution.Uniform u) {
      return "uniform(" + num(u.min()) + ", " + num(u.max()) + ")";
    }
    throw new IllegalArgumentException("no description for distribution " + d.type());
  }

  private static String values(ColumnGen.Values v) {
    List<String> vals = new ArrayList<>();
    for (int i = 0; i < v.values().size() && i < MAX_VALUES; i++) {
      vals.add(String.valueOf(v.values().get(i)));
    }
    String s = String.join("/", vals) + (v.values().size() > MAX_VALUES ? "/… (" + v.values().size() + ")" : "");
    if (v.weights() != null && !v.weights().isEmpty()) {
      List<String> ws = new ArrayList<>();
      for (int i = 0; i < v.weights().size() && i < MAX_VALUES; i++) {
        ws.add(num(v.weights().get(i)));
      }
      s += " weights " + String.join("/", ws) + (v.weights().size() > MAX_VALUES ? "/…" : "");
    }
    return s;
  }

  private static String profile(TimeProfile p) {
    if (p == null || p.equals(TimeProfile.flat())) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (!p.weekdayFactors().isEmpty()) {
      parts.add("weekday");
    }
    if (!p.monthFactors().isEmpty()) {
      parts.add("monthly");
    }
    if (!p.hourWeights().isEmpty()) {
      parts.add("hourly");
    }
    if (!p.holidays().isEmpty()) {
      parts.add(p.holidays().size() + " holidays");
    }
    if (!p.incidents().isEmpty()) {
      parts.add(p.incidents().size() + (p.incidents().size() == 1 ? " incident" : " incidents"));
    }
    return ", profile: " + String.join(", ", parts);
  }

  static String pct(double f) {
    double p = 100 * f;
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
  }

  static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) d);
    }
    String s = String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
