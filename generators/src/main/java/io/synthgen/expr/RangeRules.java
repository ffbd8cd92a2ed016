package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.reach.DistributionReach;
import io.synthgen.plan.reach.Interval;
import io.synthgen.plan.reach.TypeRange;
import io.synthgen.vec.StrDict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The value ranges of function results, by function name, from their arguments' ranges: what interval arithmetic
 * knows about each function (date_add moves a date range, month() is 1..12, rand_int(lo, hi) is [lo, hi]...).
 * Dates and timestamps a function produces must stay within years 1 to 9999, or the expression is refused.
 * Functions without a rule answer their type's whole range, marked as assumed.
 */
final class RangeRules {

  private static final double MICROS_PER_DAY = DateFunctions.MICROS_PER_DAY;
  private static final String DATE_FIX = "keep the day counts so that dates stay within years 1 to 9999: narrow "
      + "the range of the days added, or clamp them with least(...)/greatest(...)";

  private RangeRules() {
  }

  private static final Map<String, Interval> FIXED = Map.ofEntries(
      Map.entry("year", Interval.of(1, 9999)),
      Map.entry("quarter", Interval.of(1, 4)),
      Map.entry("month", Interval.of(1, 12)),
      Map.entry("day", Interval.of(1, 31)),
      Map.entry("dayofmonth", Interval.of(1, 31)),
      Map.entry("dayofweek", Interval.of(1, 7)),
      Map.entry("dayofyear", Interval.of(1, 366)),
      Map.entry("hour", Interval.of(0, 23)),
      Map.entry("minute", Interval.of(0, 59)),
      Map.entry("second", Interval.of(0, 59)),
      Map.entry("atan", Interval.of(-Math.PI / 2 - 1e-15, Math.PI / 2 + 1e-15)),
      Map.entry("sign", Interval.of(-1, 1)),
      Map.entry("hash", Interval.of(-0x1p63, Math.nextDown(0x1p63))),
      Map.entry("rand", Interval.of(0, 1)),
      Map.entry("us_state", Interval.text(2)),
      Map.entry("us_state_name", Interval.text(20)),
      Map.entry("us_zip", Interval.text(5)),
      Map.entry("us_area_code", Interval.text(3)),
      Map.entry("us_phone", Interval.text(14)));

  /** {@code n} with its range rule, when its function has one. */
  static Node wrap(String name, Node n, Call c) {
    if (n instanceof Const) {
      return n;
    }
    Interval fixed = FIXED.get(name);
    if (fixed != null) {
      return new Ranged(n, List.of(), (a, env) -> fixed, true);
    }
    List<Node> in = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      in.add(c.used(i));
    }
    Ranged.Rule rule = rule(name, c);
    if (rule == null) {
      return n;
    }
    boolean skips = name.equals("coalesce") || name.equals("least") || name.equals("greatest")
        || name.equals("rand_choice") || name.equals("rand_weighted") || name.equals("if");
    return new Ranged(n, in, rule, skips);
  }

  private static Ranged.Rule rule(String name, Call c) {
    return switch (name) {
      case "date_add" -> (a, env) -> date(env, a.get(0).add(a.get(1)), "date_add(...)");
      case "date_sub" -> (a, env) -> date(env, a.get(0).sub(a.get(1)), "date_sub(...)");
      case "add_months" -> (a, env) -> {
        Interval m = a.get(1);
        Interval days = Interval.of(Math.min(28 * m.lo(), 31 * m.lo()) - 3, Math.max(28 * m.hi(), 31 * m.hi()) + 3);
        return date(env, a.get(0).add(days.assumed(m.assumed())), "add_months(...)");
      };
      case "sin" -> (a, env) -> trig(a.get(0), false);
      case "cos" -> (a, env) -> trig(a.get(0), true);
      case "datediff" -> (a, env) -> a.get(0).sub(a.get(1));
      // the last day of a month within years 1 to 9999 is within them too
      case "last_day" -> (a, env) -> date(env, Interval.of(a.get(0).lo(), a.get(0).hi() <= TypeRange.MAX_DATE
          ? Math.min(a.get(0).hi() + 30, TypeRange.MAX_DATE) : a.get(0).hi() + 30).assumed(a.get(0).assumed()),
          "last_day(...)");
      case "make_date" -> (a, env) -> env.within(makeDate(a.get(0)), DataType.DATE, "make_date(...)",
          "keep the year argument within 1 to 9999: narrow its range, or clamp it with least(...)/greatest(...)");
      case "to_date" -> (a, env) -> a.get(0);
      // 0001-01-01 starts a year, a quarter, a month and a (Monday) week: truncation stays within years 1 to 9999
      case "date_trunc" -> (a, env) -> env.within(Interval.of(a.get(1).lo() >= TypeRange.MIN_TIMESTAMP
          ? Math.max(a.get(1).lo() - 366 * MICROS_PER_DAY, TypeRange.MIN_TIMESTAMP) : a.get(1).lo() - 366
          * MICROS_PER_DAY, a.get(1).hi()).assumed(a.get(1).assumed()), DataType.TIMESTAMP, "date_trunc(...)",
          "keep timestamps within years 1 to 9999");
      case "timestamp_add_seconds" -> (a, env) -> env.within(a.get(0).add(a.get(1).mul(Interval.point(1e6))),
          DataType.TIMESTAMP, "timestamp_add_seconds(...)", "keep the seconds added so that timestamps stay "
          + "within years 1 to 9999");
      case "abs" -> (a, env) -> {
        Interval x = a.get(0);
        double lo = x.lo() <= 0 && x.hi() >= 0 ? 0 : Math.min(Math.abs(x.lo()), Math.abs(x.hi()));
        return Interval.of(lo, x.magnitude()).assumed(x.assumed());
      };
      case "round" -> (a, env) -> {
        double d = c.size() > 1 ? a.get(1).lo() : 0;
        Interval x = a.get(0).widen(Math.pow(10, -d));
        return c.type(0) != null && c.type(0).isIntegral() && d >= 0 ? a.get(0) : x;
      };
      case "floor", "ceil" -> (a, env) -> env.within(Interval.of(Math.floor(a.get(0).lo()), Math.ceil(a.get(0).hi()))
          .assumed(a.get(0).assumed()), DataType.BIGINT, name + "(...)", "the value must fit a bigint");
      case "sqrt" -> (a, env) -> Interval.of(Math.sqrt(Math.max(0, a.get(0).lo())), Math.nextUp(Math.sqrt(
          Math.max(0, a.get(0).hi())))).assumed(a.get(0).assumed());
      case "exp" -> (a, env) -> Interval.of(Math.exp(a.get(0).lo()), Math.nextUp(Math.exp(a.get(0).hi())))
          .assumed(a.get(0).assumed());
      case "ln", "log10" -> (a, env) -> {
        double scale = name.equals("ln") ? 1 : 1 / Math.log(10);
        double lo = a.get(0).lo() > 0 ? Math.log(a.get(0).lo()) : Math.log(Double.MIN_VALUE);
        double hi = a.get(0).hi() > 0 ? Math.log(a.get(0).hi()) : lo;
        return Interval.of(Math.nextDown(lo * scale), Math.nextUp(hi * scale)).assumed(a.get(0).assumed());
      };
      case "least" -> (a, env) -> extreme(a, true);
      case "greatest" -> (a, env) -> extreme(a, false);
      case "coalesce" -> (a, env) -> hull(a, 0, 1);
      case "if" -> (a, env) -> a.get(1).hull(a.get(2));
      case "nullif" -> (a, env) -> a.get(0);
      case "length" -> (a, env) -> Interval.of(0, a.get(0).isText() ? a.get(0).maxLength()
          : CastNode.textLength(c.type(0))).assumed(a.get(0).assumed());
      case "rand_int" -> (a, env) -> Interval.of(a.get(0).lo(), a.get(1).hi());
      case "rand_uniform" -> (a, env) -> Interval.of(a.get(0).lo(), a.get(1).hi());
      case "rand_normal" -> (a, env) -> DistributionReach.range(new Distribution.Normal(a.get(0).lo(), a.get(1).lo()));
      case "rand_lognormal" -> (a, env) -> DistributionReach.range(
          new Distribution.LogNormal(a.get(0).lo(), a.get(1).lo()));
      case "rand_exp" -> (a, env) -> DistributionReach.range(new Distribution.Exponential(a.get(0).lo()));
      case "rand_gamma" -> (a, env) -> DistributionReach.range(new Distribution.Gamma(a.get(0).lo(), a.get(1).lo()));
      case "rand_beta" -> (a, env) -> Interval.of(0, 1);
      case "rand_pareto" -> (a, env) -> DistributionReach.range(new Distribution.Pareto(a.get(0).lo(), a.get(1).lo()));
      case "rand_poisson" -> (a, env) -> DistributionReach.range(new Distribution.Poisson(a.get(0).lo()));
      case "rand_zipf" -> (a, env) -> Interval.of(1, a.get(0).hi());
      case "rand_choice" -> (a, env) -> hull(a, 0, 1);
      case "rand_weighted" -> (a, env) -> hull(a, 0, 2);
      case "dict" -> {
        long longest = dictionaryLongest(c);
        yield (a, env) -> Interval.text(longest);
      }
      default -> null;
    };
  }

  /**
   * The dates make_date can give for a range of years: from January 1 of the lowest to December 31 of the highest
   * (month and day only pick a date within the year, or NULL when they do not make one).
   */
  static Interval makeDate(Interval year) {
    if (!year.isFinite()) {
      return TypeRange.of(DataType.DATE, null).assumed(year.assumed());
    }
    // years far outside 1 to 9999 are clamped to what LocalDate holds: still outside, and reported as such
    double lo = Math.min(Math.max(Math.ceil(year.lo()), -999_999), 999_999);
    double hi = Math.min(Math.max(Math.floor(year.hi()), -999_999), 999_999);
    if (lo > hi) {
      return Interval.empty();
    }
    return Interval.of(LocalDate.of((int) lo, 1, 1).toEpochDay(), LocalDate.of((int) hi, 12, 31).toEpochDay())
        .assumed(year.assumed());
  }

  /** a DIV b, truncating, without the rows where b is 0 (NULL): |b| is at least 1 otherwise. */
  static Interval integerQuotient(Interval a, Interval b) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double[][] parts = {{Math.max(b.lo(), 1), b.hi()}, {b.lo(), Math.min(b.hi(), -1)}};
    for (double[] d : parts) {
      if (d[0] > d[1]) {
        continue;
      }
      for (double x : new double[] {a.lo(), a.hi()}) {
        for (double y : d) {
          double q = x / y;
          lo = Math.min(lo, Math.nextDown(q < 0 ? Math.ceil(q) : Math.floor(q)));
          hi = Math.max(hi, Math.nextUp(q < 0 ? Math.ceil(q) : Math.floor(q)));
        }
      }
    }
    if (lo > hi) {
      return Interval.empty();
    }
    return Interval.of(Math.ceil(lo), Math.floor(hi)).hull(a.lo() <= 0 && a.hi() >= 0 ? Interval.point(0)
        : Interval.empty()).assumed(a.assumed() != null ? a.assumed() : b.assumed());
  }

  /** sin or cos over an argument range: the endpoints and every extreme (a multiple of pi/2) inside it. */
  static Interval trig(Interval x, boolean cos) {
    if (!x.isFinite() || x.hi() - x.lo() >= 2 * Math.PI || Math.abs(x.lo()) > 1e9 || Math.abs(x.hi()) > 1e9) {
      return Interval.of(-1, 1);
    }
    double lo = Math.min(f(x.lo(), cos), f(x.hi(), cos));
    double hi = Math.max(f(x.lo(), cos), f(x.hi(), cos));
    double phase = cos ? 0 : Math.PI / 2; // cos peaks at k*pi, sin at pi/2 + k*pi
    for (long k = (long) Math.floor((x.lo() - phase) / Math.PI); k <= (long) Math.ceil((x.hi() - phase) / Math.PI);
        k++) {
      double p = phase + k * Math.PI;
      if (p >= x.lo() && p <= x.hi()) {
        double v = Math.floorMod(k, 2) == 0 ? 1 : -1;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    // the library's sin/cos are within 1 ulp; widen by a few to stay outside every rounding
    return Interval.of(Math.max(-1, lo - 1e-15), Math.min(1, hi + 1e-15)).assumed(x.assumed());
  }

  private static double f(double v, boolean cos) {
    return cos ? Math.cos(v) : Math.sin(v);
  }

  private static Interval date(RangeEnv env, Interval r, String what) {
    return env.within(r, DataType.DATE, what, DATE_FIX);
  }

  private static Interval hull(List<Interval> a, int first, int step) {
    Interval r = Interval.empty();
    for (int i = first; i < a.size(); i += step) {
      r = r.hull(a.get(i));
    }
    return r;
  }

  /** least (lowest) or greatest over the non-NULL arguments. */
  private static Interval extreme(List<Interval> a, boolean least) {
    Interval r = null;
    for (Interval x : a) {
      if (x.isEmpty()) {
        continue;
      }
      if (r == null || x.isText()) {
        r = x;
      } else {
        r = least ? Interval.of(Math.min(r.lo(), x.lo()), Math.min(r.hi(), x.hi()))
            : Interval.of(Math.max(r.lo(), x.lo()), Math.max(r.hi(), x.hi()));
        r = r.assumed(x.assumed());
      }
    }
    return r == null ? Interval.empty() : r;
  }

  private static long dictionaryLongest(Call c) {
    String name = c.constantString(0);
    StrDict d = c.translator().scope().dictionary(name);
    long longest = 0;
    if (d != null) {
      for (int k = 0; k < d.size(); k++) {
        longest = Math.max(longest, d.get(k).length());
      }
    }
    return longest;
  }
}
