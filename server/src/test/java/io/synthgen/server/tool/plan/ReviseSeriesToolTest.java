package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** revise_plan with the operations on series, feeds, histories and defects, as the assistant calls it. */
class ReviseSeriesToolTest {

  @TempDir
  Path dir;
  ToolFixture f;

  @BeforeEach
  void open() {
    f = new ToolFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aFeedAndDefectsShowInTheDiffTheNotesAndTheRenderedPlan() throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000}");
    assertFalse(proposed.isError(), proposed.text());
    String id = proposed.structured().path("plan_id").asText();
    ToolResult revised = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
        + "{\"op\": \"set_change_feed\", \"table\": \"customers\", \"changes\": [\"email\", \"address_line1\"]},"
        + "{\"op\": \"add_history\", \"table\": \"customers_history\", \"of\": \"customers\"},"
        + "{\"op\": \"add_defect\", \"table\": \"customers\", \"defect\": {\"defect\": \"nulls\", "
        + "\"columns\": [\"email\"], \"rate\": 0.02}}]}");
    assertFalse(revised.isError(), revised.text());
    JsonNode s = revised.structured();
    String text = revised.text();
    // the default series is added with the feed, and the result says so
    assertEquals("2026-03-01", s.path("plan").path("series").path("start").asText(), s.toString());
    assertTrue(s.path("notes").get(0).asText().startsWith("Added the default series (5 batches, 1 day each, from "
        + "2026-03-01) because customers has a change feed"), s.path("notes").toString());
    assertTrue(text.contains("+ series: 5 batches, 1 day each, from 2026-03-01"), text);
    assertTrue(text.contains("+ change feed customers_cdc: full load"), text);
    assertTrue(text.contains("+ defect customers: email nulls 2%"), text);
    assertTrue(text.contains("+ table customers_history (SCD2 history of customers)"), text);
    JsonNode tables = s.path("tables");
    assertEquals("feed", tables.get(0).path("role").asText(), tables.toString());
    assertEquals("customers_cdc", tables.get(0).path("output").asText(), tables.toString());
    assertEquals("history", tables.get(1).path("role").asText(), tables.toString());
    assertEquals("static", tables.get(2).path("role").asText(), tables.toString());
    // the rendered plan
    assertTrue(text.contains("**Series:** 5 batches, 1 day each, from 2026-03-01"), text);
    assertTrue(text.contains("**Batches:** customers_cdc: full load "), text);
    assertTrue(text.contains("changes email, address_line1"), text);
    assertTrue(text.contains("**Quality:** email nulls 2% (ground truth: customers_cdc_defects)"), text);
    assertTrue(text.contains("### customers_history — history of customers"), text);
  }

  @Test
  void aTemplateWithAChangeFeedIsOneProposal() throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"iot\", \"rows\": 1000, "
        + "\"recipes\": [\"cdc\", \"quality\"]}");
    assertFalse(proposed.isError(), proposed.text());
    JsonNode plan = proposed.structured().path("plan");
    assertEquals(5, plan.path("series").path("batches").asInt(), plan.toString());
    String text = proposed.text();
    assertTrue(text.contains("**Series:** 5 batches, 1 day each, from ref-5d (2026-02-24)"), text);
    assertTrue(text.contains("**Batches:** devices_cdc: full load 1,000 then 100 per batch"), text);
    assertTrue(text.contains("### devices_history — history of devices"), text);
    assertTrue(text.contains("**Quality:**"), text);
    ToolResult own = f.call("propose_plan", "{\"tables\": [{\"name\": \"a\", \"columns\": [\"a_id\"]}], "
        + "\"recipes\": [\"cdc\"]}");
    assertTrue(own.isError());
    assertEquals("invalid_argument", own.structured().path("error").path("code").asText());
    assertTrue(own.structured().path("error").path("next_step").asText().contains("set_change_feed"), own.text());
    ToolResult twice = f.call("propose_plan", "{\"template\": \"iot\", \"recipes\": [\"cdc\", \"cdc\"]}");
    assertTrue(twice.isError(), twice.text());
  }

  @Test
  void aRefusedOperationNamesItsPathAndFixAndNoVersionIsMade() throws Exception {
    String id = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000}").structured().path("plan_id")
        .asText();
    ToolResult refused = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
        + "{\"op\": \"set_rows\", \"table\": \"customers\", \"rows\": 2000},"
        + "{\"op\": \"add_history\", \"table\": \"products_history\", \"of\": \"products\"}]}");
    assertTrue(refused.isError());
    JsonNode v = refused.structured().path("error").path("violations").get(0);
    assertEquals("operations[1].of", v.path("path").asText(), refused.structured().toString());
    assertTrue(v.path("fix").asText().contains("set_change_feed"), v.toString());
    ToolResult plan = f.call("get_plan", "{\"plan_id\": \"" + id + "\"}");
    assertEquals(1, plan.structured().path("latest_version").asInt(), "nothing was applied");
  }
}
