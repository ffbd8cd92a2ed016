package io.synthgen.plan.validate;

import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects violations, rendering offending values compactly (strings quoted, long lists shortened). */
final class Issues {

  private final List<Violation> list = new ArrayList<>();

  List<Violation> list() {
    return List.copyOf(list);
  }

  /** True when a violation was recorded at {@code path} or inside it. */
  boolean anyAt(String path) {
    for (Violation v : list) {
      String p = v.path();
      if (p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "[")) {
        return true;
      }
    }
    return false;
  }

  void add(String path, Object value, String rule, String fix) {
    list.add(new Violation(path, value == null ? null : render(value), rule, fix));
  }

  /** A missing value: no "got" part. */
  void missing(String path, String rule, String fix) {
    list.add(new Violation(path, null, rule, fix));
  }

  /** An unknown name: the rule, "did you mean" and the allowed names in the fix. */
  void unknownName(String path, String name, String rule, Collection<String> allowed, String what) {
    String fix = Suggest.didYouMean(name, allowed)
        + (allowed.isEmpty() ? "there are no " + what : what + " are: " + Suggest.list(allowed));
    list.add(new Violation(path, render(name), rule, fix));
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
