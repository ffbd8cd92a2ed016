package io.synthgen.profile.stats;

import java.util.Arrays;

/**
 * The k smallest and k largest values seen (with repeats), for robust bounds: the k-th smallest value is a bound
 * at least k rows reach, so no single row defines it.
 */
public final class Extremes {

  private final int k;
  private final double[] low;
  private final double[] high;
  private int lowSize;
  private int highSize;

  public Extremes(int k) {
    this.k = k;
    low = new double[k];
    high = new double[k];
  }

  public void add(double v) {
    if (lowSize < k) {
      low[lowSize++] = v;
      if (lowSize == k) {
        Arrays.sort(low);
      }
    } else if (v < low[k - 1]) {
      insertLow(v);
    }
    if (highSize < k) {
      high[highSize++] = v;
      if (highSize == k) {
        Arrays.sort(high);
      }
    } else if (v > high[0]) {
      insertHigh(v);
    }
  }

  private void insertLow(double v) {
    int i = k - 1;
    while (i > 0 && low[i - 1] > v) {
      low[i] = low[i - 1];
      i--;
    }
    low[i] = v;
  }

  private void insertHigh(double v) {
    int i = 0;
    while (i < k - 1 && high[i + 1] < v) {
      high[i] = high[i + 1];
      i++;
    }
    high[i] = v;
  }

  /** The k-th smallest value, or the largest seen when fewer than k were; NaN when none. */
  public double lower() {
    if (lowSize == 0) {
      return Double.NaN;
    }
    double[] s = Arrays.copyOf(low, lowSize);
    Arrays.sort(s);
    return s[lowSize - 1];
  }

  /** The k-th largest value, or the smallest seen when fewer than k were; NaN when none. */
  public double upper() {
    if (highSize == 0) {
      return Double.NaN;
    }
    double[] s = Arrays.copyOf(high, highSize);
    Arrays.sort(s);
    return s[0];
  }

  /** The smallest values seen (at most k, with repeats), ascending. */
  public double[] lowest() {
    double[] s = Arrays.copyOf(low, lowSize);
    Arrays.sort(s);
    return s;
  }

  /** The largest values seen (at most k, with repeats), ascending. */
  public double[] highest() {
    double[] s = Arrays.copyOf(high, highSize);
    Arrays.sort(s);
    return s;
  }
}
