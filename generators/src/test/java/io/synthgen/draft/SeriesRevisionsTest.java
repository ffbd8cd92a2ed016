package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.template.Templates;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The revision operations on series, batching, change feeds, history tables and defects: each applies, each
 * refuses with the path and a fix, a revision with a refused one changes nothing, and renames follow into them.
 */
class SeriesRevisionsTest {

  static Plan revise(Plan p, String ops) throws Exception {
    return RevisionsTest.revise(p, ops);
  }

  static Violation refused(Plan p, String ops) {
    PlanException e = assertThrows(PlanException.class, () -> revise(p, ops));
    return e.violations().get(0);
  }

  static Plan retail() throws Exception {
    return Templates.load("retail");
  }

  @Test
  void aChangeFeedIsAddedWithDefaultsAndTheDefaultSeries() throws Exception {
    Plan p = revise(retail(), "[{\"op\": \"set_change_feed\", \"table\": \"customers\"}]");
    ChangeFeed f = p.table("customers").orElseThrow().changeFeed();
    assertEquals(1000, f.rowsPerBatch(), "a tenth of the table's 10,000 rows");
    assertEquals(new Series(p.referenceDate().toString(), "1 day", Series.DEFAULT_BATCHES), p.series());
    // given fields change, the others stay
    Plan q = revise(p, """
        [{"op": "set_change_feed", "table": "customers", "weights": {"append": 20, "update": 70, "delete": 10},
          "changes": ["email", "address_line1"], "format": "delta_cdf"}]""");
    ChangeFeed g = q.table("customers").orElseThrow().changeFeed();
    assertEquals(new ChangeFeed.Weights(20, 70, 10), g.weights());
    assertEquals(List.of("email", "address_line1"), g.changes());
    assertEquals(ChangeFeed.Format.DELTA_CDF, g.format());
    assertEquals(1000, g.rowsPerBatch());
    assertEquals(p.series(), q.series(), "an existing series is kept");
    List<String> diff = PlanDiff.lines(p, q);
    assertTrue(diff.contains("~ customers.change_feed.format: plain → delta_cdf"), diff::toString);
    assertTrue(diff.contains("~ customers.change_feed.weights: {\"append\":50,\"update\":30,\"delete\":10} → "
        + "{\"append\":20,\"update\":70,\"delete\":10}"), diff::toString);
    assertTrue(diff.contains("~ customers.change_feed.changes: (default) → [\"email\",\"address_line1\"]"),
        diff::toString);
    assertEquals(3, diff.size(), diff::toString);
  }

  @Test
  void aFeedNamingAnUnknownColumnIsRefusedAndNothingChanges() throws Exception {
    Plan before = retail();
    PlanException e = assertThrows(PlanException.class, () -> revise(before, """
        [{"op": "set_rows", "table": "customers", "rows": 20000},
         {"op": "set_change_feed", "table": "customers", "changes": ["email", "adress"]}]"""));
    Violation v = e.violations().get(0);
    assertEquals("operations[1].changes[1]", v.path(), e.violations()::toString);
    assertEquals("adress", v.value());
    assertTrue(v.fix().contains("address_line1"), v.fix());
    assertEquals(1, e.violations().size(), e.violations()::toString);
    assertNull(before.table("customers").orElseThrow().changeFeed());
  }

  @Test
  void aFeedNeedsAPrimaryKeyAndAStaticTable() throws Exception {
    Plan appended = revise(retail(), "[{\"op\": \"set_batch\", \"table\": \"transactions\", \"mode\": \"append\"}]");
    Violation v = refused(appended, "[{\"op\": \"set_change_feed\", \"table\": \"transactions\"}]");
    assertEquals("operations[0].table", v.path());
    assertTrue(v.fix().contains("\"mode\": \"static\""), v.fix());
    Violation unknown = refused(retail(), "[{\"op\": \"set_change_feed\", \"table\": \"custmers\"}]");
    assertEquals("operations[0].table", unknown.path());
    assertTrue(unknown.fix().contains("customers"), unknown.fix());
  }

  @Test
  void historyTablesAreAddedOfAFeedAndRemovedWithDropTable() throws Exception {
    Plan p = revise(retail(), """
        [{"op": "set_change_feed", "table": "customers"},
         {"op": "add_history", "table": "customers_history", "of": "customers"}]""");
    Table h = p.table("customers_history").orElseThrow();
    assertEquals("customers", h.history().of());
    assertEquals(1, p.tables().indexOf(h), "right after its source");
    Violation noFeed = refused(retail(), "[{\"op\": \"add_history\", \"table\": \"p_history\", \"of\": \"products\"}]");
    assertEquals("operations[0].of", noFeed.path());
    assertTrue(noFeed.fix().contains("set_change_feed"), noFeed.fix());
    Violation clash = refused(p, "[{\"op\": \"add_history\", \"table\": \"customers_cdc\", \"of\": \"customers\"}]");
    assertEquals("operations[0].table", clash.path());
    // the feed cannot go while its history is there; in the same revision after drop_table it can
    Violation kept = refused(p, "[{\"op\": \"remove_change_feed\", \"table\": \"customers\"}]");
    assertTrue(kept.fix().contains("drop_table") && kept.fix().contains("customers_history"), kept.fix());
    Plan q = revise(p, """
        [{"op": "drop_table", "table": "customers_history"},
         {"op": "remove_change_feed", "table": "customers"},
         {"op": "remove_series"}]""");
    assertTrue(q.table("customers_history").isEmpty());
    assertNull(q.table("customers").orElseThrow().changeFeed());
    assertNull(q.series());
  }

  @Test
  void columnOperationsOnAHistoryTableSayWhereItsColumnsAre() throws Exception {
    Plan p = revise(retail(), """
        [{"op": "set_change_feed", "table": "customers"},
         {"op": "add_history", "table": "customers_history", "of": "customers"}]""");
    Violation v = refused(p, "[{\"op\": \"set_null_rate\", \"table\": \"customers_history\", \"column\": "
        + "\"email\", \"null_rate\": 0.1}]");
    assertEquals("operations[0].table", v.path());
    assertTrue(v.fix().contains("customers"), v.fix());
  }

  @Test
  void appendTablesAndTheSeries() throws Exception {
    Plan p = revise(retail(), """
        [{"op": "update_column", "table": "inventory", "column": "last_updated",
          "set": {"start": "2024-01-01 00:00:00", "end": "2024-01-01 23:59:59"}},
         {"op": "set_batch", "table": "inventory", "mode": "append", "advance": ["last_updated"]},
         {"op": "set_series", "start": "2024-06-01", "batches": 10}]""");
    Table inv = p.table("inventory").orElseThrow();
    assertEquals(new Batching(Batching.Mode.APPEND, List.of("last_updated")), inv.batching());
    assertEquals(new Series("2024-06-01", "1 day", 10), p.series());
    Violation v = refused(p, "[{\"op\": \"remove_series\"}]");
    assertEquals("operations[0].op", v.path());
    assertTrue(v.rule().contains("inventory (append)") && v.fix().contains("\"mode\": \"static\""), v.toString());
    Violation col = refused(retail(), "[{\"op\": \"set_batch\", \"table\": \"inventory\", \"mode\": \"append\", "
        + "\"advance\": [\"updated\"]}]");
    assertEquals("operations[0].advance[0]", col.path());
    assertTrue(col.fix().contains("last_updated"), col.fix());
    Plan back = revise(p, "[{\"op\": \"set_batch\", \"table\": \"inventory\", \"mode\": \"static\"}]");
    assertEquals(Batching.STATIC, back.table("inventory").orElseThrow().batching());
    Violation empty = refused(retail(), "[{\"op\": \"set_series\"}]");
    assertEquals("operations[0]", empty.path());
  }

  @Test
  void defectsAreAddedReplacedAndRemoved() throws Exception {
    Plan p = revise(retail(), """
        [{"op": "add_defect", "table": "customers", "defect": {"defect": "nulls", "columns": ["email", "phone"],
            "rate": 0.02}},
         {"op": "add_defect", "table": "customers", "defect": {"defect": "duplicates", "rate": 0.04}},
         {"op": "add_defect", "table": "customers", "defect": {"defect": "duplicates", "rate": 0.05}},
         {"op": "set_ground_truth", "table": "customers", "ground_truth": "columns"}]""");
    Quality q = p.table("customers").orElseThrow().quality();
    assertEquals(List.of(new Defect.Nulls(List.of("email", "phone"), 0.02), new Defect.Duplicates(0.05)),
        q.defects(), "the second duplicates replaces the first");
    assertEquals(Quality.GroundTruth.COLUMNS, q.groundTruth());
    Plan r = revise(p, "[{\"op\": \"remove_defect\", \"table\": \"customers\", \"defect\": \"nulls\", "
        + "\"column\": \"phone\"}]");
    assertEquals(new Defect.Nulls(List.of("email"), 0.02), r.table("customers").orElseThrow().quality().defects()
        .get(0));
    Plan none = revise(r, """
        [{"op": "remove_defect", "table": "customers", "defect": "nulls"},
         {"op": "remove_defect", "table": "customers", "defect": "duplicates"}]""");
    assertNull(none.table("customers").orElseThrow().quality());
    Violation missing = refused(r, "[{\"op\": \"remove_defect\", \"table\": \"customers\", \"defect\": "
        + "\"whitespace\"}]");
    assertEquals("operations[0].defect", missing.path());
    assertTrue(missing.fix().contains("nulls on email") && missing.fix().contains("duplicates"), missing.fix());
    Violation kind = refused(retail(), "[{\"op\": \"add_defect\", \"table\": \"customers\", \"defect\": "
        + "{\"defect\": \"typos\", \"rate\": 0.1}}]");
    assertEquals("operations[0].defect.defect", kind.path());
    assertTrue(kind.fix().contains("near_duplicates"), kind.fix());
    Violation truth = refused(retail(), "[{\"op\": \"set_ground_truth\", \"table\": \"customers\", "
        + "\"ground_truth\": \"sidecar\"}]");
    assertTrue(truth.fix().contains("add_defect"), truth.fix());
  }

  @Test
  void renamesFollowIntoFeedsHistoriesAndDefects() throws Exception {
    Plan p = revise(retail(), """
        [{"op": "set_change_feed", "table": "customers", "name": "customers_cdc", "changes": ["email", "city"]},
         {"op": "add_history", "table": "customers_history", "of": "customers"},
         {"op": "update_column", "table": "inventory", "column": "last_updated",
          "set": {"start": "2024-01-01 00:00:00", "end": "2024-01-01 23:59:59"}},
         {"op": "set_batch", "table": "inventory", "mode": "append", "advance": ["last_updated"]},
         {"op": "add_defect", "table": "customers", "defect": {"defect": "nulls", "columns": ["email"],
            "rate": 0.02}},
         {"op": "add_defect", "table": "inventory", "defect": {"defect": "jitter", "column": "last_updated",
            "rate": 1.0, "max": "60 seconds"}}]""");
    Plan r = revise(p, """
        [{"op": "rename_column", "table": "customers", "column": "email", "to": "email_address"},
         {"op": "rename_table", "table": "customers", "to": "clients"},
         {"op": "rename_column", "table": "inventory", "column": "last_updated", "to": "updated_at"}]""");
    Table clients = r.table("clients").orElseThrow();
    assertEquals(List.of("email_address", "city"), clients.changeFeed().changes());
    assertEquals("clients_cdc", clients.changeFeed().name(), "the default feed name follows the table");
    assertEquals("clients", r.table("customers_history").orElseThrow().history().of());
    assertEquals(List.of("email_address"), ((Defect.Nulls) clients.quality().defects().get(0)).columns());
    Table inv = r.table("inventory").orElseThrow();
    assertEquals(List.of("updated_at"), inv.batching().advance());
    assertEquals("updated_at", ((Defect.Jitter) inv.quality().defects().get(0)).column());
  }
}
