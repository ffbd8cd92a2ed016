package io.synthgen.profile.stats;

/**
 * HyperLogLog with 2^p one-byte registers: a distinct-count estimate with a standard error of about 1.04 / sqrt(2^p),
 * with the small-range (linear counting) correction. The profiler's default has 2^14 registers (16 KiB, 0.8 %).
 */
public final class HyperLogLog {

  static final int P = 14;
  private final int p;
  private final int m;
  private final byte[] registers;

  public HyperLogLog() {
    this(P);
  }

  /** {@code precision}: log2 of the register count, 4 to 18. */
  public HyperLogLog(int precision) {
    if (precision < 4 || precision > 18) {
      throw new IllegalArgumentException("a HyperLogLog has 2^4 to 2^18 registers, not 2^" + precision);
    }
    p = precision;
    m = 1 << precision;
    registers = new byte[m];
  }

  public void add(long hash) {
    int idx = (int) (hash >>> (64 - p));
    long rest = (hash << p) | (1L << (p - 1));
    int rank = Long.numberOfLeadingZeros(rest) + 1;
    if (rank > registers[idx]) {
      registers[idx] = (byte) rank;
    }
  }

  public long estimate() {
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += 1.0 / (1L << r);
      if (r == 0) {
        zeros++;
      }
    }
    double alpha = 0.7213 / (1 + 1.079 / m);
    double e = alpha * m * (double) m / sum;
    if (e <= 2.5 * m && zeros > 0) {
      e = m * Math.log((double) m / zeros);
    }
    return Math.round(e);
  }
}
