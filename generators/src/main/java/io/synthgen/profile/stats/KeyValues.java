package io.synthgen.profile.stats;

/**
 * The values of a key-like column (integers or strings) as hashes, kept after profiling to test inclusion between
 * columns of different tables: an exact set while the column had at most
 * {@link io.synthgen.profile.ProfileLimits#EXACT_DISTINCT} distinct values, else a Bloom filter (or nothing, when the
 * budget of filters was spent).
 *
 * @param integral true for an integer column, false for a string column: only like compares with like
 */
public record KeyValues(boolean integral, LongHashSet exact, BloomFilter bloom) {

  /** Whether this column can take part in inclusion tests at all. */
  public boolean known() {
    return exact != null || bloom != null;
  }

  /**
   * Whether every value of {@code child} is (probably, for a Bloom filter) one of these values: {@code exact} when
   * established from exact sets, {@code bloom} when through a filter, null when not included or not known.
   */
  public String includes(KeyValues child) {
    if (child.integral != integral || !known() || !child.known()) {
      return null;
    }
    if (child.exact != null) {
      if (exact != null) {
        for (long h : child.exact.toArray()) {
          if (!exact.contains(h)) {
            return null;
          }
        }
        return "exact";
      }
      for (long h : child.exact.toArray()) {
        if (!bloom.mightContain(h)) {
          return null;
        }
      }
      return "bloom";
    }
    if (exact != null) {
      return null; // the child has more distinct values than the whole parent key
    }
    return child.bloom.subsetOf(bloom) ? "bloom" : null;
  }
}
