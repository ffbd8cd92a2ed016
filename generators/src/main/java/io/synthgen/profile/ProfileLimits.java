package io.synthgen.profile;

/**
 * The bounds profiling and planning from data stay within. Each keeps memory or time proportional to something
 * fixed, whatever the source holds; docs/from-data.md ("Limits") lists them with the reason and what to do when a
 * source exceeds one.
 */
public final class ProfileLimits {

  private ProfileLimits() {
  }

  /** Data files of a folder source (one table per file, or per sub-folder of part files). */
  public static final int MAX_FILES = 64;

  /** Part files of one table (a sub-folder of part files). */
  public static final int MAX_PARTS = 1_024;

  /** Columns of one table. */
  public static final int MAX_COLUMNS = 256;

  /** Bytes of all files of a source together (64 GiB): profiling reads every byte once. */
  public static final long MAX_BYTES = 64L << 30;

  /** Characters of one CSV record or JSONL line (1 MiB); a longer one is refused with its line number. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  /**
   * Distinct values of a column counted exactly (each with its count); past it the counts come from a
   * Space-Saving heavy-hitters summary of {@link #HEAVY_HITTERS} entries.
   */
  public static final int EXACT_VALUE_COUNTS = 10_000;

  /** Entries of the heavy-hitters summary kept once a column has more than {@link #EXACT_VALUE_COUNTS} values. */
  public static final int HEAVY_HITTERS = 1_000;

  /** Most frequent values kept in a column's profile. */
  public static final int TOP_VALUES = 100;

  /**
   * Distinct values of a column counted exactly, as 64-bit hashes (8 bytes each in an open-addressing set); past it
   * the count is a HyperLogLog estimate and key inclusion uses a Bloom filter.
   */
  public static final int EXACT_DISTINCT = 1 << 16;

  /** Bits of the Bloom filter a column gets once it passes {@link #EXACT_DISTINCT} values (2^23 bits = 1 MiB). */
  public static final int BLOOM_BITS_LOG2 = 23;

  /** Columns of a source that may hold a Bloom filter at once (64 MiB); later ones lose key and FK detection. */
  public static final int MAX_BLOOM_FILTERS = 64;

  /** Values of a column kept in the deterministic sample distributions are fitted on. */
  public static final int SAMPLE = 10_000;

  /** Fewest sample values a distribution is fitted on. */
  public static final int MIN_FIT_SAMPLE = 50;

  /**
   * How much larger (in KS distance) a simpler family's statistic may be than the best one's and still be chosen:
   * normal, exponential and lognormal are special or limiting cases of gamma, which would otherwise always win by
   * a hair.
   */
  public static final double FIT_TIE = 0.004;

  /** Rank of the robust bounds: the k-th smallest and largest values of a numeric or temporal column. */
  public static final int BOUND_RANK = 10;

  /** Shapes of a string column counted exactly; values of later shapes are not counted. */
  public static final int EXACT_SHAPES = 1_000;

  /** Shapes kept in a column's profile. */
  public static final int SHAPES = 10;

  /** Longest value whose shape is taken. */
  public static final int SHAPE_MAX_LENGTH = 64;
}
