package io.synthgen.draft.infer;

import static io.synthgen.draft.infer.Fmt.num;
import static io.synthgen.draft.infer.Fmt.tidy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;

/** Templates of numeric columns: money, percentages, ratios, measurements, counts. */
final class Numbers {

  private Numbers() {
  }

  /**
   * The lower bound: the person's, else the template's, lowered to the person's upper bound when that is below it.
   * Two bounds the person gives are kept as given, so that the plan's checks report them if they are wrong.
   */
  static double lower(Clues c, double lo, double hi) {
    return c.min() != null ? c.min() : c.max() != null ? Math.min(lo, c.max()) : lo;
  }

  /** The upper bound: the person's, else the template's, raised to the person's lower bound when that is above. */
  static double upper(Clues c, double lo, double hi) {
    return c.max() != null ? c.max() : c.min() != null ? Math.max(hi, c.min()) : hi;
  }

  /** The declared type when it is numeric, else {@code dflt}. */
  static DataType numeric(Clues c, DataType dflt) {
    return c.declared() != null && c.declared().isNumeric() ? c.declared() : dflt;
  }

  /**
   * Money: a log-normal (right-skewed, positive) decimal with 2 places, median {@code median}; the person's min and
   * max, when both are given, set the median (their geometric mean) and the spread instead.
   */
  static Template money(double median, double sigma, double max) {
    return new Template("lognormal decimal(" + (max >= 1e7 ? 14 : max > 10_000 ? 12 : 10) + ",2), median "
        + num(median) + ", 0.01–" + num(max), c -> {
      double lo = lower(c, 0.01, max);
      double hi = upper(c, 0.01, max);
      // prices and fees fit decimal(10,2); totals, salaries and balances get room to add up
      DataType t = numeric(c, DataType.decimal(hi >= 1e7 ? 14 : hi > 10_000 ? 12 : 10, 2));
      if (t.isIntegral() && lo < 1 && c.min() == null) {
        lo = Math.min(1, hi);
      }
      if (c.max() == null) {
        hi = Math.min(hi, Fmt.maxOf(t));
      }
      double med = median;
      double sg = sigma;
      if (c.min() != null && c.max() != null && c.min() > 0 && c.max() > c.min()) {
        med = Math.sqrt(c.min() * c.max());
        sg = Math.max(0.1, Math.log(c.max() / c.min()) / 4);
      } else if (med >= hi || med <= lo) {
        med = lo > 0 && hi > lo ? Math.sqrt(lo * hi) : Math.abs(lo + hi) / 2;
      }
      med = Math.max(med, 0.01);
      Inferred inf = new Inferred(t, "distribution", "lognormal " + t + ", median " + num(med) + ", " + num(lo)
          + "–" + num(hi));
      ObjectNode d = inf.fields().putObject("distribution");
      d.put("type", "lognormal");
      d.put("mu", tidy(Math.log(med)));
      d.put("sigma", tidy(sg));
      inf.fields().put("min", lo);
      inf.fields().put("max", hi);
      if (t.isIntegral()) {
        inf.fields().put("rounding", "round");
      }
      return inf;
    });
  }

  /** A beta draw spread over [lo, hi] (the person's bounds win), as {@code dflt} unless a numeric type is declared. */
  static Template beta(double a, double b, double lo, double hi, DataType dflt) {
    return new Template("beta(" + num(a) + ", " + num(b) + ") over " + num(lo) + "–" + num(hi) + " as " + dflt,
        c -> {
          double l = lower(c, lo, hi);
          double h = upper(c, lo, hi);
          DataType t = numeric(c, h > 999 ? DataType.decimal(12, 2) : dflt);
          l = Math.max(l, Fmt.minOf(t));
          h = Math.min(h, Fmt.maxOf(t));
          if (c.min() != null && c.max() != null) {
            // the person gave the range and no shape: every value in it equally likely
            return uniform(l, h, t).apply(c);
          }
          Inferred inf = new Inferred(t, "distribution", "beta(" + num(a) + ", " + num(b) + ") over " + num(l)
              + "–" + num(h) + ", " + t);
          ObjectNode d = inf.fields().putObject("distribution");
          d.put("type", "beta");
          d.put("alpha", a);
          d.put("beta", b);
          if (h - l != 1) {
            inf.fields().put("scale", h - l == 0 ? 1 : h - l);
          }
          if (l != 0) {
            inf.fields().put("offset", l);
          }
          inf.fields().put("min", l);
          inf.fields().put("max", h);
          if (t.isIntegral()) {
            inf.fields().put("rounding", "round");
          }
          return inf;
        });
  }

  /** A percentage 0–100 as decimal(5,2). */
  static Template percent(double a, double b) {
    return beta(a, b, 0, 100, DataType.decimal(5, 2));
  }

  /** A fraction 0–1 as decimal(5,4). */
  static Template ratio(double a, double b) {
    return beta(a, b, 0, 1, DataType.decimal(5, 4));
  }

  /** A normal draw clamped to [lo, hi] (the person's bounds win); integral types are rounded. */
  static Template normal(double mean, double sd, double lo, double hi, DataType dflt) {
    return new Template("normal(" + num(mean) + ", " + num(sd) + ") in " + num(lo) + "–" + num(hi) + " as " + dflt,
        c -> {
          DataType t = numeric(c, dflt);
          double l = Math.max(lower(c, lo, hi), Fmt.minOf(t));
          double h = Math.min(upper(c, lo, hi), Fmt.maxOf(t));
          if (l > h && c.min() == null) {
            // a declared type too narrow for the usual range (a credit score in decimal(2,0)): what it can hold
            l = Math.min(0, h);
          }
          double m = mean;
          double s = sd;
          if (h >= l && (m < l || m > h)) {
            m = (l + h) / 2;
            s = Math.max((h - l) / 6, 1e-6);
          }
          Inferred inf = new Inferred(t, "distribution", "normal(" + num(m) + ", " + num(s) + ") in " + num(l) + "–"
              + num(h) + ", " + t);
          ObjectNode d = inf.fields().putObject("distribution");
          d.put("type", "normal");
          d.put("mean", m);
          d.put("stddev", s);
          inf.fields().put("min", l);
          inf.fields().put("max", h);
          if (t.isIntegral()) {
            inf.fields().put("rounding", "round");
          }
          return inf;
        });
  }

  /** A right-skewed count or duration: log-normal with the given median, floored, in [0, max]. */
  static Template skewed(double median, double sigma, double max, DataType dflt) {
    return new Template("lognormal, median " + num(median) + ", 0–" + num(max) + " as " + dflt, c -> {
      double l = lower(c, 0, max);
      double h = upper(c, 0, max);
      double med = median > l && median < h ? median : Math.max((l + h) / 2, 1e-6);
      DataType t = numeric(c, dflt);
      h = Math.min(h, Fmt.maxOf(t));
      Inferred inf = new Inferred(t, "distribution", "lognormal, median " + num(med) + ", " + num(l) + "–" + num(h)
          + ", " + t);
      ObjectNode d = inf.fields().putObject("distribution");
      d.put("type", "lognormal");
      d.put("mu", tidy(Math.log(med)));
      d.put("sigma", sigma);
      inf.fields().put("min", l);
      inf.fields().put("max", h);
      if (t.isIntegral()) {
        inf.fields().put("rounding", "floor");
      }
      return inf;
    });
  }

  /** A small skewed quantity: 1 + poisson(lambda), at most max. */
  static Template quantity(double lambda, long max) {
    return new Template("1 + poisson(" + num(lambda) + "), 1–" + num(max) + " as int", c -> {
      double l = lower(c, 1, max);
      double h = upper(c, 1, max);
      DataType t = numeric(c, DataType.INT);
      if (c.max() == null) {
        h = Math.min(h, Fmt.maxOf(t));
      }
      Inferred inf = new Inferred(t, "distribution", (l == 1 ? "1 + " : num(l) + " + ") + "poisson(" + num(lambda)
          + "), " + num(l) + "–" + num(h) + ", " + t);
      inf.fields().putObject("distribution").put("type", "poisson").put("lambda", lambda);
      inf.fields().put("offset", l);
      inf.fields().put("min", l);
      inf.fields().put("max", h);
      return inf;
    });
  }

  /** Uniform over [lo, hi]; the person's bounds win. */
  static Template uniform(double lo, double hi, DataType dflt) {
    return new Template("uniform " + num(lo) + "–" + num(hi) + " as " + dflt, c -> {
      double l = lower(c, lo, hi);
      double h = upper(c, lo, hi);
      DataType t = numeric(c, dflt);
      if (c.min() == null) {
        l = Math.max(l, Fmt.minOf(t));
      }
      if (c.max() == null) {
        h = Math.min(h, Fmt.maxOf(t));
      }
      if (t.isIntegral()) {
        l = Math.ceil(l);
        h = Math.floor(h);
      }
      Inferred inf = new Inferred(t, "uniform", "uniform " + num(l) + "–" + num(h) + ", " + t);
      if (t.isIntegral()) {
        inf.fields().put("min", (long) l);
        inf.fields().put("max", (long) h);
      } else {
        inf.fields().put("min", l);
        inf.fields().put("max", h);
      }
      return inf;
    });
  }

  /** A star rating: 1–5 stars mostly high (integers), or a normal average rating for decimals. */
  static Template rating() {
    Template avg = normal(4.1, 0.6, 1, 5, DataType.decimal(3, 2));
    return new Template("values 1–5 weighted 5/7/13/30/45 (int); normal(4.1, 0.6) in 1–5 for decimals", c -> {
      boolean average = c.first().equals("avg") || c.first().equals("average") || c.first().equals("mean");
      if (average || c.declared() != null && !c.declared().isIntegral() || c.bounded()) {
        return c.bounded() && !average && (c.declared() == null || c.declared().isIntegral())
            ? uniform(1, 5, DataType.INT).apply(c) : avg.apply(c);
      }
      DataType t = numeric(c, DataType.INT);
      Inferred inf = new Inferred(t, "values", "1–5, mostly 4 and 5, " + t);
      inf.fields().putArray("values").add(1).add(2).add(3).add(4).add(5);
      inf.fields().putArray("weights").add(5).add(7).add(13).add(30).add(45);
      return inf;
    });
  }
}
