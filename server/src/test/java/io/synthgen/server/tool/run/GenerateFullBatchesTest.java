package io.synthgen.server.tool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.server.cli.BatchCommandsTest;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate_full with batch, layout and snapshot_after: landed folders, refusals with their fixes, confirmation. */
class GenerateFullBatchesTest {

  @TempDir
  Path dir;
  ToolFixture f;
  String id;

  @BeforeEach
  void approve() throws Exception {
    f = new ToolFixture(dir);
    id = f.services.plans().create("owner-a", PlanCodec.read(BatchCommandsTest.PLAN), "test", 0).id();
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}").isError());
  }

  @AfterEach
  void close() {
    f.close();
  }

  private ToolResult full(String more) throws Exception {
    return f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60" + more + "}");
  }

  private static String code(ToolResult r) {
    assertTrue(r.isError(), r.text());
    return r.structured().path("error").path("code").asText();
  }

  @Test
  void batchesLandBesideEachOtherAndTheResultNamesThem() throws Exception {
    ToolResult b1 = full(", \"batch\": 1");
    assertFalse(b1.isError(), b1.text());
    JsonNode s = b1.structured();
    assertEquals("succeeded", s.path("status").asText(), s.toString());
    assertEquals(1, s.path("batch").asInt());
    assertEquals("batches", s.path("layout").asText());
    JsonNode table = s.path("result").path("manifest").path("tables").get(0);
    assertEquals("readings", table.path("name").asText());
    assertEquals("readings/batch_0001", table.path("folder").asText());
    Path root = Path.of(s.path("output_dir").asText());
    assertTrue(root.startsWith(f.out), root.toString());
    assertTrue(Files.isRegularFile(root.resolve("readings/batch_0001/part-00000.parquet")));
    byte[] before = Files.readAllBytes(root.resolve("readings/batch_0001/part-00000.parquet"));

    assertFalse(full(", \"batch\": 0").isError());
    assertTrue(Files.isRegularFile(root.resolve("devices/batch_0000/part-00000.parquet")));
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(
        root.resolve("readings/batch_0001/part-00000.parquet"))), "batch 0 leaves batch 1 as it was");

    // batch 1 again: the client cannot ask, so the assistant is told to ask; overwrite: true replaces exactly it
    ToolResult again = full(", \"batch\": 1");
    assertEquals("overwrite_needs_confirmation", code(again));
    assertTrue(again.structured().path("error").path("next_step").asText().contains("batch 2"), again.text());
    ToolResult replaced = full(", \"batch\": 1, \"overwrite\": true");
    assertTrue(replaced.structured().path("result").path("replaced").asBoolean(), replaced.text());
    assertTrue(Files.isRegularFile(root.resolve("devices/batch_0000/part-00000.parquet")));
  }

  @Test
  void refusalsSayTheFix() throws Exception {
    assertEquals("batch_outside_series", code(full(", \"batch\": 5")));
    assertEquals("bad_arguments", code(full(", \"batch\": 1, \"snapshot_after\": 1")));
    assertEquals("bad_arguments", code(full(", \"layout\": \"days\"")));
    String retail = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 200}").structured()
        .path("plan_id").asText();
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + retail + "\", \"version\": 1}").isError());
    ToolResult none = f.call("generate_full", "{\"plan_id\": \"" + retail + "\", \"batch\": 0}");
    assertEquals("no_series", code(none));
    assertTrue(none.structured().path("error").path("next_step").asText().contains("set_series"), none.text());
  }

  @Test
  void aBatchBeyondTheLayoutsNamesIsRefusedWithTheLimitAndAnyBatchOfTheSeriesIsAccepted() throws Exception {
    io.synthgen.plan.Plan p = PlanCodec.read(BatchCommandsTest.PLAN);
    io.synthgen.plan.Series s = p.series();
    String longer = f.services.plans().create("owner-a", p.withSeries(new io.synthgen.plan.Series(s.start(), "1 hour",
        20_000)), "test", 0).id();
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + longer + "\", \"version\": 1}").isError());
    ToolResult cdc = f.call("generate_full", "{\"plan_id\": \"" + longer + "\", \"batch\": 1500, \"layout\": "
        + "\"cdc_raw\"}");
    assertEquals("bad_arguments", code(cdc));
    assertTrue(cdc.text().contains("0 to 999") && cdc.text().contains("layout batches"), cdc.text());
    ToolResult batches = f.call("generate_full", "{\"plan_id\": \"" + longer + "\", \"batch\": 15000}");
    assertEquals("bad_arguments", code(batches));
    assertTrue(batches.text().contains("0 to 9999") && batches.text().contains("synthgen generate --batch 15000"),
        batches.text());
  }

  @Test
  void layoutAloneLandsBatchZeroInTheSeedsNames() throws Exception {
    ToolResult r = full(", \"layout\": \"cdc_raw\"");
    assertFalse(r.isError(), r.text());
    Path root = Path.of(r.structured().path("output_dir").asText());
    assertTrue(Files.isRegularFile(root.resolve("cdc_raw/readings/initial_load/part-00000.parquet")));
    assertTrue(Files.isRegularFile(root.resolve("cdc_raw/devices/initial_load/part-00000.parquet")));
  }
}
