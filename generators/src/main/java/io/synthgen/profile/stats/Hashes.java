package io.synthgen.profile.stats;

/**
 * 64-bit hashes of cell values for distinct counting, heavy hitters and key inclusion. Not a source of randomness
 * (that is {@code io.synthgen.random}): equal values must hash equally in every file, so a child's values can be
 * looked up among a parent's.
 */
public final class Hashes {

  private Hashes() {
  }

  /** Murmur3's 64-bit finaliser: every input bit reaches every output bit. */
  public static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** A whole number's hash: the same for an integer column and a CSV field holding the same digits. */
  public static long ofLong(long v) {
    return mix(v ^ 0x9E3779B97F4A7C15L);
  }

  public static long ofDouble(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p62) {
      return ofLong((long) v);
    }
    return mix(Double.doubleToLongBits(v) ^ 0x632BE59BD9B4E019L);
  }

  /** A string's hash over its UTF-16 units. */
  public static long ofString(CharSequence s) {
    long h = 0x27D4EB2F165667C5L ^ s.length();
    int n = s.length();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long w = ((long) s.charAt(i)) | ((long) s.charAt(i + 1) << 16) | ((long) s.charAt(i + 2) << 32)
          | ((long) s.charAt(i + 3) << 48);
      h = Long.rotateLeft(h ^ mix(w), 27) * 0x9E3779B185EBCA87L + 0x85EBCA77C2B2AE63L;
    }
    for (; i < n; i++) {
      h = Long.rotateLeft(h ^ (s.charAt(i) * 0xC2B2AE3D27D4EB4FL), 23) * 0x9E3779B185EBCA87L;
    }
    return mix(h);
  }
}
