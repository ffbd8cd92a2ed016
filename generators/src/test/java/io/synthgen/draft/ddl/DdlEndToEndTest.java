package io.synthgen.draft.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.testing.Duck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DDL of five tables with foreign keys and CHECK constraints, drafted, generated and read back with DuckDB. */
class DdlEndToEndTest {

  static final String DDL = """
      CREATE TABLE regions (
        region_id   SMALLINT PRIMARY KEY,
        name        VARCHAR(24) NOT NULL
      );
      CREATE TABLE stores (
        store_id    INTEGER PRIMARY KEY,
        region_id   SMALLINT NOT NULL REFERENCES regions (region_id),
        store_name  VARCHAR(40) NOT NULL,
        format      VARCHAR(10) NOT NULL CHECK (format IN ('mall', 'street', 'outlet', 'kiosk')),
        opened_on   DATE NOT NULL CHECK (opened_on >= '2015-01-01' AND opened_on < '2026-01-01'),
        floor_m2    INTEGER CHECK (floor_m2 BETWEEN 40 AND 4000)
      );
      CREATE TABLE customers (
        customer_id BIGINT PRIMARY KEY,
        email       VARCHAR(64) NOT NULL UNIQUE,
        first_name  VARCHAR(12) NOT NULL,
        last_name   VARCHAR(12) NOT NULL,
        tier        VARCHAR(12) NOT NULL DEFAULT 'bronze',
        age         SMALLINT CHECK (age >= 18 AND age < 100),
        home_store  INTEGER REFERENCES stores (store_id),
        CONSTRAINT tier_ok CHECK (tier IN ('bronze', 'silver', 'gold'))
      );
      CREATE TABLE orders (
        order_id     BIGINT PRIMARY KEY,
        customer_id  BIGINT NOT NULL,
        store_id     INTEGER NOT NULL,
        status       VARCHAR(9) NOT NULL,
        total        DECIMAL(10,2) NOT NULL CHECK (total > 0 AND total <= 2500),
        discount     NUMERIC(4,3) CHECK (discount >= 0 AND discount < 0.5),
        placed_at    TIMESTAMP NOT NULL,
        CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (customer_id),
        CHECK (status IN ('placed', 'paid', 'shipped', 'cancelled'))
      );
      CREATE TABLE payments (
        payment_id  BIGINT PRIMARY KEY,
        order_id    BIGINT NOT NULL,
        method      VARCHAR(8) NOT NULL CHECK (method = 'card' OR method = 'cash' OR method = 'voucher'),
        amount      DECIMAL(10,2) NOT NULL CHECK (amount > 0),
        attempts    SMALLINT NOT NULL CHECK (attempts > 0 AND attempts <= 3),
        note        VARCHAR(5) CHECK (length(note) <= 4)
      );
      ALTER TABLE orders ADD CONSTRAINT orders_store_fk FOREIGN KEY (store_id) REFERENCES stores (store_id);
      ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (order_id);
      """;

  @TempDir
  Path dir;

  @Test
  void everyRowKeepsTheDdlsKeysNotNullsChecksAndLengths() throws Exception {
    Plan plan = DdlRuns.runAndCheck(DDL, dir.resolve("out"));
    assertEquals(java.util.List.of("regions", "stores", "customers", "orders", "payments"),
        plan.tables().stream().map(io.synthgen.plan.Table::name).toList(), "parents before children");
    try (Duck duck = new Duck()) {
      duck.view("orders", dir.resolve("out/orders.parquet"));
      duck.view("payments", dir.resolve("out/payments.parquet"));
      duck.view("customers", dir.resolve("out/customers.parquet"));
      // strict bounds on a decimal and an integer: the smallest values the CHECKs allow are reachable, not 0
      assertTrue(duck.number("SELECT min(total) FROM orders") >= 0.01);
      assertTrue(duck.number("SELECT max(discount) FROM orders") <= 0.499);
      assertEquals(3, duck.count("SELECT count(DISTINCT method) FROM payments"), "every listed method occurs");
      assertEquals(3, duck.count("SELECT count(DISTINCT attempts) FROM payments"), "attempts 1, 2 and 3 occur");
      assertEquals(duck.count("SELECT count(*) FROM customers"), duck.count("SELECT count(DISTINCT email) FROM "
          + "customers"), "UNIQUE email");
      assertTrue(duck.number("SELECT avg(CASE WHEN tier = 'bronze' THEN 1 ELSE 0 END) FROM customers") > 0.4,
          "the DEFAULT is the most common tier");
    }
  }

  /** The example of docs/from-ddl.md drafts what the page says it does. */
  @Test
  void theDocsExampleDraftsWhatThePageSays() throws Exception {
    String doc = java.nio.file.Files.readString(Path.of("../docs/from-ddl.md"));
    String example = doc.substring(doc.indexOf("```sql\n") + 7, doc.indexOf("```", doc.indexOf("```sql\n") + 7));
    Plan p = DdlRuns.runAndCheck(example, dir.resolve("example"));
    assertEquals(1000, p.table("customers").orElseThrow().rows());
    assertEquals(5000, p.table("orders").orElseThrow().rows());
    var email = PostgresDdlTest.col(p, "customers", "email");
    assertTrue(email.unique() && email.gen() instanceof io.synthgen.plan.ColumnGen.Pattern, email.toString());
    assertEquals(java.util.List.of(2.0, 1.0, 1.0),
        ((io.synthgen.plan.ColumnGen.Values) PostgresDdlTest.col(p, "customers", "tier").gen()).weights());
    double[] total = DdlRuns.range(PostgresDdlTest.col(p, "orders", "total"));
    assertTrue(total[0] >= 0.01 && total[1] <= 2500.0, java.util.Arrays.toString(total));
    assertTrue(PostgresDdlTest.col(p, "orders", "total").note().contains("Paid amount in USD"));
    assertTrue(PostgresDdlTest.col(p, "orders", "placed_at").note().contains("DEFAULT now() in the DDL"));
    assertEquals("customers.customer_id",
        ((io.synthgen.plan.ColumnGen.ForeignKey) PostgresDdlTest.col(p, "orders", "customer_id").gen()).references());
  }

  /** Strict bounds on a double and dates, a lone lower bound far above the drafted values, a short unique code. */
  @Test
  void boundsOfEveryKindHoldOnTheGeneratedRows() throws Exception {
    String ddl = """
        CREATE TABLE items (
          id INT PRIMARY KEY,
          code VARCHAR(10) NOT NULL UNIQUE,
          price NUMERIC(8,2) NOT NULL CHECK (price >= 1000),
          score DOUBLE PRECISION NOT NULL CHECK (score > 0 AND score < 1),
          made DATE NOT NULL CHECK (made BETWEEN '2020-01-01' AND '2020-12-31'),
          seen TIMESTAMP NOT NULL CHECK (seen > '2021-06-01 00:00:00')
        );
        """;
    Plan p = DdlRuns.runAndCheck(ddl, dir.resolve("bounds"));
    assertEquals("**********", ((io.synthgen.plan.ColumnGen.Pattern) PostgresDdlTest.col(p, "items", "code").gen())
        .pattern(), "10 letters and digits: unique on 1,000 rows, within VARCHAR(10)");
    try (Duck duck = new Duck()) {
      duck.view("items", dir.resolve("bounds/items.parquet"));
      assertTrue(duck.number("SELECT min(price) FROM items") >= 1000);
      assertTrue(duck.number("SELECT quantile_cont(price, 0.5) FROM items") > 1001, "not piled on the bound");
      assertEquals("2020-01-01", duck.one("SELECT min(made)::VARCHAR FROM items").substring(0, 10));
      assertTrue(duck.one("SELECT max(made)::VARCHAR FROM items").startsWith("2020-12"));
    }
  }
}
