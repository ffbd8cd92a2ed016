package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Vec;
import org.junit.jupiter.api.Test;

/** docs/expressions.md: names are matched ignoring case, a parent's table and column as a same-table column. */
class ParentRefCaseTest {

  @Test
  void aParentColumnWrittenInAnotherCaseReadsTheParentsValue() throws Exception {
    Plan p = DrafterTest.draft("""
        {"name": "pc", "tables": [{"name": "customers", "rows": 50, "columns": ["customer_id",
          {"name": "tier", "values": ["Free", "Pro"]}]},
         {"name": "orders", "rows": 300, "columns": ["order_id", {"name": "customer_id", "references": "customers"},
          {"name": "t", "strategy": "lookup", "via": "customer_id", "column": "tier"},
          {"name": "upper", "type": "string", "expr": "CUSTOMERS.Tier"},
          {"name": "mixed", "type": "string", "expr": "customers.TIER || ''"}]}]}
        """);
    ResolvedPlan r = Resolver.resolve(p);
    TableEvaluator e = TableEvaluator.range(r, r.table("orders"), 0, 300);
    Vec t = e.column("t");
    Vec upper = e.column("upper");
    Vec mixed = e.column("mixed");
    for (int i = 0; i < 300; i++) {
      assertEquals(String.valueOf(t.get(i)), String.valueOf(upper.get(i)), "row " + i);
      assertEquals(String.valueOf(t.get(i)), String.valueOf(mixed.get(i)), "row " + i);
    }
  }
}
