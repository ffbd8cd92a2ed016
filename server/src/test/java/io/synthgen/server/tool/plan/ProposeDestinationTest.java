package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text-format destination either gets a compression it can write or is refused when proposed; an accepted one
 * runs (before, jsonl took the Parquet default zstd, was approved, and failed at generate_full).
 */
class ProposeDestinationTest {

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
  void aJsonlDestinationWithoutCompressionIsWrittenUncompressed() throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 50, \"only_tables\": "
        + "[\"customers\"], \"destination\": {\"kind\": \"local\", \"path\": \"shop\", \"format\": \"jsonl\"}}");
    assertFalse(proposed.isError(), proposed.text());
    assertEquals("none", proposed.structured().path("plan").path("destination").path("compression").asText(),
        proposed.structured().path("plan").path("destination").toString());
    String id = proposed.structured().path("plan_id").asText();
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}").isError());
    ToolResult run = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
    assertEquals("succeeded", run.structured().path("status").asText(), run.text());
    assertTrue(Files.isRegularFile(f.out.resolve("shop").resolve("customers.jsonl")),
        f.out.resolve("shop").toString());
  }

  @Test
  void aJsonlDestinationWithZstdIsRefusedWhenProposed() throws Exception {
    ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 50, \"only_tables\": "
        + "[\"customers\"], \"destination\": {\"kind\": \"local\", \"path\": \"shop\", \"format\": \"jsonl\", "
        + "\"compression\": \"zstd\"}}");
    assertTrue(r.isError(), r.text());
    assertEquals("invalid_plan", r.structured().path("error").path("code").asText(), r.text());
    assertTrue(r.structured().toString().contains("destination.compression"), r.structured().toString());
  }

  @Test
  void aDestinationThatIsAFileIsRefusedWhenProposed() throws Exception {
    Files.createDirectories(f.out);
    Files.writeString(f.out.resolve("afile"), "not a folder");
    for (String path : new String[] {"afile", "afile/x"}) {
      ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 50, \"only_tables\": "
          + "[\"customers\"], \"destination\": {\"kind\": \"local\", \"path\": \"" + path + "\"}}");
      assertTrue(r.isError(), r.text());
      assertEquals("destination_not_a_folder", r.structured().path("error").path("code").asText(), r.text());
      assertTrue(r.structured().path("error").path("message").asText().contains("afile"), r.text());
    }
  }
}
