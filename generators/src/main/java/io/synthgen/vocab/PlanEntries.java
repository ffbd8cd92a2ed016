package io.synthgen.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.json.PlanFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The topics of the plan model: strategies (from {@link ColumnGen#STRATEGIES} and the codec's fields), distributions,
 * types ({@link DataType.Kind}) and time profile fields. Names and field lists come from the code; the data file adds
 * a line and an example to each.
 */
final class PlanEntries {

  /** The column that time profile examples are set on. */
  static final String PROFILE_TABLE = "orders";

  private PlanEntries() {
  }

  static List<Entry> strategies(VocabularyData data) {
    JsonNode section = data.section("strategies", ColumnGen.STRATEGIES);
    JsonNode common = data.section("columns", PlanFields.COLUMN);
    JsonNode fkDistributions = data.section("foreign_key_distributions", PlanFields.FK_DISTRIBUTION.keySet());
    List<Entry> out = new ArrayList<>();
    for (String name : ColumnGen.STRATEGIES) {
      if (!section.has(name)) {
        continue; // recorded by section()
      }
      JsonNode e = VocabularyData.entry(section, name);
      String where = "strategy " + name;
      JsonNode fields = e.get("fields");
      List<String> declared = fields == null ? List.of() : VocabularyData.keys(fields);
      if (!declared.equals(PlanFields.STRATEGY.get(name))) {
        data.problem(where + " lists fields " + declared + " but the codec reads " + PlanFields.STRATEGY.get(name));
      }
      ObjectNode s = object();
      s.put("name", name);
      s.put("description", data.text(e, "description", where));
      s.put("types", data.text(e, "types", where));
      ArrayNode required = s.putArray("required");
      ArrayNode optional = s.putArray("optional");
      ObjectNode d = object();
      ArrayNode table = object().putArray("fields");
      for (String f : declared) {
        JsonNode fe = VocabularyData.entry(fields, f);
        boolean req = fe.path("required").asBoolean(false);
        (req ? required : optional).add(f);
        ObjectNode row = table.addObject().put("name", f).put("required", req);
        if (fe.has("required_unless")) {
          row.put("required_unless", data.text(fe, "required_unless", where + " field " + f));
        }
        row.put("description", data.text(fe, "description", where + " field " + f));
      }
      s.put("table", data.text(e, "table", where));
      s.set("example", example(data, e, where, name));
      d.setAll(s);
      d.set("fields", table);
      ObjectNode columnFields = d.putObject("column_fields");
      for (String f : PlanFields.COLUMN) {
        columnFields.put(f, common.path(f).asText());
      }
      if (name.equals("foreign_key")) {
        ArrayNode dists = d.putArray("distributions");
        for (String t : PlanFields.FK_DISTRIBUTION.keySet()) {
          JsonNode fe = VocabularyData.entry(fkDistributions, t);
          dists.addObject().put("type", t).put("description", data.text(fe, "description", "foreign key "
              + "distribution " + t)).set("example", fe.path("example").deepCopy());
        }
      } else if (name.equals("distribution")) {
        ArrayNode types = d.putArray("distribution_types");
        PlanFields.DISTRIBUTION.keySet().forEach(types::add);
        ArrayNode rounding = d.putArray("rounding");
        for (Rounding r : Rounding.values()) {
          rounding.add(r.jsonName());
        }
      } else if (name.equals("date_range")) {
        ArrayNode profile = d.putArray("profile_fields");
        PlanFields.PROFILE.forEach(profile::add);
      }
      out.add(new Entry(name, s, d));
    }
    return out;
  }

  static List<Entry> distributions(VocabularyData data) {
    JsonNode section = data.section("distributions", PlanFields.DISTRIBUTION.keySet());
    List<Entry> out = new ArrayList<>();
    for (String name : PlanFields.DISTRIBUTION.keySet()) {
      if (!section.has(name)) {
        continue; // recorded by section()
      }
      JsonNode e = VocabularyData.entry(section, name);
      String where = "distribution " + name;
      JsonNode params = e.get("parameters");
      List<String> declared = params == null ? List.of() : VocabularyData.keys(params);
      if (!declared.equals(PlanFields.DISTRIBUTION.get(name))) {
        data.problem(where + " lists parameters " + declared + " but the codec reads "
            + PlanFields.DISTRIBUTION.get(name));
      }
      JsonNode column = example(data, e, where, "distribution");
      JsonNode dist = column.path("distribution");
      if (!name.equals(dist.path("type").asText())) {
        data.problem(where + " example is not a " + name);
      }
      ObjectNode s = object();
      s.put("name", name);
      s.put("description", data.text(e, "description", where));
      s.set("parameters", params == null ? object() : params.deepCopy());
      s.set("example", dist.deepCopy());
      ObjectNode d = s.deepCopy();
      d.put("table", "orders");
      d.set("example_column", column.deepCopy());
      out.add(new Entry(name, s, d));
    }
    return out;
  }

  static List<Entry> types(VocabularyData data) {
    List<String> names = new ArrayList<>();
    for (DataType.Kind k : DataType.Kind.values()) {
      names.add(k.name().toLowerCase(Locale.ROOT));
    }
    JsonNode section = data.section("types", names);
    List<Entry> out = new ArrayList<>();
    for (String name : names) {
      if (!section.has(name)) {
        continue; // recorded by section()
      }
      JsonNode e = VocabularyData.entry(section, name);
      String where = "type " + name;
      ObjectNode s = object();
      s.put("name", name);
      s.put("spelling", data.text(e, "spelling", where));
      s.put("description", data.text(e, "description", where));
      s.put("table", "orders");
      JsonNode column = example(data, e, where, null);
      DataType t = DataType.parse(column.path("type").asText());
      if (t == null || !t.kind().name().toLowerCase(Locale.ROOT).equals(name)) {
        data.problem(where + " example has type " + column.path("type"));
      }
      s.set("example", column);
      out.add(new Entry(name, s, s.deepCopy()));
    }
    return out;
  }

  static List<Entry> timeProfiles(VocabularyData data) {
    JsonNode section = data.section("time_profiles", PlanFields.PROFILE);
    List<Entry> out = new ArrayList<>();
    for (String name : PlanFields.PROFILE) {
      if (!section.has(name)) {
        continue; // recorded by section()
      }
      JsonNode e = VocabularyData.entry(section, name);
      String where = "time profile field " + name;
      JsonNode profile = e.path("example");
      if (!profile.isObject() || !VocabularyData.keys(profile).equals(List.of(name))) {
        data.problem(where + " needs an example profile {\"" + name + "\": ...}");
        profile = object();
      }
      ObjectNode s = object();
      s.put("name", name);
      s.put("description", data.text(e, "description", where));
      s.set("example", profile.deepCopy());
      ObjectNode d = s.deepCopy();
      d.put("table", PROFILE_TABLE);
      d.set("example_column", profileColumn(name, profile));
      out.add(new Entry(name, s, d));
    }
    return out;
  }

  /** A timestamp date_range column of the last year with {@code profile}, named after the profile field. */
  static ObjectNode profileColumn(String field, JsonNode profile) {
    ObjectNode c = object();
    c.put("name", "event_at_" + field).put("type", "timestamp").put("strategy", "date_range").put("start", "ref-365d")
        .put("end", "ref").set("profile", profile.deepCopy());
    return c;
  }

  private static JsonNode example(VocabularyData data, JsonNode e, String where, String strategy) {
    JsonNode x = e.get("example");
    if (x == null || !x.isObject() || !x.path("name").isTextual()) {
      data.problem(where + " has no example column");
      return object();
    }
    if (strategy != null && !strategy.equals(x.path("strategy").asText())) {
      data.problem(where + " example uses strategy " + x.path("strategy").asText());
    }
    return x.deepCopy();
  }

  static ObjectNode object() {
    return VocabularyData.MAPPER.createObjectNode();
  }
}
