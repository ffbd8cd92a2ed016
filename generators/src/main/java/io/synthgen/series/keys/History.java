package io.synthgen.series.keys;

import java.util.List;

/**
 * A key's events through a batch, in order: its insert (if it happened by then), each UPDATE, and its DELETE (if it
 * happened by then). Each event carries the row of its batch and the values row of the version it leaves behind
 * (for a DELETE: the values row of the version it removes). Feeds SCD type 2 histories and the snapshot oracle.
 */
public record History(long key, long throughBatch, List<Event> events) {

  /** One change of the key: batch, ordinal among the batch's rows of its kind, row in the batch, values row. */
  public record Event(ChangeKind kind, long batch, long ordinal, long row, long valuesRow) {
  }

  public History {
    events = List.copyOf(events);
  }

  /** True when the key was inserted by {@code throughBatch}. */
  public boolean inserted() {
    return !events.isEmpty();
  }

  /** True when the key was deleted by {@code throughBatch}. */
  public boolean deleted() {
    return inserted() && events.get(events.size() - 1).kind() == ChangeKind.DELETE;
  }

  /** True when the key exists after {@code throughBatch}. */
  public boolean live() {
    return inserted() && !deleted();
  }
}
