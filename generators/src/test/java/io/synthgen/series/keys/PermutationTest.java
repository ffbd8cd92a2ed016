package io.synthgen.series.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.random.Stream;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationTest {

  private static final Stream KEY = Stream.root(42).child("customers.feed");

  @Test
  void isABijectionWithItsInverseForSmallAndAwkwardSizes() {
    for (long n : new long[] {1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 1000, 1023, 1024, 1025, 4096, 4097}) {
      assertBijection(Permutation.of(KEY, n));
    }
  }

  @Test
  void isABijectionForRandomSizesUpTo100k() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 24; i++) {
      long n = 1 + random.nextLong(100_000);
      assertBijection(Permutation.indexed(KEY, i, n));
    }
  }

  @Test
  void hugeDomainsRoundTripOnSamples() {
    for (long n : new long[] {1L << 40, (1L << 40) + 1, (1L << 62) - 1, 1L << 62}) {
      Permutation p = Permutation.of(KEY, n);
      SplittableRandom random = new SplittableRandom(n);
      Set<Long> images = new HashSet<>();
      for (int i = 0; i < 20_000; i++) {
        long x = i < 10 ? n - 1 - i : random.nextLong(n);
        long y = p.apply(x);
        assertTrue(y >= 0 && y < n, "apply(" + x + ") = " + y + " outside [0, " + n + ")");
        assertEquals(x, p.inverse(y), "inverse(apply(" + x + "))");
        long z = random.nextLong(n);
        assertEquals(z, p.apply(p.inverse(z)), "apply(inverse(" + z + "))");
        images.add(y);
      }
      // 20,000 random points of a domain of 2^40 or more: a collision would mean apply is not injective.
      assertTrue(images.size() >= 19_990, "images " + images.size());
    }
  }

  @Test
  void sizeOneMapsZeroToZero() {
    Permutation p = Permutation.of(KEY, 1);
    assertEquals(0, p.apply(0));
    assertEquals(0, p.inverse(0));
    assertThrows(IllegalArgumentException.class, () -> p.apply(1));
  }

  @Test
  void differentKeysGiveDifferentOrdersAndTheSameKeyTheSameOrder() {
    long n = 1000;
    Permutation a = Permutation.of(KEY, n);
    Permutation b = Permutation.of(Stream.root(43).child("customers.feed"), n);
    Permutation c = Permutation.indexed(KEY, 1, n);
    Permutation again = Permutation.of(Stream.root(42).child("customers.feed"), n);
    int differAb = 0;
    int differAc = 0;
    for (long x = 0; x < n; x++) {
      assertEquals(a.apply(x), again.apply(x));
      differAb += a.apply(x) != b.apply(x) ? 1 : 0;
      differAc += a.apply(x) != c.apply(x) ? 1 : 0;
    }
    assertTrue(differAb > 900, "keys 42 and 43 agree on " + (n - differAb) + " of 1000 points");
    assertTrue(differAc > 900, "indices 0 and 1 agree on " + (n - differAc) + " of 1000 points");
  }

  @Test
  void shufflesRatherThanKeepingOrder() {
    Permutation p = Permutation.of(KEY, 10_000);
    int fixed = 0;
    int ascending = 0;
    for (long x = 0; x < 10_000; x++) {
      fixed += p.apply(x) == x ? 1 : 0;
      ascending += x > 0 && p.apply(x) > p.apply(x - 1) ? 1 : 0;
    }
    // A random permutation has about 1 fixed point and about half of its neighbours ascending.
    assertTrue(fixed < 10, "fixed points " + fixed);
    assertEquals(5_000, ascending, 300);
  }

  @Test
  void refusesSizesOutsideTheBounds() {
    assertThrows(IllegalArgumentException.class, () -> Permutation.of(KEY, 0));
    assertThrows(IllegalArgumentException.class, () -> Permutation.of(KEY, (1L << 62) + 1));
    Permutation p = Permutation.of(KEY, 10);
    assertThrows(IllegalArgumentException.class, () -> p.apply(-1));
    assertThrows(IllegalArgumentException.class, () -> p.inverse(10));
  }

  private static void assertBijection(Permutation p) {
    long n = p.size();
    boolean[] seen = new boolean[(int) n];
    for (long x = 0; x < n; x++) {
      long y = p.apply(x);
      assertTrue(y >= 0 && y < n, "apply(" + x + ") = " + y + " outside [0, " + n + ")");
      assertFalse(seen[(int) y], "apply hits " + y + " twice for n = " + n);
      seen[(int) y] = true;
      assertEquals(x, p.inverse(y), "inverse(apply(" + x + ")) for n = " + n);
    }
  }
}
