package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.vec.Vec;
import java.util.Set;

/** A type-checked expression ready to evaluate batch by batch. Immutable and thread-safe. */
public interface CompiledExpr {

  /** The column names it reads: same-table names and {@code table.column} parent lookups. */
  Set<String> references();

  /** The type of {@link #evaluate}'s result: the target type it was compiled for. */
  DataType type();

  /** Evaluates over a batch; the result has {@code in.size()} elements. */
  Vec evaluate(ExprInput in);
}
