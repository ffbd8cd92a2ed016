package io.synthgen.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that cannot be used, with every violation found (never just the first). */
public final class PlanException extends Exception {

  private static final long serialVersionUID = 1L;
  private final List<Violation> violations;

  public PlanException(List<Violation> violations) {
    super(violations.size() + (violations.size() == 1 ? " problem" : " problems") + " in the plan:\n  "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
