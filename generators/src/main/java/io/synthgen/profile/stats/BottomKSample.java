package io.synthgen.profile.stats;

import io.synthgen.random.Stream;
import java.util.Arrays;

/**
 * A deterministic uniform sample of at most {@code k} values: the values of the k rows with the smallest hashed row
 * index ({@link BottomK}). Which rows are kept depends only on the row indices and the stream, not on the order or
 * chunking in which values arrive.
 */
public final class BottomKSample {

  private final Stream stream;
  private final BottomK choice;
  private final double[] vals;

  public BottomKSample(Stream stream, int k) {
    this.stream = stream;
    this.choice = new BottomK(k);
    this.vals = new double[k];
  }

  public void add(long row, double v) {
    int slot = choice.offer(stream.bitsAt(row) >>> 1);
    if (slot >= 0) {
      vals[slot] = v;
    }
  }

  /** The sampled values, sorted ascending. */
  public double[] sorted() {
    double[] out = Arrays.copyOf(vals, choice.size());
    Arrays.sort(out);
    return out;
  }
}
