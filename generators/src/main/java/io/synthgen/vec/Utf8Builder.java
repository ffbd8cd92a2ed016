package io.synthgen.vec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a UTF-8 {@link StrVec} row by row: append the pieces of a value, then {@link #endRow}. One growable byte
 * array for the whole batch, so a value costs no objects. Not thread-safe; one per batch.
 */
public final class Utf8Builder {

  /** The ASCII digits of 00 to 99, two bytes each. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private byte[] bytes;
  private int len;
  private final int[] offsets;
  private int rows;

  /** For {@code rows} values of about {@code bytesPerRow} bytes each (the array grows when they are longer). */
  public Utf8Builder(int rows, int bytesPerRow) {
    this.offsets = new int[rows + 1];
    this.bytes = new byte[Math.max(16, rows * Math.max(1, bytesPerRow))];
  }

  private void ensure(int n) {
    if (len + n > bytes.length) {
      long grown = Math.max((long) len + n, (long) bytes.length * 2);
      if (grown > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("a batch of strings exceeds 2 GB; use smaller chunks");
      }
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
  }

  public Utf8Builder append(byte[] b) {
    return append(b, 0, b.length);
  }

  public Utf8Builder append(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, bytes, len, n);
    len += n;
    return this;
  }

  /** Appends one ASCII character. */
  public Utf8Builder append(char c) {
    ensure(1);
    bytes[len++] = (byte) c;
    return this;
  }

  /** Appends the decimal digits of {@code v}, as {@link Long#toString(long)} writes them. */
  public Utf8Builder append(long v) {
    if (v >= 0 && v <= Integer.MAX_VALUE) {
      return appendDigits((int) v);
    }
    return append(Long.toString(v));
  }

  /**
   * Digits of a non-negative int, two at a time from {@link #PAIRS} (numbers inside generated strings are small:
   * building numbers, phone parts, ids modulo 1000, so a call is one comparison chain and a few table reads).
   */
  private Utf8Builder appendDigits(int v) {
    int digits = digits(v);
    ensure(digits);
    byte[] b = bytes;
    int pos = len + digits;
    len = pos;
    while (v >= 100) {
      int q = v / 100;
      int pair = (v - q * 100) << 1;
      b[--pos] = PAIRS[pair + 1];
      b[--pos] = PAIRS[pair];
      v = q;
    }
    if (v >= 10) {
      b[pos - 1] = PAIRS[(v << 1) + 1];
      b[pos - 2] = PAIRS[v << 1];
    } else {
      b[pos - 1] = (byte) ('0' + v);
    }
    return this;
  }

  /** The number of decimal digits of a non-negative int. */
  private static int digits(int v) {
    if (v < 10000) {
      return v < 100 ? (v < 10 ? 1 : 2) : (v < 1000 ? 3 : 4);
    }
    if (v < 100_000_000) {
      return v < 1_000_000 ? (v < 100_000 ? 5 : 6) : (v < 10_000_000 ? 7 : 8);
    }
    return v < 1_000_000_000 ? 9 : 10;
  }

  /** Appends the UTF-8 encoding of {@code s}. */
  public Utf8Builder append(CharSequence s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return append(s.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8));
      }
      bytes[len++] = (byte) c;
    }
    return this;
  }

  /** Ends the current value (possibly empty: also how a NULL row is ended, the null mask marking it). */
  public void endRow() {
    offsets[++rows] = len;
  }

  /** Bytes of the value being built so far. */
  public int pending() {
    return len - offsets[rows];
  }

  /** The value being built so far, decoded (for callers that also need it as a string). */
  public String pendingString() {
    int start = offsets[rows];
    return new String(bytes, start, len - start, StandardCharsets.UTF_8);
  }

  /** Drops the value being built so far. */
  public void discardRow() {
    len = offsets[rows];
  }

  /** The vector of the rows ended so far. */
  public StrVec build() {
    return StrVec.utf8(bytes, offsets, rows);
  }
}
