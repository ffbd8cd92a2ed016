package io.synthgen.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Vec;
import java.util.Set;

/**
 * The catalog's examples put to work as a person would: an example column inserted into the example plan (the
 * catalog's own {@code context}), read with the strict codec, validated against the real dictionaries, resolved and
 * evaluated.
 */
final class ExamplePlans {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Rows evaluated per example. */
  static final int ROWS = 50;

  private ExamplePlans() {
  }

  /** The plan document: the context's tables with {@code column} replacing the same-named column of {@code table}. */
  static ObjectNode document(JsonNode context, String table, JsonNode column) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", "synthgen.plan/v1").put("name", "vocabulary_example").put("seed", 42)
        .put("reference_date", "2025-01-01");
    ArrayNode tables = context.get("tables").deepCopy();
    boolean found = false;
    for (JsonNode t : tables) {
      if (!t.path("name").asText().equals(table)) {
        continue;
      }
      found = true;
      if (column == null) {
        continue;
      }
      ArrayNode cols = (ArrayNode) t.get("columns");
      int at = -1;
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).path("name").asText().equalsIgnoreCase(column.path("name").asText())) {
          at = i;
        }
      }
      if (at >= 0) {
        cols.set(at, column.deepCopy());
      } else {
        cols.add(column.deepCopy());
      }
    }
    if (!found) {
      throw new AssertionError("the example plan has no table " + table);
    }
    doc.set("tables", tables);
    return doc;
  }

  /** The document with every example of a topic in its table at once (as one proposal would hold them). */
  static ObjectNode documentWithAll(JsonNode context, Vocabulary v, Topic t) {
    ObjectNode doc = document(context, "orders", null);
    for (String name : v.names(t)) {
      JsonNode e = v.entry(t, name).get("entry");
      JsonNode column = e.has("example_column") ? e.get("example_column") : e.get("example");
      doc = document(doc, e.path("table").asText("orders"), column);
    }
    return doc;
  }

  static ResolvedPlan resolve(ObjectNode doc) throws PlanException {
    Set<String> dictionaries = Set.copyOf(Dictionaries.standard().names());
    return Resolver.resolve(PlanCodec.fromJson(doc, dictionaries));
  }

  /** How many of the first {@link #ROWS} rows of the column are not NULL; throws the plan's problems. */
  static int nonNull(JsonNode context, String table, JsonNode column) throws PlanException {
    ResolvedPlan plan = resolve(document(context, table, column));
    Vec v = TableEvaluator.range(plan, plan.table(table), 0, ROWS).column(column.path("name").asText());
    int n = 0;
    for (int i = 0; i < ROWS; i++) {
      if (!v.isNull(i)) {
        n++;
      }
    }
    return n;
  }
}
