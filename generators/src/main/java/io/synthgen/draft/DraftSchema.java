package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.ColumnGen;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON Schema of what {@link Drafter} and {@link Revisions} accept, for the tools' input schemas: the
 * {@code $defs} of {@code schemas/draft.schema.json} (described tables and columns, skews, one schema per revision
 * operation) together with those of {@code schemas/plan.schema.json} (table, column, each strategy, per_parent,
 * distribution, destination ...) that they use, so a client can validate a call before making it. A described
 * plan column may leave its type out: {@code draft_column} and {@code draft_column_STRATEGY} are the plan's
 * {@code column} and {@code column_STRATEGY} without {@code type} among the required fields.
 */
public final class DraftSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "#/$defs/";
  private static final ObjectNode DEFS = load();

  private DraftSchema() {
  }

  /** Every definition, plan and draft, by name. */
  public static ObjectNode defs() {
    return DEFS.deepCopy();
  }

  /**
   * {@code schema} with a {@code $defs} holding every definition its {@code #/$defs/...} references reach,
   * transitively; a schema without such references is returned as it is.
   */
  public static ObjectNode embed(ObjectNode schema) {
    Set<String> needed = new LinkedHashSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.add(schema);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n.isObject()) {
        JsonNode ref = n.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
          String name = ref.asText().substring(PREFIX.length());
          if (!DEFS.has(name)) {
            throw new IllegalArgumentException("no definition " + name + " in the plan or draft schema");
          }
          if (needed.add(name)) {
            todo.add(DEFS.get(name));
          }
        }
      }
      n.forEach(todo::add);
    }
    if (needed.isEmpty()) {
      return schema;
    }
    ObjectNode out = schema.deepCopy();
    ObjectNode defs = out.putObject("$defs");
    // sorted, so the listing a client sees is stable
    Map<String, JsonNode> sorted = new TreeMap<>();
    needed.forEach(k -> sorted.put(k, DEFS.get(k)));
    sorted.forEach((k, v) -> defs.set(k, v.deepCopy()));
    return out;
  }

  private static ObjectNode load() {
    ObjectNode plan = (ObjectNode) read("schemas/plan.schema.json").get("$defs");
    ObjectNode draft = (ObjectNode) read("schemas/draft.schema.json").get("$defs");
    ObjectNode all = plan.deepCopy();
    for (Map.Entry<String, JsonNode> e : draft.properties()) {
      if (all.has(e.getKey())) {
        throw new IllegalStateException("draft.schema.json redefines " + e.getKey() + " of plan.schema.json");
      }
      all.set(e.getKey(), e.getValue());
    }
    all.set("draft_column", typeOptional(plan.get("column")));
    for (String s : ColumnGen.STRATEGIES) {
      all.set("draft_column_" + s, typeOptional(plan.get("column_" + s)));
    }
    // a described parent or foreign key may name only the table: its primary key is meant
    for (String s : new String[] {"parent", "foreign_key"}) {
      ObjectNode refs = (ObjectNode) all.get("draft_column_" + s).get("properties").get("references");
      refs.put("pattern", "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$");
      refs.put("description", refs.path("description").asText() + " In a description, the table alone means its "
          + "primary key.");
    }
    return all;
  }

  /** A copy without "type" among its required fields, its strategy branches pointing to the draft variants. */
  private static ObjectNode typeOptional(JsonNode def) {
    ObjectNode copy = def.deepCopy();
    JsonNode required = copy.get("required");
    if (required != null) {
      ArrayNode r = copy.putArray("required");
      required.forEach(x -> {
        if (!x.asText().equals("type")) {
          r.add(x);
        }
      });
    }
    copy.put("description", def.path("description").asText() + " In a description, type may be left out: the "
        + "strategy implies it.");
    for (JsonNode branch : copy.path("allOf")) {
      JsonNode then = branch.path("then");
      if (then.isObject() && then.path("$ref").asText().startsWith(PREFIX + "column_")) {
        ((ObjectNode) then).put("$ref", PREFIX + "draft_" + then.get("$ref").asText().substring(PREFIX.length()));
      }
    }
    return copy;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = DraftSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the class path");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
