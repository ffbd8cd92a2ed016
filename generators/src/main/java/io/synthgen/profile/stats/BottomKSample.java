package io.synthgen.profile.stats;

import io.synthgen.random.Stream;
import java.util.Arrays;

/**
 * A deterministic uniform sample of at most {@code k} values: the values of the k rows with the smallest hashed row
 * index (bottom-k sampling). Which rows are kept depends only on the row indices and the stream, not on the order
 * or chunking in which values arrive. A max-heap on the priorities; O(1) for the rows that are not kept.
 */
public final class BottomKSample {

  private final Stream stream;
  private final int k;
  private final long[] prio;
  private final double[] vals;
  private int size;

  public BottomKSample(Stream stream, int k) {
    this.stream = stream;
    this.k = k;
    this.prio = new long[k];
    this.vals = new double[k];
  }

  public void add(long row, double v) {
    long p = stream.bitsAt(row) >>> 1;
    if (size < k) {
      prio[size] = p;
      vals[size] = v;
      up(size++);
    } else if (p < prio[0]) {
      prio[0] = p;
      vals[0] = v;
      down(0);
    }
  }

  /** The sampled values, sorted ascending. */
  public double[] sorted() {
    double[] out = Arrays.copyOf(vals, size);
    Arrays.sort(out);
    return out;
  }

  private void up(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (prio[parent] >= prio[i]) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < size && prio[l] > prio[m]) {
        m = l;
      }
      if (r < size && prio[r] > prio[m]) {
        m = r;
      }
      if (m == i) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }

  private void swap(int a, int b) {
    long p = prio[a];
    prio[a] = prio[b];
    prio[b] = p;
    double v = vals[a];
    vals[a] = vals[b];
    vals[b] = v;
  }
}
