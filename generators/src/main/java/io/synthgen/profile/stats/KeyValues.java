package io.synthgen.profile.stats;

/**
 * The values of a key-like column (integers or strings) as hashes, kept after profiling to test inclusion between
 * columns of different tables: an exact set while the column had at most
 * {@link io.synthgen.profile.ProfileLimits#EXACT_DISTINCT} distinct values, else a Bloom filter (or nothing, when the
 * budget of filters was spent); an integer column whose values, in row order, each exceed the last by one (a
 * sequence key) is the range {@code min..max}, exactly.
 *
 * @param integral true for an integer column, false for a string column: only like compares with like
 * @param range true when the values are every integer from {@code min} to {@code max}
 * @param min the smallest value of an integer column
 * @param max the largest value of an integer column
 */
public record KeyValues(boolean integral, LongHashSet exact, BloomFilter bloom, boolean range, long min, long max) {

  /** Whether this column can take part in inclusion tests at all. */
  public boolean known() {
    return exact != null || bloom != null || range;
  }

  /**
   * Whether every value of {@code child} is (probably, for a Bloom filter) one of these values: {@code exact} when
   * established from exact sets, {@code bloom} when through a filter, null when not included or not known.
   */
  public String includes(KeyValues child) {
    if (child.integral != integral || !known() || !child.known()) {
      return null;
    }
    if (integral && (child.min < min || child.max > max)) {
      return null; // outside the parent's range: not included, whatever the sets say
    }
    if (range) {
      return "exact"; // every integer from min to max is a parent value
    }
    if (child.range && exact == null && bloom != null) {
      // a child that is a run of integers: look each up (bounded by the parent filter's use, a column at most)
      for (long v = child.min; v <= child.max; v++) {
        if (!bloom.mightContain(Hashes.ofLong(v))) {
          return null;
        }
      }
      return "bloom";
    }
    if (child.exact == null && child.bloom == null) {
      return null; // a long run of integers against an exact set: the set would hold the run entirely
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
