package io.synthgen.plan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Defect;
import io.synthgen.plan.History;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Series;
import io.synthgen.plan.SeriesFixtures;
import io.synthgen.plan.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Series, batches, change feeds, history tables and every defect decode, encode and read back equal. */
class PlanCodecSeriesTest {

  @Test
  void fullPlanRoundTrips() throws Exception {
    Plan p = PlanCodec.read(SeriesFixtures.FULL);
    String written = PlanCodec.write(p);
    assertEquals(p, PlanCodec.read(written));
    assertEquals(written, PlanCodec.write(PlanCodec.read(written)), "writing is stable");
  }

  @Test
  void defaultsRoundTripAndAreWrittenOut() throws Exception {
    Plan p = PlanCodec.read(SeriesFixtures.DEFAULTS);
    assertEquals(p, PlanCodec.read(PlanCodec.write(p)));
    JsonNode feed = PlanCodec.toJson(p).at("/tables/0/change_feed");
    assertEquals(List.of("name", "rows_per_batch", "weights", "format", "append_as", "operation_column",
        "sequence_column"), fields(feed), "a feed's defaults are written, changes (derived) is not");
    assertEquals("devices_cdc", feed.get("name").asText());
    assertEquals(5, PlanCodec.toJson(p).at("/series/batches").asLong());
    assertEquals("sidecar", PlanCodec.toJson(p).at("/tables/2/quality/ground_truth").asText());
    assertEquals("{\"mode\":\"append\"}", PlanCodec.toJson(p).at("/tables/2/batch").toString());
    assertTrue(PlanCodec.toJson(p).at("/tables/1/batch").isMissingNode(), "a history table writes no batch");
  }

  @Test
  void everyDefectKindIsInTheFixture() throws Exception {
    Plan p = PlanCodec.read(SeriesFixtures.FULL);
    Set<String> kinds = new HashSet<>();
    for (Defect d : p.table("readings").orElseThrow().quality().defects()) {
      kinds.add(SeriesEncoder.kind(d));
    }
    assertEquals(PlanFields.DEFECT.keySet(), kinds);
    assertEquals(PlanFields.DEFECT.size(), Defect.class.getPermittedSubclasses().length);
  }

  @Test
  void decodesTheValues() throws Exception {
    Plan p = PlanCodec.read(SeriesFixtures.FULL);
    assertEquals(new Series("2024-01-01", "1 day", 5), p.series());
    Table devices = p.table("devices").orElseThrow();
    assertEquals(new ChangeFeed("devices_cdc", 100, new ChangeFeed.Weights(20, 70, 10), List.of("firmware",
        "status"), ChangeFeed.Format.PLAIN, "INSERT", "operation", "operation_date"), devices.changeFeed());
    assertEquals(Batching.STATIC, devices.batching());
    Table history = p.table("devices_history").orElseThrow();
    assertEquals(new History("devices"), history.history());
    assertFalse(history.generated());
    assertEquals(List.of(), history.columns());
    Table readings = p.table("readings").orElseThrow();
    assertEquals(new Batching(Batching.Mode.APPEND, List.of("reading_ts")), readings.batching());
    Quality q = readings.quality();
    assertEquals(Quality.GroundTruth.COLUMNS, q.groundTruth());
    assertEquals(new Defect.Nulls(List.of("value"), 0.02), q.defects().get(0));
    assertEquals(new Defect.OutOfRange("value", 0.005, null, 10.0), q.defects().get(9));
    assertEquals(new Defect.OutOfRange("battery", 0.001, -1.0, null), q.defects().get(10));
  }

  @Test
  void decodesTheDefaults() throws Exception {
    Plan p = PlanCodec.read(SeriesFixtures.DEFAULTS);
    assertEquals(Series.DEFAULT_BATCHES, p.series().batches());
    ChangeFeed f = p.table("devices").orElseThrow().changeFeed();
    assertEquals(new ChangeFeed("devices_cdc", 100, ChangeFeed.Weights.GENERIC, null, ChangeFeed.Format.PLAIN,
        "APPEND", ChangeFeed.DEFAULT_OPERATION_COLUMN, ChangeFeed.DEFAULT_SEQUENCE_COLUMN), f);
    Table readings = p.table("readings").orElseThrow();
    assertNull(readings.batching().advance());
    assertEquals(Quality.GroundTruth.SIDECAR, readings.quality().groundTruth());
    assertEquals(List.of(new Defect.Jitter("reading_ts", 1.0, Defect.Jitter.DEFAULT_MAX),
        new Defect.VeryLate("reading_ts", 0.05, Defect.VeryLate.DEFAULT_MAX),
        new Defect.DateFormats("reading_ts", 0.15, Defect.DateFormats.DEFAULT_FORMATS)), readings.quality().defects());
  }

  @Test
  void weightsLeftOutOfTheObjectAreZero() throws Exception {
    Plan p = PlanCodec.read(SeriesFixtures.DEFAULTS.replace("\"rows_per_batch\": 100",
        "\"rows_per_batch\": 100, \"weights\": {\"update\": 1}"));
    assertEquals(new ChangeFeed.Weights(0, 1, 0), p.table("devices").orElseThrow().changeFeed().weights());
  }

  @Test
  void eachFeedFormatRoundTrips() throws Exception {
    for (ChangeFeed.Format format : ChangeFeed.Format.values()) {
      String json = SeriesFixtures.FULL.replace("\"format\": \"plain\", \"append_as\": \"INSERT\"",
          "\"format\": \"" + format.name().toLowerCase(java.util.Locale.ROOT) + "\"");
      Plan p = PlanCodec.read(json);
      assertEquals(format, p.table("devices").orElseThrow().changeFeed().format());
      assertEquals(p, PlanCodec.read(PlanCodec.write(p)));
    }
  }

  private static List<String> fields(JsonNode o) {
    List<String> out = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
