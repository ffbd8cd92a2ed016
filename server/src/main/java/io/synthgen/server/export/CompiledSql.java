package io.synthgen.server.export;

import io.synthgen.compile.CompiledPlan;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import java.util.List;

/** The compiler's SQL of a plan (or of one batch of its series) as {@link PlanSql}. */
final class CompiledSql {

  private CompiledSql() {
  }

  /**
   * @param batch the batch of the plan's series, or null for a plan without one
   * @throws PlanException for what the compiler cannot produce exactly (change feeds, history tables, ...)
   */
  static PlanSql of(ResolvedPlan resolved, Long batch) throws PlanException {
    CompiledPlan c = SqlCompiler.compile(resolved, new SqlOptions(batch, 0));
    List<PlanSql.Table> tables = c.tables().stream().map(t -> new PlanSql.Table(t.name(), t.rows(), t.select(),
        t.columns().stream().map(col -> new PlanSql.Column(col.name(), col.comment())).toList())).toList();
    return new PlanSql(c.setup(), tables);
  }
}
