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
