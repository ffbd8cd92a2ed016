package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.resolve.Resolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rename_table and rename_column: every reference follows, and only references. */
class RenamesTest {

  /** The line-items plan with a lookup, a parent-qualified expression and decoys that must not change. */
  static Plan shop() throws Exception {
    ObjectNode r = OwnTablesTest.lineItems();
    ArrayNode orders = ((ObjectNode) r.get("tables").get(1)).withArray("columns");
    orders.add(RevisionsTest.JSON.readTree("{\"name\": \"customer_membership\", \"strategy\": \"lookup\", "
        + "\"via\": \"customer_id\", \"column\": \"membership\"}"));
    orders.add(RevisionsTest.JSON.readTree("{\"name\": \"label\", \"type\": \"string\", \"strategy\": "
        + "\"expression\", \"expr\": \"CASE WHEN customers.membership = 'Enterprise' THEN 'customers.membership' "
        + "ELSE 'orders' END\", \"note\": \"from customers.membership, as customers see it\"}"));
    ArrayNode items = ((ObjectNode) r.get("tables").get(2)).withArray("columns");
    items.add(RevisionsTest.JSON.readTree("{\"name\": \"quantity_band\", \"type\": \"bigint\", \"strategy\": "
        + "\"expression\", \"expr\": \"quantity / 5\"}"));
    items.add(RevisionsTest.JSON.readTree("{\"name\": \"note_text\", \"type\": \"string\", \"strategy\": "
        + "\"expression\", \"expr\": \"'quantity ' || CAST(quantity_band AS STRING)\"}"));
    return OwnTablesTest.plan(r);
  }

  static Column col(Plan p, String table, String column) {
    return p.table(table).orElseThrow().column(column).orElseThrow();
  }

  @Test
  void renamingATableCarriesItsReferences() throws Exception {
    Plan p = RevisionsTest.revise(shop(), """
        [{"op": "rename_table", "table": "orders", "to": "purchases"},
         {"op": "rename_table", "table": "line_items", "to": "purchase_lines"},
         {"op": "rename_table", "table": "customers", "to": "clients"}]""");
    assertEquals(List.of("clients", "purchases", "purchase_lines"), p.tables().stream().map(Table::name).toList());
    assertEquals("clients", p.mainTable());
    Table lines = p.table("purchase_lines").orElseThrow();
    assertEquals("purchases", lines.perParent().table());
    assertEquals(new ColumnGen.Parent("purchases.order_id"), col(p, "purchase_lines", "order_id").gen());
    assertEquals(new ColumnGen.ChildAggregate("purchase_lines", "sum", "line_total"),
        col(p, "purchases", "total_amount").gen());
    ColumnGen.ForeignKey fk = (ColumnGen.ForeignKey) col(p, "purchases", "customer_id").gen();
    assertEquals("clients.customer_id", fk.references());
    // the qualified reference follows; the string literals that spell the same text do not
    assertEquals(new ColumnGen.Expression("CASE WHEN clients.membership = 'Enterprise' THEN 'customers.membership' "
        + "ELSE 'orders' END"), col(p, "purchases", "label").gen());
    assertEquals("from clients.membership, as customers see it", col(p, "purchases", "label").note());
    Resolver.resolve(p);
  }

  @Test
  void renamingAColumnCarriesItsReferences() throws Exception {
    Plan p = RevisionsTest.revise(shop(), """
        [{"op": "rename_column", "table": "line_items", "column": "quantity", "to": "qty"},
         {"op": "rename_column", "table": "line_items", "column": "line_total", "to": "amount"},
         {"op": "rename_column", "table": "orders", "column": "order_id", "to": "id"},
         {"op": "rename_column", "table": "customers", "column": "membership", "to": "tier"},
         {"op": "rename_column", "table": "orders", "column": "customer_id", "to": "buyer_id"}]""");
    assertEquals(new ColumnGen.Expression("qty * unit_price"), col(p, "line_items", "amount").gen());
    assertEquals(new ColumnGen.Expression("qty / 5"), col(p, "line_items", "quantity_band").gen());
    assertEquals(new ColumnGen.Expression("'quantity ' || CAST(quantity_band AS STRING)"),
        col(p, "line_items", "note_text").gen(), "a literal and a longer name that contain the old one stay");
    assertEquals(new ColumnGen.ChildAggregate("line_items", "sum", "amount"), col(p, "orders", "total_amount").gen());
    assertEquals("id", p.table("orders").orElseThrow().primaryKey());
    assertEquals(new ColumnGen.Parent("orders.id"), col(p, "line_items", "order_id").gen());
    assertEquals(new ColumnGen.Lookup("buyer_id", "tier"), col(p, "orders", "customer_membership").gen());
    assertEquals(new ColumnGen.Expression("CASE WHEN customers.tier = 'Enterprise' THEN 'customers.membership' "
        + "ELSE 'orders' END"), col(p, "orders", "label").gen());
    assertEquals("from customers.tier, as customers see it", col(p, "orders", "label").note());
    // the hidden weight of the skewed key reads the renamed category
    FkDistribution.Weighted w = (FkDistribution.Weighted) ((ColumnGen.ForeignKey) col(p, "orders", "buyer_id")
        .gen()).distribution();
    assertEquals(new ColumnGen.Expression("CASE tier WHEN 'Free' THEN 1.0 WHEN 'Pro' THEN 2.0 WHEN 'Enterprise' "
        + "THEN 5.0 ELSE 1.0 END"), col(p, "customers", w.by()).gen());
    Resolver.resolve(p);
  }

  @Test
  void theDiffNamesTheRenames() throws Exception {
    Plan before = shop();
    Plan after = RevisionsTest.revise(before, """
        [{"op": "rename_table", "table": "orders", "to": "purchases"},
         {"op": "rename_column", "table": "purchases", "column": "order_id", "to": "purchase_id"},
         {"op": "rename_column", "table": "line_items", "column": "quantity", "to": "qty"}]""");
    List<String> diff = PlanDiff.lines(before, after);
    for (String line : List.of("~ table orders renamed to purchases", "~ column purchases.order_id renamed to "
        + "purchase_id", "~ column line_items.quantity renamed to qty", "~ purchases.primary_key: order_id → "
        + "purchase_id", "~ line_items.order_id references: orders.order_id → purchases.purchase_id")) {
      assertTrue(diff.contains(line), line + " in " + diff);
    }
  }

  @Test
  void collisionsAndBadNamesAreRefusedAllAtOnce() throws Exception {
    Plan before = shop();
    PlanException e = assertThrows(PlanException.class, () -> RevisionsTest.revise(before, """
        [{"op": "rename_table", "table": "orders", "to": "Customers"},
         {"op": "rename_table", "table": "orders", "to": "2024_orders"},
         {"op": "rename_column", "table": "orders", "column": "order_date", "to": "ORDER_ID"},
         {"op": "rename_column", "table": "orders", "column": "order_date", "to": "order_date"},
         {"op": "rename_column", "table": "orders", "column": "order_date"},
         {"op": "rename_table", "table": "ordres", "to": "purchases"}]"""));
    assertEquals(List.of("operations[0].to", "operations[1].to", "operations[2].to", "operations[3].to",
        "operations[4].to", "operations[5].table"), e.violations().stream().map(Violation::path).toList(),
        e.violations()::toString);
    assertEquals("the plan already has a table customers", e.violations().get(0).rule());
    assertEquals("use e.g. \"_2024_orders\"", e.violations().get(1).fix());
  }
}
