package io.synthgen.draft.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Drafter;
import io.synthgen.engine.Preview;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whatever type the person declares for whatever name, what inference makes is a valid plan: every column name of
 * the corpus, all in one table, under every declared type. The person's own mistakes are reported, not repaired.
 */
class InferenceRobustnessTest {

  static final List<String> TYPES = List.of("bigint", "int", "double", "decimal(5,2)", "decimal(2,0)",
      "decimal(18,6)", "string", "boolean", "date", "timestamp");

  @Test
  void everyCorpusNameUnderEveryDeclaredTypeMakesAPlanThatGenerates() throws Exception {
    Set<String> names = new LinkedHashSet<>();
    for (Corpus.Case c : Corpus.cases()) {
      names.add(c.column().toLowerCase(Locale.ROOT));
    }
    assertTrue(names.size() > 250, names.size() + " names");
    for (String type : TYPES) {
      ObjectNode request = Corpus.JSON.createObjectNode();
      ObjectNode t = request.putArray("tables").addObject();
      t.put("name", "things");
      t.put("rows", 50);
      ArrayNode cols = t.putArray("columns");
      cols.addObject().put("name", "thing_id");
      for (String n : names) {
        if (!n.equals("thing_id")) {
          cols.addObject().put("name", n).put("type", type);
        }
      }
      Plan p;
      try {
        p = PlanCodec.fromJson(Drafter.draft(request, Corpus.TODAY, 42), InferenceCorpusTest.DICTS);
      } catch (PlanException e) {
        throw new AssertionError("declared " + type + ": " + e.getMessage(), e);
      }
      ResolvedPlan r = Resolver.resolve(p);
      assertEquals(50, Preview.generate(r, 50).get("things").size(), type);
    }
  }

  @Test
  void aNoteAtTheLimitKeepsThePlanWithinIt() throws Exception {
    String note = "n".repeat(PlanLimits.MAX_TEXT_LENGTH - 10);
    ObjectNode request = (ObjectNode) Corpus.JSON.readTree("""
        {"tables": [{"name": "orders", "rows": 10, "columns": ["order_id",
          {"name": "unit_price", "note": "%s"}]}]}
        """.formatted(note));
    Plan p = PlanCodec.fromJson(Drafter.draft(request, Corpus.TODAY, 42), InferenceCorpusTest.DICTS);
    String got = p.table("orders").orElseThrow().column("unit_price").orElseThrow().note();
    assertTrue(got.startsWith(note) && got.length() <= PlanLimits.MAX_TEXT_LENGTH, got.length() + " characters");
  }

  @Test
  void boundsThePersonGotWrongAreReportedNotRepaired() {
    PlanException e = assertThrows(PlanException.class, () -> PlanCodec.fromJson(Drafter.draft(
        Corpus.JSON.readTree("""
            {"tables": [{"name": "products", "rows": 10, "columns": ["product_id",
              {"name": "price", "min": 500, "max": 5}, {"name": "discount_pct", "min": 40, "max": 10}]}]}
            """), Corpus.TODAY, 42), InferenceCorpusTest.DICTS));
    Set<String> paths = new LinkedHashSet<>();
    e.violations().forEach(v -> paths.add(v.path()));
    assertTrue(paths.stream().anyMatch(x -> x.startsWith("tables[0].columns[1]")), e.getMessage());
    assertTrue(paths.stream().anyMatch(x -> x.startsWith("tables[0].columns[2]")), e.getMessage());
  }

  @Test
  void anEmailNextToAStringKeyIsValid() throws Exception {
    Plan p = PlanCodec.fromJson(Drafter.draft(Corpus.JSON.readTree("""
        {"tables": [{"name": "users", "rows": 20, "columns": [{"name": "user_id", "type": "string"},
          "first_name", "last_name", "email"]}]}
        """), Corpus.TODAY, 42), InferenceCorpusTest.DICTS);
    var batch = Preview.generate(Resolver.resolve(p), 20).get("users");
    Set<Object> emails = new LinkedHashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      String email = (String) batch.vector("email").get(i);
      assertTrue(email.matches("[a-z'.-]+\\.[a-z'.-]+\\d+@example\\.com"), email);
      emails.add(email);
    }
    assertTrue(emails.size() > 15, emails.toString());
  }
}
