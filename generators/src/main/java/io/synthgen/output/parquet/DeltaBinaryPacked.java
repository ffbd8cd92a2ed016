package io.synthgen.output.parquet;

import io.synthgen.output.ByteBuf;

/**
 * Parquet's DELTA_BINARY_PACKED encoding of int values (here: the lengths of DELTA_LENGTH_BYTE_ARRAY strings).
 * Blocks of 128 deltas in 4 miniblocks of 32; each block stores its minimum delta and bit-packs every delta minus
 * that minimum at the narrowest width of its miniblock. Equal-length strings cost a few bytes per 128 values.
 */
final class DeltaBinaryPacked {

  static final int BLOCK = 128;
  static final int MINIBLOCKS = 4;
  static final int MINIBLOCK = BLOCK / MINIBLOCKS;

  private DeltaBinaryPacked() {
  }

  /** Appends the encoding of {@code v[0, n)} to {@code out}. */
  static void encode(int[] v, int n, ByteBuf out) {
    out.putVarInt(BLOCK);
    out.putVarInt(MINIBLOCKS);
    out.putVarInt(n);
    out.putVarInt(zigzag(n == 0 ? 0 : v[0]));
    long[] deltas = new long[BLOCK];
    for (int start = 1; start < n; start += BLOCK) {
      int count = Math.min(BLOCK, n - start);
      long min = Long.MAX_VALUE;
      for (int k = 0; k < count; k++) {
        long d = (long) v[start + k] - v[start + k - 1];
        deltas[k] = d;
        min = Math.min(min, d);
      }
      for (int k = 0; k < count; k++) {
        deltas[k] -= min;
      }
      out.putVarInt(zigzag(min));
      // the widths of all miniblocks come first, zero for miniblocks the last block does not need
      int widths = out.length();
      out.ensure(MINIBLOCKS);
      for (int m = 0; m < MINIBLOCKS; m++) {
        out.putUnchecked(0);
      }
      for (int m = 0; m * MINIBLOCK < count; m++) {
        int from = m * MINIBLOCK;
        int to = Math.min(count, from + MINIBLOCK);
        long or = 0;
        for (int k = from; k < to; k++) {
          or |= deltas[k];
        }
        int width = 64 - Long.numberOfLeadingZeros(or);
        out.array()[widths + m] = (byte) width;
        pack(deltas, from, to, width, out);
      }
    }
  }

  /** Bit-packs a full miniblock, least significant bit first; values past {@code to} are zero padding. */
  private static void pack(long[] d, int from, int to, int width, ByteBuf out) {
    if (width == 0) {
      return;
    }
    out.ensure(MINIBLOCK * width / 8);
    long acc = 0;
    int bits = 0;
    for (int k = from; k < from + MINIBLOCK; k++) {
      long x = k < to ? d[k] : 0;
      // bits < 8 here and width <= 33, so nothing falls off the accumulator
      acc |= x << bits;
      bits += width;
      while (bits >= 8) {
        out.putUnchecked((int) acc);
        acc >>>= 8;
        bits -= 8;
      }
    }
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }
}
