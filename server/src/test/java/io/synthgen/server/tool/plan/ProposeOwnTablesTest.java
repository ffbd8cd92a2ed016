package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** propose_plan with the person's own tables: every plan field in one call, every problem in one answer. */
class ProposeOwnTablesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static ObjectNode lineItems() throws Exception {
    try (InputStream in = ProposeOwnTablesTest.class.getResourceAsStream("/draft/line-items.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  @Test
  void theLineItemsRequestIsOneCall() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult r = f.call("propose_plan", lineItems().toString());
      assertFalse(r.isError(), r.text());
      String id = r.structured().path("plan_id").asText();
      var plan = f.services.plans().get(id).latest().plan();
      assertEquals(List.of("customers", "orders", "line_items"), plan.tables().stream().map(t -> t.name()).toList());
      assertEquals("orders", plan.table("line_items").orElseThrow().perParent().table());
      assertTrue(r.text().contains("line_items"), r.text());
    }
  }

  @Test
  void ownTablesWithAFeedHistoryAndAppendsGetTheDefaultSeriesAndSayIt() throws Exception {
    String tables = """
        {"name": "direct", "tables": [
         {"name": "devices", "rows": 100, "primary_key": "device_id", "columns": [
           {"name": "device_id", "type": "bigint", "strategy": "sequence"}, {"name": "status", "values": ["on", "off"]}],
          "change_feed": {"rows_per_batch": 10, "weights": {"update": 90, "delete": 10}}},
         {"name": "devices_history", "history": {"of": "devices"}},
         {"name": "readings", "rows": 500, "primary_key": "reading_id", "batch": {"mode": "append"}, "columns": [
           {"name": "reading_id", "type": "bigint", "strategy": "sequence"},
           {"name": "ts", "type": "timestamp", "strategy": "date_range", "start": "2024-03-01",
            "end": "2024-03-01T23:59:59"}]}]}""";
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult r = f.call("propose_plan", tables);
      assertFalse(r.isError(), r.text());
      var plan = f.services.plans().get(r.structured().path("plan_id").asText()).latest().plan();
      assertEquals("2024-03-01", plan.series().start());
      String note = r.structured().path("notes").path(0).asText();
      assertTrue(note.startsWith("Added the default series") && note.contains("It starts on 2024-03-01"), r.text());
      assertTrue(r.text().contains(note), r.text());
    }
  }

  @Test
  void fiveMistakesAreFiveViolations() throws Exception {
    ObjectNode args = lineItems();
    JsonNode tables = args.get("tables");
    ((ObjectNode) tables.get(0)).put("rowz", 5);
    ((ObjectNode) tables.get(0).get("columns").get(3)).putArray("weights").add(60).add(30);
    ((ObjectNode) tables.get(1).get("columns").get(3)).put("function", "median");
    args.putObject("destination").put("kind", "local").put("path", "shop").put("format", "xlsx");
    ((ObjectNode) tables.get(2).get("columns").get(4)).put("expr", "quantity * unit_prize");
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult r = f.call("propose_plan", args.toString());
      assertTrue(r.isError(), r.text());
      List<String> paths = new ArrayList<>();
      r.structured().path("error").path("violations").forEach(v -> paths.add(v.path("path").asText()));
      assertEquals(List.of("destination.format", "tables[0].columns[3].weights", "tables[0].rowz",
          "tables[1].columns[3].function", "tables[2].columns[4].expr"), paths.stream().sorted().toList(),
          r.text());
    }
  }
}
