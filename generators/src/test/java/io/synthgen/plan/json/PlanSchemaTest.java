package io.synthgen.plan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.PlanFixtures;
import io.synthgen.plan.SeriesFixtures;
import io.synthgen.plan.validate.PlanLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** schemas/plan.schema.json accepts what the codec accepts, rejects what it rejects, and lists the same fields. */
class PlanSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode schemaJson;
  private static Schema schema;

  static Path root() {
    String r = System.getProperty("synthgen.root");
    Path p = r == null || r.isEmpty() ? Path.of("..") : Path.of(r);
    return Files.isDirectory(p.resolve("schemas")) ? p : Path.of("..");
  }

  @BeforeAll
  static void load() throws Exception {
    schemaJson = JSON.readTree(Files.readString(root().resolve("schemas/plan.schema.json")));
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
  }

  static List<Error> schemaErrors(String json) throws Exception {
    return schema.validate(JSON.readTree(json));
  }

  static Stream<String> validPlans() {
    return Stream.of(PlanFixtures.RICH, PlanFixtures.MINIMAL_UC, PlanCodecErrorsTest.plan(""), SeriesFixtures.FULL,
        SeriesFixtures.DEFAULTS,
        PlanFixtures.MINIMAL_UC.replaceAll("\"destination\": \\{[^}]*},", ""));
  }

  @ParameterizedTest
  @MethodSource("validPlans")
  void validPlansPassTheSchemaAndTheCodec(String json) throws Exception {
    assertEquals(List.of(), schemaErrors(json));
    PlanCodec.read(json);
  }

  @Test
  void writtenPlansPassTheSchema() throws Exception {
    assertEquals(List.of(), schemaErrors(PlanCodec.write(PlanCodec.read(PlanFixtures.RICH))));
    assertEquals(List.of(), schemaErrors(PlanCodec.write(PlanCodec.read(PlanFixtures.MINIMAL_UC))));
    assertEquals(List.of(), schemaErrors(PlanCodec.write(PlanCodec.read(SeriesFixtures.FULL))));
    assertEquals(List.of(), schemaErrors(PlanCodec.write(PlanCodec.read(SeriesFixtures.DEFAULTS))));
  }

  /** Plans the codec refuses for a structural reason the schema states too. */
  static Stream<String> invalidSeriesPlans() {
    String full = SeriesFixtures.FULL;
    return Stream.of(
        full.replace("\"batches\": 5", "\"batches\": 5, \"step\": 1"),
        full.replace("\"mode\": \"append\"", "\"mode\": \"appended\""),
        full.replace("\"rows_per_batch\": 100,", ""),
        full.replace("\"format\": \"plain\"", "\"format\": \"avro\""),
        full.replace("\"append_as\": \"INSERT\"", "\"append_as\": \"insert\""),
        full.replace("\"delete\": 10", "\"delete\": 10, \"upsert\": 1"),
        full.replace("\"history\": {\"of\": \"devices\"}", "\"history\": {\"of\": \"devices\"}, \"rows\": 3"),
        full.replace("\"history\": {\"of\": \"devices\"}", "\"history\": {}"),
        full.replace("\"ground_truth\": \"columns\"", "\"ground_truth\": \"file\""),
        full.replace("{\"defect\": \"duplicates\", \"rate\": 0.01}", "{\"defect\": \"duplicate\", \"rate\": 0.01}"),
        full.replace("{\"defect\": \"duplicates\", \"rate\": 0.01}", "{\"defect\": \"duplicates\"}"),
        full.replace("{\"defect\": \"duplicates\", \"rate\": 0.01}",
            "{\"defect\": \"duplicates\", \"rate\": 0.01, \"columns\": [\"value\"]}"),
        full.replace("\"interval\": \"1 day\", \"batches\": 5", "\"interval\": \"1 days\", \"batches\": 0"),
        full.replace("\"rate\": 0.005, \"factor\": 10", "\"rate\": 0.005"),
        full.replace("\"max\": \"60 seconds\"", "\"max\": 60"));
  }

  @ParameterizedTest
  @MethodSource("invalidSeriesPlans")
  void invalidSeriesPlansAreRejectedByBoth(String json) throws Exception {
    assertFalse(schemaErrors(json).isEmpty(), "the schema accepts " + json);
    assertThrows(PlanException.class, () -> PlanCodec.read(json), "the codec accepts " + json);
  }

  static Stream<String> invalidPlans() {
    String base = PlanCodecErrorsTest.plan("%s");
    List<String> columns = List.of(
        "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"a\"], \"wieghts\": [1]}",
        "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"sequense\"}",
        "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"uniform\", \"min\": 1}",
        "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"uniform\", \"min\": 1, \"max\": 2, \"start\": 0}",
        "{\"name\": \"x\", \"type\": \"varchar\", \"strategy\": \"uuid\"}",
        "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"uuid\", \"null_rate\": 1.5}",
        "{\"name\": \"x\", \"type\": \"boolean\", \"strategy\": \"boolean\", \"probability\": 2}",
        "{\"name\": \"x\", \"type\": \"double\", \"strategy\": \"distribution\", "
            + "\"distribution\": {\"type\": \"normal\", \"mean\": 0, \"stddev\": -1}}",
        "{\"name\": \"x\", \"type\": \"double\", \"strategy\": \"distribution\", "
            + "\"distribution\": {\"type\": \"normal\", \"mean\": 0}}",
        "{\"name\": \"x\", \"type\": \"double\", \"strategy\": \"distribution\", "
            + "\"distribution\": {\"type\": \"poisson\", \"lambda\": 1, \"mean\": 1}}",
        "{\"name\": \"x\", \"type\": \"double\", \"strategy\": \"distribution\", "
            + "\"distribution\": {\"type\": \"exponential\", \"rate\": 1}, \"rounding\": \"nearest\"}",
        "{\"name\": \"x\", \"type\": \"timestamp\", \"strategy\": \"date_range\", \"start\": \"yesterday\", "
            + "\"end\": \"ref\"}",
        "{\"name\": \"x\", \"type\": \"timestamp\", \"strategy\": \"date_range\", \"start\": \"ref-1d\", "
            + "\"end\": \"ref\", \"interval\": \"5 mins\"}",
        "{\"name\": \"x\", \"type\": \"timestamp\", \"strategy\": \"date_range\", \"start\": \"ref-1d\", "
            + "\"end\": \"ref\", \"profile\": {\"weekday_factors\": [1, 1, 1]}}",
        "{\"name\": \"x\", \"type\": \"timestamp\", \"strategy\": \"date_range\", \"start\": \"ref-1d\", "
            + "\"end\": \"ref\", \"profile\": {\"holidays\": [{\"date\": \"2024-12-25\"}]}}",
        "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": \"t\"}",
        "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": \"t.id\", "
            + "\"distribution\": {\"type\": \"zipf\"}}",
        "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"child_aggregate\", \"table\": \"t\", "
            + "\"function\": \"median\"}",
        "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"expression\", \"expr\": \"\"}",
        "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"constant\"}",
        "{\"name\": \"1x\", \"type\": \"string\", \"strategy\": \"uuid\"}",
        "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"uuid\", \"omit\": \"yes\"}");
    List<String> plans = new ArrayList<>();
    for (String c : columns) {
      plans.add(base.replace("%s", c));
    }
    String ok = PlanCodecErrorsTest.plan("");
    plans.add(ok.replace("\"format\": \"synthgen.plan/v1\"", "\"format\": \"synthgen.plan/v2\""));
    plans.add(ok.replace("\"reference_date\": \"2025-01-01\",", ""));
    plans.add(ok.replace("\"rows\": 10", "\"rows\": -1"));
    plans.add(ok.replace("\"rows\": 10", "\"rows\": \"10\""));
    plans.add(ok.replace("\"name\": \"p\"", "\"name\": \"p\", \"tier\": 4"));
    plans.add(ok.replace("\"name\": \"p\"", "\"name\": \"p\", \"seeds\": 4"));
    plans.add(ok.replace("\"name\": \"p\"", "\"name\": \"p\", \"destination\": {\"kind\": \"unity_catalog\", "
        + "\"catalog\": \"main\"}"));
    plans.add(ok.replace("\"name\": \"p\"", "\"name\": \"p\", \"destination\": {\"kind\": \"unity_catalog\", "
        + "\"catalog\": \"main\", \"schema\": \"s\", \"path\": \"x\"}"));
    plans.add(ok.replace("\"name\": \"p\"", "\"name\": \"p\", \"destination\": {\"kind\": \"local\", "
        + "\"format\": \"orc\"}"));
    plans.add(ok.replace("\"rows\": 10,", "\"rows\": 10, \"per_parent\": {\"table\": \"t\"},"));
    plans.add(ok.replace("\"name\": \"p\"", "\"name\": \"p\", \"destination\": {\"kind\": \"local\", "
        + "\"format\": \"jsonl\", \"compression\": \"zstd\"}"));
    plans.add(ok.replace("\"name\": \"p\"", "\"name\": \"p\", \"description\": \"" + "d".repeat(4001) + "\""));
    plans.add(ok.replace("\"tables\": [", "\"tables\": [], \"x\": ["));
    return plans.stream();
  }

  @ParameterizedTest
  @MethodSource("invalidPlans")
  void invalidPlansAreRejectedByBoth(String json) throws Exception {
    assertFalse(schemaErrors(json).isEmpty(), "the schema accepts " + json);
    assertThrows(PlanException.class, () -> PlanCodec.read(json), "the codec accepts " + json);
  }

  @Test
  void strategiesMatchTheModelAndTheCodec() {
    assertEquals(ColumnGen.STRATEGIES, strings(schemaJson.at("/$defs/column/properties/strategy/enum")));
    for (String s : ColumnGen.STRATEGIES) {
      JsonNode def = schemaJson.at("/$defs/column_" + s);
      assertFalse(def.isMissingNode(), "schema has no $defs/column_" + s);
      assertEquals(PlanFields.columnFields(s), names(def.get("properties")), "fields of strategy " + s);
      Set<String> params = new LinkedHashSet<>(names(def.get("properties")));
      params.removeAll(PlanFields.COLUMN);
      assertEquals(PlanCodec.fieldsOf(s), List.copyOf(params));
      assertEquals(s, def.at("/properties/strategy/const").asText());
    }
  }

  @Test
  void taggedObjectsMatchTheCodec() {
    tagged("distribution", "type", PlanFields.DISTRIBUTION);
    tagged("fk_distribution", "type", PlanFields.FK_DISTRIBUTION);
    tagged("destination", "kind", PlanFields.DESTINATION);
    tagged("defect", "defect", PlanFields.DEFECT);
  }

  private static void tagged(String def, String tag, Map<String, List<String>> codec) {
    assertEquals(List.copyOf(codec.keySet()), strings(schemaJson.at("/$defs/" + def + "/properties/" + tag + "/enum")));
    codec.forEach((id, fields) -> {
      List<String> expected = new ArrayList<>(List.of(tag));
      expected.addAll(fields);
      assertEquals(expected, names(schemaJson.at("/$defs/" + def + "_" + id + "/properties")), def + " " + id);
    });
  }

  @Test
  void plainObjectsMatchTheCodec() {
    assertEquals(PlanFields.PLAN, names(schemaJson.get("properties")));
    assertEquals(PlanFields.TABLE, names(schemaJson.at("/$defs/table/properties")));
    assertEquals(PlanFields.PER_PARENT, names(schemaJson.at("/$defs/per_parent/properties")));
    assertEquals(PlanFields.SHAPED, names(schemaJson.at("/$defs/per_parent/properties/count/properties")));
    assertEquals(PlanFields.PROFILE, names(schemaJson.at("/$defs/time_profile/properties")));
    assertEquals(PlanFields.HOLIDAY, names(schemaJson.at("/$defs/holiday/properties")));
    assertEquals(PlanFields.INCIDENT, names(schemaJson.at("/$defs/incident/properties")));
    assertEquals(PlanFields.SERIES, names(schemaJson.at("/$defs/series/properties")));
    assertEquals(PlanFields.BATCH, names(schemaJson.at("/$defs/batch/properties")));
    assertEquals(PlanFields.CHANGE_FEED, names(schemaJson.at("/$defs/change_feed/properties")));
    assertEquals(PlanFields.WEIGHTS, names(schemaJson.at("/$defs/change_feed_weights/properties")));
    assertEquals(PlanFields.HISTORY, names(schemaJson.at("/$defs/history/properties")));
    assertEquals(PlanFields.QUALITY, names(schemaJson.at("/$defs/quality/properties")));
    assertEquals(List.copyOf(SeriesDecoder.MODES.keySet()), strings(schemaJson.at("/$defs/batch/properties/mode/enum")));
    assertEquals(List.copyOf(SeriesDecoder.FEED_FORMATS.keySet()),
        strings(schemaJson.at("/$defs/change_feed/properties/format/enum")));
    assertEquals(List.copyOf(SeriesDecoder.APPEND_AS.keySet()),
        strings(schemaJson.at("/$defs/change_feed/properties/append_as/enum")));
    assertEquals(List.copyOf(QualityDecoder.GROUND_TRUTHS.keySet()),
        strings(schemaJson.at("/$defs/quality/properties/ground_truth/enum")));
    assertEquals(PlanFields.AGGREGATE_FUNCTIONS,
        strings(schemaJson.at("/$defs/column_child_aggregate/properties/function/enum")));
  }

  @Test
  void boundsMatchThePlanLimits() {
    JsonNode defs = schemaJson.path("$defs");
    assertEquals(PlanLimits.MAX_TABLES, schemaJson.path("properties").path("tables").path("maxItems").asLong());
    assertEquals(PlanLimits.MAX_TEXT_LENGTH, schemaJson.path("properties").path("description").path("maxLength")
        .asLong());
    JsonNode table = defs.path("table").path("properties");
    assertEquals(PlanLimits.MAX_ROWS, table.path("rows").path("maximum").asLong());
    assertEquals(PlanLimits.MAX_COLUMNS, table.path("columns").path("maxItems").asLong());
    assertEquals(PlanLimits.MAX_TEXT_LENGTH, table.path("description").path("maxLength").asLong());
    assertEquals(PlanLimits.MAX_NAME_LENGTH, defs.path("identifier").path("maxLength").asLong());
    assertEquals(PlanLimits.MAX_VALUES, defs.path("column_values").path("properties").path("values")
        .path("maxItems").asLong());
    assertEquals(PlanLimits.MAX_PATTERN_LENGTH, defs.path("column_pattern").path("properties").path("pattern")
        .path("maxLength").asLong());
    assertEquals(PlanLimits.MAX_PATH_LENGTH, defs.path("destination_local").path("properties").path("path")
        .path("maxLength").asLong());
    assertEquals(PlanLimits.MAX_PROFILE_ENTRIES, defs.path("time_profile").path("properties").path("holidays")
        .path("maxItems").asLong());
    assertEquals(PlanLimits.MAX_BATCHES, defs.path("series").path("properties").path("batches").path("maximum")
        .asLong());
    assertEquals(PlanLimits.MAX_FEED_ROWS_PER_BATCH, defs.path("change_feed").path("properties")
        .path("rows_per_batch").path("maximum").asLong());
    assertEquals(PlanLimits.MAX_DEFECTS, defs.path("quality").path("properties").path("defects").path("maxItems")
        .asLong());
    JsonNode formats = defs.path("defect_date_formats").path("properties").path("formats");
    assertEquals(PlanLimits.MAX_DATE_FORMATS, formats.path("maxItems").asLong());
    assertEquals(PlanLimits.MAX_DATE_FORMAT_LENGTH, formats.path("items").path("maxLength").asLong());
    defs.properties().forEach(e -> {
      if (e.getKey().startsWith("column_")) {
        assertEquals(PlanLimits.MAX_TEXT_LENGTH, e.getValue().path("properties").path("note").path("maxLength")
            .asLong(), e.getKey());
      }
    });
  }

  @Test
  void everyObjectIsClosedAndEveryFieldDescribed() {
    List<String> problems = new ArrayList<>();
    walk(schemaJson, "", problems);
    assertEquals(List.of(), problems);
  }

  private static void walk(JsonNode n, String at, List<String> problems) {
    if (n.isObject()) {
      JsonNode props = n.get("properties");
      boolean inCondition = at.endsWith("/if");
      if (props != null && props.isObject() && !inCondition) {
        boolean tagDispatcher = n.has("allOf");
        if (!tagDispatcher && !n.path("additionalProperties").isBoolean()) {
          problems.add(at + " lacks additionalProperties: false");
        }
        props.properties().forEach(e -> {
          if (!e.getValue().has("description")) {
            problems.add(at + "/properties/" + e.getKey() + " lacks a description");
          }
        });
      }
      n.properties().forEach(e -> walk(e.getValue(), at + "/" + e.getKey(), problems));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), at + "/" + i, problems);
      }
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> strings(JsonNode array) {
    assertTrue(array.isArray(), "expected an array");
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
