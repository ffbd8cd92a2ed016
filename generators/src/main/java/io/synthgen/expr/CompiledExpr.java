package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.vec.Vec;
import java.util.Set;
import java.util.function.Function;

/** A type-checked expression ready to evaluate batch by batch. Immutable and thread-safe. */
public interface CompiledExpr {

  /** The column names it reads: same-table names and {@code table.column} parent lookups. */
  Set<String> references();

  /** The type of {@link #evaluate}'s result: the target type it was compiled for. */
  DataType type();

  /**
   * The values the expression can reach before it is converted to its column's type, by interval arithmetic over
   * its inputs' ranges ({@code columns} maps each name of {@link #references} to its range, or null when unknown),
   * and every way an intermediate value can leave its type (an integer that would wrap, a date beyond year 9999,
   * a string over the length limit).
   */
  ExprReach reach(Function<String, Interval> columns);

  /** Evaluates over a batch; the result has {@code in.size()} elements. */
  Vec evaluate(ExprInput in);
}
