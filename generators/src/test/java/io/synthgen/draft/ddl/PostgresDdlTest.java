package io.synthgen.draft.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL (pg_dump and hand-written): SERIAL, identity, schema-qualified names, ALTER TABLE ONLY, COMMENT ON. */
class PostgresDdlTest {

  static final String DDL = DdlRuns.resource("postgres.sql");

  @TempDir
  Path dir;

  static Column col(Plan p, String t, String c) {
    return p.table(t).orElseThrow().column(c).orElseThrow();
  }

  @Test
  void generatedRowsKeepTheSchema() throws Exception {
    Plan p = DdlRuns.runAndCheck(DDL, dir.resolve("out"));
    assertEquals(List.of("customers", "products", "orders", "order_items", "reviews", "shipments"),
        p.tables().stream().map(Table::name).toList());
  }

  @Test
  void mapsKeysReferencesChecksDefaultsAndComments() throws Exception {
    Plan p = DdlRuns.plan(DDL);
    assertEquals("customer_id", p.table("customers").orElseThrow().primaryKey());
    assertInstanceOf(ColumnGen.Sequence.class, col(p, "customers", "customer_id").gen(), "BIGSERIAL");
    assertEquals("product_id", p.table("products").orElseThrow().primaryKey(), "table constraint PRIMARY KEY");
    // ALTER TABLE ONLY ... ADD CONSTRAINT ... FOREIGN KEY, and an inline REFERENCES with no column (the parent's key)
    assertEquals("orders.order_id", ((ColumnGen.ForeignKey) col(p, "order_items", "order_id").gen()).references());
    assertEquals("products.product_id", ((ColumnGen.ForeignKey) col(p, "reviews", "product_id").gen())
        .references());
    assertEquals(0.0, col(p, "order_items", "order_id").nullRate(), "NOT NULL");
    // the composite key (order_id, line_no): line_no becomes a sequence, so every pair is distinct
    assertNull(p.table("order_items").orElseThrow().primaryKey());
    assertInstanceOf(ColumnGen.Sequence.class, col(p, "order_items", "line_no").gen());
    assertTrue(col(p, "order_items", "line_no").note().contains("(order_id, line_no)"));
    // CHECK IN with a DEFAULT among the values: the default is the most common
    ColumnGen.Values tier = (ColumnGen.Values) col(p, "customers", "tier").gen();
    assertEquals(List.of("free", "pro", "enterprise"), tier.values());
    assertEquals(List.of(2.0, 1.0, 1.0), tier.weights());
    // a chain of ORs of equalities is a list too; the cast on the DEFAULT is read through
    assertEquals(List.of("placed", "shipped", "delivered", "returned"),
        ((ColumnGen.Values) col(p, "orders", "status").gen()).values());
    assertTrue(col(p, "orders", "status").note().contains("Where the order is in fulfilment"), "COMMENT ON");
    assertEquals("One row per checkout", p.table("orders").orElseThrow().description(), "COMMENT ON TABLE");
    // SMALLINT with CHECK BETWEEN: the drafted range is narrowed into it
    double[] discount = DdlRuns.range(col(p, "orders", "discount_pct"));
    assertTrue(discount[0] >= 0 && discount[1] <= 50, java.util.Arrays.toString(discount));
    // a strict CHECK (unit_price > 0) on decimal(10,2): the smallest value is 0.01
    double[] price = DdlRuns.range(col(p, "products", "unit_price"));
    assertTrue(price[0] >= 0.01 && price[1] <= 5000.0, java.util.Arrays.toString(price));
    assertEquals("decimal(10,2)", col(p, "products", "unit_price").type().toString());
    assertInstanceOf(ColumnGen.Uuid.class, col(p, "reviews", "review_id").gen(), "UUID");
    // pg_dump's forms: = ANY (ARRAY[...]) with casts, a cast literal bound, keys added by ALTER TABLE ONLY
    assertEquals(List.of("ups", "dhl", "fedex"), ((ColumnGen.Values) col(p, "shipments", "carrier").gen()).values());
    assertEquals("shipment_id", p.table("shipments").orElseThrow().primaryKey());
    assertEquals(new ColumnGen.Sequence(100, 1), col(p, "shipments", "shipment_id").gen(),
        "ALTER COLUMN ... ADD GENERATED ALWAYS AS IDENTITY (... START WITH 100 ...)");
    assertTrue(DdlRuns.range(col(p, "shipments", "weight_g"))[0] >= 1, "weight_g > (0)::numeric");
    assertEquals("timestamp", col(p, "orders", "placed_at").type().toString(), "TIMESTAMPTZ");
    // UNIQUE text: a pattern with enough combinations to be unique by construction
    assertTrue(col(p, "customers", "email").unique());
    assertInstanceOf(ColumnGen.Pattern.class, col(p, "customers", "email").gen());
    assertTrue(p.description().contains("SET statement_timeout"), "skipped statements are listed: "
        + p.description());
  }
}
