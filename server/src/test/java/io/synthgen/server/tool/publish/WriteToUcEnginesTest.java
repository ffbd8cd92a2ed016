package io.synthgen.server.tool.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.catalog.FakeWorkspace;
import io.synthgen.server.catalog.Warehouse;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which engine write_to_uc uses: asked for, or by the plan's tier; and the combinations it refuses. */
class WriteToUcEnginesTest {

  @TempDir
  Path dir;

  private ToolFixture f;
  private FakeWorkspace ws;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(dir.resolve("scratch"));
    ws = new FakeWorkspace(dir.resolve("scratch"), "demo")
        .warehouse(new Warehouse("wh1", "Starter", "RUNNING", true));
    f = new ToolFixture(dir, profile -> ws);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void tierOneIsGeneratedHereAndUploadedUnlessAnotherEngineIsAskedFor() throws Exception {
    String id = approved("{\"template\": \"retail\", \"rows\": 200}");
    JsonNode dry = ok(f.call("write_to_uc", args(id) + ", \"dry_run\": true}"));
    assertEquals("upload", dry.path("engine").asText(), dry.toString());
    assertEquals("Tier 1: generated on this machine and uploaded", dry.path("engine_reason").asText());
    assertTrue(dry.path("uploads").has("files"), dry.toString());
    assertEquals(List.of(), ws.changes());
  }

  @Test
  void filesForAVolumeAreAlwaysMadeHere() throws Exception {
    String id = approved("{\"template\": \"retail\", \"rows\": 200, \"tier\": 2}");
    JsonNode files = ok(f.call("write_to_uc", args(id) + ", \"target\": \"files\", \"volume\": \"landing\", "
        + "\"dry_run\": true}"));
    assertEquals("upload", files.path("engine").asText(), files.toString());
    assertEquals("files for a volume are generated on this machine", files.path("engine_reason").asText());

    ToolResult refused = f.call("write_to_uc", args(id) + ", \"target\": \"files\", \"volume\": \"landing\", "
        + "\"engine\": \"warehouse\", \"dry_run\": true}");
    assertTrue(refused.isError(), refused.text());
    assertEquals("invalid_argument", refused.structured().path("error").path("code").asText());
    assertTrue(refused.text().contains("engine warehouse makes Delta tables"), refused.text());
  }

  @Test
  void uploadAskedForOnATierTwoPlanIsUsed() throws Exception {
    String id = approved("{\"template\": \"retail\", \"rows\": 200, \"tier\": 2}");
    JsonNode dry = ok(f.call("write_to_uc", args(id) + ", \"engine\": \"upload\", \"dry_run\": true}"));
    assertEquals("upload", dry.path("engine").asText());
    assertEquals("asked for", dry.path("engine_reason").asText());
    ToolResult unknown = f.call("write_to_uc", args(id) + ", \"engine\": \"spark\", \"dry_run\": true}");
    assertTrue(unknown.isError(), unknown.text());
  }

  @Test
  void tierTwoIsGeneratedInTheWarehouseAndItsDryRunShowsTheCompiledStatements() throws Exception {
    String id = approved("{\"template\": \"retail\", \"rows\": 200, \"tier\": 2}");
    JsonNode dry = ok(f.call("write_to_uc", args(id) + ", \"dry_run\": true}"));
    assertEquals("warehouse", dry.path("engine").asText(), dry.toString());
    assertEquals("wh1", dry.path("warehouse").path("id").asText());
    assertTrue(dry.path("compute").asText().startsWith("Databricks SQL warehouse 'Starter', serverless: generates "),
        dry.toString());
    assertFalse(dry.has("uploads"), "nothing is uploaded");
    assertFalse(dry.has("volume"), "no staging volume");
    assertEquals(List.of("schema demo.shop"), List.of(dry.path("creates").get(0).asText()));
    assertEquals(5, dry.path("tables").size());
    JsonNode customers = dry.path("tables").get(0);
    String create = customers.path("statements").get(0).asText();
    assertTrue(create.startsWith("CREATE OR REPLACE TABLE `demo`.`shop`.`customers` USING DELTA COMMENT "), create);
    assertTrue(create.contains(" AS SELECT CAST(`customer_id` AS BIGINT) AS `customer_id`, "), create);
    assertTrue(create.length() <= 1_500 + 200, "long statements are cut in the answer: " + create.length());
    assertTrue(customers.path("statement_bytes").asLong() > create.length() - 200, customers.toString());
    assertEquals("SELECT count(*) AS `n` FROM `demo`.`shop`.`customers`", customers.path("statements")
        .get(customers.path("statements").size() - 1).asText());
    assertTrue(dry.path("estimate").path("bytes_uncompressed").asLong() > 0, dry.toString());
    assertEquals(List.of(), ws.changes(), "a dry run changes nothing");

    ToolResult ask = f.call("write_to_uc", args(id) + "}");
    assertTrue(ask.isError(), ask.text());
    assertEquals("serverless_not_acknowledged", ask.structured().path("error").path("code").asText());
    assertTrue(ask.text().contains("Generating the tables runs SQL on the serverless warehouse"), ask.text());
    assertEquals(List.of(), ws.changes());
  }

  @Test
  void thePlanShownForUnityCatalogAtTierTwoNamesTheWarehouseWithAnEstimate() throws Exception {
    ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 200, \"tier\": 2, "
        + "\"destination\": {\"kind\": \"unity_catalog\", \"catalog\": \"demo\", \"schema\": \"shop\"}}");
    assertFalse(r.isError(), r.text());
    assertTrue(r.text().contains("**Compute:** Databricks SQL warehouse (chosen at write time), serverless: generates "),
        r.text());
    assertTrue(r.text().contains(" uncompressed) there with the plan compiled to Spark SQL"), r.text());
    assertTrue(r.text().contains("**Output:** `demo.shop.*` (Delta tables), generated in the SQL warehouse"), r.text());
    assertTrue(r.structured().path("engine").asText().startsWith("Spark SQL compiled from the plan"),
        r.structured().path("engine").asText());
  }

  private static String args(String id) {
    return "{\"plan_id\": \"" + id + "\", \"catalog\": \"demo\", \"schema\": \"shop\"";
  }

  private String approved(String proposal) throws Exception {
    ToolResult r = f.call("propose_plan", proposal);
    assertFalse(r.isError(), r.text());
    String id = r.structured().path("plan_id").asText();
    ToolResult a = f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
    assertFalse(a.isError(), a.text());
    return id;
  }

  private static JsonNode ok(ToolResult r) {
    assertFalse(r.isError(), r.text());
    return r.structured();
  }
}
