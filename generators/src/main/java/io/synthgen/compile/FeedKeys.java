package io.synthgen.compile;

import io.synthgen.random.Stream;
import io.synthgen.series.FeedSpec;
import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.series.keys.Permutation;
import io.synthgen.sql.SqlText;

/**
 * The closed forms of {@link KeyLifecycle} and {@code OperationTimes} in Spark SQL, each value an alias of a
 * {@link FeedLayers}: the row order ρ_b, the update order π_b, the global deletion order G and its inverse (cohort
 * orders σ_c keyed per row by the key's cohort), a key's last version before a batch and the operation instants.
 * Streams and permutation keys are those of {@link FeedSpec}: {@code <table>#feed} with children {@code cohorts},
 * {@code updates} and {@code rows}, and {@code <table>#feed.times}. Not thread-safe: one per compiled SELECT.
 */
final class FeedKeys {

  private final FeedLayers q;
  private final KeyLifecycle life;
  private final Stream cohorts;
  private final Stream updates;
  private final Stream rows;
  private final Stream times;
  private final long startMicros;
  private final long intervalMicros;
  private final long n;
  private final long a;
  private final long u;
  private final long d;

  FeedKeys(FeedLayers q, FeedSpec spec) {
    this.q = q;
    this.life = spec.lifecycle();
    Stream feed = spec.plan().root().child(spec.table().name() + "#feed");
    this.cohorts = feed.child("cohorts");
    this.updates = feed.child("updates");
    this.rows = feed.child("rows");
    this.times = spec.plan().root().child(spec.table().name() + "#feed.times");
    this.startMicros = spec.plan().windowStartMicros(0);
    this.intervalMicros = spec.intervalMicros();
    this.n = life.baseRows();
    this.a = life.appends();
    this.u = life.updates();
    this.d = life.deletes();
  }

  /** ρ_b(t): the slot of row t (an alias) of batch b ≥ 1. */
  String slot(long batch, String t) {
    return FeedPermutation.apply(q, FeedPermutation.Params.constant(Permutation.indexedKey(rows, batch),
        life.rows(batch)), t);
  }

  /** ρ_b⁻¹(slot): the row of a slot (an alias) of batch b ≥ 1. */
  String rowOfSlot(long batch, String slot) {
    return FeedPermutation.inverse(q, FeedPermutation.Params.constant(Permutation.indexedKey(rows, batch),
        life.rows(batch)), slot);
  }

  /** π_b(j): the live offset UPDATE j (an alias, below U) of batch b ≥ 1 touches; U > 0. */
  String updateOffset(long batch, String j) {
    return FeedPermutation.apply(q, updateOrder(batch), j);
  }

  private FeedPermutation.Params updateOrder(long batch) {
    return FeedPermutation.Params.constant(Permutation.indexedKey(updates, batch), life.updatable(batch));
  }

  /** The batch that inserted a key (an alias): 0 below N, else {@code 1 + (key - N) DIV A}. */
  String insertBatch(String key) {
    return a == 0 ? "0L" : "IF(" + key + " < " + SqlText.lit(n) + ", 0L, 1L + (" + key + " - " + SqlText.lit(n)
        + ") DIV " + SqlText.lit(a) + ")";
  }

  /** G⁻¹(position): the key at a position (an alias) of the global deletion order. */
  String keyAtDeletionPosition(String position) {
    Cohort c = cohort(position);
    return q.let("(" + c.start + " + " + FeedPermutation.apply(q, c.order, "(" + position + " - " + c.start
        + ")") + ")");
  }

  /** G(key): the position of a key (an alias) in the global deletion order. */
  String deletionPosition(String key) {
    Cohort c = cohort(key);
    return q.let("(" + c.start + " + " + FeedPermutation.inverse(q, c.order, "(" + key + " - " + c.start
        + ")") + ")");
  }

  /**
   * The cohort of a key or deletion position (they share the cohorts' ranges): its first key (an expression) and
   * its order σ_c, whose round keys are aliases chosen per row.
   */
  private Cohort cohort(String at) {
    FeedPermutation.Params first = FeedPermutation.Params.constant(Permutation.indexedKey(cohorts, 0), n);
    if (a == 0) {
      return new Cohort("0L", first);
    }
    String later = "(" + at + " >= " + SqlText.lit(n) + ")";
    String cohort = "(1L + (" + at + " - " + SqlText.lit(n) + ") DIV " + SqlText.lit(a) + ")";
    String start = "IF(" + later + ", " + SqlText.lit(n) + " + (" + cohort + " - 1L) * " + SqlText.lit(a) + ", 0L)";
    FeedPermutation.Params next = FeedPermutation.Params.constant(0, a);
    String[] keys = new String[Permutation.ROUNDS];
    for (int r = 0; r < keys.length; r++) {
      // the round key of σ_c: hashLong(r, xxhash64(c, cohortsKey)) = xxhash64(c, cohortsKey, r)
      keys[r] = q.let("IF(" + later + ", xxhash64(" + cohort + ", " + SqlText.lit(cohorts.key()) + ", "
          + SqlText.lit((long) r) + "), " + first.roundKeys()[r] + ")");
    }
    String isLater = q.let(later);
    FeedPermutation.Params order = new FeedPermutation.Params("IF(" + isLater + ", " + next.size() + ", "
        + first.size() + ")", "IF(" + isLater + ", " + next.halfBits() + ", " + first.halfBits() + ")", "IF("
        + isLater + ", " + next.mask() + ", " + first.mask() + ")", keys);
    return new Cohort(q.let(start), order);
  }

  private record Cohort(String start, FeedPermutation.Params order) {
  }

  /** A version: the row its changed columns are made at and the batch that made it (aliases). */
  record Version(String row, String batch) {
  }

  /**
   * {@link KeyLifecycle#lastVersion}{@code (key, before)} of a key (an alias) inserted in batch {@code keyBatch} at
   * deletion position {@code position} (aliases): the last UPDATE of batches {@code before - 1} down to 1 that hit
   * it after its insert, else its insert. One inverse of π_b per batch b, so before - 1 of them.
   */
  Version lastVersion(String key, String keyBatch, String position, long before) {
    StringBuilder row = new StringBuilder("CASE");
    StringBuilder batch = new StringBuilder("CASE");
    if (u > 0) {
      for (long b = before - 1; b >= 1; b--) {
        String[] hit = update(b, keyBatch, position);
        row.append(" WHEN ").append(hit[0]).append(" THEN ").append(SqlText.lit(versionRowBase(b))).append(" + ")
            .append(hit[1]);
        batch.append(" WHEN ").append(hit[0]).append(" THEN ").append(SqlText.lit(b));
      }
    }
    if (row.length() == "CASE".length()) {
      return new Version(key, keyBatch);
    }
    row.append(" ELSE ").append(key).append(" END");
    batch.append(" ELSE ").append(keyBatch).append(" END");
    return new Version(q.let(row.toString()), q.let(batch.toString()));
  }

  /**
   * Whether batch b ≥ 1 updates the key at a deletion position inserted in {@code keyBatch}, and the UPDATE's
   * ordinal: aliases {hit, ordinal}. As {@code updateOrdinalWith}: the position's live offset in batch b is
   * {@code position - b·D}, in {@code [0, L_b)}, and its preimage under π_b is an UPDATE ordinal (below U).
   */
  String[] update(long b, String keyBatch, String position) {
    long live = life.updatable(b);
    String offset = "(" + position + " - " + SqlText.lit(b * d) + ")";
    String inRange = q.let("(" + keyBatch + " < " + SqlText.lit(b) + " AND " + offset + " >= 0L AND " + offset
        + " < " + SqlText.lit(live) + ")");
    String ordinal = FeedPermutation.inverse(q, updateOrder(b), q.let("IF(" + keyBatch + " < " + SqlText.lit(b)
        + " AND " + offset + " >= 0L AND " + offset + " < " + SqlText.lit(live) + ", " + offset + ", 0L)"));
    String hit = q.let("(" + inRange + " AND " + ordinal + " < " + SqlText.lit(u) + ")");
    return new String[] {hit, ordinal};
  }

  /** The first version row of batch b's UPDATEs: {@code VERSION_ROW_BASE + (b-1)·U}. */
  long versionRowBase(long b) {
    return KeyLifecycle.VERSION_ROW_BASE + (b - 1) * u;
  }

  /**
   * The operation instant of row t (an alias) of batch b (a BIGINT alias or literal) of {@code m} rows (a BIGINT
   * expression), as a TIMESTAMP: {@code start + b·I + floor(t·I/m) + floor(k·(hi - lo) / 2^53)} with k the top 53
   * bits of {@code xxhash64(t, xxhash64(b, timesKey))}, in exact decimal arithmetic (the products pass 2^63).
   */
  String instant(String batch, String t, String m) {
    String dec = "DECIMAL(20,0)";
    String rows = q.let("CAST(" + m + " AS " + dec + ")");
    String lo = q.let("CAST((CAST(" + t + " AS " + dec + ") * " + intervalMicros + "BD) DIV " + rows
        + " AS BIGINT)");
    String hi = q.let("CAST((CAST(" + t + " + 1L AS " + dec + ") * " + intervalMicros + "BD) DIV " + rows
        + " AS BIGINT)");
    String k = q.let("shiftrightunsigned(xxhash64(" + t + ", xxhash64(" + batch + ", " + SqlText.lit(times.key())
        + ")), 11)");
    String spread = q.let("CAST((CAST(" + k + " AS " + dec + ") * CAST(" + hi + " - " + lo + " AS " + dec + ")) DIV "
        + (1L << 53) + "BD AS BIGINT)");
    return q.let("timestamp_micros(" + SqlText.lit(startMicros) + " + " + batch + " * " + SqlText.lit(intervalMicros)
        + " + " + lo + " + " + spread + ")");
  }

  /**
   * ρ_b⁻¹(slot) for a batch b ≥ 1 chosen per row (a BIGINT alias): the row order keyed by
   * {@code xxhash64(b, rowsKey)} over the A + U + D rows of every later batch.
   */
  String rowOfSlotIn(String batch, String slot) {
    long m = a + u + d;
    FeedPermutation.Params shape = FeedPermutation.Params.constant(0, m);
    String[] keys = new String[Permutation.ROUNDS];
    for (int r = 0; r < keys.length; r++) {
      keys[r] = q.let("xxhash64(" + batch + ", " + SqlText.lit(rows.key()) + ", " + SqlText.lit((long) r) + ")");
    }
    return FeedPermutation.inverse(q, new FeedPermutation.Params(shape.size(), shape.halfBits(), shape.mask(), keys),
        slot);
  }
}
