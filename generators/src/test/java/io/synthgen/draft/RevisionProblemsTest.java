package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A revision with several independent mistakes reports all of them in one answer: those of its operations and
 * those of the plan the other operations make, expressions included, and changes nothing.
 */
class RevisionProblemsTest {

  @Test
  void fiveIndependentMistakesAreFiveViolations() throws Exception {
    Plan before = RenamesTest.shop();
    PlanException e = assertThrows(PlanException.class, () -> RevisionsTest.revise(before, """
        [{"op": "set_rows", "table": "custmers", "rows": 10},
         {"op": "rename_column", "table": "orders", "column": "order_date", "to": "order date"},
         {"op": "set_null_rate", "table": "customers", "column": "email", "null_rate": 1.5},
         {"op": "set_weights", "table": "customers", "column": "membership", "weights": [1, 2]},
         {"op": "update_column", "table": "line_items", "column": "line_total",
          "set": {"expr": "quantity * unit_prize"}},
         {"op": "set_rows", "table": "orders", "rows": 20000}]"""));
    List<String> paths = e.violations().stream().map(Violation::path).toList();
    assertEquals(List.of("operations[0].table", "operations[1].to", "tables[0].columns[2].null_rate",
        "tables[0].columns[3].weights", "tables[2].columns[4].expr"), paths, e.violations()::toString);
    assertEquals("unknown column 'unit_prize'; did you mean 'unit_price'? columns are: line_item_id, order_id, "
        + "quantity, unit_price, line_total, quantity_band, note_text", e.violations().get(4).rule());
  }

  @Test
  void aBadOperationIsLeftOutWholeAndTheOthersAreChecked() throws Exception {
    Plan before = RenamesTest.shop();
    // the first operation is left out, so the second adds its column without a clash, and the plan's check finds
    // the second's own mistake
    PlanException e = assertThrows(PlanException.class, () -> RevisionsTest.revise(before, """
        [{"op": "add_column", "table": "orders", "column": {"name": "coupon", "values": ["A", "B"]},
          "after": "nowhere"},
         {"op": "add_column", "table": "orders", "column": {"name": "coupon", "values": ["A", "B"],
          "weights": [1]}}]"""));
    assertEquals(List.of("operations[0].after", "tables[1].columns[6].weights"),
        e.violations().stream().map(Violation::path).toList(), e.violations()::toString);
  }

  @Test
  void anOperationThatFailsHalfWayLeavesNothingBehind() throws Exception {
    // set_weights on a column that is not a values column, without values: refused, and the column it had begun
    // to change is as it was (else the plan would report a values column without values as well)
    PlanException e = assertThrows(PlanException.class, () -> RevisionsTest.revise(RenamesTest.shop(), """
        [{"op": "set_weights", "table": "customers", "column": "email", "weights": [1, 2]}]"""));
    assertEquals(List.of("operations[0].values"), e.violations().stream().map(Violation::path).toList(),
        e.violations()::toString);
  }

  @Test
  void aRevisionHoldsABoundedNumberOfOperations() throws Exception {
    StringBuilder ops = new StringBuilder("[");
    for (int i = 0; i <= Revisions.MAX_OPERATIONS; i++) {
      ops.append(i == 0 ? "" : ",").append("{\"op\": \"set_seed\", \"seed\": ").append(i).append('}');
    }
    PlanException e = assertThrows(PlanException.class, () -> RevisionsTest.revise(RenamesTest.shop(),
        ops.append(']').toString()));
    assertEquals("operations", e.violations().get(0).path());
    assertEquals("a revision holds at most " + Revisions.MAX_OPERATIONS + " operations", e.violations().get(0).rule());
  }

  @Test
  void updateColumnTakesAReferenceToATable() throws Exception {
    Plan p = RevisionsTest.revise(RenamesTest.shop(), """
        [{"op": "add_column", "table": "line_items", "column": {"name": "buyer_id", "strategy": "foreign_key",
           "references": "customers.customer_id"}},
         {"op": "update_column", "table": "line_items", "column": "buyer_id", "set": {"references": "orders"}}]""");
    assertEquals("orders.order_id", ((io.synthgen.plan.ColumnGen.ForeignKey) p.table("line_items").orElseThrow()
        .column("buyer_id").orElseThrow().gen()).references());
  }

  @Test
  void addTableTakesPerParentAndComputesItsRows() throws Exception {
    Plan p = RevisionsTest.revise(RenamesTest.shop(), """
        [{"op": "add_table", "table": {"name": "shipments", "per_parent": {"table": "orders",
           "count": {"distribution": {"type": "poisson", "lambda": 1}, "max": 3}},
           "columns": ["shipment_id", "order_id", {"name": "shipped_at", "start": "ref-30d", "end": "ref"},
             {"name": "position", "strategy": "child_index", "start": 1}]}},
         {"op": "add_column", "table": "orders", "column": {"name": "shipments", "strategy": "child_aggregate",
           "table": "shipments", "function": "count"}}]""");
    var t = p.table("shipments").orElseThrow();
    assertEquals(io.synthgen.plan.validate.ExpectedRows.of(p).get("shipments"), t.rows());
    assertEquals("orders.order_id", ((io.synthgen.plan.ColumnGen.Parent) t.column("order_id").orElseThrow().gen())
        .references());
    assertEquals("bigint", t.column("position").orElseThrow().type().toString());
    io.synthgen.resolve.Resolver.resolve(p);
  }
}
