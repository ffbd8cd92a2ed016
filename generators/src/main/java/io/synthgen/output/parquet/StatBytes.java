package io.synthgen.output.parquet;

import org.apache.parquet.format.Statistics;

/** Column chunk statistics in Parquet's PLAIN byte form (little-endian numbers, raw UTF-8 for strings). */
final class StatBytes {

  private StatBytes() {
  }

  static Statistics nullsOnly(long nullCount) {
    Statistics s = new Statistics();
    s.setNull_count(nullCount);
    return s;
  }

  static Statistics of(long nullCount, byte[] min, byte[] max) {
    Statistics s = nullsOnly(nullCount);
    s.setMin_value(min);
    s.setMax_value(max);
    s.setIs_min_value_exact(true);
    s.setIs_max_value_exact(true);
    return s;
  }

  static byte[] int32(long v) {
    int x = (int) v;
    return new byte[] {(byte) x, (byte) (x >>> 8), (byte) (x >>> 16), (byte) (x >>> 24)};
  }

  static byte[] int64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }
}
