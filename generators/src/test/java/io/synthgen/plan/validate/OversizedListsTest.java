package io.synthgen.plan.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A list over its limit is refused with the limit violation, and only the first items up to the limit are checked
 * one by one, so refusing an oversized plan is linear. Before, a table of 18,000 columns whose foreign keys named
 * unknown columns took minutes: every reference was compared with every column name for a "did you mean".
 */
class OversizedListsTest {

  /** A hang guard, not a timing: the quadratic versions of these took minutes. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  private static String plan(String columns) {
    return "{\"format\": \"synthgen.plan/v1\", \"name\": \"p\", \"reference_date\": \"2025-01-01\", \"tables\": ["
        + "{\"name\": \"t\", \"rows\": 10, \"columns\": [" + columns + "]}]}";
  }

  private static String joined(int n, IntFunction<String> item) {
    StringJoiner j = new StringJoiner(", ");
    for (int i = 0; i < n; i++) {
      j.add(item.apply(i));
    }
    return j.toString();
  }

  private static List<Violation> violations(String json) {
    return assertTimeoutPreemptively(GUARD, () -> assertThrows(PlanException.class, () -> PlanCodec.read(json))
        .violations());
  }

  private static Violation at(List<Violation> vs, String path) {
    return vs.stream().filter(v -> v.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no violation at " + path + " in " + vs.subList(0, 5)));
  }

  @Test
  void twentyThousandColumnsWithUnknownReferencesAreRefusedByTheColumnLimit() {
    String name = "a".repeat(100);
    String cols = joined(20_000, i -> String.format("{\"name\": \"c%05d_%s\", \"type\": \"int\", \"strategy\": "
        + "\"foreign_key\", \"references\": \"t.d%05d_%s\"}", i, name, i, name));
    List<Violation> vs = violations(plan(cols));
    Violation limit = at(vs, "tables[0].columns");
    assertTrue(limit.rule().contains("at most " + PlanLimits.MAX_COLUMNS + " columns"), limit::toString);
    // the columns past the limit are not checked one by one
    assertTrue(vs.stream().noneMatch(v -> v.path().startsWith("tables[0].columns[" + PlanLimits.MAX_COLUMNS + "]")),
        () -> vs.get(vs.size() - 1).toString());
    assertTrue(vs.stream().anyMatch(v -> v.path().equals("tables[0].columns[0].references")));
  }

  @Test
  void twentyThousandDuplicateColumnNamesAreRefusedByTheColumnLimit() {
    String cols = joined(20_000, i -> "{\"name\": \"x\", \"type\": \"int\", \"strategy\": \"expression\", "
        + "\"expr\": \"nope + 1\"}");
    List<Violation> vs = violations(plan(cols));
    at(vs, "tables[0].columns");
    long duplicates = vs.stream().filter(v -> v.rule().startsWith("duplicate column name")).count();
    assertEquals(PlanLimits.MAX_COLUMNS - 1, duplicates);
  }

  @Test
  void twoHundredThousandValuesAreRefusedByTheValuesLimit() {
    String values = joined(200_000, Integer::toString);
    List<Violation> vs = violations(plan("{\"name\": \"v\", \"type\": \"int\", \"strategy\": \"values\", "
        + "\"values\": [" + values + ", " + values + "], \"weights\": [" + values + "]}"));
    Violation limit = at(vs, "tables[0].columns[0].values");
    assertTrue(limit.rule().contains("at most " + PlanLimits.MAX_VALUES + " values"), limit::toString);
    assertTrue(vs.stream().noneMatch(v -> v.path().startsWith("tables[0].columns[0].values[")), vs::toString);
  }

  @Test
  void twoHundredThousandWeightsAreRefusedWithoutCheckingEach() {
    String weights = joined(200_000, i -> "-1");
    List<Violation> vs = violations(plan("{\"name\": \"v\", \"type\": \"int\", \"strategy\": \"values\", "
        + "\"values\": [1, 2], \"weights\": [" + weights + "]}"));
    assertTrue(at(vs, "tables[0].columns[0].weights").rule().contains("200000 weights for 2 values"));
    assertTrue(vs.stream().noneMatch(v -> v.path().startsWith("tables[0].columns[0].weights[")), vs::toString);
  }

  @Test
  void twentyThousandTablesAreRefusedByTheTableLimit() {
    StringJoiner tables = new StringJoiner(", ");
    for (int i = 0; i < 20_000; i++) {
      tables.add("{\"name\": \"t" + i + "\", \"rows\": 1, \"columns\": [{\"name\": \"k\", \"type\": \"bigint\", "
          + "\"strategy\": \"foreign_key\", \"references\": \"u" + i + ".k\"}]}");
    }
    List<Violation> vs = violations("{\"format\": \"synthgen.plan/v1\", \"name\": \"p\", \"reference_date\": "
        + "\"2025-01-01\", \"tables\": [" + tables + "]}");
    assertTrue(at(vs, "tables").rule().contains("at most " + PlanLimits.MAX_TABLES + " tables"));
    assertTrue(vs.stream().noneMatch(v -> v.path().startsWith("tables[" + PlanLimits.MAX_TABLES + "]")));
  }

  @Test
  void twentyThousandHolidaysAreRefusedByTheProfileLimit() {
    String holidays = joined(20_000, i -> "{\"date\": \"2024-01-01\", \"factor\": -1}");
    List<Violation> vs = violations(plan("{\"name\": \"d\", \"type\": \"date\", \"strategy\": \"date_range\", "
        + "\"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"profile\": {\"holidays\": [" + holidays + "]}}"));
    Violation limit = at(vs, "tables[0].columns[0].profile.holidays");
    assertTrue(limit.rule().contains("at most " + PlanLimits.MAX_PROFILE_ENTRIES), limit::toString);
    assertTrue(vs.stream().noneMatch(v -> v.path().startsWith("tables[0].columns[0].profile.holidays["
        + PlanLimits.MAX_PROFILE_ENTRIES + "]")));
  }

  @Test
  void suggestionsStillFindCloseNamesAndSkipFarOnes() {
    assertEquals("customer_id", Suggest.closest("custmer_id", List.of("order_id", "customer_id", "amount")));
    assertEquals("Amount", Suggest.closest("amount", List.of("Amount")));
    assertEquals(null, Suggest.closest("zzzzzzzzzz", List.of("customer_id")));
    // the capped distance agrees with the full one up to the cap
    assertEquals(Suggest.distance("kitten", "sitting"), Suggest.distance("kitten", "sitting", 3));
    assertTrue(Suggest.distance("abcdefgh", "zyxwvuts", 3) > 3);
  }
}
