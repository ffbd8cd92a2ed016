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
