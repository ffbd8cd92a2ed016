package io.synthgen.plan;

/**
 * One thing wrong with a plan: where (a JSON path such as {@code tables[1].columns[4].weights}), the offending value
 * (rendered compactly, may be null), the rule it breaks and how to fix it.
 */
public record Violation(String path, String value, String rule, String fix) {

  /** One line: {@code path: rule (got value); fix}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(path).append(": ").append(rule);
    if (value != null) {
      b.append(" (got ").append(value).append(')');
    }
    if (fix != null && !fix.isEmpty()) {
      b.append("; ").append(fix);
    }
    return b.toString();
  }
}
