package io.synthgen.series.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.random.Stream;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class OperationTimesTest {

  private static final Stream STREAM = Stream.root(42).child("customers.operation_date");
  private static final long START = 1_735_689_600_000_000L; // 2025-01-01T00:00:00Z

  @Test
  void strictlyIncreasingAndInsideTheWindowAtTheMinimumInterval() {
    for (long rows : new long[] {1, 2, 3, 7, 1_000, 4_097}) {
      for (long interval : new long[] {rows, rows + 1, rows * 3 / 2 + 1, 2 * rows - 1, 86_400_000_000L}) {
        OperationTimes times = new OperationTimes(STREAM, START, Math.max(interval, 1));
        for (long b : new long[] {0, 1, 5}) {
          assertIncreasingInWindow(times, b, rows);
        }
      }
    }
  }

  @Test
  void theMinimumIntervalIsOneMicrosecondPerRow() {
    assertEquals(1, OperationTimes.minimumIntervalMicros(0));
    assertEquals(1, OperationTimes.minimumIntervalMicros(1));
    assertEquals(10_000, OperationTimes.minimumIntervalMicros(10_000));
    assertThrows(IllegalArgumentException.class, () -> OperationTimes.minimumIntervalMicros(-1));
  }

  @Test
  void batchesCoverConsecutiveWindows() {
    OperationTimes times = new OperationTimes(STREAM, START, 3_600_000_000L);
    assertEquals(START, times.windowStart(0));
    assertEquals(START + 3_600_000_000L, times.windowEnd(0));
    assertEquals(START + 7 * 3_600_000_000L, times.windowStart(7));
    assertEquals(times.windowEnd(6), times.windowStart(7));
  }

  @Test
  void matchesTheExactFormulaWhereProductsPass64Bits() {
    long interval = Long.MAX_VALUE / 4;
    long rows = 1_000_003;
    OperationTimes times = new OperationTimes(STREAM, 0, interval);
    BigInteger i = BigInteger.valueOf(interval);
    BigInteger m = BigInteger.valueOf(rows);
    for (long t : new long[] {0, 1, 2, 500_000, rows - 2, rows - 1}) {
      BigInteger lo = BigInteger.valueOf(t).multiply(i).divide(m);
      BigInteger hi = BigInteger.valueOf(t + 1).multiply(i).divide(m);
      BigInteger k = BigInteger.valueOf(times.uniformBits(0, t));
      BigInteger expected = lo.add(k.multiply(hi.subtract(lo)).shiftRight(53));
      assertEquals(expected.longValueExact(), times.time(0, t, rows), "row " + t);
    }
    assertIncreasingInWindow(times, 1, 1_000);
  }

  @Test
  void rowsAreSpreadByTheStreamNotFixed() {
    OperationTimes a = new OperationTimes(STREAM, START, 1_000_000_000L);
    OperationTimes b = new OperationTimes(Stream.root(43).child("customers.operation_date"), START, 1_000_000_000L);
    int differ = 0;
    for (long t = 0; t < 100; t++) {
      assertEquals(a.time(2, t, 100), new OperationTimes(STREAM, START, 1_000_000_000L).time(2, t, 100));
      differ += a.time(2, t, 100) != b.time(2, t, 100) ? 1 : 0;
    }
    assertTrue(differ > 95, "seeds 42 and 43 agree on " + (100 - differ) + " rows");
    assertNotEquals(a.time(1, 0, 100) - a.windowStart(1), a.time(2, 0, 100) - a.windowStart(2));
  }

  @Test
  void refusesBadInputs() {
    assertThrows(IllegalArgumentException.class, () -> new OperationTimes(STREAM, START, 0));
    OperationTimes times = new OperationTimes(STREAM, START, 1_000);
    assertThrows(IllegalArgumentException.class, () -> times.time(0, 10, 10));
    assertThrows(IllegalArgumentException.class, () -> times.time(0, -1, 10));
    assertThrows(IllegalArgumentException.class, () -> times.windowStart(-1));
    assertThrows(IllegalArgumentException.class, () -> times.windowStart(Long.MAX_VALUE / 1_000));
  }

  private static void assertIncreasingInWindow(OperationTimes times, long b, long rows) {
    long previous = Long.MIN_VALUE;
    for (long t = 0; t < rows; t++) {
      long time = times.time(b, t, rows);
      assertTrue(time > previous, "row " + t + " of " + rows + " not after the previous row, I = "
          + times.intervalMicros());
      assertTrue(time >= times.windowStart(b) && time < times.windowEnd(b), "row " + t + " outside the window");
      previous = time;
    }
  }
}
