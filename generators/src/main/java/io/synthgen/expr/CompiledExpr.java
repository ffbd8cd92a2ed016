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

  /**
   * The expression as one Spark SQL expression of the Spark type of {@link #type}: the column's final value,
   * converted to the column's type exactly as {@link #evaluate} converts it, equal to it cell for cell (with ANSI
   * mode on or off, in any session time zone). Same-table names read {@link io.synthgen.sql.SqlScope#column},
   * parent lookups {@link io.synthgen.sql.SqlScope#parentColumn}, random functions the scope's row.
   */
  String sql(io.synthgen.sql.SqlScope scope);
}
