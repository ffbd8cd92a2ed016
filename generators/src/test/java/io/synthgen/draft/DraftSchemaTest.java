package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.json.PlanFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The schema of described tables and revision operations names exactly the fields the code accepts, is valid JSON
 * Schema 2020-12, accepts what the drafter and the revisions accept and refuses what they refuse.
 */
class DraftSchemaTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A schema that validates one definition, with every definition it needs. */
  static Schema schemaOf(String def) {
    ObjectNode s = JSON.createObjectNode();
    s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    s.put("$ref", "#/$defs/" + def);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(DraftSchema.embed(s));
  }

  static Set<String> properties(JsonNode def) {
    Set<String> out = new TreeSet<>();
    def.path("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void fieldsAreThoseTheCodeAccepts() {
    ObjectNode defs = DraftSchema.defs();
    assertEquals(new TreeSet<>(Drafter.TABLE_FIELDS), properties(defs.get("described_table")));
    assertEquals(new TreeSet<>(PlanFields.TABLE), properties(defs.get("described_table")),
        "a described table takes every field of a plan table");
    Set<String> described = properties(defs.get("described_column_fields"));
    described.add("strategy"); // the plan column branch
    assertEquals(new TreeSet<>(ColumnInference.DRAFT_FIELDS), described);
    assertEquals(new TreeSet<>(Drafter.SKEW_FIELDS), properties(defs.get("skew")));
    List<String> ops = new ArrayList<>();
    for (JsonNode ref : defs.get("operation").get("oneOf")) {
      String name = ref.get("$ref").asText().replace("#/$defs/", "");
      JsonNode op = defs.get(name);
      String id = op.get("properties").get("op").get("const").asText();
      ops.add(id);
      Set<String> fields = properties(op);
      fields.remove("op");
      assertEquals(new TreeSet<>(Revisions.OPERATIONS.get(id)), fields, id);
      assertEquals("op_" + id, name);
    }
    assertEquals(List.copyOf(Revisions.OPERATIONS.keySet()), ops);
    Set<String> columnFields = new LinkedHashSet<>(PlanFields.COLUMN);
    PlanFields.STRATEGY.values().forEach(columnFields::addAll);
    columnFields.remove("name"); // renaming is rename_column
    Set<String> declared = new TreeSet<>();
    defs.get("column_fields").get("propertyNames").get("enum").forEach(n -> declared.add(n.asText()));
    assertEquals(new TreeSet<>(columnFields), declared);
    for (String s : ColumnGen.STRATEGIES) {
      assertFalse(defs.get("draft_column_" + s).get("required").toString().contains("\"type\""), s);
      assertEquals(properties(defs.get("column_" + s)), properties(defs.get("draft_column_" + s)), s);
    }
  }

  @Test
  void theSchemaIsValidJsonSchema() throws Exception {
    Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    ObjectNode all = JSON.createObjectNode();
    all.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    all.set("$defs", DraftSchema.defs());
    assertEquals(List.of(), meta.validate(all));
  }

  @Test
  void acceptsWhatTheDrafterAccepts() throws Exception {
    Schema table = schemaOf("described_table");
    for (JsonNode t : OwnTablesTest.lineItems().get("tables")) {
      assertEquals(List.of(), table.validate(t), t.toString());
    }
    Schema op = schemaOf("operation");
    for (String ok : List.of(
        "{\"op\": \"rename_table\", \"table\": \"orders\", \"to\": \"purchases\"}",
        "{\"op\": \"rename_column\", \"table\": \"orders\", \"column\": \"order_id\", \"to\": \"id\"}",
        "{\"op\": \"add_column\", \"table\": \"orders\", \"column\": {\"name\": \"n\", \"strategy\": "
            + "\"child_aggregate\", \"table\": \"line_items\", \"function\": \"count\"}}",
        "{\"op\": \"add_column\", \"table\": \"orders\", \"column\": \"coupon_code\", \"after\": \"order_id\"}",
        "{\"op\": \"update_column\", \"table\": \"orders\", \"column\": \"order_date\", \"set\": {\"strategy\": "
            + "\"date_range\", \"start\": \"ref-30d\", \"end\": \"ref\"}}",
        "{\"op\": \"set_relationship\", \"table\": \"orders\", \"column\": \"customer_id\", \"references\": "
            + "\"customers\", \"weighted_by\": {\"column\": \"membership\", \"weights\": {\"Pro\": 3}}}",
        "{\"op\": \"set_destination\", \"destination\": {\"kind\": \"local\", \"path\": \"shop\"}}",
        "{\"op\": \"set_tier\", \"tier\": 0}",
        "{\"op\": \"add_column\", \"table\": \"line_items\", \"column\": {\"name\": \"buyer_id\", "
            + "\"strategy\": \"foreign_key\", \"references\": \"customers\"}}")) {
      assertEquals(List.of(), op.validate(JSON.readTree(ok)), ok);
    }
  }

  @Test
  void aSkewsWeightsListIsAcceptedByTheSchemaAndTheDrafterAlike() throws Exception {
    Schema skew = schemaOf("skew");
    String hint = "{\"table\": \"orders\", \"column\": \"customer_id\", \"by\": \"tier\", \"weights\": [1, 5]}";
    assertEquals(List.of(), skew.validate(JSON.readTree(hint)));
    assertTrue(!skew.validate(JSON.readTree(hint.replace("[1, 5]", "[1, 1e13]"))).isEmpty(), "over the largest weight");
    DrafterTest.draft("{\"name\": \"s\", \"tables\": [{\"name\": \"customers\", \"rows\": 100, \"columns\": "
        + "[\"customer_id\", {\"name\": \"tier\", \"values\": [\"Free\", \"Pro\"]}]}, {\"name\": \"orders\", "
        + "\"rows\": 500, \"columns\": [\"order_id\", {\"name\": \"customer_id\", \"references\": \"customers\"}]}], "
        + "\"skews\": [" + hint + "]}");
  }

  @Test
  void refusesWhatTheCodeRefuses() throws Exception {
    Schema table = schemaOf("described_table");
    Schema op = schemaOf("operation");
    Map<Schema, List<String>> bad = Map.of(
        table, List.of(
            "{\"name\": \"t\", \"columns\": [\"id\"], \"rowz\": 5}",
            "{\"name\": \"t\", \"columns\": [{\"name\": \"x\", \"wieghts\": [1]}]}",
            "{\"name\": \"t\", \"columns\": [{\"name\": \"x\", \"strategy\": \"uniform\", \"min\": 1, \"max\": 2, "
                + "\"start\": 0}]}",
            "{\"name\": \"t\", \"per_parent\": {\"table\": \"o\"}, \"columns\": [\"id\"]}"),
        op, List.of(
            "{\"op\": \"rename_tabel\", \"table\": \"orders\", \"to\": \"x\"}",
            "{\"op\": \"rename_table\", \"table\": \"orders\", \"to\": \"2024 orders\"}",
            "{\"op\": \"rename_column\", \"table\": \"orders\", \"column\": \"a\"}",
            "{\"op\": \"add_column\", \"table\": \"t\", \"column\": {\"name\": \"k\", \"strategy\": \"parent\", "
                + "\"references\": \"a.b.c\"}}",
            "{\"op\": \"set_rows\", \"table\": \"orders\", \"rows\": 5, \"seed\": 1}",
            "{\"op\": \"update_column\", \"table\": \"orders\", \"column\": \"a\", \"set\": {\"name\": \"b\"}}"));
    for (Map.Entry<Schema, List<String>> e : bad.entrySet()) {
      for (String json : e.getValue()) {
        List<Error> errors = e.getKey().validate(JSON.readTree(json));
        assertTrue(!errors.isEmpty(), json);
      }
    }
  }
}
