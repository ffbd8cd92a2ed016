package io.synthgen.validate;

import io.synthgen.column.ValueConversion;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The checks of one column, from its strategy and its statistics. */
final class ColumnChecks {

  private ColumnChecks() {
  }

  static void add(List<Check> checks, Plan p, Table t, Column c, ColumnStats s, long expectedRows,
      long sequenceMismatches, long orphans) {
    String tn = t.name();
    String cn = c.name();
    long n = s.rows();
    long nonNull = n - s.nulls();
    ColumnGen g = c.gen();
    boolean independent = !g.mayDeriveNull();
    if (n > 0 && (c.nullRate() > 0 || independent)) {
      // a derived column is null at least where its own null rate says, and also where its inputs are
      Binomial.Side side = independent ? Binomial.Side.BOTH : Binomial.Side.LOW_ONLY;
      double observed = (double) s.nulls() / n;
      boolean ok = Binomial.accepts(s.nulls(), n, c.nullRate(), 1, side);
      checks.add(new Check(tn, cn, "nulls", share(c.nullRate(), n, 1, side), pct(observed) + " (" + s.nulls()
          + " of " + n + ")", ok));
    }
    if (g instanceof ColumnGen.Values v && nonNull > 0) {
      Map<String, Long> counts = s.counts();
      double total = 0;
      for (int i = 0; i < v.values().size(); i++) {
        total += v.weights() == null || v.weights().isEmpty() ? 1 : v.weights().get(i);
      }
      Map<String, Double> expected = new LinkedHashMap<>();
      for (int i = 0; i < v.values().size(); i++) {
        double w = v.weights() == null || v.weights().isEmpty() ? 1 : v.weights().get(i);
        expected.merge(render(v.values().get(i), c.type()), w / total, Double::sum);
      }
      boolean ok = true;
      StringBuilder obs = new StringBuilder();
      StringBuilder exp = new StringBuilder();
      int tests = expected.size();
      for (Map.Entry<String, Double> e : expected.entrySet()) {
        long count = counts.getOrDefault(e.getKey(), 0L);
        ok &= Binomial.accepts(count, nonNull, e.getValue(), tests, Binomial.Side.BOTH);
        double[] r = Binomial.interval(nonNull, e.getValue(), tests, Binomial.Side.BOTH);
        exp.append(exp.length() == 0 ? "at " + nonNull + " rows: " : ", ").append(e.getKey()).append(' ')
            .append(pct(e.getValue())).append(" (").append(pct(r[0])).append("..").append(pct(r[1])).append(')');
        obs.append(obs.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(pct(count / (double) nonNull));
      }
      long unexpected = counts.entrySet().stream().filter(e -> !expected.containsKey(e.getKey()))
          .mapToLong(Map.Entry::getValue).sum();
      if (unexpected > 0) {
        ok = false;
        obs.append(", ").append(unexpected).append(" rows with values not in the plan");
      }
      checks.add(new Check(tn, cn, "weights", exp.toString(), obs.toString(), ok));
    }
    if (g instanceof ColumnGen.Bool b && nonNull > 0) {
      long trues = s.counts().getOrDefault("true", 0L);
      checks.add(new Check(tn, cn, "weights", "true " + share(b.probability(), nonNull, 1, Binomial.Side.BOTH),
          "true " + pct(trues / (double) nonNull) + " (" + trues + " of " + nonNull + ")",
          Binomial.accepts(trues, nonNull, b.probability(), 1, Binomial.Side.BOTH)));
    }
    Double lo = null;
    Double hi = null;
    if (g instanceof ColumnGen.Uniform u) {
      lo = Validator.bound(u.min(), c.type(), p.referenceDate());
      hi = Validator.bound(u.max(), c.type(), p.referenceDate());
    } else if (g instanceof ColumnGen.DateRange d) {
      lo = Validator.bound(d.start(), c.type(), p.referenceDate());
      hi = Validator.bound(d.end(), c.type(), p.referenceDate());
    } else if (g instanceof ColumnGen.Dist d) {
      lo = d.shaped().min() == null ? null : Validator.bound(d.shaped().min(), c.type(), p.referenceDate());
      hi = d.shaped().max() == null ? null : Validator.bound(d.shaped().max(), c.type(), p.referenceDate());
    }
    if ((lo != null || hi != null) && nonNull > 0) {
      boolean ok = (lo == null || s.min() >= lo) && (hi == null || s.max() <= hi);
      checks.add(new Check(tn, cn, "range", show(lo, c.type()) + " .. " + show(hi, c.type()),
          show(s.min(), c.type()) + " .. " + show(s.max(), c.type()), ok));
    }
    if (g instanceof ColumnGen.Sequence) {
      checks.add(new Check(tn, cn, "unique", "start + step × row on every row", sequenceMismatches + " rows differ",
          sequenceMismatches == 0));
    } else if ((c.unique() || cn.equals(t.primaryKey())) && s.keys() != null) {
      KeySet k = s.keys();
      checks.add(new Check(tn, cn, "unique", "0 duplicates",
          k.complete() ? k.duplicates() + " duplicates" : "too many values to check", k.duplicates() == 0));
    }
    if (g instanceof ColumnGen.ForeignKey || g instanceof ColumnGen.Parent) {
      String ref = g instanceof ColumnGen.ForeignKey fk ? fk.references() : ((ColumnGen.Parent) g).references();
      Column key = p.table(ref.substring(0, ref.indexOf('.'))).flatMap(x -> x.column(ref.substring(ref.indexOf('.') + 1)))
          .orElse(null);
      if (key != null && key.gen() instanceof ColumnGen.Sequence && key.nullRate() == 0) {
        checks.add(new Check(tn, cn, "foreign_key", "0 orphans of " + ref, orphans + " orphans", orphans == 0));
      }
    }
  }

  /** An expected share with the range {@link Binomial} accepts at {@code n} rows: "30.00% (26.10%..34.12%)". */
  private static String share(double p, long n, int tests, Binomial.Side side) {
    double[] r = Binomial.interval(n, p, tests, side);
    return pct(p) + " (" + (side == Binomial.Side.LOW_ONLY ? "at least " + pct(r[0]) : pct(r[0]) + ".." + pct(r[1]))
        + " at " + n + " rows)";
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * x);
  }

  private static String render(Object v, DataType t) {
    Object x = ValueConversion.convert(v, t);
    return String.valueOf(x);
  }

  private static String show(Double v, DataType t) {
    if (v == null) {
      return "-";
    }
    if (v.isInfinite()) {
      return "none";
    }
    switch (t.kind()) {
      case DATE: return java.time.LocalDate.ofEpochDay(v.longValue()).toString();
      case TIMESTAMP: return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(v.longValue(), 1_000_000L), 0,
          java.time.ZoneOffset.UTC).toString().replace('T', ' ');
      case DECIMAL: return java.math.BigDecimal.valueOf(v.longValue(), t.scale()).toPlainString();
      case DOUBLE: return String.format(Locale.ROOT, "%.4f", v);
      default: return Long.toString(v.longValue());
    }
  }
}
