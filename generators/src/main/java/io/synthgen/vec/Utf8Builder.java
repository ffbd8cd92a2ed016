package io.synthgen.vec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a UTF-8 {@link StrVec} row by row: append the pieces of a value, then {@link #endRow}. One growable byte
 * array for the whole batch, so a value costs no objects. Not thread-safe; one per batch.
 */
public final class Utf8Builder {

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

  /** Digits of a non-negative int, in int arithmetic (the usual case: numbers inside generated strings are small). */
  private Utf8Builder appendDigits(int v) {
    int digits = 1;
    for (int p = 10; digits < 10 && v >= p; p *= 10) {
      digits++;
    }
    ensure(digits);
    int pos = len + digits;
    len = pos;
    while (v >= 10) {
      int q = v / 10;
      bytes[--pos] = (byte) ('0' + v - q * 10);
      v = q;
    }
    bytes[pos - 1] = (byte) ('0' + v);
    return this;
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
