package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.template.Templates;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Revision operations: applied together or not at all, with every problem, and a diff that names each change. */
class RevisionsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());

  static Plan revise(Plan p, String ops) throws Exception {
    return Revisions.apply(p, JSON.readTree(ops), DICTS);
  }

  @Test
  void rowsOfTablesGeneratedPerParentFollowTheirParent() throws Exception {
    Plan before = Templates.load("retail");
    Plan after = revise(before, "[{\"op\": \"set_rows\", \"table\": \"transactions\", \"rows\": 100000}]");
    assertEquals(2 * before.table("line_items").orElseThrow().rows(), after.table("line_items").orElseThrow().rows());
    // set explicitly to a count the parents cannot make, rows of a per-parent table are refused with the number
    PlanException e = assertThrows(PlanException.class, () -> revise(before,
        "[{\"op\": \"set_rows\", \"table\": \"line_items\", \"rows\": 10000000}]"));
    assertEquals("tables[3].rows", e.violations().get(0).path(), e.violations()::toString);
    assertTrue(e.violations().get(0).fix().startsWith("set rows to 1"), e.violations()::toString);
  }

  @Test
  void appliesEveryKindOfOperationAndDiffsThem() throws Exception {
    Plan before = Templates.load("retail");
    Plan after = revise(before, """
        [{"op": "set_rows", "table": "customers", "rows": 20000},
         {"op": "drop_table", "table": "inventory"},
         {"op": "add_column", "table": "customers", "column": {"name": "discount_pct", "type": "double",
            "min": 0, "max": 0.3}, "after": "email"},
         {"op": "drop_column", "table": "customers", "column": "phone"},
         {"op": "set_weights", "table": "customers", "column": "loyalty_tier", "weights": [40, 30, 20, 10]},
         {"op": "set_null_rate", "table": "customers", "column": "city", "null_rate": 0.05},
         {"op": "set_distribution", "table": "transactions", "column": "customer_id",
            "distribution": {"type": "zipf", "exponent": 1.1}},
         {"op": "update_column", "table": "products", "column": "brand",
            "set": {"strategy": "dictionary", "dictionary": "brand"}},
         {"op": "add_table", "table": {"name": "returns", "rows": 500, "columns": ["return_id",
            {"name": "txn_id", "references": "transactions"}, "reason", "created_at"]}},
         {"op": "set_seed", "seed": 7},
         {"op": "set_destination", "destination": {"kind": "local", "path": "retail2", "format": "csv",
            "compression": "none"}}]
        """);
    assertEquals(20000, after.table("customers").orElseThrow().rows());
    assertTrue(after.table("inventory").isEmpty());
    assertEquals("discount_pct", after.table("customers").orElseThrow().columns().get(4).name());
    assertEquals(new ColumnGen.Dictionary("brand"), after.table("products").orElseThrow().column("brand")
        .orElseThrow().gen());
    assertEquals(7, after.seed());
    assertEquals(Destination.Format.CSV, after.destination().format());
    assertTrue(after.table("returns").orElseThrow().column("txn_id").orElseThrow().gen()
        instanceof ColumnGen.ForeignKey);
    List<String> diff = PlanDiff.lines(before, after);
    String all = String.join("\n", diff);
    for (String expected : List.of("seed: 42 → 7", "~ customers.rows: 10000 → 20000", "- table inventory",
        "+ table returns (500 rows, 4 columns)", "+ column customers.discount_pct (double, uniform)",
        "- column customers.phone", "~ customers.loyalty_tier weights: [50,30,15,5] → [40,30,20,10]",
        "~ customers.city null_rate: (none) → 0.05")) {
      assertTrue(diff.contains(expected), "diff has '" + expected + "':\n" + all);
    }
  }

  @Test
  void nothingChangesWhenAnyOperationIsWrongAndEveryProblemIsReported() throws Exception {
    Plan before = Templates.load("retail");
    PlanException e = assertThrows(PlanException.class, () -> revise(before, """
        [{"op": "set_rows", "table": "customers", "rows": 20000},
         {"op": "drop_column", "table": "customers", "column": "custmer_id"},
         {"op": "set_weights", "table": "customers", "column": "loyalty_tier", "weights": [1, 2]},
         {"op": "frobnicate"},
         {"op": "set_null_rate", "table": "shops", "column": "x", "null_rate": 0.1}]
        """));
    List<String> paths = e.violations().stream().map(Violation::path).collect(Collectors.toList());
    assertTrue(paths.contains("operations[1].column"), e.getMessage());
    assertTrue(e.violations().stream().anyMatch(v -> v.fix() != null && v.fix().contains("customer_id")));
    assertTrue(paths.contains("operations[3].op"), e.getMessage());
    assertTrue(paths.contains("operations[4].table"), e.getMessage());
    // the plan given is unchanged: it is immutable, and no revised plan came back
    assertEquals(10000, before.table("customers").orElseThrow().rows());
  }

  @Test
  void problemsOfTheRevisedPlanAreReportedWithPlanPaths() throws Exception {
    Plan before = Templates.load("retail");
    PlanException e = assertThrows(PlanException.class, () -> revise(before, """
        [{"op": "set_weights", "table": "customers", "column": "loyalty_tier", "weights": [1, 2]},
         {"op": "drop_table", "table": "products"}]
        """));
    String msg = e.getMessage();
    assertTrue(msg.contains("weights"), msg);
    assertTrue(msg.contains("products"), msg);
    assertFalse(e.violations().isEmpty());
  }
}
