package io.synthgen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.engine.Preview;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Batch;
import io.synthgen.vec.StrVec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every example in the catalog works: example columns are valid in the example plan (codec, validation against the
 * real dictionaries, resolution) and produce values; required fields are the ones the codec requires; example
 * expressions compile and evaluate; dictionary examples are values the dictionary really gives.
 */
class VocabularyExamplesTest {

  private static final Vocabulary V = Vocabulary.standard();
  private static final JsonNode CONTEXT = V.context();

  @Test
  void theExamplePlanIsValidOnItsOwn() throws PlanException {
    ResolvedPlan p = ExamplePlans.resolve(ExamplePlans.document(CONTEXT, "orders", null));
    assertEquals(List.of("customers", "orders", "line_items"),
        p.tables().stream().map(t -> t.name()).toList());
  }

  @Test
  void everyExampleColumnIsValidInTheExamplePlanAndMakesValues() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Topic t : List.of(Topic.STRATEGIES, Topic.DISTRIBUTIONS, Topic.TYPES, Topic.TIME_PROFILES,
        Topic.DICTIONARIES)) {
      for (String name : V.names(t)) {
        JsonNode e = V.entry(t, name).get("entry");
        JsonNode column = e.has("example_column") ? e.get("example_column") : e.get("example");
        String table = e.has("table") ? e.get("table").asText() : "orders";
        checked++;
        check(failures, t.id() + " " + name, table, column);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked > 60, "checked " + checked);
  }

  @Test
  void allExamplesOfATopicFitInOnePlanTogether() throws PlanException {
    for (Topic t : Topic.values()) {
      if (t == Topic.TEMPLATES || t == Topic.SERIES) {
        continue; // templates have no examples; series examples are plan parts, not columns (below)
      }
      ObjectNode doc = ExamplePlans.documentWithAll(CONTEXT, V, t);
      ResolvedPlan p = ExamplePlans.resolve(doc);
      int columns = p.tables().stream().mapToInt(x -> x.columns().size()).sum();
      assertTrue(columns > 25, t.id() + ": " + columns + " columns");
    }
  }

  /**
   * Every series example put where its {@code goes_in} says, all at once: the plan is accepted, and every batch of
   * it and the state after the last one generate.
   */
  @Test
  void allSeriesExamplesFitTheExamplePlanTogetherAndGenerateEveryBatch() throws PlanException {
    ObjectNode doc = ExamplePlans.document(CONTEXT, "orders", null);
    com.fasterxml.jackson.databind.node.ArrayNode tables = (com.fasterxml.jackson.databind.node.ArrayNode)
        doc.get("tables");
    for (String name : V.names(Topic.SERIES)) {
      JsonNode e = V.entry(Topic.SERIES, name).get("entry");
      String in = e.get("goes_in").asText();
      JsonNode example = e.get("example");
      if (in.startsWith("plan.")) {
        doc.set(in.substring(5), example.deepCopy());
        continue;
      }
      if (in.equals("tables")) {
        tables.add(example.deepCopy());
        continue;
      }
      String[] parts = in.split("\\.", 2);
      ObjectNode table = null;
      for (JsonNode t : tables) {
        if (t.path("name").asText().equals(parts[0])) {
          table = (ObjectNode) t;
        }
      }
      assertTrue(table != null, name + " goes in " + in + ", a table the example plan lacks");
      if (parts[1].equals("quality.defects")) {
        ObjectNode q = table.has("quality") ? (ObjectNode) table.get("quality") : table.putObject("quality");
        com.fasterxml.jackson.databind.node.ArrayNode ds = q.has("defects")
            ? (com.fasterxml.jackson.databind.node.ArrayNode) q.get("defects") : q.putArray("defects");
        if (ds.size() == 1 && ds.get(0).path("defect").asText().equals(example.path("defect").asText())) {
          ds.removeAll(); // the quality example's own defect, given again by its entry
        }
        ds.add(example.deepCopy());
      } else if (parts[1].equals("quality") && table.has("quality")) {
        ((ObjectNode) table.get("quality")).put("ground_truth", example.path("ground_truth").asText());
      } else {
        table.set(parts[1], example.deepCopy());
      }
    }
    assertEquals(V.names(Topic.SERIES).size(), io.synthgen.plan.json.PlanFields.DEFECT.size() + 5);
    ResolvedPlan p = ExamplePlans.resolve(doc);
    assertEquals(io.synthgen.plan.json.PlanFields.DEFECT.size(), p.plan().table("orders").orElseThrow().quality()
        .defects().size(), "every defect example is in the plan");
    long last = p.plan().series().batches() - 1;
    for (long k = 0; k <= last; k++) {
      for (io.synthgen.engine.TableSource s : io.synthgen.quality.QualitySources.applyAll(p,
          io.synthgen.series.Batches.batch(p, k))) {
        int n = (int) Math.min(s.rows(), 500);
        assertTrue(s.chunk(0, n).size() >= (s.name().endsWith("_defects") ? 0 : n), s.name());
      }
    }
    assertTrue(io.synthgen.series.Batches.snapshot(p, last).size() >= 2, "the feed's state and the history");
  }

  @Test
  void summariesShowTheSameExamplesAsTheDetails() {
    for (Topic t : Topic.values()) {
      for (JsonNode s : V.topic(t).get("entries")) {
        JsonNode d = V.entry(t, s.get("name").asText()).get("entry");
        for (var f : s.properties()) {
          if (!f.getKey().equals("examples") && !f.getKey().equals("tables") && !f.getKey().equals("random")) {
            assertEquals(f.getValue(), d.get(f.getKey()), t.id() + " " + s.get("name") + " " + f.getKey());
          }
        }
      }
    }
  }

  @Test
  void requiredFieldsAreExactlyTheOnesTheCodecRequires() {
    List<String> failures = new ArrayList<>();
    for (String name : V.names(Topic.STRATEGIES)) {
      JsonNode e = V.entry(Topic.STRATEGIES, name).get("entry");
      String table = e.get("table").asText();
      for (JsonNode f : e.get("fields")) {
        String field = f.get("name").asText();
        boolean required = f.get("required").asBoolean();
        ObjectNode without = e.get("example").deepCopy();
        if (!without.has(field)) {
          if (required) {
            failures.add(name + ": the example lacks required field " + field);
          }
          continue;
        }
        without.remove(field);
        List<Violation> problems = problems(ExamplePlans.document(CONTEXT, table, without));
        boolean missingReported = problems.stream().anyMatch(v -> v.path().endsWith("." + field)
            && v.rule().contains("missing"));
        if (required && !missingReported) {
          failures.add(name + "." + field + " is listed as required but the plan without it gives " + problems);
        } else if (f.has("required_unless")) {
          if (problems.stream().noneMatch(v -> v.path().endsWith("." + field))) {
            failures.add(name + "." + field + " is required unless " + f.get("required_unless")
                + ", but the example without it gives " + problems);
          }
        } else if (!required && !problems.isEmpty()) {
          failures.add(name + "." + field + " is listed as optional but the plan without it gives " + problems);
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void everyFunctionAndOperatorExampleCompilesAndEvaluates() {
    List<String> failures = new ArrayList<>();
    for (Topic t : List.of(Topic.FUNCTIONS, Topic.OPERATORS)) {
      for (String name : V.names(t)) {
        JsonNode e = V.entry(t, name).get("entry");
        assertEquals(e.get("example").asText(), e.get("example_column").get("expr").asText());
        check(failures, t.id() + " " + name, e.get("table").asText(), e.get("example_column"));
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void dictionaryExamplesAreTheDictionarysRealValues() throws PlanException {
    Dictionaries all = Dictionaries.standard();
    // The example plan's rows as the sample computes them (Preview, not the evaluator the catalog used).
    ResolvedPlan plan = Resolver.resolve(PlanCodec.read(DictionaryEntries.examplePlan(), Set.copyOf(all.names())),
        all);
    Batch rows = Preview.generate(plan, DictionaryEntries.ROWS).get(DictionaryEntries.TABLE);
    for (String name : all.names()) {
      Dictionary d = all.get(name);
      JsonNode entry = V.entry(Topic.DICTIONARIES, name).get("entry");
      List<String> examples = new ArrayList<>();
      entry.get("examples").forEach(x -> examples.add(x.asText()));
      assertTrue(examples.size() >= Math.min(5, Math.max(1, d.cardinality())) && examples.size()
          <= DictionaryEntries.DETAIL_EXAMPLES, name + ": " + examples);
      assertEquals(examples.size(), new HashSet<>(examples).size(), name + " examples are distinct");
      List<String> summary = new ArrayList<>();
      V.topic(Topic.DICTIONARIES).get("entries").forEach(s -> {
        if (s.get("name").asText().equals(name)) {
          s.get("examples").forEach(x -> summary.add(x.asText()));
        }
      });
      assertEquals(examples.subList(0, Math.min(DictionaryEntries.SUMMARY_EXAMPLES, examples.size())), summary);
      StrVec column = (StrVec) rows.vector(name);
      List<String> generated = new ArrayList<>();
      for (int i = 0; i < column.size() && generated.size() < examples.size(); i++) {
        if (!generated.contains(column.str(i))) {
          generated.add(column.str(i));
        }
      }
      assertEquals(generated, examples, name + ": examples are the first values of its column");
      if (d.kind() == Dictionary.Kind.LIST) {
        Set<String> words = new HashSet<>(d.values(Stream.root(1)).values());
        for (String x : examples) {
          assertTrue(words.contains(x), name + " has no value " + x);
        }
        assertEquals(d.cardinality(), entry.get("size").asLong());
      }
    }
    Set<String> first = new HashSet<>(all.get("first_name").values(Stream.root(1)).values());
    Set<String> last = new HashSet<>(all.get("last_name").values(Stream.root(1)).values());
    V.entry(Topic.DICTIONARIES, "full_name").get("entry").get("examples").forEach(x -> {
      String[] parts = x.asText().split(" ", 2);
      assertTrue(first.contains(parts[0]) && last.contains(parts[1]), x.asText());
    });
    V.entry(Topic.DICTIONARIES, "phone_number").get("entry").get("examples")
        .forEach(x -> assertTrue(x.asText().matches("\\([2-9]\\d\\d\\) [2-9]\\d\\d-\\d{4}"), x.asText()));
  }

  private static void check(List<String> failures, String what, String table, JsonNode column) {
    try {
      int n = ExamplePlans.nonNull(CONTEXT, table, column);
      if (n == 0) {
        failures.add(what + ": no value in " + ExamplePlans.ROWS + " rows of " + column);
      }
    } catch (PlanException e) {
      failures.add(what + ": " + column + " is refused: " + e.getMessage());
    } catch (RuntimeException e) {
      failures.add(what + ": " + column + " fails: " + e);
    }
  }

  private static List<Violation> problems(ObjectNode doc) {
    try {
      ExamplePlans.resolve(doc);
      return List.of();
    } catch (PlanException e) {
      return e.violations();
    }
  }
}
