package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Batching;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A described table passes batch, change_feed and quality to the plan, and a history table is drafted as it is. */
class DraftSeriesFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void describedTablesCarryTheSeriesFields() throws Exception {
    ObjectNode request = (ObjectNode) JSON.readTree("""
        {"tables": [
          {"name": "devices", "rows": 100, "columns": ["device_id", "firmware", "status"],
           "change_feed": {"rows_per_batch": 10, "changes": ["firmware"]}},
          {"name": "devices_history", "history": {"of": "devices"}},
          {"name": "readings", "rows": 1000, "batch": {"mode": "append"},
           "columns": ["reading_id", {"name": "device_id", "references": "devices"}, "value"],
           "quality": {"defects": [{"defect": "duplicates", "rate": 0.01}]}}]}
        """);
    ObjectNode tree = Drafter.draft(request, LocalDate.of(2025, 1, 1), 42);
    assertFalse(tree.at("/tables/1").has("columns"), "a history table is drafted without columns");
    tree.set("series", JSON.readTree("{\"start\": \"2024-01-01\", \"interval\": \"1 day\"}"));
    Plan p = PlanCodec.read(tree.toString());
    assertEquals(List.of("firmware"), p.table("devices").orElseThrow().changeFeed().changes());
    assertEquals("devices", p.table("devices_history").orElseThrow().history().of());
    assertEquals(Batching.Mode.APPEND, p.table("readings").orElseThrow().batching().mode());
    assertEquals(List.of(new Defect.Duplicates(0.01)), p.table("readings").orElseThrow().quality().defects());
  }

  @Test
  void aHistoryTableWithColumnsIsRefusedByThePlan() {
    ObjectNode request;
    try {
      request = (ObjectNode) JSON.readTree("""
          {"tables": [{"name": "devices", "rows": 100, "columns": ["device_id", "status"]},
                      {"name": "h", "history": {"of": "devices"}, "columns": ["x"]}]}
          """);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.synthgen.plan.PlanException.class,
        () -> Drafter.plan(request, LocalDate.of(2025, 1, 1), 42, null));
    assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("tables[1].columns")
        && v.fix().contains("a history table's columns are devices's")), e.violations().toString());
  }
}
