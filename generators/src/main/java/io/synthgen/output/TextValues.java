package io.synthgen.output;

import java.time.LocalDate;

/**
 * ASCII formatting of long-backed values for the text formats, straight into a {@link ByteBuf}: integers, decimals
 * from unscaled longs with exactly {@code scale} digits, ISO dates and timestamps (fraction only when non-zero).
 */
public final class TextValues {

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private TextValues() {
  }

  public static void putLong(ByteBuf b, long v) {
    if (v == Long.MIN_VALUE) {
      b.putAscii("-9223372036854775808");
      return;
    }
    if (v < 0) {
      b.put('-');
      v = -v;
    }
    putDigits(b, v, 1);
  }

  /** Writes non-negative {@code v} with at least {@code minDigits} digits (zero-padded). */
  private static void putDigits(ByteBuf b, long v, int minDigits) {
    int n = 1;
    while (n < 19 && v >= POW10[n]) {
      n++;
    }
    n = Math.max(n, minDigits);
    b.ensure(n);
    byte[] a = b.array();
    int end = b.length() + n;
    for (int i = end - 1; i >= b.length(); i--) {
      a[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    b.advance(n);
  }

  /** {@code unscaled / 10^scale} with exactly {@code scale} fraction digits, e.g. -0.05 for (-5, 2). */
  public static void putDecimal(ByteBuf b, long unscaled, int scale) {
    if (scale == 0) {
      putLong(b, unscaled);
      return;
    }
    if (unscaled < 0) {
      b.put('-');
      unscaled = -unscaled; // precision <= 18, so never Long.MIN_VALUE
    }
    long p = POW10[scale];
    putDigits(b, unscaled / p, 1);
    b.put('.');
    putDigits(b, unscaled % p, scale);
  }

  /** {@code yyyy-MM-dd}; years outside 0..9999 as {@link LocalDate#toString()} writes them. */
  public static void putDate(ByteBuf b, long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    if (y < 0 || y > 9999) {
      b.putAscii(LocalDate.ofEpochDay(epochDay).toString());
      return;
    }
    putDigits(b, y, 4);
    b.put('-');
    putDigits(b, m, 2);
    b.put('-');
    putDigits(b, d, 2);
  }

  /** {@code yyyy-MM-dd{sep}HH:mm:ss[.ffffff]} for microseconds since 1970-01-01T00:00. */
  public static void putTimestamp(ByteBuf b, long micros, char sep) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    long rem = Math.floorMod(micros, MICROS_PER_DAY);
    putDate(b, day);
    b.put(sep);
    long secs = rem / 1_000_000;
    putDigits(b, secs / 3600, 2);
    b.put(':');
    putDigits(b, secs / 60 % 60, 2);
    b.put(':');
    putDigits(b, secs % 60, 2);
    long frac = rem % 1_000_000;
    if (frac != 0) {
      b.put('.');
      putDigits(b, frac, 6);
    }
  }

  /** Shortest text that parses back to the same double (Java's algorithm); NaN and infinities as Java names them. */
  public static void putDouble(ByteBuf b, double v) {
    b.putAscii(Double.toString(v));
  }
}
