package io.synthgen.draft.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.distribution.Sampler;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.reach.DistributionReach;
import io.synthgen.plan.reach.Interval;
import io.synthgen.random.Stream;
import java.math.BigDecimal;

/**
 * The share of a drafted distribution column's values that bounds would clamp, estimated from
 * {@link DdlLimits#CLAMP_SAMPLE} draws of a fixed stream: a CHECK range that would pile many values on its bounds
 * calls for another strategy than a clamp.
 */
final class ClampShare {

  private ClampShare() {
  }

  /** The share in [0, 1], or NaN when the column's distribution is not one this knows. */
  static double of(JsonNode col, BigDecimal lo, BigDecimal hi) {
    Distribution d = distribution(col.path("distribution"));
    if (d == null) {
      return Double.NaN;
    }
    double scale = col.path("scale").asDouble(1);
    double offset = col.path("offset").asDouble(0);
    Sampler s;
    try {
      s = Sampler.of(d, Stream.root(0).child("ddl-clamp-share"));
    } catch (IllegalArgumentException e) {
      return Double.NaN;
    }
    double l = lo == null ? Double.NEGATIVE_INFINITY : lo.doubleValue();
    double h = hi == null ? Double.POSITIVE_INFINITY : hi.doubleValue();
    int out = 0;
    for (int k = 0; k < DdlLimits.CLAMP_SAMPLE; k++) {
      double v = offset + scale * s.sample(Stream.rowHash(k));
      if (!(v >= l && v <= h)) {
        out++;
      }
    }
    return out / (double) DdlLimits.CLAMP_SAMPLE;
  }

  /**
   * Every value the column's distribution (scaled, offset and clamped) can reach, as [lo, hi], or null when the
   * distribution is not one this knows.
   */
  static double[] reach(JsonNode col) {
    Distribution d = distribution(col.path("distribution"));
    if (d == null) {
      return null;
    }
    Interval r;
    try {
      r = DistributionReach.range(d).affine(col.path("scale").asDouble(1), col.path("offset").asDouble(0))
          .clamp(col.hasNonNull("min") ? col.get("min").asDouble() : null,
              col.hasNonNull("max") ? col.get("max").asDouble() : null);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new double[] {r.lo(), r.hi()};
  }

  /** True when every value of the distribution is at least 0 (an offset moves it onto a lower bound). */
  static boolean nonNegative(JsonNode col) {
    String t = col.path("distribution").path("type").asText();
    return (t.equals("lognormal") || t.equals("exponential") || t.equals("gamma") || t.equals("pareto")
        || t.equals("poisson") || t.equals("zipf") || t.equals("beta")) && col.path("scale").asDouble(1) > 0;
  }

  private static Distribution distribution(JsonNode d) {
    switch (d.path("type").asText()) {
      case "normal": return new Distribution.Normal(d.path("mean").asDouble(), d.path("stddev").asDouble(1));
      case "lognormal": return new Distribution.LogNormal(d.path("mu").asDouble(), d.path("sigma").asDouble(1));
      case "exponential": return new Distribution.Exponential(d.path("rate").asDouble(1));
      case "gamma": return new Distribution.Gamma(d.path("shape").asDouble(1), d.path("scale").asDouble(1));
      case "beta": return new Distribution.Beta(d.path("alpha").asDouble(1), d.path("beta").asDouble(1));
      case "pareto": return new Distribution.Pareto(d.path("alpha").asDouble(1), d.path("xm").asDouble(1));
      case "poisson": return new Distribution.Poisson(d.path("lambda").asDouble(1));
      case "uniform": return new Distribution.Uniform(d.path("min").asDouble(0), d.path("max").asDouble(1));
      default: return null;
    }
  }
}
