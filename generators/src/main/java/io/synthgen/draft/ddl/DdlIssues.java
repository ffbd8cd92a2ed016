package io.synthgen.draft.ddl;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems of a DDL script, collected so every one is reported at once. A problem of the script is at
 * {@code ddl line N} (the line of the statement, column or constraint it is about); a problem of the drafted plan
 * keeps the plan's own path.
 */
final class DdlIssues {

  private final List<Violation> list = new ArrayList<>();

  static String at(int line) {
    return "ddl line " + line;
  }

  void add(int line, Object value, String rule, String fix) {
    list.add(new Violation(at(line), value == null ? null : shorten(String.valueOf(value)), rule, fix));
  }

  void addAll(List<Violation> vs) {
    list.addAll(vs);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  void throwIfAny() throws PlanException {
    if (!list.isEmpty()) {
      throw new PlanException(list);
    }
  }

  static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }
}
