package io.synthgen.server.tool.publish;

import io.synthgen.compile.CompiledPlan;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.catalog.WarehouseTable;
import java.util.List;

/** The approved plan compiled to Spark SQL, as the warehouse runs it: one query per table, in plan order. */
record WarehouseSql(List<WarehouseTable> tables, List<String> setup) {

  WarehouseSql {
    tables = List.copyOf(tables);
    setup = List.copyOf(setup);
  }

  /** The whole plan (no batch), with Spark's default number of range slices. */
  static WarehouseSql compile(ResolvedPlan plan) {
    CompiledPlan c = SqlCompiler.compile(plan, new SqlOptions(null, 0));
    return new WarehouseSql(c.tables().stream().map(t -> new WarehouseTable(t.name(), t.rows(), t.select()))
        .toList(), c.setup());
  }
}
