package io.synthgen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.TimeProfile;
import io.synthgen.plan.json.PlanFields;
import io.synthgen.template.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every name the code registers is in the catalog, in the registry's order, and the catalog names nothing else; the
 * registries themselves are walked from the sealed types, so a new strategy or distribution without an entry fails.
 */
class VocabularyCompletenessTest {

  private static final Vocabulary V = Vocabulary.standard();

  @Test
  void strategiesAreTheSealedColumnGensAndTheCodecsFields() {
    assertEquals(ColumnGen.STRATEGIES, V.names(Topic.STRATEGIES));
    assertEquals(ColumnGen.class.getPermittedSubclasses().length, V.names(Topic.STRATEGIES).size());
    for (String s : ColumnGen.STRATEGIES) {
      JsonNode e = V.entry(Topic.STRATEGIES, s).get("entry");
      List<String> fields = new ArrayList<>();
      e.get("fields").forEach(f -> fields.add(f.get("name").asText()));
      assertEquals(PlanFields.STRATEGY.get(s), fields, s);
      List<String> both = new ArrayList<>();
      e.get("required").forEach(f -> both.add(f.asText()));
      e.get("optional").forEach(f -> both.add(f.asText()));
      assertEquals(Set.copyOf(fields), Set.copyOf(both), s);
      assertEquals(PlanFields.COLUMN, names(e.get("column_fields")), s);
    }
    JsonNode fk = V.entry(Topic.STRATEGIES, "foreign_key").get("entry").get("distributions");
    List<String> fkTypes = new ArrayList<>();
    fk.forEach(d -> fkTypes.add(d.get("type").asText()));
    assertEquals(List.copyOf(PlanFields.FK_DISTRIBUTION.keySet()), fkTypes);
    assertEquals(FkDistribution.class.getPermittedSubclasses().length, fkTypes.size());
  }

  @Test
  void distributionsAreTheSealedDistributionsWithTheirParameters() {
    assertEquals(List.copyOf(PlanFields.DISTRIBUTION.keySet()), V.names(Topic.DISTRIBUTIONS));
    assertEquals(Distribution.class.getPermittedSubclasses().length, V.names(Topic.DISTRIBUTIONS).size());
    for (JsonNode e : V.topic(Topic.DISTRIBUTIONS).get("entries")) {
      assertEquals(PlanFields.DISTRIBUTION.get(e.get("name").asText()), names(e.get("parameters")));
    }
  }

  @Test
  void dictionariesFunctionsTypesProfilesAndTemplatesAreTheRegistries() {
    assertEquals(Dictionaries.standard().names(), V.names(Topic.DICTIONARIES));
    assertEquals(List.copyOf(ExprCompiler.functionNames()), V.names(Topic.FUNCTIONS));
    List<String> kinds = new ArrayList<>();
    for (DataType.Kind k : DataType.Kind.values()) {
      kinds.add(k.name().toLowerCase(Locale.ROOT));
    }
    assertEquals(kinds, V.names(Topic.TYPES));
    assertEquals(PlanFields.PROFILE, V.names(Topic.TIME_PROFILES));
    List<String> components = new ArrayList<>();
    for (var c : TimeProfile.class.getRecordComponents()) {
      components.add(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
    }
    assertEquals(components, V.names(Topic.TIME_PROFILES), "TimeProfile's fields are the profile topic");
    assertEquals(Templates.names(), V.names(Topic.TEMPLATES));
    assertTrue(V.names(Topic.OPERATORS).size() >= 10);
  }

  @Test
  void theSeriesTopicIsEveryPlanFieldOfDataOverTimeWithTheCodecsFields() {
    List<String> expected = new ArrayList<>(List.of("series", "batch", "change_feed", "history", "quality"));
    expected.addAll(PlanFields.DEFECT.keySet());
    assertEquals(expected, V.names(Topic.SERIES));
    assertEquals(io.synthgen.plan.Defect.class.getPermittedSubclasses().length, PlanFields.DEFECT.size());
    List<List<String>> fields = new ArrayList<>(List.of(PlanFields.SERIES, PlanFields.BATCH, PlanFields.CHANGE_FEED,
        PlanFields.HISTORY, PlanFields.QUALITY));
    fields.addAll(PlanFields.DEFECT.values());
    for (int i = 0; i < expected.size(); i++) {
      String name = expected.get(i);
      JsonNode e = V.entry(Topic.SERIES, name).get("entry");
      List<String> names = new ArrayList<>();
      e.get("fields").forEach(f -> {
        names.add(f.get("name").asText());
        assertTrue(!f.get("description").asText().isBlank(), name + "." + f);
      });
      assertEquals(fields.get(i), names, name);
      assertTrue(e.get("example").isObject() && !e.get("description").asText().isBlank(), name);
    }
    for (String tableField : List.of("batch", "change_feed", "history", "quality")) {
      assertTrue(PlanFields.TABLE.contains(tableField), tableField);
    }
    assertTrue(PlanFields.PLAN.contains("series"));
    assertTrue(V.names(Topic.FUNCTIONS).contains("batch"), "batch() is described with the functions");
  }

  @Test
  void functionEntriesCarryTheRegistrysSignatures() {
    for (var f : ExprCompiler.functions()) {
      JsonNode e = V.entry(Topic.FUNCTIONS, f.name()).get("entry");
      assertEquals(f.signature(), e.get("signature").asText());
      assertEquals(f.family(), e.get("family").asText());
      assertEquals(f.random(), e.get("random").asBoolean());
      assertTrue(e.get("example").asText().toLowerCase(Locale.ROOT).contains(f.name() + "("),
          f.name() + "'s example calls it: " + e.get("example"));
    }
  }

  @Test
  void aDataFileThatDiffersFromTheCodeIsRefusedWithEveryDifferenceAtOnce() {
    ObjectNode root = (ObjectNode) VocabularyData.read();
    ObjectNode functions = (ObjectNode) root.get("functions");
    functions.remove("abs");
    functions.putObject("absolutely").put("description", "not a function").put("example", "absolutely(1)");
    ((ObjectNode) root.get("strategies").get("uniform").get("fields")).remove("step");
    ((ObjectNode) root.get("types").get("date")).remove("description");
    ((ObjectNode) root.get("distributions")).remove("beta");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Vocabulary.build(VocabularyData.of(root)));
    String m = e.getMessage();
    assertTrue(m.contains("in 4 places"), m);
    assertTrue(m.contains("section 'functions': missing [abs], not in the code [absolutely]"), m);
    assertTrue(m.contains("strategy uniform lists fields [min, max] but the codec reads [min, max, step]"), m);
    assertTrue(m.contains("type date has no text 'description'"), m);
    assertTrue(m.contains("section 'distributions': missing [beta]"), m);
  }

  @Test
  void entriesAreFoundByNameIgnoringCaseAndUnknownNamesGetSuggestions() {
    assertNotNull(V.entry(Topic.DICTIONARIES, "First_Name"));
    assertNull(V.entry(Topic.DICTIONARIES, "first_names"));
    assertTrue(V.unknown(Topic.DICTIONARIES, "first_names").startsWith("did you mean 'first_name'?"),
        V.unknown(Topic.DICTIONARIES, "first_names"));
    assertEquals(Topic.TIME_PROFILES, Topic.of("time_profiles"));
    assertNull(Topic.of("nothing"));
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
