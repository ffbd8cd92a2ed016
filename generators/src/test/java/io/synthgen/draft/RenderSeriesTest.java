package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Defect;
import io.synthgen.plan.History;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.template.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rendered plan and its diff show the series, each table's part in it and the injected defects. */
class RenderSeriesTest {

  static String render(Plan p) {
    return PlanRenderer.markdown(p, new PlanRenderer.Context(null, 1, Tiers.decide(1000, p.destination(), 0),
        "synthgen local engine", "`out/`", Map.of()));
  }

  /** Retail with a feed on customers, a history of it, append transactions and defects on customers. */
  static Plan incremental() throws Exception {
    Plan p = Templates.load("retail");
    List<Table> tables = new ArrayList<>();
    for (Table t : p.tables()) {
      switch (t.name()) {
        case "customers":
          tables.add(t.withChangeFeed(new ChangeFeed(null, 1000, new ChangeFeed.Weights(50, 30, 10),
              List.of("email", "address_line1"), ChangeFeed.Format.PLAIN, "APPEND", null, null))
              .withQuality(new Quality(List.of(new Defect.Nulls(List.of("email"), 0.02),
                  new Defect.Duplicates(0.04)), Quality.GroundTruth.SIDECAR)));
          tables.add(new Table("customers_history", 0, null, null, null, List.of(), Batching.STATIC, null,
              new History("customers"), null));
          break;
        case "transactions":
          tables.add(t.withBatching(new Batching(Batching.Mode.APPEND, List.of("txn_timestamp"))));
          break;
        default:
          tables.add(t);
      }
    }
    return p.withTables(tables).withSeries(new Series("2024-01-01", "1 day", 5));
  }

  @Test
  void showsTheSeriesEachTablesPartAndItsDefects() throws Exception {
    String md = render(incremental());
    assertTrue(md.contains("**Series:** 5 batches, 1 day each, from 2024-01-01\n"), md);
    assertTrue(md.contains("**Batches:** customers_cdc: full load 10,000 then 1,000 per batch, "
        + "APPEND/UPDATE/DELETE 50/30/10, changes email, address_line1, columns operation, operation_date\n"), md);
    assertTrue(md.contains("**Quality:** email nulls 2%, duplicates 4% (ground truth: customers_cdc_defects)\n"), md);
    assertTrue(md.contains("### customers_history — history of customers\n\n**Batches:** customers_history: SCD2 "
        + "of customers"), md);
    assertTrue(md.contains("**Batches:** 50,000 rows per batch (keys continue), txn_timestamp advances 1 day per "
        + "batch\n"), md);
    assertTrue(md.contains("### products — 5,000 rows\n\n**Batches:** static: batch 0 only\n"), md);
  }

  @Test
  void aPlanWithoutSeriesRendersAsBefore() throws Exception {
    String md = render(Templates.load("retail"));
    assertFalse(md.contains("**Series:**"), md);
    assertFalse(md.contains("**Batches:**"), md);
    assertFalse(md.contains("**Quality:**"), md);
  }

  @Test
  void defaultChangesAndAdvanceAreShownAsTheyApply() throws Exception {
    Plan p = incremental();
    List<Table> tables = new ArrayList<>();
    for (Table t : p.tables()) {
      if (t.name().equals("customers")) {
        t = t.withChangeFeed(new ChangeFeed("customers_cdc", 1000, ChangeFeed.Weights.GENERIC, null,
            ChangeFeed.Format.PLAIN, "APPEND", "operation", "operation_date"));
      } else if (t.name().equals("transactions")) {
        t = t.withBatching(new Batching(Batching.Mode.APPEND, null));
      }
      tables.add(t);
    }
    String md = render(p.withTables(tables));
    // every output column but the key; txn_timestamp spans a year, wider than a day: it does not advance
    assertTrue(md.contains("changes first_name, last_name, email, phone, address_line1, city, state, zip_code, "
        + "signup_date, lifetime_value, is_active, loyalty_tier, columns"), md);
    assertTrue(md.contains("**Batches:** 50,000 rows per batch (keys continue), no column advances"), md);
    // the line items of an append transaction table append too
    assertTrue(md.contains("### line_items — 150,000 rows (poisson(λ 2) + 1, in 1–10 per transactions row)\n\n"
        + "**Batches:** 150,000 rows per batch (keys continue)"), md);
  }

  @Test
  void theDiffNamesEachChangeInTheRenderedWords() throws Exception {
    Plan before = Templates.load("retail");
    Plan after = incremental();
    List<String> diff = PlanDiff.lines(before, after);
    String all = String.join("\n", diff);
    assertTrue(diff.contains("+ series: 5 batches, 1 day each, from 2024-01-01"), all);
    assertTrue(diff.contains("+ change feed customers_cdc: full load 10,000 then 1,000 per batch, "
        + "APPEND/UPDATE/DELETE 50/30/10, changes email, address_line1, columns operation, operation_date"), all);
    assertTrue(diff.contains("+ defect customers: email nulls 2%"), all);
    assertTrue(diff.contains("+ defect customers: duplicates 4%"), all);
    assertTrue(diff.contains("+ table customers_history (SCD2 history of customers)"), all);
    assertTrue(diff.contains("~ transactions batches: static → 50,000 rows per batch (keys continue), "
        + "txn_timestamp advances 1 day per batch"), all);
    List<String> back = PlanDiff.lines(after, before);
    String b = String.join("\n", back);
    assertTrue(back.contains("- series: 5 batches, 1 day each, from 2024-01-01"), b);
    assertTrue(back.contains("- change feed customers_cdc of customers"), b);
    assertTrue(back.contains("- defect customers: duplicates 4%"), b);
    assertTrue(back.contains("- table customers_history"), b);
  }
}
