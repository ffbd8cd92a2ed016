package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeded, fixed row set: these statistics are deterministic and never flake. */
class RandomFunctionsTest {

  private static final int N = 100_000;

  private final Fixture f = new Fixture().rows(N).dictionary("colors", "red", "green", "blue");

  private double[] doubles(String sql) {
    Vec v = f.eval(sql, DataType.DOUBLE);
    return ((DoubleVec) v).values;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  private void assertMoments(String sql, double mean, double var, double tol) {
    double[] x = doubles(sql);
    assertEquals(mean, mean(x), tol * Math.max(1, Math.abs(mean)), sql + " mean");
    assertEquals(var, variance(x), tol * 4 * Math.max(1, var), sql + " variance");
  }

  @Test
  void distributionsHaveTheirMoments() {
    assertMoments("rand()", 0.5, 1.0 / 12, 0.01);
    assertMoments("rand_uniform(10, 20)", 15, 100.0 / 12, 0.01);
    assertMoments("rand_normal(50, 10)", 50, 100, 0.01);
    assertMoments("rand_lognormal(0, 0.5)", Math.exp(0.125), (Math.exp(0.25) - 1) * Math.exp(0.25), 0.02);
    assertMoments("rand_exp(2)", 0.5, 0.25, 0.02);
    assertMoments("rand_gamma(2, 3)", 6, 18, 0.02);
    assertMoments("rand_beta(2, 5)", 2.0 / 7, 10.0 / (49 * 8), 0.01);
    assertMoments("rand_poisson(4)", 4, 4, 0.02);
    assertMoments("rand_int(1, 6)", 3.5, 35.0 / 12, 0.01);
    double[] p = doubles("rand_pareto(3, 2)");
    assertEquals(3.0, mean(p), 0.05);
    for (double v : p) {
      assertTrue(v >= 2);
    }
  }

  @Test
  void integerAndBooleanDraws() {
    long[] dice = ((LongVec) f.eval("rand_int(1, 6)", DataType.BIGINT)).values;
    for (long d : dice) {
      assertTrue(d >= 1 && d <= 6);
    }
    boolean[] b = ((BoolVec) f.eval("rand_bool(0.3)", DataType.BOOLEAN)).values;
    int t = 0;
    for (boolean x : b) {
      t += x ? 1 : 0;
    }
    assertEquals(0.3, t / (double) N, 0.01);
    long[] z = ((LongVec) f.eval("rand_zipf(10, 1.2)", DataType.BIGINT)).values;
    int ones = 0;
    for (long v : z) {
      assertTrue(v >= 1 && v <= 10);
      ones += v == 1 ? 1 : 0;
    }
    assertTrue(ones > N / 4, "rank 1 is the most frequent");
  }

  @Test
  void choicesAndDictionaries() {
    assertFrequencies("rand_choice('a', 'b', 'c', 'd')", Map.of("a", 0.25, "b", 0.25, "c", 0.25, "d", 0.25));
    assertFrequencies("rand_weighted('x', 70, 'y', 20, 'z', 10)", Map.of("x", 0.7, "y", 0.2, "z", 0.1));
    assertFrequencies("rand_weighted('x', 1, 'never', 0, 'z', 1)", Map.of("x", 0.5, "z", 0.5));
    assertFrequencies("dict('colors')", Map.of("red", 1.0 / 3, "green", 1.0 / 3, "blue", 1.0 / 3));
    StrVec v = (StrVec) f.eval("dict('colors')", DataType.STRING);
    assertTrue(v.isDictionary());
    assertTrue(((StrVec) f.eval("rand_choice('a', 'b')", DataType.STRING)).isDictionary());
    long[] nums = ((LongVec) f.eval("rand_choice(10, 20)", DataType.BIGINT)).values;
    for (long x : nums) {
      assertTrue(x == 10 || x == 20);
    }
  }

  private void assertFrequencies(String sql, Map<String, Double> expected) {
    StrVec v = (StrVec) f.eval(sql, DataType.STRING);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < N; i++) {
      counts.merge(v.str(i), 1, Integer::sum);
    }
    assertEquals(expected.keySet(), counts.keySet(), sql);
    expected.forEach((k, p) -> assertEquals(p, counts.get(k) / (double) N, 0.01, sql + " " + k));
  }

  @Test
  void drawsArePureFunctionsOfStreamAndRow() {
    double[] a = doubles("rand_normal(0, 1) + rand()");
    double[] b = doubles("rand_normal(0, 1) + rand()");
    assertArrayEquals(a, b);
    // A different column stream gives different values.
    Fixture other = new Fixture().rows(N).stream(Stream.root(42).child("orders").child("other"));
    double[] c = ((DoubleVec) other.eval("rand_normal(0, 1) + rand()", DataType.DOUBLE)).values;
    assertFalse(java.util.Arrays.equals(a, c));
    // Call site k draws from scope.stream().child("call:" + k).
    double[] r = doubles("rand()");
    Stream s = f.stream().child("call:0");
    for (int i = 0; i < 100; i++) {
      assertEquals(s.uniform(Stream.rowHash(i)), r[i]);
    }
  }

  @Test
  void twoCallSitesAreIndependent() {
    Vec v = f.eval("rand() - rand()", DataType.DOUBLE);
    double[] d = ((DoubleVec) v).values;
    // If both draws were the same, every difference would be 0; independent uniforms give variance 1/6.
    assertEquals(1.0 / 6, variance(d), 0.005);
    double[] x = new double[N];
    double[] y = new double[N];
    Stream s0 = f.stream().child("call:0");
    Stream s1 = f.stream().child("call:1");
    for (int i = 0; i < N; i++) {
      x[i] = s0.uniform(Stream.rowHash(i));
      y[i] = s1.uniform(Stream.rowHash(i));
      assertEquals(x[i] - y[i], d[i], 0.0);
    }
    assertEquals(0.0, correlation(x, y), 0.01);
    double[] n1 = doubles("rand_normal(0, 1)");
    double[] pair = doubles("rand_normal(0, 1) * 0 + rand_normal(0, 1)");
    assertEquals(0.0, correlation(n1, pair), 0.01);
  }

  private static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void constantExpressionsAreAcceptedAsParameters() {
    double[] x = doubles("rand_normal(25 * 2, 20 / 2)");
    assertEquals(50, mean(x), 0.2);
  }
}
