package io.synthgen.compile;

import io.synthgen.series.keys.Permutation;
import io.synthgen.sql.SqlText;

/**
 * A {@link Permutation} in Spark SQL: the same Feistel network ({@value Permutation#ROUNDS} rounds, round function
 * {@code xxhash64(roundKey, half) & mask}) and the same cycle walk, so {@code apply} and {@code inverse} give the
 * local engine's values. The parameters (domain size, half width, mask, round keys) are SQL expressions: literals
 * for a permutation fixed at compile time (a batch's row order), aliases for one chosen per row (the cohort order of
 * a key's cohort).
 *
 * <p>The walk: the first {@link #UNROLLED_PASSES} passes are layers of their own (two per pass, computed only while
 * the walk has not landed); a value still outside the domain then walks on inside {@code aggregate(sequence(...))},
 * first {@link #TAIL_PASSES} passes, then up to {@link #MAX_PASSES} passes in all, and a value that would need more
 * raises an error ({@code raise_error}) instead of giving a wrong key. One pass lands with probability above 1/4
 * (the network's domain is below 4n), so a value needs more than 256 passes with probability below
 * {@code (3/4)^256 < 10^-31}: over 2^62 keys, below 10^-12.
 */
final class FeedPermutation {

  /** Passes of the walk written as layers of aliases (the rest run in one {@code aggregate}). */
  static final int UNROLLED_PASSES = 3;

  /** Passes of the walk's first {@code aggregate} (values that land there skip the long one). */
  static final int TAIL_PASSES = 8;

  /**
   * Passes after which the SQL walk raises an error (the local walk's own bound is {@link Permutation#MAX_WALK}):
   * reached with probability below 10^-31 per value.
   */
  static final int MAX_PASSES = 256;

  /** The parameters of one permutation, as SQL expressions. */
  record Params(String size, String halfBits, String mask, String[] roundKeys) {

    /** The permutation keyed by {@code key} over {@code [0, n)}, fixed at compile time. */
    static Params constant(long key, long n) {
      int half = Permutation.halfBits(n);
      String[] keys = new String[Permutation.ROUNDS];
      for (int r = 0; r < keys.length; r++) {
        keys[r] = SqlText.lit(Permutation.roundKey(key, r));
      }
      return new Params(SqlText.lit(n), Integer.toString(half), SqlText.lit((1L << half) - 1), keys);
    }
  }

  private FeedPermutation() {
  }

  /** The alias of {@code p(x)}, for x (an alias) in the domain. */
  static String apply(FeedLayers q, Params p, String x) {
    return walk(q, p, x, true);
  }

  /** The alias of {@code p⁻¹(y)}, for y (an alias) in the domain. */
  static String inverse(FeedLayers q, Params p, String y) {
    return walk(q, p, y, false);
  }

  private static String walk(FeedLayers q, Params p, String x, boolean encrypt) {
    String w = pass(q, p, x, false, encrypt);
    for (int i = 1; i < UNROLLED_PASSES; i++) {
      w = pass(q, p, w, true, encrypt);
    }
    String step = "(__pv, __pi) -> IF(__pv < " + p.size() + ", __pv, " + network(p, "__pv", encrypt) + ")";
    String near = q.let("CASE WHEN " + w + " < " + p.size() + " THEN " + w + " ELSE aggregate(sequence(1, "
        + TAIL_PASSES + "), " + w + ", " + step + ") END");
    return q.let("CASE WHEN " + near + " < " + p.size() + " THEN " + near + " ELSE aggregate(sequence(1, "
        + (MAX_PASSES - UNROLLED_PASSES - TAIL_PASSES) + "), " + near + ", " + step + ", __pv -> IF(__pv < "
        + p.size() + ", __pv, raise_error('synthgen: a change feed permutation walked " + MAX_PASSES + " passes "
        + "without landing; generate this batch locally'))) END");
  }

  /**
   * One pass of the network over v in two layers (two rounds each, so a round's hash is written at most twice);
   * when {@code guarded}, a v already inside the domain is kept and its rounds are not computed.
   */
  private static String pass(FeedLayers q, Params p, String v, boolean guarded, boolean encrypt) {
    String done = guarded ? "(" + v + " < " + p.size() + ")" : null;
    String left = "shiftrightunsigned(" + v + ", " + p.halfBits() + ")";
    String right = "(" + v + " & " + p.mask() + ")";
    for (int i = 0; i < Permutation.ROUNDS; i++) {
      int r = encrypt ? i : Permutation.ROUNDS - 1 - i;
      if (encrypt) {
        String next = round(p, r, left, right);
        left = right;
        right = next;
      } else {
        String previous = round(p, r, right, left);
        right = left;
        left = previous;
      }
      if (i % 2 == 1 && i + 1 < Permutation.ROUNDS) {
        left = q.let(guard(done, left));
        right = q.let(guard(done, right));
      }
    }
    String joined = "(shiftleft(" + left + ", " + p.halfBits() + ") | " + right + ")";
    return q.let(done == null ? joined : "CASE WHEN " + done + " THEN " + v + " ELSE " + joined + " END");
  }

  /** {@code a xor F_r(b)}. */
  private static String round(Params p, int r, String a, String b) {
    return "(" + a + " ^ (xxhash64(" + p.roundKeys()[r] + ", " + b + ") & " + p.mask() + "))";
  }

  private static String guard(String done, String sql) {
    return done == null ? sql : "CASE WHEN " + done + " THEN NULL ELSE " + sql + " END";
  }

  /** One pass of the network over the lambda variable {@code v}, as one expression (for the walk's tail). */
  private static String network(Params p, String v, boolean encrypt) {
    String left = "shiftrightunsigned(" + v + ", " + p.halfBits() + ")";
    String right = "(" + v + " & " + p.mask() + ")";
    for (int i = 0; i < Permutation.ROUNDS; i++) {
      int r = encrypt ? i : Permutation.ROUNDS - 1 - i;
      if (encrypt) {
        String next = round(p, r, left, right);
        left = right;
        right = next;
      } else {
        String previous = round(p, r, right, left);
        right = left;
        left = previous;
      }
    }
    return "(shiftleft(" + left + ", " + p.halfBits() + ") | " + right + ")";
  }
}
