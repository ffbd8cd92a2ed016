package io.synthgen.validate;

import java.util.List;

/** Every check of a run; passed when none failed. */
public record ValidationReport(List<Check> checks) {

  public ValidationReport {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  public List<Check> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
