package io.synthgen.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Distribution;
import io.synthgen.random.Stream;
import io.synthgen.testing.Stats;
import java.util.stream.Stream.Builder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every sampler's mean and variance over 200K seeded rows, within a few standard errors. */
class SamplersTest {

  private static final int N = 200_000;

  static java.util.stream.Stream<Arguments> distributions() {
    Builder<Arguments> b = java.util.stream.Stream.builder();
    // distribution, mean, variance, relative tolerance on the variance
    b.add(Arguments.of(new Distribution.Normal(10, 3), 10.0, 9.0, 0.03));
    b.add(Arguments.of(new Distribution.LogNormal(1.0, 0.5), Math.exp(1.125),
        (Math.exp(0.25) - 1) * Math.exp(2.25), 0.05));
    b.add(Arguments.of(new Distribution.Exponential(0.5), 2.0, 4.0, 0.05));
    b.add(Arguments.of(new Distribution.Gamma(2, 3), 6.0, 18.0, 0.04));
    b.add(Arguments.of(new Distribution.Gamma(7, 0.5), 3.5, 1.75, 0.04));
    b.add(Arguments.of(new Distribution.Gamma(2.5, 2), 5.0, 10.0, 0.04));
    b.add(Arguments.of(new Distribution.Gamma(0.5, 4), 2.0, 8.0, 0.06));
    b.add(Arguments.of(new Distribution.Gamma(0.2, 1), 0.2, 0.2, 0.08));
    b.add(Arguments.of(new Distribution.Gamma(40.5, 1), 40.5, 40.5, 0.04));
    b.add(Arguments.of(new Distribution.Beta(2, 5), 2.0 / 7, 10.0 / (49 * 8), 0.04));
    b.add(Arguments.of(new Distribution.Beta(0.5, 0.5), 0.5, 0.125, 0.04));
    // alpha 6: the fourth moment exists, so the sample variance settles
    b.add(Arguments.of(new Distribution.Pareto(6, 10), 12.0, 100.0 * 6 / (25 * 4), 0.15));
    b.add(Arguments.of(new Distribution.Poisson(0.3), 0.3, 0.3, 0.04));
    b.add(Arguments.of(new Distribution.Poisson(3.5), 3.5, 3.5, 0.04));
    b.add(Arguments.of(new Distribution.Poisson(120), 120.0, 120.0, 0.04));
    b.add(Arguments.of(new Distribution.Poisson(2000), 2000.0, 2000.0, 0.04));
    b.add(Arguments.of(new Distribution.Uniform(2, 5), 3.5, 0.75, 0.03));
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("distributions")
  void meanAndVarianceMatch(Distribution d, double mean, double variance, double varianceTolerance) {
    Sampler s = Sampler.of(d, Stream.root(11).child("t." + d.type()));
    double[] x = draw(s);
    double m = Stats.mean(x);
    double v = Stats.variance(x);
    double se = Math.sqrt(variance / N);
    assertEquals(mean, m, 5 * se, d + ": mean");
    assertEquals(variance, v, variance * varianceTolerance, d + ": variance");
    if (!Double.isNaN(s.mean())) {
      assertEquals(mean, s.mean(), 1e-9 * Math.abs(mean), d + ": declared mean");
    }
  }

  @Test
  void supportsAreRespected() {
    for (double x : draw(Sampler.of(new Distribution.Beta(0.3, 0.4), Stream.root(1).child("b")))) {
      assertTrue(x >= 0 && x <= 1, "beta " + x);
    }
    for (double x : draw(Sampler.of(new Distribution.Pareto(1.5, 3), Stream.root(1).child("p")))) {
      assertTrue(x >= 3, "pareto " + x);
    }
    for (double x : draw(Sampler.of(new Distribution.Gamma(0.3, 1), Stream.root(1).child("g")))) {
      assertTrue(x >= 0 && Double.isFinite(x), "gamma " + x);
    }
    for (double x : draw(Sampler.of(new Distribution.Poisson(4), Stream.root(1).child("q")))) {
      assertTrue(x >= 0 && x == Math.rint(x), "poisson " + x);
    }
    for (double x : draw(Sampler.of(new Distribution.Uniform(-1, 1), Stream.root(1).child("u")))) {
      assertTrue(x >= -1 && x < 1, "uniform " + x);
    }
  }

  @Test
  void poissonSmallLambdaMatchesItsProbabilities() {
    double lambda = 2;
    double[] x = draw(Sampler.of(new Distribution.Poisson(lambda), Stream.root(3).child("counts")));
    long[] counts = new long[8];
    for (double v : x) {
      if (v < counts.length) {
        counts[(int) v]++;
      }
    }
    double p = Math.exp(-lambda);
    for (int k = 0; k < counts.length; k++) {
      assertEquals(p, counts[k] / (double) N, Stats.binomialTolerance(p, N), "P(X = " + k + ")");
      p *= lambda / (k + 1);
    }
  }

  @Test
  void zipfRankFrequenciesAreProportionalToRankPowerMinusS() {
    for (double s : new double[] {0.6, 1.0, 1.5}) {
      long n = 1000;
      double[] x = draw(Sampler.of(new Distribution.Zipf(n, s), Stream.root(5).child("zipf" + s)));
      double h = 0;
      for (long k = 1; k <= n; k++) {
        h += Math.pow(k, -s);
      }
      long[] counts = new long[11];
      for (double v : x) {
        assertTrue(v >= 1 && v <= n && v == Math.rint(v), "rank " + v);
        if (v <= 10) {
          counts[(int) v]++;
        }
      }
      for (int k = 1; k <= 10; k++) {
        double p = Math.pow(k, -s) / h;
        assertEquals(p, counts[k] / (double) N, Stats.binomialTolerance(p, N), "s " + s + " P(rank " + k + ")");
      }
    }
  }

  @Test
  void zipfWithHugeNStaysInRange() {
    ZipfSampler z = new ZipfSampler(Stream.root(1).child("big"), 5_000_000_000L, 1.1);
    long ones = 0;
    for (long r = 0; r < 50_000; r++) {
      long k = z.rank(Stream.rowHash(r));
      assertTrue(k >= 1 && k <= 5_000_000_000L);
      ones += k == 1 ? 1 : 0;
    }
    assertTrue(ones > 5_000, "rank 1 is the most common: " + ones);
  }

  @Test
  void sameStreamSameValuesOtherStreamOtherValues() {
    Distribution d = new Distribution.Gamma(2.5, 1);
    double[] a = draw(Sampler.of(d, Stream.root(9).child("x")));
    double[] b = draw(Sampler.of(d, Stream.root(9).child("x")));
    double[] c = draw(Sampler.of(d, Stream.root(9).child("y")));
    assertEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(b));
    int same = 0;
    for (int i = 0; i < N; i++) {
      same += a[i] == c[i] ? 1 : 0;
    }
    assertEquals(0, same);
    assertTrue(Math.abs(Stats.pearson(a, c)) < 0.01);
  }

  private static double[] draw(Sampler s) {
    double[] x = new double[N];
    for (int r = 0; r < N; r++) {
      x[r] = s.sample(Stream.rowHash(r));
    }
    return x;
  }
}
