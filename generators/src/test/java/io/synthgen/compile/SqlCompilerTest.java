package io.synthgen.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the compiled SQL: frames, layers, layouts, outputs, determinism and refusals (no Spark here). */
class SqlCompilerTest {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "shape", "seed": 4, "reference_date": "2025-01-01", "tier": 1,
       "destination": {"kind": "local", "path": "out", "format": "parquet"},
       "tables": [
        {"name": "regions", "rows": 5, "primary_key": "region_id", "columns": [
          {"name": "region_id", "type": "int", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "label", "type": "string", "strategy": "constant", "value": "north"},
          {"name": "weight", "type": "bigint", "strategy": "sequence", "start": 1, "step": 2}]},
        {"name": "customers", "rows": 50, "primary_key": "customer_id", "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "region_id", "type": "int", "strategy": "foreign_key", "references": "regions.region_id",
           "distribution": {"type": "weighted", "by": "weight"}},
          {"name": "region_label", "type": "string", "strategy": "lookup", "via": "region_id", "column": "label",
           "omit": true},
          {"name": "orders", "type": "bigint", "strategy": "child_aggregate", "table": "orders",
           "function": "count"},
          {"name": "spent", "type": "bigint", "strategy": "child_aggregate", "table": "orders",
           "function": "sum", "column": "amount"}]},
        {"name": "orders", "rows": 100, "per_parent": {"table": "customers",
           "count": {"distribution": {"type": "uniform", "min": 0, "max": 4}, "rounding": "floor"}},
         "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "parent", "references": "customers.customer_id"},
          {"name": "k", "type": "int", "strategy": "child_index", "start": 0},
          {"name": "amount", "type": "bigint", "strategy": "sequence", "start": 10, "step": 1, "null_rate": 0.5},
          {"name": "label", "type": "string", "strategy": "lookup", "via": "customer_id",
           "column": "region_label"}]}
       ]}
      """;

  private static ResolvedPlan resolve(String json) throws PlanException {
    return Resolver.resolve(PlanCodec.read(json));
  }

  @Test
  void theSamePlanGivesTheSameSql() throws PlanException {
    CompiledPlan a = SqlCompiler.compile(resolve(PLAN), SqlOptions.DEFAULT);
    CompiledPlan b = SqlCompiler.compile(resolve(PLAN), SqlOptions.DEFAULT);
    for (CompiledTable t : a.tables()) {
      assertEquals(t.select(), b.table(t.name()).select());
      assertEquals(t.selectWithRow(), b.table(t.name()).selectWithRow());
    }
    assertEquals(List.of("regions", "customers", "orders"), a.tables().stream().map(CompiledTable::name).toList());
    assertEquals(List.of(), a.setup());
    assertTrue(a.planJson().contains("\"name\": \"shape\"") || a.planJson().contains("\"name\":\"shape\""));
  }

  @Test
  void outputsAreThePlansColumnsWithHelpersHidden() throws PlanException {
    CompiledTable customers = SqlCompiler.compile(resolve(PLAN), SqlOptions.DEFAULT).table("customers");
    assertEquals(List.of("customer_id", "region_id", "orders", "spent"),
        customers.columns().stream().map(CompiledColumn::name).toList());
    assertEquals("INT", customers.columns().get(1).sparkType());
    assertTrue(customers.select().contains("\nSELECT `__f0__customer_id` AS `customer_id`, "), customers.select());
    assertTrue(customers.selectWithRow().contains("\nSELECT `__row`, `__f0__customer_id` AS `customer_id`, "));
    assertFalse(customers.select().contains("AS `region_label`"));
  }

  @Test
  void aLookupThroughTwoKeysRecomputesBothParentsInFramesWithoutAJoin() throws PlanException {
    String orders = SqlCompiler.compile(resolve(PLAN), SqlOptions.DEFAULT).table("orders").select();
    // orders -> customers (frame 1) -> regions (frame 2): each parent's row, then its column at that row
    int row1 = orders.indexOf("AS `__f1_row`");
    int row2 = orders.indexOf("AS `__f2_row`");
    int lookup = orders.indexOf("AS `__f1__region_label`");
    assertTrue(row1 > 0 && row2 > 0 && lookup > 0 && orders.contains("AS `__f2__label`"), orders);
    // each value sits in a layer above what it reads; the outer SELECTs (the upper layers) come first in the text
    assertTrue(lookup < row2 && row2 < row1, orders);
    assertFalse(orders.contains("JOIN (SELECT `__pp` AS"), "no aggregate join for a lookup");
  }

  @Test
  void aPerParentTableExplodesItsLayoutSummedByBlocks() throws PlanException {
    CompiledTable orders = SqlCompiler.compile(resolve(PLAN), SqlOptions.DEFAULT).table("orders");
    String sql = orders.select();
    assertTrue(sql.startsWith("WITH `__layout_2_b0_n` AS (SELECT id AS `__p`, GREATEST(0L, try_cast("), sql);
    assertTrue(sql.contains("PARTITION BY n.`__p` DIV 128L ORDER BY n.`__p`"), sql);
    assertTrue(sql.contains("explode(sequence(0L, `__n` - 1L))"), sql);
    assertTrue(orders.perParent());
  }

  @Test
  void aggregatesOfOneChildShareOneGroupedJoin() throws PlanException {
    String sql = SqlCompiler.compile(resolve(PLAN), SqlOptions.DEFAULT).table("customers").select();
    assertEquals(1, sql.split("GROUP BY `__pp`\\)", -1).length - 1, sql);
    assertTrue(sql.contains("SUM(`__v0`)"), sql);
  }

  @Test
  void aSliceStartsItsRangeAtItsFirstRow() throws PlanException {
    CompiledTable regions = SqlCompiler.compile(resolve(PLAN), new SqlOptions(null, 8)).table("regions");
    assertTrue(regions.select(2, 3).contains("FROM range(2, 5, 1, 8)"), regions.select(2, 3));
    assertThrows(IllegalArgumentException.class, () -> regions.select(4, 2));
    assertEquals(5, regions.rows());
  }

  @Test
  void aBatchOfAPlanWithoutSeriesIsRefused() throws PlanException {
    ResolvedPlan plan = resolve(PLAN);
    PlanException e = assertThrows(PlanException.class, () -> SqlCompiler.compile(plan, new SqlOptions(2L, 0)));
    assertEquals("series", e.violations().get(0).path());
  }

  @Test
  void aWeightedKeyOverMoreParentsThanTheSqlLimitIsRefused() throws PlanException {
    long parents = SqlLimits.MAX_WEIGHTED_PARENTS + 1;
    ResolvedPlan plan = resolve(PLAN.replace("\"rows\": 5,", "\"rows\": " + parents + ","));
    PlanException e = assertThrows(PlanException.class, () -> SqlCompiler.compile(plan, SqlOptions.DEFAULT));
    assertEquals("tables[1].columns[1].distribution", e.violations().get(0).path());
    assertTrue(e.violations().get(0).rule().contains("at most 100,000 parent rows"), e.violations().toString());
  }
}
