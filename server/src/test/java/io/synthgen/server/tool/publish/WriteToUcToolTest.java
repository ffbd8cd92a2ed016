package io.synthgen.server.tool.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.FakeWorkspace;
import io.synthgen.server.catalog.Warehouse;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.tool.ToolsDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** write_to_uc's rules over an in-memory workspace: approval, catalog and schema, serverless, confirmation. */
class WriteToUcToolTest {

  @TempDir
  Path dir;

  private ToolFixture f;
  private FakeWorkspace ws;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(dir.resolve("scratch"));
    ws = new FakeWorkspace(dir.resolve("scratch"), "demo")
        .warehouse(new Warehouse("wh1", "Serverless", "RUNNING", true));
    f = new ToolFixture(dir, profile -> ws);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void catalogAndSchemaComeFromThePersonAndApprovalComesFirst() throws Exception {
    String id = propose("{\"template\": \"retail\", \"rows\": 200}");
    assertEquals("not_approved", code(f.call("write_to_uc", "{\"plan_id\": \"" + id + "\"}")));
    approve(id, false);
    assertEquals("catalog_schema_required", code(f.call("write_to_uc", "{\"plan_id\": \"" + id + "\"}")));
    // a client that can ask: the person's answer is used
    ToolResult asked = f.call("write_to_uc", "{\"plan_id\": \"" + id + "\", \"dry_run\": true}", "owner-a", null,
        (msg, schema) -> Optional.of(Map.of("catalog", "demo", "schema", "asked")));
    assertFalse(asked.isError(), asked.text());
    assertEquals("asked", asked.structured().path("schema").asText());
    assertEquals(List.of(), ws.changes(), "a dry run changes nothing");
  }

  @Test
  void dryRunThenPublishWithServerlessAcknowledgedThenConfirmToReplace() throws Exception {
    String id = propose("{\"template\": \"retail\", \"rows\": 200}");
    approve(id, false);
    String args = "{\"plan_id\": \"" + id + "\", \"catalog\": \"demo\", \"schema\": \"shop\", \"wait_seconds\": 60";
    ToolResult dry = f.call("write_to_uc", args + ", \"dry_run\": true}");
    assertFalse(dry.isError(), dry.text());
    assertTrue(dry.structured().path("run").asText().contains("generated"), dry.structured().toString());
    assertEquals(5, dry.structured().path("tables").size());
    assertTrue(dry.text().contains("Dry run"), dry.text());

    assertEquals("serverless_not_acknowledged", code(f.call("write_to_uc", args + "}")));
    assertEquals(List.of(), ws.changes());

    JsonNode done = f.call("write_to_uc", args + ", \"acknowledge_serverless\": true}").structured();
    assertEquals("succeeded", done.path("status").asText(), done.toString());
    assertEquals("write_to_uc", done.path("kind").asText());
    assertEquals(5, done.path("result").path("tables").size());
    for (JsonNode t : done.path("result").path("tables")) {
      assertEquals("create", t.path("action").asText());
      assertEquals(t.path("rows").asLong(), t.path("rows_verified").asLong());
    }
    assertTrue(ws.tables().containsKey("demo.shop.customers"), ws.tables().keySet().toString());

    // the tables exist now: replacing them needs the person's word
    ToolResult refused = f.call("write_to_uc", args + ", \"acknowledge_serverless\": true}");
    assertEquals("overwrite_needs_confirmation", code(refused));
    assertTrue(refused.text().contains("demo.shop.customers"), refused.text());
    JsonNode again = f.call("write_to_uc", args + ", \"acknowledge_serverless\": true, \"confirm\": true}")
        .structured();
    assertEquals("succeeded", again.path("status").asText(), again.toString());
    assertEquals("replace", again.path("result").path("tables").get(0).path("action").asText());
  }

  @Test
  void theRenderedPlanAndTheToolDocsSayThatPublishingToUnityCatalogIsAvailable() throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 200, \"destination\": "
        + "{\"kind\": \"unity_catalog\", \"catalog\": \"demo\", \"schema\": \"shop\"}}");
    assertFalse(proposed.isError(), proposed.text());
    String text = proposed.text();
    assertTrue(text.contains("**Output:** `demo.shop.*` (Delta tables), published by `write_to_uc`"), text);
    assertFalse(text.contains("not available"), text);
    String docs = ToolsDoc.markdown();
    assertFalse(docs.contains("not available yet"), "docs/tools.md");
    assertTrue(docs.contains("`write_to_uc` publishes an approved plan's run to Unity Catalog"), "docs/tools.md");
  }

  @Test
  void reusesTheFullRunAndReportsWorkspaceFailuresAsActionableErrors() throws Exception {
    String id = propose("{\"template\": \"retail\", \"rows\": 200, \"destination\": {\"kind\": \"unity_catalog\", "
        + "\"catalog\": \"demo\", \"schema\": \"shop\"}}");
    approve(id, true);
    JsonNode full = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}").structured();
    assertEquals("succeeded", full.path("status").asText(), full.toString());
    ToolResult dry = f.call("write_to_uc", "{\"plan_id\": \"" + id + "\", \"dry_run\": true}");
    assertTrue(dry.structured().path("run").asText().startsWith("reuses the run in "), dry.text());

    ws.refuse("", CatalogException.Kind.AUTHENTICATION);
    ToolResult denied = f.call("write_to_uc", "{\"plan_id\": \"" + id + "\"}");
    assertEquals("databricks_authentication", code(denied));
    assertFalse(denied.structured().path("error").path("next_step").asText().isEmpty());
    ws.clearFaults();

    JsonNode badMode = f.call("write_to_uc", "{\"plan_id\": \"" + id + "\", \"catalog\": \"de.mo\"}").structured();
    assertEquals("invalid_argument", badMode.path("error").path("code").asText(), badMode.toString());
  }

  private String propose(String args) throws Exception {
    ToolResult r = f.call("propose_plan", args);
    assertFalse(r.isError(), r.text());
    return r.structured().path("plan_id").asText();
  }

  private void approve(String id, boolean serverless) throws Exception {
    ToolResult r = f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1"
        + (serverless ? ", \"acknowledge_serverless\": true" : "") + "}");
    assertFalse(r.isError(), r.text());
  }

  private static String code(ToolResult r) {
    assertTrue(r.isError(), "expected an error: " + r.text());
    return r.structured().path("error").path("code").asText();
  }
}
