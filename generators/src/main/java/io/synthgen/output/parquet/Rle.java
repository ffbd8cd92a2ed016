package io.synthgen.output.parquet;

import io.synthgen.output.ByteBuf;

/**
 * Parquet's RLE / bit-packed hybrid encoding (no length prefix): runs of 16 or more equal values become RLE runs,
 * everything else is bit-packed in groups of 8, the last group padded with zeros.
 */
final class Rle {

  private static final int MIN_RUN = 16;

  private Rle() {
  }

  /** Encodes {@code v[0, n)}, each value below {@code 2^bitWidth}. */
  static void encode(int[] v, int n, int bitWidth, ByteBuf out) {
    int bytesPerValue = (bitWidth + 7) >>> 3;
    int bpStart = 0;
    int i = 0;
    while (i < n) {
      int x = v[i];
      int j = i + 1;
      while (j < n && v[j] == x) {
        j++;
      }
      if (j - i >= MIN_RUN) {
        int pending = i - bpStart;
        int pad = (8 - (pending & 7)) & 7;
        if (pending + pad > 0) {
          bitPack(v, bpStart, i + pad, bitWidth, out);
        }
        int runStart = i + pad;
        out.putVarInt((long) (j - runStart) << 1);
        for (int b = 0; b < bytesPerValue; b++) {
          out.put(x >>> (8 * b));
        }
        bpStart = j;
      }
      i = j;
    }
    if (bpStart < n) {
      bitPack(v, bpStart, n, bitWidth, out);
    }
  }

  /** Definition levels (bit width 1) for rows {@code [from, to)}: 1 where present, 0 where null. */
  static void encodeLevels(boolean[] nulls, int from, int to, ByteBuf out) {
    int n = to - from;
    int[] levels = new int[n];
    for (int i = 0; i < n; i++) {
      levels[i] = nulls != null && nulls[from + i] ? 0 : 1;
    }
    encode(levels, n, 1, out);
  }

  private static void bitPack(int[] v, int from, int to, int bitWidth, ByteBuf out) {
    int count = to - from;
    int groups = (count + 7) >>> 3;
    out.putVarInt(((long) groups << 1) | 1);
    out.ensure(groups * bitWidth);
    long mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
    long acc = 0;
    int bits = 0;
    for (int i = from; i < to; i++) {
      acc |= (v[i] & mask) << bits;
      bits += bitWidth;
      while (bits >= 8) {
        out.putUnchecked((int) acc);
        acc >>>= 8;
        bits -= 8;
      }
    }
    int padded = groups * 8 - count;
    bits += padded * bitWidth;
    while (bits > 0) {
      out.putUnchecked((int) acc);
      acc >>>= 8;
      bits -= 8;
    }
  }

  /** Bits needed for values {@code 0..maxValue}, at least 1. */
  static int bitWidth(int maxValue) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(maxValue));
  }
}
