package io.synthgen.series;

import io.synthgen.resolve.ResolvedTable;
import java.util.Locale;

/** What a written table is in a batch run: recorded per table in the run's manifest. */
public enum TableRole {
  /** A plan table without a feed: written with batch 0 only, the same in every batch. */
  STATIC,
  /** Batch k's slice of an append table. */
  APPEND,
  /** A table's change feed of batch k, under the feed's name. */
  FEED,
  /** An SCD2 history table after batches 0..k. */
  HISTORY,
  /** A change-feed table's state after batches 0..k, under the table's own name (a snapshot). */
  STATE,
  /** The ground truth of the defects injected into another source ({@code <name>_defects}). */
  DEFECTS;

  /** The name in manifests: static, append, feed, history, state, defects. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role a plan table plays in a batch (a feed table's own rows are its feed). */
  public static TableRole of(ResolvedTable t) {
    if (t.spec().history() != null) {
      return HISTORY;
    }
    if (t.spec().changeFeed() != null) {
      return FEED;
    }
    return t.appends() ? APPEND : STATIC;
  }
}
