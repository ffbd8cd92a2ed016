package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.validate.ExpectedRows;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's own tables with every field of the plan: line items per order, an order total that sums them. */
class OwnTablesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  @TempDir
  Path dir;

  static ObjectNode lineItems() throws Exception {
    try (InputStream in = OwnTablesTest.class.getResourceAsStream("/draft/line-items.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  static Plan plan(JsonNode request) throws PlanException {
    return Drafter.plan(request, TODAY, 42, DICTS);
  }

  @Test
  void theLineItemsRequestIsOneDescription() throws Exception {
    Plan p = plan(lineItems());
    assertEquals(List.of("customers", "orders", "line_items"), p.tables().stream().map(Table::name).toList());
    Table items = p.table("line_items").orElseThrow();
    assertEquals("orders", items.perParent().table());
    // rows left out: the parents' rows times the count's mean, which is what the plan's rows rule asks
    assertEquals(ExpectedRows.of(p).get("line_items"), items.rows());
    assertTrue(items.rows() > 40_000 && items.rows() < 50_000, "about 3 lines per order: " + items.rows());
    assertEquals(new ColumnGen.Parent("orders.order_id"), items.column("order_id").orElseThrow().gen());
    assertEquals("line_item_id", items.primaryKey());
    assertEquals("bigint", items.column("order_id").orElseThrow().type().toString());
    var total = p.table("orders").orElseThrow().column("total_amount").orElseThrow();
    assertEquals(new ColumnGen.ChildAggregate("line_items", "sum", "line_total"), total.gen());
    assertEquals("decimal(18,2)", total.type().toString(), "a sum of decimal(12,2) has room for many lines");
  }

  @Test
  void totalsAreTheSumOfTheirLinesAndBiggerMembershipsOrderMore() throws Exception {
    Plan p = plan(lineItems());
    Runs.generate(Resolver.resolve(p), dir, WriterOptions.parquetZstd(), new Engine(2, 8192), Progress.NONE,
        new Cancellation());
    try (Duck duck = new Duck()) {
      duck.parquetViews(dir, "customers", "orders", "line_items");
      assertEquals(15_000, duck.count("SELECT count(*) FROM orders"));
      assertEquals(0, duck.count("SELECT count(*) FROM orders o LEFT JOIN (SELECT order_id, "
          + "sum(quantity * unit_price) s FROM line_items GROUP BY order_id) l USING (order_id) "
          + "WHERE l.s IS NULL OR o.total_amount <> l.s"), "every order's total is the sum of its lines");
      assertEquals(0, duck.count("SELECT count(*) FROM line_items WHERE line_total <> quantity * unit_price"));
      assertEquals(0, duck.count("SELECT count(*) FROM line_items l ANTI JOIN orders o USING (order_id)"));
      assertEquals(0, duck.count("SELECT count(*) FROM orders o ANTI JOIN customers c USING (customer_id)"));
      List<List<String>> per = duck.rows("SELECT membership, count(o.order_id) / count(DISTINCT c.customer_id) "
          + "FROM customers c LEFT JOIN orders o USING (customer_id) GROUP BY membership ORDER BY 2");
      assertEquals(List.of("Free", "Pro", "Enterprise"), per.stream().map(r -> r.get(0)).toList(), per::toString);
    }
  }

  @Test
  void thePlanFormatDocShowsThisRequest() throws Exception {
    String doc = java.nio.file.Files.readString(io.synthgen.docs.DocFiles.root().resolve("docs/plan-format.md"));
    int section = doc.indexOf("\n## Described tables and revisions\n");
    assertTrue(section > 0, "a section on described tables");
    int start = doc.indexOf("```json\n", section) + "```json\n".length();
    assertEquals(lineItems(), JSON.readTree(doc.substring(start, doc.indexOf("```", start))));
  }

  @Test
  void perParentRowsThatTheParentsCannotMakeAreRefusedWithTheNumber() throws Exception {
    ObjectNode r = lineItems();
    ((ObjectNode) r.get("tables").get(2)).put("rows", 1000);
    PlanException e = assertThrows(PlanException.class, () -> plan(r));
    assertEquals("tables[2].rows", e.violations().get(0).path(), e.violations()::toString);
    assertTrue(e.violations().get(0).fix().startsWith("set rows to "), e.violations()::toString);
  }

  @Test
  void everyProblemOfTheDescriptionAndOfItsPlanAtOnce() throws Exception {
    ObjectNode r = lineItems();
    ObjectNode customers = (ObjectNode) r.get("tables").get(0);
    customers.put("rowz", 5); // 1: the description's own
    customers.withArray("columns").set(3, JSON.readTree(
        "{\"name\": \"membership\", \"values\": [\"Free\", \"Pro\", \"Enterprise\"], \"weights\": [60, 30]}"));
    ObjectNode orders = (ObjectNode) r.get("tables").get(1);
    orders.withArray("columns").add(JSON.readTree(
        "{\"name\": \"discount\", \"strategy\": \"uniform\", \"min\": 5, \"max\": 1}")); // 3: the plan's
    ObjectNode items = (ObjectNode) r.get("tables").get(2);
    ((ObjectNode) items.get("per_parent").get("count")).put("rounding", "up"); // 4: the plan's decoding
    ((ObjectNode) items.withArray("columns").get(4)).put("expr", "quantity * unit_prize"); // 5: resolution's
    PlanException e = assertThrows(PlanException.class, () -> plan(r));
    List<String> paths = e.violations().stream().map(v -> v.path()).toList();
    assertEquals(List.of("tables[0].columns[3].weights", "tables[0].rowz", "tables[1].columns[4].min",
        "tables[2].columns[4].expr", "tables[2].per_parent.count.rounding"), paths.stream().sorted().toList(),
        e.violations()::toString);
  }
}
