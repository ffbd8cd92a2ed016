package io.synthgen.plan.validate;

import io.synthgen.plan.Distribution;
import io.synthgen.plan.Shaped;
import io.synthgen.plan.reach.DistributionReach;
import io.synthgen.plan.reach.Interval;

/**
 * Parameter rules of distributions and of shaped draws (distribution columns, per_parent counts). Beyond each
 * parameter's domain, every draw must be a finite number: parameters whose extreme draws overflow (a lognormal
 * with a large mu, a pareto with a tiny alpha) or whose sampler would divide 0 by 0 (a beta with tiny parameters)
 * are refused, so no NaN or infinity ever reaches a clamp or a column.
 */
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
    if (s.distribution() != null && valid(s.distribution()) && DistributionReach.finite(s.distribution())
        && Double.isFinite(s.scale()) && Double.isFinite(s.offset())) {
      Interval r = DistributionReach.range(s.distribution()).affine(s.scale(), s.offset());
      if (!r.isFinite()) {
        out.add(path + ".scale", s.scale(), "offset + scale * draw overflows a double: draws reach "
            + Issues.render(DistributionReach.range(s.distribution()).hi()), "use a smaller scale or offset");
      }
    }
  }

  /** True when the distribution's parameters pass every rule (checked without reporting). */
  static boolean valid(Distribution d) {
    Issues scratch = new Issues();
    distribution(scratch, d, "");
    return scratch.list().isEmpty();
  }

  static void distribution(Issues out, Distribution d, String path) {
    int before = out.list().size();
    if (d instanceof Distribution.Normal n) {
      finite(out, n.mean(), path + ".mean");
      positive(out, n.stddev(), path + ".stddev");
    } else if (d instanceof Distribution.LogNormal l) {
      finite(out, l.mu(), path + ".mu");
      positive(out, l.sigma(), path + ".sigma");
    } else if (d instanceof Distribution.Exponential e) {
      positive(out, e.rate(), path + ".rate");
    } else if (d instanceof Distribution.Gamma g) {
      shape(out, g.shape(), path + ".shape");
      positive(out, g.scale(), path + ".scale");
    } else if (d instanceof Distribution.Beta b) {
      shape(out, b.alpha(), path + ".alpha");
      shape(out, b.beta(), path + ".beta");
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
    if (before == out.list().size()) {
      finiteDraws(out, d, path);
    }
  }

  /** Parameters in their domains whose extreme draws still overflow a double. */
  private static void finiteDraws(Issues out, Distribution d, String path) {
    if (DistributionReach.finite(d)) {
      return;
    }
    Interval r = DistributionReach.range(d);
    String reach = "its extreme draws reach " + Issues.render(r.lo()) + " .. " + Issues.render(r.hi())
        + ", beyond a double";
    if (d instanceof Distribution.LogNormal l) {
      out.add(path + ".mu", l.mu(), "exp(mu + " + RANGE_Z + " * sigma) must be a finite double; " + reach,
          "use mu + 8.58 * sigma below 709 (e.g. a smaller mu or sigma), or model the value with scale");
    } else if (d instanceof Distribution.Pareto p) {
      out.add(path + ".alpha", p.alpha(), "xm * 2^(53 / alpha) must be a finite double; " + reach,
          "use alpha of at least " + Issues.render(Math.ceil(53 / (1023 - Math.log(p.xm()) / Math.log(2)) * 1000)
              / 1000) + " for this xm, or a smaller xm");
    } else if (d instanceof Distribution.Exponential e) {
      out.add(path + ".rate", e.rate(), "36.74 / rate must be a finite double; " + reach, "use a larger rate");
    } else if (d instanceof Distribution.Gamma g) {
      out.add(path + ".scale", g.scale(), "the largest draw shape * scale * ~1.5 must be a finite double; " + reach,
          "use a smaller scale or shape");
    } else if (d instanceof Distribution.Normal n) {
      out.add(path + ".stddev", n.stddev(), "mean +- " + RANGE_Z + " * stddev must be a finite double; " + reach,
          "use a smaller mean or stddev");
    } else if (d instanceof Distribution.Uniform u) {
      out.add(path + ".max", u.max(), "max - min must be a finite double; " + reach,
          "narrow the range so that max - min is below 1.7e308");
    } else {
      out.add(path + ".type", d.type(), "the distribution's draws are not finite; " + reach,
          "use smaller parameters");
    }
  }

  private static final String RANGE_Z = "8.5717";

  /** A gamma shape or beta parameter: positive, and within the range the samplers draw without 0/0 or overflow. */
  static void shape(Issues out, double v, String path) {
    if (!(v > 0) || Double.isInfinite(v)) {
      positive(out, v, path);
    } else if (!(v >= DistributionReach.MIN_SHAPE && v <= DistributionReach.MAX_SHAPE)) {
      out.add(path, v, "must be between " + DistributionReach.MIN_SHAPE + " and " + Issues.render(
          DistributionReach.MAX_SHAPE) + " (smaller shapes make draws underflow to 0, so a beta draw would be 0/0)",
          v < DistributionReach.MIN_SHAPE ? "use at least " + DistributionReach.MIN_SHAPE
              + "; for values piled at 0 or 1 use strategy values with weights"
              : "use a shape of at most 1e12 (a normal distribution fits such shapes)");
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
