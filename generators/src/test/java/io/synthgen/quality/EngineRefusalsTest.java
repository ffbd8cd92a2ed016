package io.synthgen.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.series.Batches;
import io.synthgen.testing.SeriesColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of the series and quality engines is a plan violation first: each plan below is one the engine
 * would throw on, and the checker refuses it at the named path; the same plan without the fault runs every batch.
 */
class EngineRefusalsTest {

  private static String col(String name, String type, String rest) {
    return SeriesColumns.col(name, type, rest);
  }

  /**
   * devices (a sequence key, a pattern serial, a values-keyed code) and readings with every kind of column, plus an
   * omitted helper; {@code devices} and {@code readings} get the extra JSON members given, the plan a series.
   */
  static String plan(String devicesExtra, String readingsExtra) {
    return """
        {"format": "synthgen.plan/v1", "name": "test", "seed": 5, "reference_date": "2025-01-01",
         "series": {"start": "2024-01-01", "interval": "1 day", "batches": 4},
         "tables": [
          {"name": "devices", "rows": 200, "primary_key": "device_id", "columns": [%s]%s},
          {"name": "codes", "rows": 200, "primary_key": "code", "per_parent": {"table": "devices", "count":
           {"distribution": {"type": "poisson", "lambda": 1}, "min": 1, "max": 1}}, "columns": [%s]},
          {"name": "readings", "rows": 500, "primary_key": "reading_id", "columns": [%s]%s}]}
        """.formatted(
        SeriesColumns.devices(),
        devicesExtra,
        col("code", "bigint", "\"strategy\": \"parent\", \"references\": \"devices.device_id\""),
        SeriesColumns.readings(col("code", "bigint", "\"strategy\": \"foreign_key\", \"references\": "
            + "\"codes.code\"")),
        readingsExtra);
  }

  static String defects(String... ds) {
    return ", \"quality\": {\"defects\": [" + String.join(",", ds) + "]}";
  }

  static String feed(String format) {
    return ", \"change_feed\": {\"rows_per_batch\": 20, \"format\": \"" + format + "\"}";
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("case_noise on a double", "", defects(
            "{\"defect\": \"case_noise\", \"columns\": [\"value\"], \"rate\": 0.1}"),
            "tables[2].quality.defects[0].columns[0]"),
        Arguments.of("whitespace on an int", "", defects(
            "{\"defect\": \"whitespace\", \"columns\": [\"count\"], \"rate\": 0.1}"),
            "tables[2].quality.defects[0].columns[0]"),
        Arguments.of("jitter on a date", "", defects(
            "{\"defect\": \"jitter\", \"column\": \"reading_day\", \"rate\": 0.1, \"max\": \"60 seconds\"}"),
            "tables[2].quality.defects[0].column"),
        Arguments.of("very_late on a double", "", defects(
            "{\"defect\": \"very_late\", \"column\": \"value\", \"rate\": 0.1, \"max\": \"2 hours\"}"),
            "tables[2].quality.defects[0].column"),
        Arguments.of("very_late under an hour", "", defects(
            "{\"defect\": \"very_late\", \"column\": \"reading_ts\", \"rate\": 0.1, \"max\": \"30 minutes\"}"),
            "tables[2].quality.defects[0].max"),
        Arguments.of("date_formats on a string", "", defects(
            "{\"defect\": \"date_formats\", \"column\": \"status\", \"rate\": 0.1}"),
            "tables[2].quality.defects[0].column"),
        Arguments.of("a time pattern on a date", "", defects(
            "{\"defect\": \"date_formats\", \"column\": \"reading_day\", \"rate\": 0.1, \"formats\": [\"HH:mm\"]}"),
            "tables[2].quality.defects[0].formats[0]"),
        Arguments.of("out_of_range on a string", "", defects(
            "{\"defect\": \"out_of_range\", \"column\": \"status\", \"rate\": 0.1, \"value\": 1}"),
            "tables[2].quality.defects[0].column"),
        Arguments.of("out_of_range with value and factor", "", defects(
            "{\"defect\": \"out_of_range\", \"column\": \"value\", \"rate\": 0.1, \"value\": 1, \"factor\": 2}"),
            "tables[2].quality.defects[0]"),
        Arguments.of("orphans on a values column", "", defects(
            "{\"defect\": \"orphans\", \"column\": \"status\", \"rate\": 0.1}"),
            "tables[2].quality.defects[0].column"),
        Arguments.of("orphans of a parent-strategy key", "", defects(
            "{\"defect\": \"orphans\", \"column\": \"code\", \"rate\": 0.1}"),
            "tables[2].quality.defects[0].column"),
        Arguments.of("orphans of a sequence that fills its type", "", defects(
            "{\"defect\": \"orphans\", \"column\": \"device_id\", \"rate\": 0.1}"),
            "tables[2].quality.defects[0].column"),
        Arguments.of("near_duplicates on a timestamp", "", defects(
            "{\"defect\": \"near_duplicates\", \"columns\": [\"reading_ts\"], \"rate\": 0.1}"),
            "tables[2].quality.defects[0].columns[0]"),
        Arguments.of("duplicates twice", "", defects(
            "{\"defect\": \"duplicates\", \"rate\": 0.1}", "{\"defect\": \"duplicates\", \"rate\": 0.1}"),
            "tables[2].quality.defects[1].defect"),
        Arguments.of("out_of_order twice", "", defects(
            "{\"defect\": \"out_of_order\", \"rate\": 0.1}", "{\"defect\": \"out_of_order\", \"rate\": 0.2}"),
            "tables[2].quality.defects[1].defect"),
        Arguments.of("nulls on an omitted column", "", defects(
            "{\"defect\": \"nulls\", \"columns\": [\"helper\"], \"rate\": 0.1}"),
            "tables[2].quality.defects[0].columns[0]"),
        Arguments.of("a defect on a debezium feed's base column", feed("debezium") + defects(
            "{\"defect\": \"nulls\", \"columns\": [\"status\"], \"rate\": 0.1}"), "",
            "tables[0].quality.defects[0].defect"),
        Arguments.of("near copies on a debezium feed", feed("debezium") + defects(
            "{\"defect\": \"near_duplicates\", \"columns\": [\"firmware\"], \"rate\": 0.1}"), "",
            "tables[0].quality.defects[0].defect"),
        Arguments.of("near copies of an envelope column on a debezium feed", feed("debezium") + defects(
            "{\"defect\": \"duplicates\", \"rate\": 0.1}",
            "{\"defect\": \"near_duplicates\", \"columns\": [\"ts_ms\"], \"rate\": 0.1}"), "",
            "tables[0].quality.defects[1].defect"),
        Arguments.of("a defect on a delta_cdf feed", feed("delta_cdf") + defects(
            "{\"defect\": \"nulls\", \"columns\": [\"status\"], \"rate\": 0.1}"), "",
            "tables[0].quality.defects"),
        Arguments.of("a feed table whose primary key is omitted", feed("plain"), "", "tables[0].columns[0].omit"),
        Arguments.of("a feed table generated per parent", "", feed("plain"), "tables[2].per_parent"),
        Arguments.of("a series past 9999-12-31", feed("plain"), "", "series"),
        Arguments.of("a _defects column with column ground truth", "", ", \"quality\": {\"ground_truth\": "
            + "\"columns\", \"defects\": [{\"defect\": \"duplicates\", \"rate\": 0.1}]}",
            "tables[2].quality.ground_truth"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void theCheckerRefusesWhatTheEngineWould(String name, String devices, String readings, String path)
      throws Exception {
    String json = plan(devices, readings);
    if (name.startsWith("a _defects column")) {
      json = json.replace(col("helper", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9, \"omit\": true"),
          col("_defects", "string", "\"strategy\": \"values\", \"values\": [\"x\"]"));
    }
    if (name.startsWith("orphans of a sequence")) {
      // 200 keys from -2147483000 in steps of 20,000,000 reach 1,832,517,000: no 200 keys fit above or below
      json = json.replace(col("device_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1"),
          col("device_id", "int", "\"strategy\": \"sequence\", \"start\": -2147483000, \"step\": 20000000"))
          .replace(col("device_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"devices.device_id\""),
              col("device_id", "int", "\"strategy\": \"foreign_key\", \"references\": \"devices.device_id\""))
          .replace("\"type\": \"poisson\", \"lambda\": 1}, \"min\": 1, \"max\": 1}", "\"type\": \"poisson\", "
              + "\"lambda\": 1}, \"min\": 1, \"max\": 1}").replace(col("code", "bigint", "\"strategy\": \"parent\", "
              + "\"references\": \"devices.device_id\""), col("code", "int", "\"strategy\": \"parent\", "
              + "\"references\": \"devices.device_id\""))
          .replace(col("code", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"codes.code\""),
              col("code", "int", "\"strategy\": \"foreign_key\", \"references\": \"codes.code\""));
    }
    if (name.startsWith("a feed table whose primary key")) {
      json = json.replace(col("device_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1"),
          col("device_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1, \"omit\": true"));
    } else if (name.startsWith("a feed table generated per parent")) {
      json = json.replace("{\"name\": \"readings\", \"rows\": 500,", "{\"name\": \"readings\", \"rows\": 200, "
          + "\"per_parent\": {\"table\": \"codes\", \"count\": {\"distribution\": {\"type\": \"poisson\", "
          + "\"lambda\": 1}, \"min\": 1, \"max\": 1}},");
    } else if (name.startsWith("a series past 9999")) {
      json = json.replace("\"start\": \"2024-01-01\", \"interval\": \"1 day\"", "\"start\": \"9999-12-20\", "
          + "\"interval\": \"1 week\"");
    }
    List<Violation> vs = violations(json);
    assertFalse(vs.isEmpty(), name + ": the checker accepts a plan the engine refuses");
    assertTrue(vs.stream().anyMatch(x -> x.path().equals(path) || x.path().startsWith(path + ".")), name
        + ": no violation at " + path + " in " + vs);
    for (Violation x : vs) {
      assertFalse(x.rule().isBlank() || x.fix().isBlank() || x.fix().endsWith(": "), x.toString());
      if (name.contains("debezium")) {
        // the envelope has no base columns: a refusal names none of them as alterable
        assertFalse(x.fix().contains("firmware") || x.rule().contains("firmware, "), x.toString());
      }
    }
  }

  @Test
  void theSamePlansWithoutTheFaultRunEveryBatch() throws Exception {
    String devices = feed("plain") + defects("{\"defect\": \"nulls\", \"columns\": [\"status\"], \"rate\": 0.1}",
        "{\"defect\": \"duplicates\", \"rate\": 0.1}");
    String readings = ", \"batch\": {\"mode\": \"append\"}" + defects(
        "{\"defect\": \"case_noise\", \"columns\": [\"status\"], \"rate\": 0.1}",
        "{\"defect\": \"jitter\", \"column\": \"reading_ts\", \"rate\": 0.1, \"max\": \"60 seconds\"}",
        "{\"defect\": \"very_late\", \"column\": \"reading_ts\", \"rate\": 0.1, \"max\": \"2 hours\"}",
        "{\"defect\": \"date_formats\", \"column\": \"reading_day\", \"rate\": 0.1}",
        "{\"defect\": \"out_of_range\", \"column\": \"value\", \"rate\": 0.1, \"factor\": 10}",
        "{\"defect\": \"orphans\", \"column\": \"device_id\", \"rate\": 0.1}",
        "{\"defect\": \"near_duplicates\", \"columns\": [\"value\", \"status\"], \"rate\": 0.1}",
        "{\"defect\": \"out_of_order\", \"rate\": 0.1}");
    String json = plan(devices, readings);
    assertEquals(List.of(), violations(json));
    ResolvedPlan plan = Resolver.resolve(PlanCodec.read(json));
    for (long k : new long[] {0, 1, 3}) {
      drain(QualitySources.applyAll(plan, Batches.batch(plan, k)));
    }
    drain(Batches.snapshot(plan, 3));
    // a debezium feed takes row defects: they copy and swap whole envelopes
    String debezium = plan(feed("debezium") + defects("{\"defect\": \"duplicates\", \"rate\": 0.1}",
        "{\"defect\": \"out_of_order\", \"rate\": 0.1}"), "");
    assertEquals(List.of(), violations(debezium));
    ResolvedPlan dz = Resolver.resolve(PlanCodec.read(debezium));
    for (long k : new long[] {0, 1, 3}) {
      drain(QualitySources.applyAll(dz, Batches.batch(dz, k)));
    }
  }

  static List<Violation> violations(String json) throws PlanException {
    PlanCodec.Decoded d = PlanCodec.decode(PlanCodec.parse(json));
    List<Violation> all = new ArrayList<>(d.violations());
    all.addAll(PlanValidator.validate(d.plan()));
    return all;
  }

  /** Reads every row of every source, as the engine would. */
  static void drain(List<TableSource> sources) {
    for (TableSource s : sources) {
      for (long first = 0; first < s.rows(); first += 1000) {
        s.chunk(first, (int) Math.min(1000, s.rows() - first));
      }
    }
  }
}
