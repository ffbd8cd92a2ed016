package io.synthgen.resolve;

import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.read;
import static io.synthgen.testing.Plans.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems only the resolver can see: dictionary names, expressions, cycles between columns. */
class ResolverErrorsTest {

  static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  private static List<Violation> problems(String json) {
    PlanException e = assertThrows(PlanException.class, () -> Resolver.resolve(read(json)));
    for (Violation v : e.violations()) {
      assertTrue(v.path().startsWith("tables["), "a JSON path: " + v);
      assertFalse(v.rule() == null || v.rule().isBlank(), "a rule: " + v);
      assertFalse(v.fix() == null || v.fix().isBlank(), "a fix: " + v);
      assertTrue(e.getMessage().contains(v.toString()), "the message lists every violation");
    }
    return e.violations();
  }

  private static Violation at(List<Violation> vs, String path) {
    return vs.stream().filter(v -> v.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no violation at " + path + " in " + vs));
  }

  @Test
  void unknownDictionaryNamesTheKnownOnes() {
    List<Violation> vs = problems(document(1, table("t", 10,
        col("id", "bigint", "\"strategy\": \"sequence\""),
        col("name", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"first_names\""),
        col("town", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"towns\""))));
    assertEquals(2, vs.size(), vs.toString());
    Violation v = at(vs, "tables[0].columns[1].dictionary");
    assertTrue(v.rule().contains("unknown dictionary"), v.toString());
    assertEquals("\"first_names\"", v.value());
    assertTrue(v.fix().contains("first_name"), "suggests the close name: " + v.fix());
    assertTrue(at(vs, "tables[0].columns[2].dictionary").fix().contains("city"), "lists the dictionaries");
  }

  /** a1(id, v) and b1 with two foreign keys to a1 and the expression {@code expr}. */
  private static String twoKeys(String expr) {
    return document(42, "{\"name\": \"a1\", \"rows\": 20, \"primary_key\": \"id\", \"columns\": ["
        + col("id", "bigint", "\"strategy\": \"sequence\"") + ", "
        + col("v", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 100") + "]}, "
        + table("b1", 50, col("id", "bigint", "\"strategy\": \"sequence\""),
            col("x1", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"a1.id\""),
            col("x2", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"a1.id\""),
            col("x2_v", "int", "\"strategy\": \"lookup\", \"via\": \"x2\", \"column\": \"v\""),
            col("e", "int", "\"strategy\": \"expression\", \"expr\": \"" + expr + "\"")));
  }

  @Test
  void aParentColumnReachedByTwoForeignKeysIsAmbiguous() throws PlanException {
    List<Violation> vs = problems(twoKeys("a1.v + 1"));
    assertEquals(1, vs.size(), vs.toString());
    Violation v = at(vs, "tables[1].columns[4].expr");
    assertTrue(v.rule().contains("'a1.v' is ambiguous") && v.rule().contains("(x1, x2)"), v.toString());
    assertTrue(v.fix().contains("\"via\": \"x1\"") && v.fix().contains("lookup"), v.fix());
    // a lookup through the chosen key says which parent row to read
    Resolver.resolve(read(twoKeys("x2_v + 1")));
  }

  @Test
  void expressionErrorsAreReportedPerColumn() {
    List<Violation> vs = problems(document(1, table("t", 10,
        col("quantity", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 5"),
        col("a", "int", "\"strategy\": \"expression\", \"expr\": \"quantty * 2\""),
        col("b", "string", "\"strategy\": \"expression\", \"expr\": \"upper(quantity, 1, 2, 3)\""),
        col("c", "int", "\"strategy\": \"expression\", \"expr\": \"quantity +\""))));
    Violation a = at(vs, "tables[0].columns[1].expr");
    assertTrue(a.rule().contains("quantty"), a.toString());
    assertTrue(a.rule().contains("quantity") || a.fix().contains("quantity"), "suggests the column: " + a);
    at(vs, "tables[0].columns[2].expr");
    at(vs, "tables[0].columns[3].expr");
  }

  @Test
  void aColumnCycleIsRejectedWithItsPath() {
    List<Violation> vs = problems(document(1, table("t", 10,
        col("id", "bigint", "\"strategy\": \"sequence\""),
        col("a", "bigint", "\"strategy\": \"expression\", \"expr\": \"b + 1\""),
        col("b", "bigint", "\"strategy\": \"expression\", \"expr\": \"a + 1\""))));
    assertEquals(1, vs.size(), vs.toString());
    Violation v = vs.get(0);
    assertTrue(v.path().equals("tables[0].columns[1]") || v.path().equals("tables[0].columns[2]"), v.toString());
    assertTrue(v.rule().contains("cycle") && v.rule().contains("t.a") && v.rule().contains("t.b"), v.toString());
  }

  @Test
  void aCycleThroughASelfReferenceIsRejected() {
    List<Violation> vs = problems(document(1, "{\"name\": \"emp\", \"rows\": 10, \"primary_key\": \"id\", "
        + "\"columns\": [" + String.join(",",
        col("id", "bigint", "\"strategy\": \"sequence\""),
        col("manager", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"emp.id\""),
        col("level", "int", "\"strategy\": \"lookup\", \"via\": \"manager\", \"column\": \"level\"")) + "]}"));
    assertEquals(1, vs.size(), vs.toString());
    assertTrue(vs.get(0).rule().contains("emp.level"), vs.toString());
  }

  @Test
  void everyResolutionProblemIsReportedAtOnce() {
    List<Violation> vs = problems(document(1, table("t", 10,
        col("id", "bigint", "\"strategy\": \"sequence\""),
        col("bad1", "int", "\"strategy\": \"expression\", \"expr\": \"nope + 1\""),
        col("a", "bigint", "\"strategy\": \"expression\", \"expr\": \"b + 1\""),
        col("b", "bigint", "\"strategy\": \"expression\", \"expr\": \"a + 1\""),
        col("bad2", "string", "\"strategy\": \"expression\", \"expr\": \"lower(missing_col)\""))));
    at(vs, "tables[0].columns[1].expr");
    at(vs, "tables[0].columns[4].expr");
    assertTrue(vs.stream().anyMatch(v -> v.rule().contains("cycle")), "the cycle too: " + vs);
  }

  @Test
  void readingWithTheDictionaryNamesReportsThemWithEveryOtherProblem() {
    PlanException e = assertThrows(PlanException.class, () -> PlanCodec.read(document(1, table("t", 10,
        col("id", "bigint", "\"strategy\": \"sequence\""),
        col("w", "string", "\"strategy\": \"values\", \"values\": [\"a\", \"b\"], \"weights\": [1]"),
        col("name", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"first_names\""),
        col("p", "boolean", "\"strategy\": \"boolean\", \"probability\": 1.5"))),
        new java.util.HashSet<>(Dictionaries.standard().names())));
    List<Violation> vs = e.violations();
    at(vs, "tables[0].columns[2].dictionary");
    at(vs, "tables[0].columns[3].probability");
    assertTrue(vs.stream().anyMatch(v -> v.path().startsWith("tables[0].columns[1]")), "the weights too: " + vs);
  }
}
