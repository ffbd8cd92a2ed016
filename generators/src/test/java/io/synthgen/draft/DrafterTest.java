package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.Preview;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Batch;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans drafted from described tables: inferred strategies, weighted keys, and every problem at once. */
class DrafterTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  /** The issue's example: customers with tiers, orders whose Enterprise customers order more. */
  static final String SHOP = """
      {"name": "shop", "tables": [
        {"name": "customers", "rows": 5000, "columns": ["customer_id", "name", "email",
          {"name": "tier", "values": ["Free", "Pro", "Enterprise"], "weights": [60, 30, 10]}, "region"]},
        {"name": "orders", "rows": 15000, "columns": ["order_id",
          {"name": "customer_id", "references": "customers",
           "weighted_by": {"column": "tier", "weights": {"Enterprise": 5, "Pro": 2, "Free": 1}}},
          "amount", "order_date", "status"]}]}
      """;

  static Plan draft(String json) throws Exception {
    JsonNode tree = Drafter.draft(JSON.readTree(json), TODAY, 42);
    return PlanCodec.fromJson(tree, new HashSet<>(Dictionaries.standard().names()));
  }

  @Test
  void skewWeightsForValuesTheColumnDoesNotHaveAreRefused() {
    // before, the weights of 'free' and 'Zed' matched no row and the skew silently did nothing
    PlanException e = assertThrows(PlanException.class, () -> draft(SHOP.replace(
        "{\"Enterprise\": 5, \"Pro\": 2, \"Free\": 1}", "{\"Enterprise\": 5, \"free\": 1, \"Zed\": 2}")));
    assertEquals(2, e.violations().size(), e.violations().toString());
    assertEquals("tables[1].columns[1].weighted_by.weights.free", e.violations().get(0).path());
    assertTrue(e.violations().get(0).fix().contains("did you mean 'Free'"), e.violations().toString());
    assertTrue(e.violations().get(1).rule().contains("'Zed' is not a value of customers.tier"),
        e.violations().toString());
  }

  @Test
  void infersStrategiesFromNamesAndHints() throws Exception {
    Plan p = draft(SHOP);
    Table customers = p.table("customers").orElseThrow();
    Table orders = p.table("orders").orElseThrow();
    assertEquals("customer_id", customers.primaryKey());
    assertEquals("order_id", orders.primaryKey());
    assertTrue(gen(customers, "customer_id") instanceof ColumnGen.Sequence);
    assertEquals(new ColumnGen.Dictionary("full_name"), gen(customers, "name"));
    assertTrue(((ColumnGen.Expression) gen(customers, "email")).expr().contains("name"));
    assertTrue(gen(customers, "region") instanceof ColumnGen.Values);
    assertTrue(gen(orders, "amount") instanceof ColumnGen.Dist);
    assertEquals("decimal(12,2)", orders.column("amount").orElseThrow().type().toString());
    ColumnGen.DateRange d = (ColumnGen.DateRange) gen(orders, "order_date");
    assertEquals("ref-180d", d.start());
    assertEquals(TODAY, p.referenceDate());
    ColumnGen.ForeignKey fk = (ColumnGen.ForeignKey) gen(orders, "customer_id");
    assertEquals("customers.customer_id", fk.references());
    assertEquals(new FkDistribution.Weighted("tier_weight"), fk.distribution());
    Column helper = customers.column("tier_weight").orElseThrow();
    assertTrue(helper.omit());
  }

  @Test
  void enterpriseCustomersOrderMore() throws Exception {
    ResolvedPlan r = Resolver.resolve(draft(SHOP));
    // a sample as large as the tables holds every row
    Map<String, Batch> all = Preview.generate(r, 20_000);
    Batch customers = all.get("customers");
    Batch orders = all.get("orders");
    assertEquals(15_000, orders.size());
    Map<Object, String> tierOf = new HashMap<>();
    Map<String, Integer> customersPerTier = new HashMap<>();
    for (int i = 0; i < customers.size(); i++) {
      String tier = (String) customers.vector("tier").get(i);
      tierOf.put(customers.vector("customer_id").get(i), tier);
      customersPerTier.merge(tier, 1, Integer::sum);
    }
    Map<String, Integer> ordersPerTier = new HashMap<>();
    for (int i = 0; i < orders.size(); i++) {
      ordersPerTier.merge(tierOf.get(orders.vector("customer_id").get(i)), 1, Integer::sum);
    }
    double free = (double) ordersPerTier.get("Free") / customersPerTier.get("Free");
    double enterprise = (double) ordersPerTier.get("Enterprise") / customersPerTier.get("Enterprise");
    // weights 5 : 1, so about five times as many orders per customer
    assertTrue(enterprise / free > 4 && enterprise / free < 6, "enterprise/free orders per customer "
        + enterprise / free);
  }

  @Test
  void aColumnWithAStrategyIsTakenAsWritten() throws Exception {
    Plan p = draft("""
        {"tables": [{"name": "t", "rows": 10, "columns": ["id",
          {"name": "code", "type": "string", "strategy": "pattern", "pattern": "AB-##"}]}]}
        """);
    assertEquals(new ColumnGen.Pattern("AB-##"), gen(p.table("t").orElseThrow(), "code"));
  }

  @Test
  void reportsEveryProblemOfTheDescriptionAtOnce() {
    PlanException e = assertThrows(PlanException.class, () -> draft("""
        {"tables": [
          {"name": "orders", "rows": -5, "colour": "red",
           "columns": ["order_id", {"name": "customer_id", "references": "clients"},
                       {"name": "tier", "values": []}, {"name": "x", "typ": "int"}]}]}
        """));
    Map<String, Violation> byPath = new HashMap<>();
    e.violations().forEach(v -> byPath.put(v.path(), v));
    assertTrue(byPath.containsKey("tables[0].rows"), e.getMessage());
    assertTrue(byPath.containsKey("tables[0].colour"), e.getMessage());
    assertTrue(byPath.containsKey("tables[0].columns[1].references"), e.getMessage());
    assertTrue(byPath.get("tables[0].columns[1].references").fix().contains("orders"));
    assertTrue(byPath.containsKey("tables[0].columns[2].values"), e.getMessage());
    assertTrue(byPath.containsKey("tables[0].columns[3].typ"), e.getMessage());
  }

  @Test
  void singularOfTableNames() {
    assertEquals("customer", Drafter.singular("customers"));
    assertEquals("category", Drafter.singular("categories"));
    assertEquals("address", Drafter.singular("addresses"));
    assertEquals("status", Drafter.singular("status"));
  }

  private static ColumnGen gen(Table t, String column) {
    return t.column(column).orElseThrow(() -> new AssertionError("no column " + column)).gen();
  }
}
