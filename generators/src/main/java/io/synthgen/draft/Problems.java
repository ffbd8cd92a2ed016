package io.synthgen.draft;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.List;

/** Collects violations so that every problem of a request is reported at once. */
final class Problems {

  private final List<Violation> list = new ArrayList<>();

  void add(String path, Object value, String rule, String fix) {
    list.add(new Violation(path, value == null ? null : String.valueOf(value), rule, fix));
  }

  void addAll(List<Violation> vs) {
    list.addAll(vs);
  }

  /**
   * Adds the violations of a later stage (the plan's own checks) that are not about something already reported: a
   * violation at a path reported here, inside it or around it is the same problem seen again (the earlier stage
   * left a placeholder there), so it is dropped.
   */
  void addUncovered(List<Violation> later) {
    List<String> reported = new ArrayList<>();
    list.forEach(v -> reported.add(v.path()));
    for (Violation v : later) {
      boolean covered = false;
      for (String p : reported) {
        if (related(p, v.path())) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        list.add(v);
      }
    }
  }

  /** True when one path is the other or lies inside it. */
  static boolean related(String a, String b) {
    return a.equals(b) || inside(a, b) || inside(b, a);
  }

  private static boolean inside(String inner, String outer) {
    return outer.equals("$") || inner.startsWith(outer) && inner.length() > outer.length()
        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
  }

  int size() {
    return list.size();
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<Violation> list() {
    return List.copyOf(list);
  }

  void throwIfAny() throws PlanException {
    if (!list.isEmpty()) {
      throw new PlanException(list);
    }
  }
}
