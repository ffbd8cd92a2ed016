package io.synthgen.series.keys;

import io.synthgen.random.Stream;
import io.synthgen.random.XxHash64;
import java.math.BigInteger;

/**
 * The {@code operation_date} of each row of a batch, in microseconds since the epoch. Batch b covers
 * {@code [start + b·I, start + (b+1)·I)}. Its m rows split the window into m consecutive sub-windows
 * {@code [floor(t·I/m), floor((t+1)·I/m))} and row t lies at a uniform point of its own:
 *
 * <pre>time(b, t) = start + b·I + lo + floor(k · (hi - lo) / 2^53)</pre>
 *
 * with {@code lo = floor(t·I/m)}, {@code hi = floor((t+1)·I/m)} and k the top 53 bits of the stream at (b, t)
 * (k/2^53 is the uniform). When {@code I >= m} every sub-window holds at least one microsecond, so times are
 * strictly increasing in t and inside the window ({@link #minimumIntervalMicros}). This is the brief's
 * {@code floor((t+u)·I/m)} spread made strict: that form can give two rows the same microsecond when I/m is not an
 * integer. All arithmetic is exact integer arithmetic (128-bit where a product passes 2^63).
 *
 * <p>Immutable and thread-safe.
 */
public final class OperationTimes {

  private static final int UNIFORM_BITS = 53;

  private final Stream stream;
  private final long startMicros;
  private final long intervalMicros;

  /**
   * Times of a series whose batch 0 starts at {@code startMicros} and whose batches last {@code intervalMicros}.
   *
   * @throws IllegalArgumentException when the interval is not positive
   */
  public OperationTimes(Stream stream, long startMicros, long intervalMicros) {
    if (intervalMicros <= 0) {
      throw new IllegalArgumentException("a batch interval is > 0 microseconds, got " + intervalMicros);
    }
    this.stream = stream;
    this.startMicros = startMicros;
    this.intervalMicros = intervalMicros;
  }

  /** The smallest interval (µs) in which {@code rows} rows get strictly increasing, distinct times. */
  public static long minimumIntervalMicros(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows are >= 0, got " + rows);
    }
    return Math.max(1, rows);
  }

  public long startMicros() {
    return startMicros;
  }

  public long intervalMicros() {
    return intervalMicros;
  }

  /**
   * The first microsecond of batch b's window, {@code start + b·I}.
   *
   * @throws IllegalArgumentException when the window's end would pass {@code Long.MAX_VALUE} microseconds
   */
  public long windowStart(long batch) {
    if (batch < 0) {
      throw new IllegalArgumentException("batches are numbered from 0, got " + batch);
    }
    try {
      long start = Math.addExact(startMicros, Math.multiplyExact(batch, intervalMicros));
      Math.addExact(start, intervalMicros);
      return start;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("batch " + batch + " ends after the last representable microsecond; "
          + "use fewer batches or a shorter interval", e);
    }
  }

  /** The end (exclusive) of batch b's window, {@code start + (b+1)·I}. */
  public long windowEnd(long batch) {
    return windowStart(batch) + intervalMicros;
  }

  /**
   * The time of row t of batch b that has {@code rows} rows.
   *
   * @throws IllegalArgumentException when {@code t} is outside {@code [0, rows)}
   */
  public long time(long batch, long row, long rows) {
    if (row < 0 || row >= rows) {
      throw new IllegalArgumentException("row " + row + " outside [0, " + rows + ") of batch " + batch);
    }
    long base = windowStart(batch);
    long lo = floorProduct(row, intervalMicros, rows);
    long hi = row + 1 == rows ? intervalMicros : floorProduct(row + 1, intervalMicros, rows);
    long k = uniformBits(batch, row);
    long width = hi - lo;
    long spread = (Math.multiplyHigh(k, width) << (64 - UNIFORM_BITS)) | ((k * width) >>> UNIFORM_BITS);
    return base + lo + spread;
  }

  /** The top 53 bits of the stream at (b, t): Spark's {@code xxhash64(t, xxhash64(b, key))}, shifted right 11. */
  long uniformBits(long batch, long row) {
    long batchKey = stream.bitsAt(batch);
    return XxHash64.hashLong(batchKey, Stream.rowHash(row)) >>> (64 - UNIFORM_BITS);
  }

  /** {@code floor(a·b/c)} for {@code 0 <= a <= c}, b ≥ 0, c > 0 (so the result is at most b). */
  private static long floorProduct(long a, long b, long c) {
    if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
      return a * b / c;
    }
    return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
  }
}
