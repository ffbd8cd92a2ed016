package io.synthgen.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.synthgen.plan.Distribution;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.reach.DistributionReach;
import io.synthgen.plan.reach.Interval;
import io.synthgen.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every distribution at the edges of its allowed parameters, fed its extreme uniforms (0, the smallest step 2^-53,
 * one half and 1 - 2^-53 in every combination of three consecutive draws): no draw is NaN or infinite, and every
 * draw lies inside the range {@link DistributionReach} computes. Parameters whose draws could not be finite are
 * refused by the plan's rules instead.
 */
class SamplerEdgesTest {

  private static final double[] EXTREMES = {0, 0x1p-53, 0.5, 1 - 0x1p-53};

  /** Candidate parameters, extreme ones included; the plan rules decide which are allowed. */
  private static List<Distribution> candidates() {
    List<Distribution> d = new ArrayList<>();
    for (double[] p : new double[][] {{0, 1}, {1e300, 1e290}, {-1e300, 1e-300}, {0, 1e306}, {0, 1e308}}) {
      d.add(new Distribution.Normal(p[0], p[1]));
    }
    for (double[] p : new double[][] {{0, 1}, {700, 0.1}, {-700, 10}, {0, 82}, {709, 1}, {0, 1e300}}) {
      d.add(new Distribution.LogNormal(p[0], p[1]));
    }
    for (double r : new double[] {1e-300, 1e-307, 1, 1e300}) {
      d.add(new Distribution.Exponential(r));
    }
    for (double shape : new double[] {1e-5, 0.05, 0.1, 0.5, 1, 2, 16, 16.5, 1e6, 1e12, 1e13}) {
      for (double scale : new double[] {1, 1e-300, 1e290}) {
        d.add(new Distribution.Gamma(shape, scale));
      }
    }
    double[] betas = {1e-5, 0.1, 1, 2, 1e6, 1e12};
    for (double a : betas) {
      for (double b : betas) {
        d.add(new Distribution.Beta(a, b));
      }
    }
    for (double[] p : new double[][] {{0.1, 1}, {0.05, 1}, {1e6, 1e300}, {1, 1e-300}, {0.06, 1e-300}}) {
      d.add(new Distribution.Pareto(p[0], p[1]));
    }
    for (double[] p : new double[][] {{1, 1}, {1e12, 0.01}, {1000, 50}}) {
      d.add(new Distribution.Zipf((long) p[0], p[1]));
    }
    for (double l : new double[] {1e-300, 0.5, 500, 501, 1e12, 1e300}) {
      d.add(new Distribution.Poisson(l));
    }
    for (double[] p : new double[][] {{-1e308, 1e308}, {-8e307, 8e307}, {0, 0}, {-1, 1}}) {
      d.add(new Distribution.Uniform(p[0], p[1]));
    }
    return d;
  }

  @Test
  void allowedParametersNeverDrawNaNOrInfinityAndStayInTheirRange() {
    int allowed = 0;
    for (Distribution d : candidates()) {
      if (!violations(d).isEmpty()) {
        continue;
      }
      allowed++;
      Interval range = DistributionReach.range(d);
      assertTrue(range.isFinite(), d + " is allowed, so its range must be finite: " + range);
      for (double a : EXTREMES) {
        for (double b : EXTREMES) {
          for (double c : EXTREMES) {
            double[] pattern = {a, b, c};
            double x = Sampler.of(d, fixed(pattern)).sample(0);
            if (!Double.isFinite(x) || x < range.lo() || x > range.hi()) {
              fail(d + " with uniforms " + java.util.Arrays.toString(pattern) + " drew " + x + ", outside "
                  + range.lo() + " .. " + range.hi());
            }
          }
        }
      }
    }
    assertTrue(allowed > 40, "most candidates are allowed: " + allowed);
  }

  @Test
  void parametersWhoseDrawsOverflowAreRefusedWithAPath() {
    List<Distribution> refused = List.of(new Distribution.Exponential(1e-307), new Distribution.Pareto(0.05, 1),
        new Distribution.Uniform(-1e308, 1e308), new Distribution.Gamma(0.05, 1), new Distribution.Beta(1e-5, 1e-5),
        new Distribution.LogNormal(709, 1), new Distribution.Normal(0, 1e308), new Distribution.Gamma(1e13, 1));
    for (Distribution d : refused) {
      List<Violation> v = violations(d);
      assertFalse(v.isEmpty(), d + " must be refused");
      for (Violation x : v) {
        assertTrue(x.path().startsWith("tables[0].columns[0].distribution."), x.toString());
        assertFalse(x.fix().isBlank(), x.toString());
      }
    }
  }

  /** The example: extreme beta parameters made a NaN that became 0; now they are refused. */
  @Test
  void betaWithExtremeParametersIsRefusedAtItsParameter() {
    List<Violation> v = violations(new Distribution.Beta(1e-300, 1e-300));
    assertTrue(v.stream().anyMatch(x -> x.path().equals("tables[0].columns[0].distribution.alpha")
        && x.rule().contains("between 0.1")), v.toString());
  }

  /** Both gammas of a beta at exactly 0 (every uniform 0 with integer shapes): the mean, never 0/0. */
  @Test
  void betaOfTwoZeroGammasIsItsMeanNotNaN() {
    double x = Sampler.of(new Distribution.Beta(2, 3), fixed(new double[] {0})).sample(0);
    assertTrue(x == 0.4, "got " + x);
  }

  private static Sampler.Source fixed(double[] pattern) {
    return new Sampler.Source() {
      @Override
      public Sampler.Uniforms uniforms(int count) {
        return (k, h) -> pattern[k % pattern.length];
      }

      @Override
      public Sampler.Source child(String name) {
        return this;
      }
    };
  }

  private static List<Violation> violations(Distribution d) {
    String json = Plans.document(1, Plans.table("t", 10, "{\"name\": \"x\", \"type\": \"double\", \"strategy\": "
        + "\"distribution\", \"distribution\": " + json(d) + "}"));
    try {
      PlanCodec.read(json);
      return List.of();
    } catch (PlanException e) {
      return e.violations();
    }
  }

  private static String json(Distribution d) {
    StringBuilder b = new StringBuilder("{\"type\": \"" + d.type() + "\"");
    for (var c : d.getClass().getRecordComponents()) {
      try {
        b.append(", \"").append(c.getName()).append("\": ").append(c.getAccessor().invoke(d));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return b.append('}').toString();
  }
}
