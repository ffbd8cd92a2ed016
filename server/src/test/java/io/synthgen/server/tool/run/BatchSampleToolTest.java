package io.synthgen.server.tool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.engine.TableSource;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.view.BatchSamples;
import io.synthgen.server.view.Samples;
import io.synthgen.vec.Batch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate_sample of a plan with a series: rows of batch 0 and batch 1 of its feeds and append tables. */
class BatchSampleToolTest {

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

  private String planWith(String operations) throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000}");
    assertFalse(proposed.isError(), proposed.text());
    String id = proposed.structured().path("plan_id").asText();
    ToolResult revised = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": "
        + operations + "}");
    assertFalse(revised.isError(), revised.text());
    return id;
  }

  /** The sample's rows of one table and batch. */
  private static JsonNode shown(JsonNode sample, String name, long batch) {
    for (JsonNode b : sample.path("batches")) {
      if (b.path("name").asText().equals(name) && b.path("batch").asLong() == batch) {
        return b;
      }
    }
    throw new AssertionError("no batch " + batch + " of " + name + " in " + sample.path("batches"));
  }

  /** The first rows of {@code name} in batch k as Batches.batch writes them, as the sample's JSON rows. */
  private List<JsonNode> written(String id, String name, long k) throws Exception {
    ResolvedPlan r = f.services.resolved(id, f.services.plans().version(id, 2));
    for (TableSource s : Batches.batch(r, k)) {
      if (s.name().equals(name)) {
        Batch b = s.chunk(0, BatchSamples.ROWS_PER_BATCH);
        List<JsonNode> out = new ArrayList<>();
        Samples.rows(b, BatchSamples.ROWS_PER_BATCH).forEach(out::add);
        return out;
      }
    }
    throw new AssertionError("batch " + k + " writes no " + name);
  }

  @Test
  void anAppendTableShowsBatchZeroAndOneWithKeysContinuing() throws Exception {
    String id = planWith("[{\"op\": \"set_batch\", \"table\": \"inventory\", \"mode\": \"append\"}]");
    ToolResult sample = f.call("generate_sample", "{\"plan_id\": \"" + id + "\", \"version\": 2}");
    assertFalse(sample.isError(), sample.text());
    JsonNode s = sample.structured();
    JsonNode b0 = shown(s, "inventory", 0);
    JsonNode b1 = shown(s, "inventory", 1);
    assertEquals("append", b1.path("role").asText());
    assertEquals(5000, b1.path("batch_rows").asLong());
    assertEquals(BatchSamples.ROWS_PER_BATCH, b1.path("rows").size());
    long first0 = b0.path("rows").get(0).path("inventory_id").asLong();
    long first1 = b1.path("rows").get(0).path("inventory_id").asLong();
    assertEquals(first0 + 5000, first1, "batch 1's keys continue batch 0's");
    List<JsonNode> rows1 = new ArrayList<>();
    b1.path("rows").forEach(rows1::add);
    assertEquals(written(id, "inventory", 1), rows1);
    assertTrue(sample.text().contains("### inventory, batch 1: first 5 of 5,000 rows"), sample.text());
    // the tables without a part in the batches are not repeated
    assertTrue(s.path("batches").size() == 2, s.path("batches").toString());
  }

  @Test
  void aChangeFeedShowsItsFullLoadAndTheOperationsOfBatchOne() throws Exception {
    String id = planWith("[{\"op\": \"set_change_feed\", \"table\": \"customers\", \"changes\": "
        + "[\"email\", \"city\"]}]");
    ToolResult sample = f.call("generate_sample", "{\"plan_id\": \"" + id + "\", \"version\": 2}");
    assertFalse(sample.isError(), sample.text());
    JsonNode s = sample.structured();
    JsonNode b0 = shown(s, "customers_cdc", 0);
    JsonNode b1 = shown(s, "customers_cdc", 1);
    assertEquals("feed", b0.path("role").asText());
    assertEquals("customers", b0.path("table").asText());
    assertEquals(1000, b0.path("batch_rows").asLong(), "the full load");
    assertEquals(100, b1.path("batch_rows").asLong(), "rows_per_batch, a tenth of the table");
    for (JsonNode row : b0.path("rows")) {
      assertEquals("APPEND", row.path("operation").asText(), row.toString());
    }
    List<JsonNode> rows0 = new ArrayList<>();
    b0.path("rows").forEach(rows0::add);
    List<JsonNode> rows1 = new ArrayList<>();
    b1.path("rows").forEach(rows1::add);
    assertEquals(BatchSamples.ROWS_PER_BATCH, rows1.size());
    assertEquals(written(id, "customers_cdc", 0), rows0);
    assertEquals(written(id, "customers_cdc", 1), rows1, "batch 1's rows at the same positions");
    String text = sample.text();
    assertTrue(text.contains("### customers_cdc, batch 0: first 5 of 1,000 rows (the full load)"), text);
    assertTrue(text.contains("### customers_cdc, batch 1: first 5 of 100 operations"), text);
    assertTrue(text.indexOf("customers_cdc, batch 0") < text.indexOf("customers_cdc, batch 1"), text);
  }

  @Test
  void theIotTemplateWithItsCdcRecipeShowsTheDeviceFeedAndTheDailyReadings() throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"iot\", \"rows\": 1000, \"recipes\": "
        + "[\"cdc\"]}");
    assertFalse(proposed.isError(), proposed.text());
    String id = proposed.structured().path("plan_id").asText();
    ToolResult sample = f.call("generate_sample", "{\"plan_id\": \"" + id + "\", \"head\": 3}");
    assertFalse(sample.isError(), sample.text());
    JsonNode s = sample.structured();
    assertEquals("feed", shown(s, "devices_cdc", 1).path("role").asText());
    JsonNode r0 = shown(s, "sensor_readings", 0);
    JsonNode r1 = shown(s, "sensor_readings", 1);
    assertEquals("append", r1.path("role").asText());
    long perBatch = r0.path("batch_rows").asLong();
    assertEquals(r0.path("rows").get(0).path("reading_id").asLong() + perBatch,
        r1.path("rows").get(0).path("reading_id").asLong(), "batch 1's readings continue batch 0's ids");
    assertTrue(sample.text().contains("### devices_cdc, batch 1: first 5 of 100 operations"), sample.text());
  }

  @Test
  void aPlanWithoutSeriesHasNoBatches() throws Exception {
    String id = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000}").structured().path("plan_id")
        .asText();
    ToolResult sample = f.call("generate_sample", "{\"plan_id\": \"" + id + "\"}");
    assertFalse(sample.isError(), sample.text());
    assertTrue(sample.structured().path("batches").isMissingNode());
    assertFalse(sample.text().contains("Batches of the series"), sample.text());
  }
}
