package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.testing.Stats;
import io.synthgen.testing.UsGeo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retail template at 5,000 customers, generated to Parquet, CSV and JSONL and checked in DuckDB. */
class RetailTemplateTest {

  static final String[] TABLES = {"customers", "products", "transactions", "line_items", "inventory"};

  @TempDir
  static Path dir;
  static Duck duck;
  static RunResult parquet;

  @BeforeAll
  static void generate() throws Exception {
    ResolvedPlan plan = Plans.resolve(Plans.template("retail", 5_000));
    Engine engine = new Engine(2, 16_384);
    parquet = Runs.generate(plan, dir.resolve("parquet"), WriterOptions.parquetZstd(), engine, Progress.NONE,
        new Cancellation());
    Runs.generate(plan, dir.resolve("csv"), new WriterOptions(Destination.Format.CSV,
        Destination.Compression.NONE, 0), engine, Progress.NONE, new Cancellation());
    Runs.generate(plan, dir.resolve("jsonl"), new WriterOptions(Destination.Format.JSONL,
        Destination.Compression.GZIP, 0), engine, Progress.NONE, new Cancellation());
    duck = new Duck();
    for (String t : TABLES) {
      duck.view(t, dir.resolve("parquet").resolve(t + ".parquet"));
      duck.view("csv_" + t, dir.resolve("csv").resolve(t + ".csv"));
      duck.view("json_" + t, dir.resolve("jsonl").resolve(t + ".jsonl.gz"));
    }
  }

  @AfterAll
  static void close() throws Exception {
    duck.close();
  }

  @Test
  void theRunValidates() {
    assertTrue(parquet.validation().passed(), "failures: " + parquet.validation().failures());
    assertEquals(5_000, parquet.tables().get(0).rows());
  }

  @Test
  void columnsAndTypesAreExactlyThePlans() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("customers", "customer_id BIGINT, first_name VARCHAR, last_name VARCHAR, email VARCHAR, "
        + "phone VARCHAR, address_line1 VARCHAR, city VARCHAR, state VARCHAR, zip_code VARCHAR, signup_date DATE, "
        + "lifetime_value DECIMAL(12,2), is_active BOOLEAN, loyalty_tier VARCHAR");
    expected.put("products", "product_id BIGINT, sku VARCHAR, product_name VARCHAR, category VARCHAR, "
        + "brand VARCHAR, unit_price DECIMAL(10,2), cost DECIMAL(10,2), weight_kg DECIMAL(6,2), is_active BOOLEAN, "
        + "created_date DATE");
    expected.put("transactions", "txn_id BIGINT, customer_id BIGINT, store_id BIGINT, txn_timestamp TIMESTAMP, "
        + "payment_method VARCHAR, discount_amount DECIMAL(10,2), tax_amount DECIMAL(10,2), "
        + "total_amount DECIMAL(12,2), items_count INTEGER");
    expected.put("line_items", "line_item_id BIGINT, txn_id BIGINT, product_id BIGINT, quantity INTEGER, "
        + "unit_price DECIMAL(10,2), line_total DECIMAL(12,2)");
    expected.put("inventory", "inventory_id BIGINT, product_id BIGINT, store_id BIGINT, quantity_on_hand INTEGER, "
        + "reorder_point INTEGER, last_updated TIMESTAMP");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), duck.columns(e.getKey()), e.getKey());
    }
  }

  @Test
  void noForeignKeyOrphans() throws Exception {
    String[][] fks = {
        {"transactions", "customer_id", "customers"},
        {"line_items", "txn_id", "transactions"},
        {"line_items", "product_id", "products"},
        {"inventory", "product_id", "products"}};
    for (String[] fk : fks) {
      assertEquals(0, duck.count("SELECT count(*) FROM " + fk[0] + " c ANTI JOIN " + fk[2] + " p USING (" + fk[1]
          + ")"), fk[0] + "." + fk[1]);
      assertEquals(0, duck.count("SELECT count(*) FROM " + fk[0] + " WHERE " + fk[1] + " IS NULL"));
    }
    assertEquals(1, duck.count("SELECT min(line_item_id) FROM line_items"));
    assertEquals(duck.count("SELECT count(*) FROM line_items"), duck.count("SELECT max(line_item_id) FROM line_items"));
  }

  @Test
  void derivedAmountsAddUp() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM transactions t LEFT JOIN (SELECT txn_id, count(*) AS n "
        + "FROM line_items GROUP BY txn_id) l USING (txn_id) WHERE t.items_count IS DISTINCT FROM l.n"),
        "items_count = number of line items");
    assertEquals(0, duck.count("SELECT count(*) FROM transactions WHERE items_count NOT BETWEEN 1 AND 10"));
    assertEquals(0, duck.count("SELECT count(*) FROM line_items li JOIN products p USING (product_id) "
        + "WHERE li.unit_price <> p.unit_price"), "line item price is the catalogue price");
    assertEquals(0, duck.count("SELECT count(*) FROM line_items WHERE line_total <> round(quantity * unit_price, 2)"));
    String withSubtotal = "FROM transactions t JOIN (SELECT txn_id, sum(line_total) AS subtotal FROM line_items "
        + "GROUP BY txn_id) l USING (txn_id)";
    assertEquals(0, duck.count("SELECT count(*) " + withSubtotal
        + " WHERE t.tax_amount <> round((l.subtotal - coalesce(t.discount_amount, 0)) * 0.08, 2)"), "tax");
    assertEquals(0, duck.count("SELECT count(*) " + withSubtotal
        + " WHERE t.total_amount <> l.subtotal - coalesce(t.discount_amount, 0) + t.tax_amount"), "total");
    assertEquals(0, duck.count("SELECT count(*) " + withSubtotal
        + " WHERE t.discount_amount < 0 OR t.discount_amount > round(l.subtotal * 0.3, 2)"), "discount share");
    assertEquals(0, duck.count("SELECT count(*) FROM products WHERE cost < round(unit_price * 0.4, 2) - 0.01 "
        + "OR cost > round(unit_price * 0.7, 2) + 0.01"), "cost is 40-70 % of price");
    assertEquals(0, duck.count("SELECT count(*) FROM products WHERE unit_price NOT BETWEEN 5 AND 500"));
  }

  @Test
  void customerFieldsHaveTheirShapesAndRates() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM customers WHERE email <> lower(first_name) || '.' || "
        + "lower(last_name) || CAST(customer_id % 1000 AS VARCHAR) || '@example.com'"));
    long n = 5_000;
    assertRate(0.02, duck.count("SELECT count(*) FROM customers WHERE email IS NULL"), n, "email NULLs");
    assertRate(0.01, duck.count("SELECT count(*) FROM customers WHERE phone IS NULL"), n, "phone NULLs");
    assertEquals(0, duck.count("SELECT count(*) FROM customers WHERE NOT regexp_full_match(zip_code, "
        + "'[0-9]{5}')"));
    UsGeo.load(duck);
    assertEquals(0, duck.count("SELECT count(*) FROM customers c ANTI JOIN us_zip3 z "
        + "ON z.abbr = c.state AND z.zip3 = substr(c.zip_code, 1, 3)"), "the zip prefix is the state's");
    assertEquals(0, duck.count("SELECT count(*) FROM customers c ANTI JOIN us_area a "
        + "ON a.abbr = c.state AND a.area_code = substr(c.phone, 2, 3) WHERE c.phone IS NOT NULL"),
        "the area code is the state's");
    assertRate(0.087, duck.count("SELECT count(*) FROM customers WHERE state = 'TX'"), n, "TX by population");
    double[] tiers = {50, 30, 15, 5};
    String[] names = {"Bronze", "Silver", "Gold", "Platinum"};
    for (int i = 0; i < 4; i++) {
      assertRate(tiers[i] / 100, duck.count("SELECT count(*) FROM customers WHERE loyalty_tier = '" + names[i] + "'"),
          n, names[i]);
    }
    assertRate(0.85, duck.count("SELECT count(*) FROM customers WHERE is_active"), n, "is_active");
    assertEquals(0, duck.count("SELECT count(*) FROM customers WHERE signup_date NOT BETWEEN DATE '2020-01-01' "
        + "AND DATE '2024-12-31'"));
    assertEquals(10_000, duck.number("SELECT avg(lifetime_value) FROM customers"), 10_000 * 0.04,
        "Gamma(2,2) x 2,500 has mean 10,000");
  }

  @Test
  void transactionsFollowTheirWeightsRangesAndProfile() throws Exception {
    long n = duck.count("SELECT count(*) FROM transactions");
    assertEquals(25_000, n);
    double[] weights = {40, 25, 15, 15, 5};
    String[] methods = {"Credit Card", "Debit Card", "Cash", "Digital Wallet", "Gift Card"};
    for (int i = 0; i < methods.length; i++) {
      assertRate(weights[i] / 100, duck.count("SELECT count(*) FROM transactions WHERE payment_method = '"
          + methods[i] + "'"), n, methods[i]);
    }
    for (String t : new String[] {"transactions", "inventory"}) {
      assertEquals(List.of(List.of("100", "150", "51")),
          duck.rows("SELECT min(store_id), max(store_id), count(DISTINCT store_id) FROM " + t), t + ".store_id");
    }
    assertEquals(0, duck.count("SELECT count(*) FROM transactions WHERE txn_timestamp NOT BETWEEN "
        + "TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-12-31 23:59:59'"));
    // weekday factors: Saturdays and Sundays at 1.3 against Monday-Wednesday at 1.0 (months and holidays aside)
    double ratio = duck.number("SELECT (count(*) FILTER (WHERE isodow(txn_timestamp) >= 6) / 2.0) / "
        + "(count(*) FILTER (WHERE isodow(txn_timestamp) <= 3) / 3.0) FROM transactions "
        + "WHERE month(txn_timestamp) BETWEEN 2 AND 10");
    assertEquals(1.3, ratio, 0.1, "weekend to early-week ratio");
    double night = duck.number("SELECT count(*) FILTER (WHERE hour(txn_timestamp) BETWEEN 1 AND 4) / count(*) "
        + "FROM transactions");
    assertTrue(night < 0.01, "hardly anyone shops at 1-4 am: " + night);
  }

  @Test
  void csvAndJsonlReadBackWithTheSameCountsAndSums() throws Exception {
    String[][] sums = {
        {"customers", "lifetime_value"}, {"products", "unit_price"}, {"transactions", "total_amount"},
        {"line_items", "line_total"}, {"inventory", "quantity_on_hand"}};
    for (String[] s : sums) {
      String q = "SELECT count(*), sum(" + s[1] + ")::DOUBLE, count(" + s[1] + ") FROM ";
      List<String> p = duck.rows(q + s[0]).get(0);
      for (String prefix : new String[] {"csv_", "json_"}) {
        List<String> other = duck.rows(q + prefix + s[0]).get(0);
        assertEquals(p.get(0), other.get(0), prefix + s[0] + " rows");
        assertEquals(p.get(2), other.get(2), prefix + s[0] + " non-NULL values");
        assertEquals(Double.parseDouble(p.get(1)), Double.parseDouble(other.get(1)),
            1e-9 * Math.abs(Double.parseDouble(p.get(1))), prefix + s[0] + " sum");
      }
    }
    assertEquals(duck.one("SELECT max(txn_timestamp)::VARCHAR FROM transactions"),
        duck.one("SELECT max(txn_timestamp::TIMESTAMP)::VARCHAR FROM csv_transactions"));
    assertEquals(0, duck.count("SELECT count(*) FROM (SELECT customer_id, email, phone, city FROM customers "
        + "EXCEPT SELECT customer_id, email, phone, city FROM json_customers)"), "strings survive JSON exactly");
    assertEquals(0, duck.count("SELECT count(*) FROM (SELECT customer_id, email, phone, city FROM customers "
        + "EXCEPT SELECT customer_id, email, phone, city FROM csv_customers)"), "strings survive CSV exactly");
  }

  private static void assertRate(double expected, long count, long n, String what) {
    assertEquals(expected, count / (double) n, Stats.binomialTolerance(expected, n), what);
  }
}
