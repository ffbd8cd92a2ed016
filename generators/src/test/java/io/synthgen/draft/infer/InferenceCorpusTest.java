package io.synthgen.draft.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.Resolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the inference corpus, drafted through the Drafter: the plan is valid and resolves, and the column
 * has the strategy and the parameters the corpus expects, with a note saying what was inferred.
 */
class InferenceCorpusTest {

  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());

  @Test
  void theCorpusHasAtLeast200CasesWithTheIssuesFailuresAmongThem() {
    List<Corpus.Case> cases = Corpus.cases();
    assertTrue(cases.size() >= 200, cases.size() + " cases");
    Set<String> names = new HashSet<>();
    cases.forEach(c -> names.add(c.table() + "." + c.column()));
    for (String failure : List.of("products.name", "orders.discount_pct", "customers.membership")) {
      assertTrue(names.contains(failure), failure);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseInfersWhatTheCorpusSays() {
    return Corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  static void check(Corpus.Case c) throws Exception {
    ObjectNode plan;
    try {
      plan = c.plan();
      Plan p = PlanCodec.fromJson(plan, DICTS);
      Resolver.resolve(p);
    } catch (PlanException e) {
      fail(c + ": the drafted plan is refused: " + e.getMessage());
      return;
    }
    ObjectNode col = Corpus.column(plan, c);
    String[] items = c.expect().split(";");
    List<String> wrong = new ArrayList<>();
    String strategy = items[0].trim();
    if (!strategy.equals(col.path("strategy").asText())) {
      wrong.add("strategy " + col.path("strategy").asText() + ", expected " + strategy);
    }
    for (int i = 1; i < items.length; i++) {
      String item = items[i].trim();
      int eq = item.indexOf('=');
      int ct = item.indexOf('~');
      boolean contains = ct > 0 && (eq < 0 || ct < eq);
      int at = contains ? ct : eq;
      if (at <= 0) {
        throw new IllegalStateException(c + ": bad check '" + item + "'");
      }
      String field = item.substring(0, at);
      String want = item.substring(at + 1);
      JsonNode got = at(col, field);
      String text = text(got);
      boolean ok = contains ? text != null && text.contains(want) : equal(got, text, want);
      if (!ok) {
        wrong.add(field + (contains ? " contains " : " = ") + want + ", got " + text);
      }
    }
    if (!col.path("note").asText("").isEmpty() || col.has("references") && c.request().toString().contains(
        "\"references\"")) {
      // a column the person fully described needs no note; every inferred one has one
    } else if (!c.request().toString().contains("\"strategy\"") && !c.request().toString().contains("\"values\"")
        && !c.request().toString().contains("\"probability\"")) {
      wrong.add("no note saying what was inferred");
    }
    if (!wrong.isEmpty()) {
      fail(c + ": " + String.join("; ", wrong) + "\n  column: " + col);
    }
  }

  static JsonNode at(JsonNode node, String dotted) {
    JsonNode n = node;
    for (String part : dotted.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  static String text(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.forEach(e -> parts.add(e.asText()));
      return String.join("|", parts);
    }
    return n.asText();
  }

  static boolean equal(JsonNode got, String text, String want) {
    if (text == null) {
      // field=- : the column has no such field
      return want.equals("-");
    }
    if (got.isArray() && got.size() > 0 && got.get(0).isNumber()) {
      String[] w = want.split("\\|");
      if (w.length != got.size()) {
        return false;
      }
      for (int i = 0; i < w.length; i++) {
        if (Math.abs(got.get(i).asDouble() - Double.parseDouble(w[i])) > 1e-9) {
          return false;
        }
      }
      return true;
    }
    if (got.isNumber()) {
      try {
        return Math.abs(got.asDouble() - Double.parseDouble(want)) <= 1e-4 * Math.max(1, Math.abs(got.asDouble()));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return text.equals(want);
  }

  @Test
  void aCaseThatExpectsSomethingElseFails() throws Exception {
    // the checker itself can fail: a wrong dictionary is reported
    Corpus.Case real = Corpus.cases().get(0);
    Corpus.Case wrong = new Corpus.Case(real.line(), real.table(), real.column(), real.request(),
        "dictionary; dictionary=full_name");
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> check(wrong));
    assertTrue(e.getMessage().contains("dictionary = full_name, got product_name"), e.getMessage());
    assertEquals("products", real.table());
  }
}
