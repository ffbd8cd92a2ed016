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
    return whole(batches, rows, identity(n), true);
  }

  /** The elements {@code index} (increasing), with their batch when they share one. */
  static Group whole(long[] batches, long[] rows, int[] index) {
    return whole(batches, rows, index, false);
  }

  private static Group whole(long[] batches, long[] rows, int[] index, boolean identity) {
    int n = index.length;
    long b = n == 0 ? 0 : batches[index[0]];
    for (int i = 1; i < n; i++) {
      if (batches[index[i]] != b) {
        b = MIXED;
        break;
      }
    }
    long[] r = new long[n];
    for (int i = 0; i < n; i++) {
      r[i] = rows[index[i]];
    }
    return new Group(b, index, r, identity);
  }

  private static int[] identity(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /** One group per batch, in batch order; a single batch gives the whole group. */
  static List<Group> byBatch(long[] batches, long[] rows, int n) {
    return byBatch(batches, rows, identity(n), true);
  }

  /** The elements {@code index} (increasing) in one group per batch, in batch order. */
  static List<Group> byBatch(long[] batches, long[] rows, int[] index) {
    return byBatch(batches, rows, index, false);
  }

  private static List<Group> byBatch(long[] batches, long[] rows, int[] index, boolean identity) {
    int n = index.length;
    TreeMap<Long, int[]> counts = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      counts.computeIfAbsent(batches[index[i]], b -> new int[1])[0]++;
    }
    if (counts.size() <= 1) {
      return List.of(whole(batches, rows, index, identity));
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
      int e = index[i];
      Group g = byBatch.get(batches[e]);
      int at = filled.get(batches[e])[0]++;
      g.index()[at] = e;
      g.rows()[at] = rows[e];
    }
    return out;
  }
}
