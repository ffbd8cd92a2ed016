package io.synthgen.server.tool.publish;

import io.synthgen.compile.CompiledPlan;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.catalog.WarehouseGeneration;
import io.synthgen.server.catalog.WarehouseTable;
import io.synthgen.server.tool.ToolError;
import java.util.List;

/** The approved plan compiled to Spark SQL, as the warehouse runs it: one query per table, in plan order. */
record WarehouseSql(List<WarehouseTable> tables, List<String> setup) {

  WarehouseSql {
    tables = List.copyOf(tables);
    setup = List.copyOf(setup);
  }

  /**
   * The whole plan (no batch), with Spark's default number of range slices. What SQL cannot produce exactly is the
   * compiler's {@link PlanException}, every violation at once.
   */
  static WarehouseSql compile(ResolvedPlan plan) throws PlanException, ToolError {
    CompiledPlan c;
    try {
      c = SqlCompiler.compile(plan, SqlOptions.DEFAULT);
    } catch (IllegalStateException e) {
      // the compiler refuses a SELECT longer than a warehouse takes (SqlLimits.MAX_STATEMENT_CHARS)
      if (e.getMessage() != null && e.getMessage().contains("a statement may have at most")) {
        throw new ToolError("statement_too_large", e.getMessage(), WarehouseGeneration.TOO_LARGE_FIX);
      }
      throw e;
    }
    return new WarehouseSql(c.tables().stream().map(t -> new WarehouseTable(t.name(), t.rows(), t.select()))
        .toList(), c.setup());
  }
}
