package io.synthgen.draft.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.draft.Drafter;
import io.synthgen.draft.PlanRenderer;
import io.synthgen.draft.Tiers;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shop, drafted from names alone: what inference makes of it reads the context, and the rendered plan,
 * which is what the person sees, shows every note saying what was inferred and why.
 */
class InferenceNotesTest {

  static final String SHOP = """
      {"name": "shop", "description": "an online shop",
       "tables": [
        {"name": "customers", "rows": 500, "columns": ["customer_id", "first_name", "last_name", "email",
          "membership", "created_at", "updated_at", "is_active"]},
        {"name": "products", "rows": 100, "columns": ["product_id", "name", "brand", "category", "unit_price",
          "sku"]},
        {"name": "orders", "rows": 1000, "columns": ["order_id", "customer_id", "status", "order_date",
          "shipped_at", "discount_pct"]},
        {"name": "line_items", "rows": 3000, "columns": ["line_item_id", "order_id", "product_id", "quantity",
          "unit_price"]}]}
      """;

  static Plan plan() throws Exception {
    JsonNode tree = Drafter.draft(Corpus.JSON.readTree(SHOP), Corpus.TODAY, 42);
    return PlanCodec.fromJson(tree, InferenceCorpusTest.DICTS);
  }

  @Test
  void theShopIsInferredFromItsContext() throws Exception {
    Plan p = plan();
    Table products = p.table("products").orElseThrow();
    assertEquals(new ColumnGen.Dictionary("product_name"), products.column("name").orElseThrow().gen());
    assertEquals(new ColumnGen.Dictionary("brand_name"), products.column("brand").orElseThrow().gen());
    Table orders = p.table("orders").orElseThrow();
    assertEquals("decimal(5,2)", orders.column("discount_pct").orElseThrow().type().toString());
    assertTrue(orders.column("customer_id").orElseThrow().gen() instanceof ColumnGen.ForeignKey);
    assertTrue(orders.column("shipped_at").orElseThrow().gen() instanceof ColumnGen.Expression e
        && e.expr().contains("order_date"));
    ColumnGen.Values membership = (ColumnGen.Values) p.table("customers").orElseThrow().column("membership")
        .orElseThrow().gen();
    assertEquals(4, membership.values().size());
    // no hidden helper was needed for the membership
    assertTrue(p.table("customers").orElseThrow().columns().stream().noneMatch(c -> c.omit()));
  }

  @Test
  void theRenderedPlanShowsWhatWasInferredAndWhy() throws Exception {
    Plan p = plan();
    Tiers.Decision d = Tiers.decide(4_600, p.destination(), 0);
    String md = PlanRenderer.markdown(p, new PlanRenderer.Context("pln_x", 1, d, "synthgen local engine",
        "output/shop", Map.of()));
    for (String note : new String[] {
        "money: lognormal decimal(10,2), median 25, 0.01–5,000, from the name 'unit_price' in table 'products'",
        "lookup: products.unit_price through product_id, from the name 'unit_price' in table 'line_items'",
        "product name: dictionary product_name, from the name 'name' in table 'products'",
        "percentage: beta(2, 8) over 0–100, decimal(5,2), from the name 'discount_pct' in table 'orders'",
        "from the name 'status' in table 'orders'", "from the name 'membership' in table 'customers'",
        "date/time: timestamp after created_at", "foreign key to customers.customer_id"}) {
      assertTrue(md.contains(note), "the rendered plan shows '" + note + "':\n" + md);
    }
    for (Table t : p.tables()) {
      t.columns().forEach(c -> assertTrue(c.note() != null && !c.note().isEmpty(), t.name() + "." + c.name()));
    }
  }
}
