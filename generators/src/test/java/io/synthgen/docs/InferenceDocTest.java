package io.synthgen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.draft.Drafter;
import io.synthgen.draft.infer.Rule;
import io.synthgen.draft.infer.Rules;
import io.synthgen.draft.infer.Vocabulary;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * docs/inference.md shows the rule table and the category vocabulary exactly as the code holds them, and its example
 * drafts as the page says.
 */
class InferenceDocTest {

  static final String RULES_BEGIN = "<!-- generated from Rules.table(): begin -->";
  static final String RULES_END = "<!-- generated from Rules.table(): end -->";
  static final String VOCAB_BEGIN = "<!-- generated from Vocabulary.entries(): begin -->";
  static final String VOCAB_END = "<!-- generated from Vocabulary.entries(): end -->";

  static String rules() {
    StringBuilder b = new StringBuilder("| # | Rule | Kind | Name | Context | Declared types | Makes |\n"
        + "|---|---|---|---|---|---|---|\n");
    int i = 1;
    for (Rule r : Rules.table()) {
      b.append("| ").append(i++).append(" | `").append(r.id()).append("` | ").append(r.label()).append(" | ")
          .append(cell(r.match().doc())).append(" | ").append(cell(r.when().doc().isEmpty() ? "any" : r.when().doc()))
          .append(" | ").append(types(r.types())).append(" | ").append(cell(r.template().doc())).append(" |\n");
    }
    return b.toString();
  }

  static String vocabulary() {
    StringBuilder b = new StringBuilder("| Column | Table about | Values (weights) |\n|---|---|---|\n");
    for (Vocabulary.Entry e : Vocabulary.entries()) {
      List<String> vw = new ArrayList<>();
      for (int i = 0; i < e.values().size(); i++) {
        vw.add(e.values().get(i) + " " + e.weights().get(i));
      }
      b.append("| `").append(e.key()).append("` | ").append(e.about().isEmpty() ? "any" : String.join(", ",
          e.about())).append(" | ").append(cell(String.join(", ", vw))).append(" |\n");
    }
    return b.toString();
  }

  private static String types(Set<DataType.Kind> kinds) {
    if (kinds.equals(EnumSet.allOf(DataType.Kind.class))) {
      return "any";
    }
    List<String> names = new ArrayList<>();
    kinds.forEach(k -> names.add(k.name().toLowerCase(Locale.ROOT)));
    return String.join(", ", names);
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  @Test
  void theRuleTableMatchesTheCode() throws IOException {
    assertSection(RULES_BEGIN, RULES_END, rules());
  }

  @Test
  void theVocabularyMatchesTheResource() throws IOException {
    assertSection(VOCAB_BEGIN, VOCAB_END, vocabulary());
  }

  @Test
  void theExampleDraftsAsTheDocSays() throws Exception {
    String doc = Files.readString(DocFiles.root().resolve("docs/inference.md"));
    int at = doc.indexOf("```json", doc.indexOf("## Examples"));
    String json = doc.substring(at + "```json".length(), doc.indexOf("```", at + 7));
    JsonNode tree = Drafter.draft(
        new ObjectMapper().readTree(json), LocalDate.of(2026, 3, 1), 42);
    Plan p = PlanCodec.fromJson(tree,
        new HashSet<>(Dictionaries.standard().names()));
    BiFunction<String, String, ColumnGen> gen = (t, c) ->
        p.table(t).orElseThrow().column(c).orElseThrow().gen();
    assertEquals(new ColumnGen.Dictionary("product_name"), gen.apply("products", "name"));
    assertEquals(new ColumnGen.Dictionary("brand_name"), gen.apply("products", "brand"));
    assertTrue(gen.apply("products", "unit_price") instanceof ColumnGen.Dist);
    assertEquals(List.of("pending", "shipped", "delivered", "cancelled", "returned"),
        ((ColumnGen.Values) gen.apply("orders", "status")).values());
    assertTrue(gen.apply("orders", "shipped_at") instanceof ColumnGen.Expression e
        && e.expr().contains("order_date"));
    assertEquals("decimal(5,2)", p.table("orders").orElseThrow().column("discount_pct").orElseThrow().type()
        .toString());
    assertEquals(List.of("Free", "Plus"), ((ColumnGen.Values) gen.apply("orders", "membership"))
        .values());
    assertTrue(gen.apply("line_items", "product_id") instanceof ColumnGen.ForeignKey);
    assertEquals(new ColumnGen.Lookup("product_id", "unit_price"),
        gen.apply("line_items", "unit_price"));
  }

  /**
   * Checks a generated section; with {@code -Dinference.doc.write=true} rewrites it instead (run once after changing
   * the rules or the vocabulary, then review the diff).
   */
  private static void assertSection(String begin, String end, String expected) throws IOException {
    Path file = DocFiles.root().resolve("docs/inference.md");
    String doc = Files.readString(file);
    int b = doc.indexOf(begin);
    int e = doc.indexOf(end);
    assertTrue(b >= 0 && e > b, "docs/inference.md has the markers " + begin + " and " + end);
    if (Boolean.getBoolean("inference.doc.write")) {
      Files.writeString(file, doc.substring(0, b + begin.length()) + "\n" + expected + doc.substring(e));
      return;
    }
    assertEquals(expected, doc.substring(b + begin.length(), e).strip() + "\n",
        "docs/inference.md differs from the code; replace the text between " + begin + " and " + end
            + " with the expected text");
  }
}
