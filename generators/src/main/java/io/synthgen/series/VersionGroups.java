package io.synthgen.series;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a {@link VersionEvaluator} splits a chunk's elements for one role (changed or unchanged columns): all at once,
 * or one group per batch their values were made in, when a generator asks for the batch.
 */
final class VersionGroups {

  /** The batch of a group whose elements were made in several batches. */
  static final long MIXED = -2;

  private VersionGroups() {
  }

  /**
   * Elements of one batch (or of several: {@link #MIXED}): their indexes among the images and the rows their
   * values are made at; {@code identity} when the group is every element in order.
   */
  record Group(long batch, int[] index, long[] rows, boolean identity) {
  }

  /** Every element in order, with its batch when they share one. */
  static Group whole(long[] batches, long[] rows, int n) {
    long b = n == 0 ? 0 : batches[0];
    for (int i = 1; i < n; i++) {
      if (batches[i] != b) {
        b = MIXED;
        break;
      }
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    long[] r = new long[n];
    System.arraycopy(rows, 0, r, 0, n);
    return new Group(b, all, r, true);
  }

  /** One group per batch, in batch order; a single batch gives the whole group. */
  static List<Group> byBatch(long[] batches, long[] rows, int n) {
    TreeMap<Long, int[]> counts = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      counts.computeIfAbsent(batches[i], b -> new int[1])[0]++;
    }
    if (counts.size() <= 1) {
      return List.of(whole(batches, rows, n));
    }
    List<Group> out = new ArrayList<>();
    Map<Long, Group> byBatch = new HashMap<>();
    Map<Long, int[]> filled = new HashMap<>();
    for (Map.Entry<Long, int[]> e : counts.entrySet()) {
      int size = e.getValue()[0];
      Group g = new Group(e.getKey(), new int[size], new long[size], false);
      byBatch.put(e.getKey(), g);
      filled.put(e.getKey(), new int[1]);
      out.add(g);
    }
    for (int i = 0; i < n; i++) {
      Group g = byBatch.get(batches[i]);
      int at = filled.get(batches[i])[0]++;
      g.index()[at] = i;
      g.rows()[at] = rows[i];
    }
    return out;
  }
}
