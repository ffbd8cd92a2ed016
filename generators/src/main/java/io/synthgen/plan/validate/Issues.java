package io.synthgen.plan.validate;

import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Collects violations, rendering offending values compactly (strings quoted, long lists shortened). At most
 * {@value #MAX_SUGGESTIONS} unknown names of one plan get a "did you mean" (the rest still list the allowed names), so
 * a plan full of mistyped references costs linear time to refuse.
 */
final class Issues {

  /** Unknown names of one plan that are compared with their candidates for a "did you mean". */
  static final int MAX_SUGGESTIONS = 200;

  private final List<Violation> list = new ArrayList<>();
  /** The paths of {@link #list}, sorted, so {@link #anyAt} need not scan every violation. */
  private final NavigableSet<String> paths = new TreeSet<>();
  private int suggestions;

  List<Violation> list() {
    return List.copyOf(list);
  }

  /** True when a violation was recorded at {@code path} or inside it. */
  boolean anyAt(String path) {
    if (paths.contains(path)) {
      return true;
    }
    // paths inside path are sorted right after it: path + "." ... and path + "[" ...
    String dot = paths.ceiling(path + ".");
    String bracket = paths.ceiling(path + "[");
    return dot != null && dot.startsWith(path + ".") || bracket != null && bracket.startsWith(path + "[");
  }

  void add(String path, Object value, String rule, String fix) {
    record(new Violation(path, value == null ? null : render(value), rule, fix));
  }

  /** A missing value: no "got" part. */
  void missing(String path, String rule, String fix) {
    record(new Violation(path, null, rule, fix));
  }

  /** An unknown name: the rule, "did you mean" (within the plan's budget) and the allowed names in the fix. */
  void unknownName(String path, String name, String rule, Collection<String> allowed, String what) {
    unknownName(path, name, rule, allowed, what, null);
  }

  /** As {@link #unknownName(String, String, String, Collection, String)}, the fix ending with {@code see}. */
  void unknownName(String path, String name, String rule, Collection<String> allowed, String what, String see) {
    String fix = (suggestions++ < MAX_SUGGESTIONS ? Suggest.didYouMean(name, allowed) : "")
        + (allowed.isEmpty() ? "there are no " + what : what + " are: " + Suggest.list(allowed))
        + (see == null ? "" : "; " + see);
    record(new Violation(path, render(name), rule, fix));
  }

  private void record(Violation v) {
    list.add(v);
    paths.add(v.path());
  }

  static String render(Object v) {
    String s;
    if (v instanceof String str) {
      s = '"' + str.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    } else if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      s = Long.toString(d.longValue());
    } else if (v instanceof Collection<?> c) {
      StringBuilder b = new StringBuilder("[");
      int i = 0;
      for (Object x : c) {
        if (i > 0) {
          b.append(", ");
        }
        if (i++ == 8) {
          b.append("... ").append(c.size() - 8).append(" more");
          break;
        }
        b.append(render(x));
      }
      s = b.append(']').toString();
    } else {
      s = String.valueOf(v);
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
