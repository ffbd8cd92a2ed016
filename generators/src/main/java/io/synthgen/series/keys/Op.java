package io.synthgen.series.keys;

/**
 * One row of a change-feed batch: its operation, the key it touches and its ordinal among the batch's rows of that
 * operation (APPEND #s, UPDATE #j, DELETE #j).
 */
public record Op(ChangeKind kind, long key, long ordinal) {

  public Op {
    if (kind == null) {
      throw new IllegalArgumentException("an operation needs a kind");
    }
    if (key < 0 || ordinal < 0) {
      throw new IllegalArgumentException("key and ordinal are >= 0, got key " + key + ", ordinal " + ordinal);
    }
  }
}
