package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.template.Templates;
import org.junit.jupiter.api.Test;

/** Revisions of plans with a series that used to be refused or to say something the run does not do. */
class SeriesFixesTest {

  @Test
  void addTableWorksOnAPlanWithAHistoryTable() throws Exception {
    Plan p = RevisionsTest.revise(Templates.load("retail"), """
        [{"op": "set_change_feed", "table": "customers"},
         {"op": "add_history", "table": "customers_history", "of": "customers"}]""");
    Plan q = RevisionsTest.revise(p, """
        [{"op": "add_table", "table": {"name": "zzz", "rows": 5, "columns": ["id", "name"]}}]""");
    assertEquals(2, q.table("zzz").orElseThrow().columns().size());
    assertTrue(q.table("customers_history").orElseThrow().history() != null);
  }
}
