package io.synthgen.profile.stats;

import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.StringSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the shapes of strings: digits become {@code 9}, upper-case letters {@code A}, lower-case letters {@code a},
 * other characters stay. Per shape it remembers, position by position, the character every value had there (or
 * that they differed), which turns {@code SKU-12345, SKU-99812} into the pattern {@code SKU-#####}. At most
 * {@link ProfileLimits#EXACT_SHAPES} shapes of values up to {@link ProfileLimits#SHAPE_MAX_LENGTH} characters.
 */
public final class ShapeCounter {

  private static final char VARIES = '\uFFFF';

  private final Map<String, Tracked> shapes = new HashMap<>();
  private final char[] buf = new char[ProfileLimits.SHAPE_MAX_LENGTH];
  private long covered;

  private static final class Tracked {
    final char[] constant;
    long count;

    Tracked(CharSequence value) {
      constant = new char[value.length()];
      for (int i = 0; i < constant.length; i++) {
        constant[i] = value.charAt(i);
      }
    }
  }

  public void add(CharSequence s) {
    int n = s.length();
    if (n > buf.length) {
      return;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      buf[i] = c >= '0' && c <= '9' ? '9' : c >= 'A' && c <= 'Z' ? 'A' : c >= 'a' && c <= 'z' ? 'a' : c;
    }
    String shape = new String(buf, 0, n);
    Tracked t = shapes.get(shape);
    if (t == null) {
      if (shapes.size() >= ProfileLimits.EXACT_SHAPES) {
        return;
      }
      t = new Tracked(s);
      shapes.put(shape, t);
    } else {
      char[] k = t.constant;
      for (int i = 0; i < n; i++) {
        if (k[i] != VARIES && k[i] != s.charAt(i)) {
          k[i] = VARIES;
        }
      }
    }
    t.count++;
    covered++;
  }

  public long covered() {
    return covered;
  }

  /** The most frequent shapes, with their templates. */
  public List<StringSummary.Shape> top(int n) {
    List<Map.Entry<String, Tracked>> all = new ArrayList<>(shapes.entrySet());
    all.sort((a, b) -> a.getValue().count != b.getValue().count
        ? Long.compare(b.getValue().count, a.getValue().count) : a.getKey().compareTo(b.getKey()));
    List<StringSummary.Shape> out = new ArrayList<>();
    for (Map.Entry<String, Tracked> e : all.subList(0, Math.min(n, all.size()))) {
      out.add(new StringSummary.Shape(e.getKey(), template(e.getKey(), e.getValue()), e.getValue().count));
    }
    return out;
  }

  /**
   * The shape as a plan pattern, or null: a constant position keeps its character (unless a pattern would read it
   * as a class), a varying digit becomes {@code #}, a varying upper-case letter {@code ?}. A shape seen once has every
   * position constant: it is the value itself, so it gets no template at all.
   */
  private static String template(String shape, Tracked t) {
    if (t.count < 2) {
      return null;
    }
    boolean[] varies = new boolean[shape.length()];
    for (int i = 0; i < varies.length; i++) {
      varies[i] = t.constant[i] == VARIES;
    }
    return template(shape, t.constant, varies);
  }

  /**
   * The plan pattern of a shape whose values have character {@code chars[i]} at each position where
   * {@code varies[i]} is false: those characters kept, varying digits {@code #}, varying upper-case letters
   * {@code ?}; null when a varying position is of another class or a constant character is one a pattern reads as a
   * class ({@code # ! ? *}). Also the Unity Catalog profiler's, which finds the constant positions by SQL.
   */
  public static String template(String shape, char[] chars, boolean[] varies) {
    StringBuilder sb = new StringBuilder(shape.length());
    for (int i = 0; i < shape.length(); i++) {
      char k = chars[i];
      char cls = shape.charAt(i);
      if (!varies[i]) {
        if (k == '#' || k == '!' || k == '?' || k == '*') {
          return null;
        }
        sb.append(k);
      } else if (cls == '9') {
        sb.append('#');
      } else if (cls == 'A') {
        sb.append('?');
      } else {
        return null;
      }
    }
    return sb.toString();
  }
}
