package io.synthgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.output.TableWriter;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample is made of rows of the full run and is closed over foreign keys. Checked with DuckDB. */
class PreviewTest {

  @TempDir
  Path dir;

  @Test
  void retailSampleRowsAreRowsOfTheFullRunAndClosedOverForeignKeys() throws Exception {
    ResolvedPlan plan = Plans.resolve(Plans.template("retail", 2_000));
    Map<String, Batch> sample = Preview.generate(plan, 100);
    assertEquals(List.of("customers", "products", "transactions", "line_items", "inventory"),
        List.copyOf(sample.keySet()));
    Path s = dir.resolve("sample");
    for (Map.Entry<String, Batch> e : sample.entrySet()) {
      try (TableWriter w = TableWriters.open(s, e.getKey(), Engine.outputColumns(plan.table(e.getKey())),
          WriterOptions.parquetZstd())) {
        w.append(w.encode(e.getValue()));
        w.commit();
      }
    }
    Path f = dir.resolve("full");
    Runs.generate(plan, f, WriterOptions.parquetZstd(), new Engine(2, 8192), Progress.NONE, new Cancellation());

    try (Duck duck = new Duck()) {
      for (String t : sample.keySet()) {
        duck.view("s_" + t, s.resolve(t + ".parquet"));
        duck.view("f_" + t, f.resolve(t + ".parquet"));
        String pk = plan.table(t).spec().primaryKey();
        long rows = duck.count("SELECT count(*) FROM s_" + t);
        assertEquals(sample.get(t).size(), rows);
        assertTrue(rows >= 100, t + " has at least the 100 picked rows: " + rows);
        assertEquals(rows, duck.count("SELECT count(DISTINCT " + pk + ") FROM s_" + t), t + ": no duplicates");
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM s_" + t + " EXCEPT ALL SELECT * FROM f_" + t
            + ")"), t + ": every sample row, all columns, is a row of the full run");
        assertEquals(rows, duck.count("SELECT count(*) FROM s_" + t + " JOIN f_" + t + " USING (" + pk + ")"));
      }
      String[][] fks = {
          {"transactions", "customer_id", "customers", "customer_id"},
          {"line_items", "txn_id", "transactions", "txn_id"},
          {"line_items", "product_id", "products", "product_id"},
          {"inventory", "product_id", "products", "product_id"}};
      for (String[] fk : fks) {
        assertEquals(0, duck.count("SELECT count(*) FROM s_" + fk[0] + " c WHERE c." + fk[1] + " IS NOT NULL AND c."
            + fk[1] + " NOT IN (SELECT " + fk[3] + " FROM s_" + fk[2] + ")"),
            "sample " + fk[0] + "." + fk[1] + " points at sampled " + fk[2]);
      }
      long withItems = duck.count("SELECT count(DISTINCT txn_id) FROM s_line_items");
      assertTrue(withItems >= 20, "line items come whole for some sampled transactions: " + withItems);
      assertEquals(0, duck.count("SELECT count(*) FROM s_transactions t JOIN (SELECT txn_id, count(*) AS n FROM "
          + "s_line_items GROUP BY txn_id) l USING (txn_id) WHERE t.items_count <> l.n"),
          "a sampled transaction's line items are all in the sample");
      assertEquals(0, duck.count("SELECT count(*) FROM s_transactions t JOIN (SELECT txn_id, sum(line_total) AS s "
          + "FROM s_line_items GROUP BY txn_id) l USING (txn_id) "
          + "WHERE t.total_amount <> l.s - coalesce(t.discount_amount, 0) + t.tax_amount"),
          "amounts agree with the sampled line items");
    }
  }

  @Test
  void selectionIsDeterministicAndSpreadOverTheTable() {
    ResolvedPlan plan = Plans.resolve(Plans.template("retail", 2_000));
    Map<String, long[]> a = Preview.select(plan, 50);
    Map<String, long[]> b = Preview.select(plan, 50);
    for (String t : a.keySet()) {
      assertTrue(java.util.Arrays.equals(a.get(t), b.get(t)), t);
    }
    long[] customers = a.get("customers");
    assertTrue(customers[customers.length - 1] > 1_800, "picks reach the end of the table");
    for (int i = 1; i < customers.length; i++) {
      assertTrue(customers[i] > customers[i - 1], "sorted, distinct");
    }
  }
}
