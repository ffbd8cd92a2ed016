package io.synthgen.plan.validate;

import io.synthgen.plan.Distribution;
import io.synthgen.plan.Shaped;

/** Parameter rules of distributions and of shaped draws (distribution columns, per_parent counts). */
final class DistributionRules {

  private DistributionRules() {
  }

  /** Checks a shaped draw whose fields live at {@code path} ({@code path.distribution}, {@code path.min}...). */
  static void shaped(Issues out, Shaped s, String path) {
    if (s.distribution() == null) {
      out.missing(path + ".distribution", "missing distribution", "add \"distribution\": {\"type\": \"normal\", "
          + "\"mean\": 0, \"stddev\": 1} or another distribution");
    } else {
      distribution(out, s.distribution(), path + ".distribution");
    }
    if (!Double.isFinite(s.scale()) || s.scale() == 0) {
      out.add(path + ".scale", s.scale(), "scale must be a finite number other than 0",
          "use a positive multiplier such as 1 (a constant value is strategy constant)");
    }
    finite(out, s.offset(), path + ".offset");
    if (s.min() != null) {
      finite(out, s.min(), path + ".min");
    }
    if (s.max() != null) {
      finite(out, s.max(), path + ".max");
    }
    if (s.min() != null && s.max() != null && s.min() > s.max()) {
      out.add(path + ".min", s.min(), "min must be <= max (" + Issues.render(s.max()) + ")", "swap min and max");
    }
    if (s.rounding() == null) {
      out.missing(path + ".rounding", "missing rounding", "use none, floor, ceil or round");
    }
  }

  static void distribution(Issues out, Distribution d, String path) {
    if (d instanceof Distribution.Normal n) {
      finite(out, n.mean(), path + ".mean");
      positive(out, n.stddev(), path + ".stddev");
    } else if (d instanceof Distribution.LogNormal l) {
      finite(out, l.mu(), path + ".mu");
      positive(out, l.sigma(), path + ".sigma");
    } else if (d instanceof Distribution.Exponential e) {
      positive(out, e.rate(), path + ".rate");
    } else if (d instanceof Distribution.Gamma g) {
      positive(out, g.shape(), path + ".shape");
      positive(out, g.scale(), path + ".scale");
    } else if (d instanceof Distribution.Beta b) {
      positive(out, b.alpha(), path + ".alpha");
      positive(out, b.beta(), path + ".beta");
    } else if (d instanceof Distribution.Pareto p) {
      positive(out, p.alpha(), path + ".alpha");
      positive(out, p.xm(), path + ".xm");
    } else if (d instanceof Distribution.Zipf z) {
      if (z.n() < 1) {
        out.add(path + ".n", z.n(), "n must be >= 1", "give the number of ranks, e.g. 100");
      }
      positive(out, z.exponent(), path + ".exponent");
    } else if (d instanceof Distribution.Poisson p) {
      positive(out, p.lambda(), path + ".lambda");
    } else if (d instanceof Distribution.Uniform u) {
      boolean ok = finite(out, u.min(), path + ".min") & finite(out, u.max(), path + ".max");
      if (ok && u.min() > u.max()) {
        out.add(path + ".min", u.min(), "min must be <= max (" + Issues.render(u.max()) + ")", "swap min and max");
      }
    } else {
      throw new IllegalStateException("no rules for distribution " + d.type());
    }
  }

  /** The smallest value the distribution can produce (negative infinity when unbounded below). */
  static double lowerBound(Distribution d) {
    if (d instanceof Distribution.Normal) {
      return Double.NEGATIVE_INFINITY;
    }
    if (d instanceof Distribution.Uniform u) {
      return u.min();
    }
    if (d instanceof Distribution.Zipf) {
      return 1;
    }
    if (d instanceof Distribution.Pareto p) {
      return p.xm();
    }
    return 0;
  }

  static boolean finite(Issues out, double v, String path) {
    if (!Double.isFinite(v)) {
      out.add(path, v, "must be a finite number", "write a number");
      return false;
    }
    return true;
  }

  static void positive(Issues out, double v, String path) {
    if (!(v > 0) || Double.isInfinite(v)) {
      out.add(path, v, "must be > 0", "use a positive number");
    }
  }
}
