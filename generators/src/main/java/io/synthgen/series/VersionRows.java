package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.series.keys.Version;

/**
 * The row images a chunk of a feed, a state or a history needs, one per element: the key (its base row, whose
 * values the unchanged columns keep, made in the key's insert batch) and the version (the row the changed columns
 * are evaluated at and the batch that made it). A version 0 image has {@code valueRow == keyRow} and
 * {@code valueBatch == keyBatch}: the base row as its insert batch writes it.
 */
public final class VersionRows {

  private final long[] keyRows;
  private final long[] keyBatches;
  private final long[] valueRows;
  private final long[] valueBatches;
  private int size;

  public VersionRows(int capacity) {
    keyRows = new long[capacity];
    keyBatches = new long[capacity];
    valueRows = new long[capacity];
    valueBatches = new long[capacity];
  }

  /** Adds the image of {@code key} at {@code version}; returns its index. */
  public int add(KeyLifecycle lifecycle, long key, Version version) {
    return add(key, lifecycle.insertBatch(key), version.valuesRow(), version.batch());
  }

  /** Adds the image of UPDATE j of batch b (the values it draws anew) of key; returns its index. */
  public int addUpdate(KeyLifecycle lifecycle, long key, long batch, long ordinal) {
    return add(key, lifecycle.insertBatch(key), lifecycle.versionRow(batch, ordinal), batch);
  }

  /** Adds the insert image of key (its base row in its insert batch); returns its index. */
  public int addInsert(KeyLifecycle lifecycle, long key) {
    long cohort = lifecycle.insertBatch(key);
    return add(key, cohort, key, cohort);
  }

  private int add(long keyRow, long keyBatch, long valueRow, long valueBatch) {
    int i = size++;
    keyRows[i] = keyRow;
    keyBatches[i] = keyBatch;
    valueRows[i] = valueRow;
    valueBatches[i] = valueBatch;
    return i;
  }

  public int size() {
    return size;
  }

  /** The rows an element's column is evaluated at: its version's for changed columns, its key's for the others. */
  long[] rows(boolean changed) {
    return changed ? valueRows : keyRows;
  }

  /** The batch each element's value of a changed (or an unchanged) column was made in. */
  long[] batches(boolean changed) {
    return changed ? valueBatches : keyBatches;
  }

  public long keyRow(int i) {
    return keyRows[i];
  }
}
