package io.synthgen.expr;

import java.util.List;

/**
 * An expression that cannot be compiled. Each problem is one sentence that names the offending part and says
 * what to write instead ("unknown column 'custmer_id'; columns are: ...", "unknown function 'rnd'; did you mean
 * 'rand'?").
 */
public final class ExprException extends Exception {

  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ExprException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
