package io.synthgen.expr;

import io.synthgen.plan.reach.Interval;
import java.util.List;

/**
 * What an expression can reach: its value's range before conversion to the column type, and the problems of its
 * intermediate values (each one sentence that says what overflows and how to avoid it).
 */
public record ExprReach(Interval value, List<String> problems) {

  public ExprReach {
    problems = List.copyOf(problems);
  }
}
