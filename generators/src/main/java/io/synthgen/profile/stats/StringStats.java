package io.synthgen.profile.stats;

import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.StringSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Lengths and shapes of a column's text in one pass. Text integers are counted by sign and digit count instead of
 * through the shape counter (cheap, and their shape is only needed when the column turns out to be a string).
 */
final class StringStats {

  long count;
  private int minLen = Integer.MAX_VALUE;
  private int maxLen;
  private long lenSum;
  private long wordy;
  private final ShapeCounter shapes = new ShapeCounter();
  private final long[] integerShapes = new long[40];

  /** Lengths of a value (every text value, whatever its class). */
  void add(String s) {
    count++;
    int n = s.length();
    minLen = Math.min(minLen, n);
    maxLen = Math.max(maxLen, n);
    lenSum += n;
    if (s.indexOf(' ') >= 0) {
      wordy++;
    }
  }

  /** The shape of a value. */
  void shape(String s) {
    shapes.add(s);
  }

  /** The shape of a text integer: its sign and digit count. */
  void integerShape(boolean negative, int digits) {
    integerShapes[Math.min(19, digits) + (negative ? 20 : 0)]++;
  }

  StringSummary summary() {
    List<StringSummary.Shape> list = new ArrayList<>(shapes.top(ProfileLimits.SHAPES));
    long covered = shapes.covered();
    for (int i = 0; i < integerShapes.length; i++) {
      if (integerShapes[i] > 0) {
        int digits = i % 20;
        String shape = (i >= 20 ? "-" : "") + "9".repeat(Math.max(1, digits));
        String template = (i >= 20 ? "-" : "") + "#".repeat(Math.max(1, digits));
        list.add(new StringSummary.Shape(shape, template, integerShapes[i]));
        covered += integerShapes[i];
      }
    }
    list.sort((a, b) -> Long.compare(b.count(), a.count()));
    return new StringSummary(minLen, maxLen, (double) lenSum / count, (double) wordy / count,
        list.subList(0, Math.min(ProfileLimits.SHAPES, list.size())), covered);
  }
}
