package io.synthgen.series.keys;

import io.synthgen.random.Stream;
import java.util.ArrayList;
import java.util.List;

/**
 * The key lifecycle of a change feed: which key each row of each batch appends, updates or deletes, as a pure
 * function of (stream key, batch) — batch b is computed without generating batches 0..b-1, with O(1) work per row
 * (O(b) for a key's version or history), and every step is a closed form over {@link Permutation}s so a SQL
 * executor can reproduce it.
 *
 * <p><b>Batches.</b> Batch 0 is the full load: N APPENDs of keys 0..N-1 in key order. Every batch b ≥ 1 has
 * exactly A APPENDs, U UPDATEs and D DELETEs (m = A+U+D rows). A key is a row index of the base table; cohort 0 is
 * keys {@code [0, N)}, cohort c ≥ 1 is keys {@code [N+(c-1)A, N+cA)}, appended by batch c.
 *
 * <p><b>Deletes.</b> A global deletion order G places cohort 0 at positions {@code [0, N)} in the order of a
 * permutation σ_0 of {@code [0, N)}, and cohort c at positions {@code [N+(c-1)A, N+cA)} in the order of its own
 * permutation σ_c of {@code [0, A)}; position p holds key {@code start + σ_c(p - start)}. Batch b deletes positions
 * {@code [(b-1)D, bD)}: oldest cohorts first, shuffled inside a cohort.
 *
 * <p><b>Updates.</b> The live positions of batch b — inserted before b and surviving b — are
 * {@code [bD, N+(b-1)A)}, {@code L_b = N+(b-1)A-bD} of them; UPDATE j is position {@code bD + π_b(j)} with π_b a
 * permutation of {@code [0, L_b)} keyed by b. So updates are distinct, hit live keys and never a key deleted in
 * the same batch.
 *
 * <p><b>Rows.</b> A permutation ρ_b of {@code [0, m)} maps row t of batch b ≥ 1 to a slot s: {@code s < A} is
 * APPEND #s, {@code s < A+U} is UPDATE #(s-A), else DELETE #(s-A-U).
 *
 * <p><b>Feasibility.</b> Batch b ≥ 1 is feasible iff {@code bD <= N+(b-1)A} and {@code L_b >= U}; feasible batches
 * are exactly {@code 1..}{@link #lastFeasibleBatch()}. Keys stay below {@link #MAX_KEYS} and version rows below
 * {@code Long.MAX_VALUE}, which bounds the series at {@link #lastBatchWithinBounds()}. Every method given a batch
 * after {@link #lastBatch()} throws {@link IllegalArgumentException} naming that number; a plan checker refuses
 * such plans up front with it.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyLifecycle {

  /**
   * Keys (base rows) of a change feed stay below 2^62: {@code N + b·A <= MAX_KEYS}. A checker says: "batch b of
   * table t would use keys up to N + b·A, above the limit 2^62; use fewer batches or fewer APPENDs per batch".
   */
  public static final long MAX_KEYS = Permutation.MAX_SIZE;

  /**
   * Rows of one batch, {@code m = A+U+D} (and N for the full load), stay at or below 2^62. A checker says: "a batch
   * of table t has m rows, above the limit 2^62; use fewer rows per batch".
   */
  public static final long MAX_BATCH_ROWS = Permutation.MAX_SIZE;

  /**
   * The first virtual row of the values UPDATEs draw anew: UPDATE j of batch b evaluates its changed columns at
   * row {@code VERSION_ROW_BASE + (b-1)·U + j}, disjoint from every base row; so {@code b·U <= 2^62}. A checker
   * says: "batch b of table t would number its UPDATE values past 2^63; use fewer batches or fewer UPDATEs".
   */
  public static final long VERSION_ROW_BASE = 1L << 62;

  /** {@link #deleteBatch} of a key that no batch deletes (D = 0). */
  public static final long NEVER = Long.MAX_VALUE;

  /**
   * Cohort orders σ_c, update orders π_b and row orders ρ_b of batches below this number are built once per
   * lifecycle, when first used, and kept (at most 3 × 1,024 permutations of about 100 bytes each); those of later
   * batches are built per call. Every plan series within the default of a few dozen batches is cached whole.
   */
  public static final int CACHED_BATCHES = 1_024;

  private final long baseRows;
  private final long appends;
  private final long updates;
  private final long deletes;
  private final Stream cohortOrders;
  private final Stream updateOrders;
  private final Stream rowOrders;
  private final Permutation firstCohort;
  private final Permutation[] cohortCache = new Permutation[CACHED_BATCHES];
  private final Permutation[] updateCache = new Permutation[CACHED_BATCHES];
  private final Permutation[] rowCache = new Permutation[CACHED_BATCHES];
  private final long lastFeasible;
  private final long lastInBounds;

  /**
   * The lifecycle of a feed with N base rows and A, U, D operations per later batch, keyed by {@code stream}
   * (sub-keys {@code child("cohorts")}, {@code child("updates")}, {@code child("rows")}).
   *
   * @throws IllegalArgumentException unless {@code 1 <= N <= MAX_KEYS}, A, U, D ≥ 0 and
   *     {@code A+U+D <= MAX_BATCH_ROWS}
   */
  public KeyLifecycle(Stream stream, long baseRows, long appends, long updates, long deletes) {
    if (baseRows < 1 || baseRows > MAX_KEYS) {
      throw new IllegalArgumentException("a change feed needs 1 <= N <= 2^62 base rows, got " + baseRows);
    }
    if (appends < 0 || updates < 0 || deletes < 0) {
      throw new IllegalArgumentException(
          "APPEND, UPDATE and DELETE counts are >= 0, got " + appends + ", " + updates + ", " + deletes);
    }
    if (appends > MAX_BATCH_ROWS - updates || appends + updates > MAX_BATCH_ROWS - deletes) {
      throw new IllegalArgumentException("a batch has at most 2^62 rows (A+U+D), got A=" + appends + ", U="
          + updates + ", D=" + deletes + "; use fewer rows per batch");
    }
    this.baseRows = baseRows;
    this.appends = appends;
    this.updates = updates;
    this.deletes = deletes;
    this.cohortOrders = stream.child("cohorts");
    this.updateOrders = stream.child("updates");
    this.rowOrders = stream.child("rows");
    this.firstCohort = Permutation.indexed(cohortOrders, 0, baseRows);
    this.lastFeasible = computeLastFeasible();
    this.lastInBounds = computeLastInBounds();
  }

  /** The lifecycle with the counts of {@code counts}. */
  public static KeyLifecycle of(Stream stream, long baseRows, OperationCounts counts) {
    return new KeyLifecycle(stream, baseRows, counts.appends(), counts.updates(), counts.deletes());
  }

  public long baseRows() {
    return baseRows;
  }

  public long appends() {
    return appends;
  }

  public long updates() {
    return updates;
  }

  public long deletes() {
    return deletes;
  }

  /** Rows of batch b: N for batch 0, A+U+D after. */
  public long rows(long batch) {
    checkBatch(batch);
    return batch == 0 ? baseRows : appends + updates + deletes;
  }

  // ---- feasibility -------------------------------------------------------------------------------------------

  /**
   * The last batch with enough live keys, in closed form: 0 when batch 1 already lacks them ({@code N < D+U}),
   * {@code Long.MAX_VALUE} when the table never runs out ({@code A >= D}), else
   * {@code floor((N-A-U) / (D-A))}, the last b with {@code N+(b-1)A-bD >= U}.
   */
  public long lastFeasibleBatch() {
    return lastFeasible;
  }

  /**
   * The last batch whose keys stay below {@link #MAX_KEYS} ({@code N+bA <= 2^62}) and whose version rows fit a
   * long ({@code bU <= 2^62}); {@code Long.MAX_VALUE} when A = U = 0.
   */
  public long lastBatchWithinBounds() {
    return lastInBounds;
  }

  /** The last batch that can be generated: the smaller of {@link #lastFeasibleBatch} and the bounds. */
  public long lastBatch() {
    return Math.min(lastFeasible, lastInBounds);
  }

  /**
   * True when batch b (b ≥ 0) can be generated: {@code b <= lastBatch()}. Every method taking a batch throws
   * {@link IllegalArgumentException} for any other b.
   */
  public boolean feasible(long batch) {
    return batch >= 0 && batch <= lastBatch();
  }

  private long computeLastFeasible() {
    if (baseRows - deletes - updates < 0) {
      return 0;
    }
    if (appends >= deletes) {
      return Long.MAX_VALUE;
    }
    return (baseRows - appends - updates) / (deletes - appends);
  }

  private long computeLastInBounds() {
    long byKeys = appends == 0 ? Long.MAX_VALUE : (MAX_KEYS - baseRows) / appends;
    long byVersions = updates == 0 ? Long.MAX_VALUE : VERSION_ROW_BASE / updates;
    return Math.min(byKeys, byVersions);
  }

  private void checkBatch(long batch) {
    if (batch < 0) {
      throw new IllegalArgumentException("batches are numbered from 0, got " + batch);
    }
    if (batch > lastBatch()) {
      throw new IllegalArgumentException("batch " + batch + " is infeasible: with N=" + baseRows + ", A=" + appends
          + ", U=" + updates + ", D=" + deletes + " the last batch is " + lastBatch()
          + (lastFeasible <= lastInBounds
              ? " (after it fewer than D+U keys are live; use fewer DELETEs or more APPENDs per batch)"
              : " (keys would pass 2^62; use fewer batches or fewer operations per batch)"));
    }
  }

  private void checkLaterBatch(long batch) {
    checkBatch(batch);
    if (batch == 0) {
      throw new IllegalArgumentException("batch 0 is the full load; UPDATEs and DELETEs start at batch 1");
    }
  }

  // ---- cohorts and the deletion order ------------------------------------------------------------------------

  /** The batch that appends key: 0 for {@code key < N}, else {@code 1 + (key-N)/A}. */
  public long insertBatch(long key) {
    checkKey(key);
    return key < baseRows ? 0 : 1 + (key - baseRows) / appends;
  }

  /** Key of APPEND #s of batch b: s for batch 0, {@code N+(b-1)A+s} after. */
  public long appendedKey(long batch, long ordinal) {
    checkBatch(batch);
    checkOrdinal(ordinal, batch == 0 ? baseRows : appends, "APPEND", batch);
    return cohortStart(batch) + ordinal;
  }

  /** The APPEND ordinal of key in its insert batch. */
  public long appendOrdinal(long key) {
    return key - cohortStart(insertBatch(key));
  }

  /** The position of key in the global deletion order G. */
  public long deletionPosition(long key) {
    long cohort = insertBatch(key);
    if (cohort == 0) {
      return firstCohort.inverse(key);
    }
    long start = cohortStart(cohort);
    return start + cohortOrder(cohort).inverse(key - start);
  }

  /** The key at position p of the global deletion order: {@code G⁻¹(p)}. */
  public long keyAtDeletionPosition(long position) {
    checkKey(position);
    if (position < baseRows) {
      return firstCohort.apply(position);
    }
    long cohort = 1 + (position - baseRows) / appends;
    long start = cohortStart(cohort);
    return start + cohortOrder(cohort).apply(position - start);
  }

  /** Key of DELETE #j (j < D) of batch b ≥ 1: {@code G⁻¹((b-1)D + j)}. */
  public long deletedKey(long batch, long ordinal) {
    checkLaterBatch(batch);
    checkOrdinal(ordinal, deletes, "DELETE", batch);
    return keyAtDeletionPosition((batch - 1) * deletes + ordinal);
  }

  /**
   * The batch that deletes key, {@code 1 + G(key)/D}, or {@link #NEVER} when D = 0. A result after
   * {@link #lastBatch()} means no batch of the series deletes it.
   */
  public long deleteBatch(long key) {
    long position = deletionPosition(key);
    return deletes == 0 ? NEVER : 1 + position / deletes;
  }

  /** The DELETE ordinal of key within {@link #deleteBatch}, or -1 when D = 0. */
  public long deleteOrdinal(long key) {
    long position = deletionPosition(key);
    return deletes == 0 ? -1 : position % deletes;
  }

  /**
   * σ_c of cohort c ≥ 1, from the cache below {@link #CACHED_BATCHES}. The caches are filled racily: a
   * {@link Permutation} is immutable with final fields, so a thread sees either null (and builds an equal one) or
   * a complete permutation.
   */
  private Permutation cohortOrder(long cohort) {
    if (cohort >= CACHED_BATCHES) {
      return Permutation.indexed(cohortOrders, cohort, appends);
    }
    Permutation p = cohortCache[(int) cohort];
    if (p == null) {
      p = Permutation.indexed(cohortOrders, cohort, appends);
      cohortCache[(int) cohort] = p;
    }
    return p;
  }

  /** π_b of batch b ≥ 1 over its {@code live} positions (U > 0, live ≥ 1), cached like {@link #cohortOrder}. */
  private Permutation cachedUpdateOrder(long batch, long live) {
    if (batch >= CACHED_BATCHES) {
      return Permutation.indexed(updateOrders, batch, live);
    }
    Permutation p = updateCache[(int) batch];
    if (p == null) {
      p = Permutation.indexed(updateOrders, batch, live);
      updateCache[(int) batch] = p;
    }
    return p;
  }

  private long cohortStart(long cohort) {
    return cohort == 0 ? 0 : baseRows + (cohort - 1) * appends;
  }

  private void checkKey(long key) {
    if (key < 0 || key >= MAX_KEYS || (appends == 0 && key >= baseRows)) {
      throw new IllegalArgumentException("key " + key + " is not a key of this feed (keys are 0.." + (baseRows - 1)
          + (appends == 0 ? ")" : " plus " + appends + " per batch, below 2^62)"));
    }
  }

  static void checkOrdinal(long ordinal, long count, String kind, long batch) {
    if (ordinal < 0 || ordinal >= count) {
      throw new IllegalArgumentException(
          kind + " ordinal " + ordinal + " outside [0, " + count + ") of batch " + batch);
    }
  }

  // ---- updates -----------------------------------------------------------------------------------------------

  /** Live keys an UPDATE of batch b ≥ 1 can pick: {@code L_b = N+(b-1)A-bD}. */
  public long updatable(long batch) {
    checkLaterBatch(batch);
    return baseRows + (batch - 1) * appends - batch * deletes;
  }

  /** Key of UPDATE #j (j < U) of batch b ≥ 1: {@code G⁻¹(bD + π_b(j))}. */
  public long updatedKey(long batch, long ordinal) {
    long live = updatable(batch);
    checkOrdinal(ordinal, updates, "UPDATE", batch);
    return updatedKeyWith(batch, ordinal, updateOrder(batch, live));
  }

  /** The UPDATE ordinal j with {@code updatedKey(b, j) == key}, or -1 when batch b does not update key. */
  public long updateOrdinal(long batch, long key) {
    long live = updatable(batch);
    if (updates == 0 || insertBatch(key) >= batch) {
      return -1;
    }
    return updateOrdinalWith(batch, deletionPosition(key), live, null);
  }

  /** π_b, or null when batch b has no UPDATEs (then L_b may be 0). */
  Permutation updateOrder(long batch, long live) {
    return updates == 0 ? null : cachedUpdateOrder(batch, live);
  }

  long updatedKeyWith(long batch, long ordinal, Permutation updateOrder) {
    return keyAtDeletionPosition(batch * deletes + updateOrder.apply(ordinal));
  }

  /** The UPDATE ordinal at a deletion position, building π_b only when the position is live and none is given. */
  long updateOrdinalWith(long batch, long position, long live, Permutation updateOrder) {
    long offset = position - batch * deletes;
    if (updates == 0 || offset < 0 || offset >= live) {
      return -1;
    }
    Permutation order = updateOrder != null ? updateOrder : cachedUpdateOrder(batch, live);
    long ordinal = order.inverse(offset);
    return ordinal < updates ? ordinal : -1;
  }

  /**
   * The virtual row whose values UPDATE j of batch b draws anew: {@code VERSION_ROW_BASE + (b-1)·U + j}; distinct
   * for every (b, j) and from every key.
   */
  public long versionRow(long batch, long ordinal) {
    checkLaterBatch(batch);
    checkOrdinal(ordinal, updates, "UPDATE", batch);
    return VERSION_ROW_BASE + (batch - 1) * updates + ordinal;
  }

  // ---- rows of a batch ---------------------------------------------------------------------------------------

  /**
   * The keys of batch b with its permutations built once: the view an engine uses to generate the batch's rows
   * (the methods of this class take them from its caches, see {@link #CACHED_BATCHES}).
   */
  public BatchKeys batch(long batch) {
    long rows = rows(batch);
    if (batch == 0) {
      return new BatchKeys(this, 0, rows, 0, null, null);
    }
    long live = updatable(batch);
    Permutation rowOrder = rows == 0 ? null : rowOrder(batch, rows);
    return new BatchKeys(this, batch, rows, live, rowOrder, updateOrder(batch, live));
  }

  /** What row t of batch b does: batch 0 row t appends key t; batch b ≥ 1 row t is slot {@code ρ_b(t)}. */
  public Op op(long batch, long row) {
    long rows = rows(batch);
    checkRow(batch, row, rows);
    if (batch == 0) {
      return new Op(ChangeKind.APPEND, row, row);
    }
    long slot = rowOrder(batch, rows).apply(row);
    if (slot >= appends && slot < appends + updates) {
      long j = slot - appends;
      return new Op(ChangeKind.UPDATE, updatedKeyWith(batch, j, updateOrder(batch, updatable(batch))), j);
    }
    return opAtSlot(batch, slot, null);
  }

  /** The row of batch b holding the given operation's ordinal: the inverse of {@link #op}. */
  public long row(long batch, ChangeKind kind, long ordinal) {
    long rows = rows(batch);
    if (batch == 0) {
      if (kind != ChangeKind.APPEND) {
        throw new IllegalArgumentException("batch 0 is the full load and holds only APPENDs, not " + kind);
      }
      checkOrdinal(ordinal, baseRows, "APPEND", 0);
      return ordinal;
    }
    return rowOrder(batch, rows).inverse(slot(batch, kind, ordinal));
  }

  Permutation rowOrder(long batch, long rows) {
    if (batch >= CACHED_BATCHES) {
      return Permutation.indexed(rowOrders, batch, rows);
    }
    Permutation p = rowCache[(int) batch];
    if (p == null) {
      p = Permutation.indexed(rowOrders, batch, rows);
      rowCache[(int) batch] = p;
    }
    return p;
  }

  static void checkRow(long batch, long row, long rows) {
    if (row < 0 || row >= rows) {
      throw new IllegalArgumentException("row " + row + " outside [0, " + rows + ") of batch " + batch);
    }
  }

  /** The operation at slot s of batch b ≥ 1 (given π_b for an UPDATE slot). */
  Op opAtSlot(long batch, long slot, Permutation updateOrder) {
    if (slot < appends) {
      return new Op(ChangeKind.APPEND, cohortStart(batch) + slot, slot);
    }
    if (slot < appends + updates) {
      long j = slot - appends;
      return new Op(ChangeKind.UPDATE, updatedKeyWith(batch, j, updateOrder), j);
    }
    long j = slot - appends - updates;
    return new Op(ChangeKind.DELETE, keyAtDeletionPosition((batch - 1) * deletes + j), j);
  }

  /** The slot of an operation's ordinal in batch b ≥ 1: APPENDs, then UPDATEs, then DELETEs. */
  long slot(long batch, ChangeKind kind, long ordinal) {
    if (kind == ChangeKind.APPEND) {
      checkOrdinal(ordinal, appends, "APPEND", batch);
      return ordinal;
    } else if (kind == ChangeKind.UPDATE) {
      checkOrdinal(ordinal, updates, "UPDATE", batch);
      return appends + ordinal;
    } else if (kind == ChangeKind.DELETE) {
      checkOrdinal(ordinal, deletes, "DELETE", batch);
      return appends + updates + ordinal;
    }
    throw new IllegalArgumentException("unknown operation " + kind);
  }

  // ---- versions and history ----------------------------------------------------------------------------------

  /**
   * The values key holds at the start of batch {@code beforeBatch}, i.e. after batches {@code 0..beforeBatch-1}:
   * its last UPDATE before then, or its insert. The preimage of an UPDATE row of batch b and the image of a
   * DELETE row of batch b are {@code lastVersion(key, b)} (a key is changed at most once per batch). Scans batches
   * {@code beforeBatch-1} down to {@code insertBatch(key)+1}: O(beforeBatch) worst case, about L/U on average.
   *
   * @throws IllegalArgumentException when key is not inserted before {@code beforeBatch} or
   *     {@code beforeBatch - 1} is after {@link #lastBatch()}
   */
  public Version lastVersion(long key, long beforeBatch) {
    long cohort = insertBatch(key);
    if (beforeBatch <= cohort) {
      throw new IllegalArgumentException(
          "key " + key + " is appended by batch " + cohort + ", so it has no version before batch " + beforeBatch);
    }
    checkBatch(beforeBatch - 1);
    return lastVersionAt(key, cohort, updates > 0 ? deletionPosition(key) : -1, beforeBatch);
  }

  /**
   * {@link #lastVersion} of a key inserted by {@code cohort < beforeBatch} at deletion position {@code position}
   * (given by a caller that knows it; unused when U = 0), with the checks already made.
   */
  Version lastVersionAt(long key, long cohort, long position, long beforeBatch) {
    if (updates > 0) {
      long deletedIn = deletes == 0 ? NEVER : 1 + position / deletes;
      long last = Math.min(beforeBatch - 1, deletedIn - 1);
      for (long b = last; b > cohort; b--) {
        long live = baseRows + (b - 1) * appends - b * deletes;
        long ordinal = updateOrdinalWith(b, position, live, null);
        if (ordinal >= 0) {
          return new Version(ChangeKind.UPDATE, b, ordinal, VERSION_ROW_BASE + (b - 1) * updates + ordinal);
        }
      }
    }
    return new Version(ChangeKind.APPEND, cohort, key - cohortStart(cohort), key);
  }

  /**
   * The key's events through batch {@code throughBatch} in order: insert, each UPDATE, the DELETE if it happened
   * by then; empty when the key is appended later. O(throughBatch).
   */
  public History history(long key, long throughBatch) {
    checkBatch(throughBatch);
    long cohort = insertBatch(key);
    List<History.Event> events = new ArrayList<>();
    if (cohort > throughBatch) {
      return new History(key, throughBatch, events);
    }
    long appendOrdinal = key - cohortStart(cohort);
    long valuesRow = key;
    events.add(new History.Event(ChangeKind.APPEND, cohort, appendOrdinal, row(cohort, ChangeKind.APPEND,
        appendOrdinal), valuesRow));
    long position = deletionPosition(key);
    long deletedIn = deletes == 0 ? NEVER : 1 + position / deletes;
    long lastUpdate = Math.min(throughBatch, deletedIn - 1);
    if (updates > 0) {
      for (long b = cohort + 1; b <= lastUpdate; b++) {
        long live = baseRows + (b - 1) * appends - b * deletes;
        long ordinal = updateOrdinalWith(b, position, live, null);
        if (ordinal >= 0) {
          valuesRow = VERSION_ROW_BASE + (b - 1) * updates + ordinal;
          events.add(new History.Event(ChangeKind.UPDATE, b, ordinal, row(b, ChangeKind.UPDATE, ordinal),
              valuesRow));
        }
      }
    }
    if (deletedIn <= throughBatch) {
      long ordinal = position % deletes;
      events.add(new History.Event(ChangeKind.DELETE, deletedIn, ordinal, row(deletedIn, ChangeKind.DELETE,
          ordinal), valuesRow));
    }
    return new History(key, throughBatch, events);
  }
}
