package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark plans at small scale meet the checks the benchmark runs on their output. */
class BenchPlansTest {

  @TempDir
  Path dir;

  @Test
  void w1CustomersPassTheBenchmarkChecks() throws Exception {
    RunResult r = Runs.generate(Plans.resolve(Plans.bench("w1-customers.json", 20_000)), dir,
        WriterOptions.parquetZstd(), new Engine(2, 8192), Progress.NONE, new Cancellation());
    assertTrue(r.validation().passed(), r.validation().failures().toString());
    try (Duck duck = new Duck()) {
      duck.view("customers", dir.resolve("customers.parquet"));
      assertEquals(20_000, duck.count("SELECT count(*) FROM customers"));
      assertEquals(0, duck.count("SELECT count(*) FROM customers WHERE email IS NOT NULL AND email <> "
          + "lower(first_name) || '.' || lower(last_name) || CAST(customer_id % 1000 AS VARCHAR) || '@example.com'"));
      assertEquals(0, duck.count("SELECT count(*) FROM customers WHERE NOT regexp_full_match(zip_code, "
          + "'[1-9][0-9]{4}')"));
      assertEquals(0, duck.count("SELECT count(*) FROM customers WHERE NOT regexp_matches(address_line1, "
          + "'^[0-9]+ [^ ]')"));
      assertEquals(20_000, duck.count("SELECT count(DISTINCT customer_id) FROM customers"));
      long cities = duck.count("SELECT count(DISTINCT city) FROM customers");
      assertTrue(cities > 1_500 && cities <= 2_000, "city pool: " + cities);
    }
  }

  @Test
  void w2TransactionsAmountsAddUp() throws Exception {
    RunResult r = Runs.generate(Plans.resolve(Plans.bench("w2-transactions.json", 50_000)), dir,
        WriterOptions.parquetZstd(), new Engine(2, 8192), Progress.NONE, new Cancellation());
    assertTrue(r.validation().passed(), r.validation().failures().toString());
    try (Duck duck = new Duck()) {
      duck.view("t", dir.resolve("transactions.parquet"));
      assertEquals(50_000, duck.count("SELECT count(*) FROM t"));
      assertEquals(0, duck.count("SELECT count(*) FROM t WHERE total_amount - tax_amount + coalesce(discount_amount, 0)"
          + " < 0 OR items_count NOT BETWEEN 1 AND 20 OR customer_id NOT BETWEEN 1000000 AND 1099999"));
      assertEquals(0, duck.count("SELECT count(*) FROM t WHERE tax_amount <> round((total_amount - tax_amount) * 0.08,"
          + " 2) AND abs(tax_amount - round((total_amount - tax_amount) * 0.08, 2)) > 0.01"));
    }
  }
}
