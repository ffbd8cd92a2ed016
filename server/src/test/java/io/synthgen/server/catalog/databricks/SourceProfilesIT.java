package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.ForeignKeyCandidate;
import io.synthgen.profile.SourceProfile;
import io.synthgen.profile.TableProfile;
import io.synthgen.profile.ValueCount;
import io.synthgen.profile.planner.PlanOptions;
import io.synthgen.profile.planner.ProfilePlanner;
import io.synthgen.resolve.Resolver;
import io.synthgen.server.catalog.SourceProfiles;
import io.synthgen.server.catalog.Warehouse;
import io.synthgen.server.source.PlanSources;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unity Catalog tables profiled through the real SDK against the stand-in, whose Spark runs every statement the
 * profiler sends: two Delta tables of known data, their profile, and the plan made from it.
 */
class SourceProfilesIT {

  static final String WAREHOUSE = "wh1";
  static final int ORDERS = 5_000;

  private static WorkspaceStandIn standIn;
  private static DatabricksWorkspace ws;
  private static SourceProfile profile;

  @BeforeAll
  static void tables() throws Exception {
    standIn = WorkspaceStandIn.start().addCatalog("demo").addWarehouse(WAREHOUSE, "Serverless", "RUNNING", true);
    ws = DatabricksWorkspace.connect(standIn.sdkConfig());
    ws.createSchema("demo", "shop", "profiled");
    sql("CREATE TABLE `demo`.`shop`.`customers` USING DELTA AS SELECT id + 1 AS customer_id, "
        + "concat('Customer ', CAST(id AS STRING)) AS full_name FROM range(500)");
    sql("CREATE TABLE `demo`.`shop`.`orders` USING DELTA AS SELECT "
        + "id + 1 AS order_id, "
        + "(id % 500) + 1 AS customer_id, "
        + "CASE WHEN id = 17 THEN 'Secret' WHEN id % 10 < 6 THEN 'Free' WHEN id % 10 < 9 THEN 'Pro' "
        + "ELSE 'Enterprise' END AS tier, "
        + "100 + 15 * randn(7) AS amount, "
        + "CASE WHEN id % 20 = 0 THEN NULL ELSE CAST(exp(3 + 0.5 * randn(8)) AS DECIMAL(10,2)) END AS price, "
        + "concat('SKU-', lpad(CAST(id AS STRING), 5, '0')) AS sku, "
        + "timestamp_seconds(1704067200 + id * 3600) AS placed_at, "
        + "date_add(DATE'2024-01-01', CAST(id % 366 AS INT)) AS placed_on, "
        + "id % 5 <> 0 AS active, "
        + "CAST(id % 7 AS INT) AS quantity "
        + "FROM range(" + ORDERS + ")");
    sql("ALTER TABLE `demo`.`shop`.`orders` ALTER COLUMN `tier` COMMENT 'Membership level'");
    Warehouse warehouse = SourceProfiles.warehouse(ws, null);
    assertEquals(WAREHOUSE, warehouse.id());
    profile = SourceProfiles.profile(ws, warehouse, new SourceProfiles.Request("demo.shop.orders",
        List.of("customers")), "source", 10, (t, c) -> false, new Cancellation());
  }

  static void sql(String statement) {
    ws.execute(WAREHOUSE, statement, new Cancellation());
  }

  @AfterAll
  static void stop() {
    if (ws != null) {
      ws.close();
    }
    standIn.close();
  }

  static ColumnProfile column(String table, String name) {
    TableProfile t = profile.tables().stream().filter(x -> x.name().equals(table)).findFirst().orElseThrow();
    return t.column(name).orElseThrow();
  }

  @Test
  void countsKeysAndForeignKeys() {
    assertEquals(List.of("orders", "customers"), profile.tables().stream().map(TableProfile::name).toList());
    TableProfile orders = profile.tables().get(0);
    assertEquals(ORDERS, orders.rows());
    assertEquals("demo.shop.orders", orders.location());
    assertEquals("table", orders.format());
    assertEquals("order_id", orders.keys().get(0).column(), orders.keys().toString());
    assertTrue(orders.keys().get(0).exact());
    assertEquals(List.of(new ForeignKeyCandidate("orders", "customer_id", "customers", "customer_id", "sql", 500)),
        profile.foreignKeys());
    ColumnProfile price = column("orders", "price");
    assertEquals(ORDERS / 20, price.nulls());
    assertEquals(0.05, price.nullRate(), 1e-12);
    assertTrue(profile.notes().contains("orders.tier: comment \"Membership level\""), profile.notes().toString());
  }

  @Test
  void categoriesKeepOnlyValuesHeldByAtLeastKRows() {
    ColumnProfile tier = column("orders", "tier");
    assertEquals(4, tier.distinct().count());
    assertEquals("sql", tier.distinct().method());
    assertTrue(tier.topValuesExact());
    assertEquals(List.of(new ValueCount("Free", 3000), new ValueCount("Pro", 1499), new ValueCount("Enterprise", 500)),
        tier.topValues().subList(0, 3));
    assertEquals(new ValueCount(null, 1), tier.topValues().get(3), "the warehouse withheld the value of one row");
    ColumnProfile active = column("orders", "active");
    assertEquals(4000L, active.trueCount());
    ColumnProfile quantity = column("orders", "quantity");
    assertEquals(7, quantity.topValues().size());
    assertEquals(0L, quantity.topValues().stream().filter(v -> v.value() == null).count());
  }

  @Test
  void numbersAreFittedOnTheWarehousesQuantiles() {
    ColumnProfile amount = column("orders", "amount");
    assertEquals(100, amount.numeric().mean(), 1.5);
    assertEquals(15, amount.numeric().stddev(), 1.5);
    assertTrue(amount.numeric().fit().distribution() instanceof Distribution.Normal n && Math.abs(n.mean() - 100) < 2,
        amount.numeric().fit().toString());
    assertTrue(amount.numeric().lower() > amount.numeric().min() && amount.numeric().upper() < amount.numeric().max(),
        "robust bounds lie inside the extremes: " + amount.numeric());
    ColumnProfile price = column("orders", "price");
    assertEquals("lognormal", price.numeric().fit().distribution().type(), price.numeric().fit().toString());
    assertEquals(2, price.numeric().scale());
    ColumnProfile placedAt = column("orders", "placed_at");
    assertEquals("2024-01-01T00:00:00", placedAt.temporal().min());
    assertEquals("1 hour", placedAt.temporal().wholeSeconds());
    ColumnProfile placedOn = column("orders", "placed_on");
    assertEquals("2024-01-01", placedOn.temporal().min());
    assertEquals("2024-12-31", placedOn.temporal().max());
  }

  @Test
  void stringsHaveShapesAndTemplates() {
    ColumnProfile sku = column("orders", "sku");
    assertEquals("AAA-99999", sku.strings().shapes().get(0).shape());
    assertEquals("SKU-0####", sku.strings().shapes().get(0).template(), "SKU-00000 to SKU-04999: the 0 is constant");
    assertEquals(ORDERS, sku.strings().shapes().get(0).count());
    assertEquals(9, sku.strings().minLength());
    ColumnProfile name = column("customers", "full_name");
    assertEquals(1.0, name.strings().wordy(), 1e-12);
  }

  @Test
  void thePlanFromTheProfileRunsAndKeepsRareValuesOut() throws Exception {
    ObjectNode plan = ProfilePlanner.plan(profile, new PlanOptions(null, 42, LocalDate.parse("2025-01-01"), 10,
        Set.of()));
    Resolver.resolve(PlanCodec.fromJson(plan));
    JsonNode orders = plan.path("tables").get(1);
    assertEquals("orders", orders.path("name").asText(), "parents first: " + plan.toPrettyString());
    JsonNode tier = null;
    JsonNode customer = null;
    for (JsonNode c : orders.path("columns")) {
      if (c.path("name").asText().equals("tier")) {
        tier = c;
      }
      if (c.path("name").asText().equals("customer_id")) {
        customer = c;
      }
    }
    assertEquals("[\"Free\",\"Pro\",\"Enterprise\"]", tier.path("values").toString(), tier.toString());
    assertFalse(plan.toString().contains("Secret"), "a value held by one row never reaches the plan");
    assertEquals("foreign_key", customer.path("strategy").asText());
    assertEquals("customers.customer_id", customer.path("references").asText());
  }

  @Test
  void proposePlanProfilesTheTablesOnceThePersonAgreesToServerless(@TempDir Path dir) throws Exception {
    try (ToolFixture f = new ToolFixture(dir, p -> DatabricksWorkspace.connect(standIn.sdkConfig()))) {
      String args = "{\"source\": {\"table\": \"demo.shop.orders\", \"tables\": [\"customers\"]}, \"seed\": 3}";
      ToolResult refused = f.call("propose_plan", args);
      assertEquals("serverless_not_acknowledged", refused.structured().path("error").path("code").asText(),
          refused.text());
      ToolResult declined = f.call("propose_plan", args, "owner-a", null, (message, schema) -> Optional.empty());
      assertTrue(declined.isError(), "declined through the client: " + declined.text());
      ToolResult r = f.call("propose_plan", args.replace("]}", "], \"acknowledge_serverless\": true}"));
      assertFalse(r.isError(), r.text());
      String id = r.structured().path("plan_id").asText();
      assertEquals(new PlanSources.PlanSource("unity_catalog", null, List.of("demo.shop.orders",
          "demo.shop.customers"), 10), PlanSources.read(f.state, id).orElseThrow());
      assertTrue(r.text().contains("orders") && r.text().contains("customers"), r.text());
      assertFalse(r.structured().toString().contains("Secret"), "the rare value stays in the warehouse");
    }
  }

  @Test
  void badNamesAndMissingTablesAreReportedAtOnce() {
    Warehouse warehouse = SourceProfiles.warehouse(ws, WAREHOUSE);
    PlanException e = assertThrows(PlanException.class, () -> SourceProfiles.profile(ws, warehouse,
        new SourceProfiles.Request("demo.shop", List.of("demo.shop.nope", "a b.c.d")), "source", 10,
        (t, c) -> false, new Cancellation()));
    assertEquals(List.of("source.table", "source.tables[1]"), e.violations().stream().map(v -> v.path()).toList());
    PlanException missing = assertThrows(PlanException.class, () -> SourceProfiles.profile(ws, warehouse,
        new SourceProfiles.Request("demo.shop.nope", List.of("gone")), "source", 10, (t, c) -> false,
        new Cancellation()));
    assertEquals(2, missing.violations().size(), missing.violations().toString());
    assertTrue(missing.violations().get(1).value().equals("demo.shop.gone"), missing.violations().toString());
  }
}
