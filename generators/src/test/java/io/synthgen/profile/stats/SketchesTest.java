package io.synthgen.profile.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.StringSummary;
import io.synthgen.random.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded summaries behind a column profile, on inputs whose answers are known. */
class SketchesTest {

  private static ColumnAccumulator acc(DataType type) {
    return new ColumnAccumulator("c", null, type, Stream.root(1).child("c"), BloomBudget.standard());
  }

  /** A bijection of 0..n-1 (n a power of two): distinct values in a scrambled order. */
  private static long scrambled(long i, int bits) {
    return (i * 0x9E3779B97F4A7C15L >>> 0) & ((1L << bits) - 1) ^ 0x5A5L;
  }

  @Test
  void pastTheExactBoundDistinctValuesAreEstimatedAndUniquenessComesFromTheBloomFilter() {
    ColumnAccumulator a = acc(DataType.BIGINT);
    int n = 1 << 18;
    for (long i = 0; i < n; i++) {
      a.addLong(scrambled(i, 18), i);
    }
    ColumnProfile p = a.profile();
    assertEquals("hyperloglog", p.distinct().method());
    assertEquals(n, p.distinct().count(), 0.03 * n);
    assertTrue(p.distinct().unique(), p.distinct().toString());
    assertFalse(p.topValuesExact());

    ColumnAccumulator repeated = acc(DataType.BIGINT);
    for (long i = 0; i < n; i++) {
      repeated.addLong(scrambled(i, 18) % 100_000, i);
    }
    ColumnProfile r = repeated.profile();
    assertEquals(100_000, r.distinct().count(), 3_000);
    assertFalse(r.distinct().unique(), "every value repeats about 2.6 times");
  }

  @Test
  void inclusionIsExactForSmallSetsAndThroughBloomFiltersForLargeOnes() {
    ColumnAccumulator parent = acc(DataType.BIGINT);
    ColumnAccumulator child = acc(DataType.BIGINT);
    ColumnAccumulator stranger = acc(DataType.BIGINT);
    for (long i = 0; i < 100_000; i++) {
      parent.addLong(i * 3, i);
    }
    for (long i = 0; i < 500; i++) {
      child.addLong((i * 7919) % 100_000 * 3, i);
      stranger.addLong(i * 3 + 1, i);
    }
    assertEquals("bloom", parent.keyValues().includes(child.keyValues()));
    assertNull(parent.keyValues().includes(stranger.keyValues()));
    assertEquals("exact", child.keyValues().includes(child.keyValues()));
  }

  @Test
  void aSequenceKeyIsARangeAndARunThatBreaksFillsItsBloomFilter() {
    ColumnAccumulator seq = acc(DataType.BIGINT);
    ColumnAccumulator broken = acc(DataType.BIGINT);
    ColumnAccumulator child = acc(DataType.BIGINT);
    ColumnAccumulator outside = acc(DataType.BIGINT);
    for (long i = 0; i < 200_000; i++) {
      seq.addLong(1000 + i, i);
      broken.addLong(i < 150_000 ? 1000 + i : 1000 + 2 * i, i);
      child.addLong(1000 + (i * 7919) % 100_000, i);
      outside.addLong(1000 + (i * 7919) % 100_000 + (i == 5 ? 900_000 : 0), i);
    }
    assertTrue(seq.keyValues().range());
    assertEquals("exact", seq.keyValues().includes(child.keyValues()));
    assertNull(seq.keyValues().includes(outside.keyValues()));
    ColumnProfile b = broken.profile();
    assertTrue(b.distinct().unique(), "backfilled from the run, then added one by one: no repeats " + b.distinct());
    assertEquals("bloom", broken.keyValues().includes(child.keyValues()));
  }

  @Test
  void heavyHittersKeepTheFrequentValuesPastTheExactBound() {
    ColumnAccumulator a = acc(DataType.STRING);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      a.addString(i % 4 == 0 ? "N/A" : i % 10 == 1 ? "unknown" : "v" + i);
    }
    ColumnProfile p = a.profile();
    assertFalse(p.topValuesExact());
    assertEquals("N/A", p.topValues().get(0).value());
    // Misra-Gries counts are never over the truth, and under it by at most n / (counters + 1)
    assertTrue(p.topValues().get(0).count() <= n / 4);
    assertTrue(p.topValues().get(0).count() >= n / 4 - n / (ProfileLimits.HEAVY_HITTERS + 1));
    assertEquals("unknown", p.topValues().get(1).value());
  }

  @Test
  void shapesGeneraliseCharactersAndKeepConstantPositions() {
    ShapeCounter s = new ShapeCounter();
    for (String v : List.of("SKU-12345", "SKU-99812", "SKU-00001", "ab-1", "#A-1", "#B-2")) {
      s.add(v);
    }
    List<StringSummary.Shape> top = s.top(5);
    assertEquals("AAA-99999", top.get(0).shape());
    assertEquals("SKU-#####", top.get(0).template());
    assertEquals(3, top.get(0).count());
    // '#' is a pattern class: a shape that keeps it cannot be a pattern; a value seen once is no shape at all
    assertNull(top.stream().filter(x -> x.shape().equals("#A-9")).findFirst().orElseThrow().template());
    assertNull(top.stream().filter(x -> x.shape().equals("aa-9")).findFirst().orElseThrow().template());
  }

  @Test
  void textIsTypedAsTheNarrowestTypeHoldingEveryValue() {
    assertEquals(DataType.INT, sniff("1", "-20", "300"));
    assertEquals(DataType.BIGINT, sniff("1", "30000000000"));
    assertEquals(DataType.decimal(5, 2), sniff("1", "12.5", "100.25"));
    assertEquals(DataType.DOUBLE, sniff("1", "1e-3"));
    assertEquals(DataType.DATE, sniff("2024-02-29", "2023-12-31"));
    assertEquals(DataType.TIMESTAMP, sniff("2024-02-29", "2024-03-01 10:00:00.5"));
    assertEquals(DataType.BOOLEAN, sniff("true", "FALSE"));
    assertEquals(DataType.STRING, sniff("02134", "10001"), "a leading zero is a code");
    assertEquals(DataType.STRING, sniff("2023-02-29"), "not a day");
    assertEquals(DataType.STRING, sniff("1", "x"));
  }

  private static DataType sniff(String... cells) {
    ColumnAccumulator a = acc(null);
    for (int i = 0; i < cells.length; i++) {
      a.addText(cells[i], i, false);
    }
    return a.type();
  }

  @Test
  void hyperLogLogIsWithinItsError() {
    HyperLogLog h = new HyperLogLog();
    for (long i = 0; i < 1_000_000; i++) {
      h.add(Hashes.ofLong(i));
    }
    assertEquals(1_000_000, h.estimate(), 30_000);
    HyperLogLog small = new HyperLogLog();
    for (long i = 0; i < 1000; i++) {
      small.add(Hashes.ofLong(i % 700));
    }
    assertEquals(700, small.estimate(), 10);
  }

  @Test
  void theSampleDependsOnRowIndicesNotOnArrivalOrder() {
    BottomKSample a = new BottomKSample(Stream.root(3), 100);
    BottomKSample b = new BottomKSample(Stream.root(3), 100);
    for (long i = 0; i < 10_000; i++) {
      a.add(i, i);
      b.add(9_999 - i, 9_999 - i);
    }
    assertEquals(java.util.Arrays.toString(a.sorted()), java.util.Arrays.toString(b.sorted()));
  }

  @Test
  void aBloomFilterSizedForARateMeetsItWhenFullAndHasNoFalseNegatives() {
    BloomFilter f = BloomFilter.forRate(100_000, 0.001);
    for (long i = 0; i < 100_000; i++) {
      f.add(io.synthgen.random.XxHash64.hashLong(i, 1));
    }
    int fp = 0;
    for (long i = 0; i < 100_000; i++) {
      assertTrue(f.mightContain(io.synthgen.random.XxHash64.hashLong(i, 1)));
      if (f.mightContain(io.synthgen.random.XxHash64.hashLong(-i - 1, 1))) {
        fp++;
      }
    }
    assertTrue(f.falsePositiveRate(f.added()) <= 0.001, "rate " + f.falsePositiveRate(f.added()));
    assertTrue(fp < 100, "at most about 100 false positives expected at 0.1 %, got " + fp);
    // one size smaller would miss the rate: the filter is the smallest that meets it
    assertTrue(new BloomFilter(Long.numberOfTrailingZeros(f.bits()) - 1).falsePositiveRate(100_000) > 0.001);
    assertThrows(IllegalArgumentException.class, () -> BloomFilter.forRate(Long.MAX_VALUE / 2, 1e-9));
  }

  @Test
  void aHyperLogLogOfFewerRegistersIsWithinItsLargerError() {
    HyperLogLog h = new HyperLogLog(12);
    for (long i = 0; i < 200_000; i++) {
      h.add(io.synthgen.random.XxHash64.hashLong(i % 50_000, 3));
    }
    assertEquals(50_000, h.estimate(), 2_500);
    HyperLogLog small = new HyperLogLog(12);
    for (long i = 0; i < 10; i++) {
      small.add(io.synthgen.random.XxHash64.hashLong(i, 3));
    }
    assertEquals(10, small.estimate());
    assertThrows(IllegalArgumentException.class, () -> new HyperLogLog(3));
  }

  @Test
  void bottomKKeepsTheRowsOfTheSmallestUnsignedPriorities() {
    BottomK choice = new BottomK(50);
    long[] kept = new long[50];
    java.util.List<Long> all = new java.util.ArrayList<>();
    for (long i = 0; i < 5_000; i++) {
      long p = io.synthgen.random.XxHash64.hashLong(i, 7); // half of them negative as signed longs
      all.add(p);
      int slot = choice.offer(p);
      if (slot >= 0) {
        kept[slot] = p;
      }
    }
    assertEquals(50, choice.size());
    all.sort(Long::compareUnsigned);
    long[] sortedKept = kept.clone();
    java.util.Arrays.sort(sortedKept);
    long[] expected = all.subList(0, 50).stream().mapToLong(Long::longValue).sorted().toArray();
    assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(sortedKept));
  }
}
