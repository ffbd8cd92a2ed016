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
  void malformedItemsPastTheLimitAreNotReportedOneByOne() {
    String values = joined(200_000, i -> "{\"a\": 1}");
    List<Violation> vs = violations(plan("{\"name\": \"v\", \"type\": \"int\", \"strategy\": \"values\", "
        + "\"values\": [" + values + "]}"));
    at(vs, "tables[0].columns[0].values");
    assertEquals(PlanLimits.MAX_VALUES + 1, vs.size());
    String cols = joined(20_000, i -> "{\"name\": \"c" + i + "\", \"type\": \"int\", \"strategy\": \"uniform\", "
        + "\"min\": 1, \"max\": 2, \"bogus\": 1}");
    List<Violation> unknown = violations(plan(cols));
    at(unknown, "tables[0].columns");
    assertEquals(PlanLimits.MAX_COLUMNS + 1, unknown.size());
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
  void aThousandLongNearlyEqualReferencesAreSuggestedWithinBudget() {
    // every reference is one edit from a column name of the same length: the costliest case for suggestions
    String name = "a".repeat(99);
    String cols = joined(PlanLimits.MAX_COLUMNS, i -> String.format("{\"name\": \"c%05d_%s\", \"type\": \"int\", "
        + "\"strategy\": \"foreign_key\", \"references\": \"t.c%05d_%sb\"}", i, name + "a", i + 1, name));
    List<Violation> vs = violations(plan(cols));
    assertEquals(PlanLimits.MAX_COLUMNS, vs.size());
    long suggested = vs.stream().filter(v -> v.fix().startsWith("did you mean")).count();
    assertEquals(Issues.MAX_SUGGESTIONS, suggested);
  }

  @Test
  void suggestionsStillFindCloseNamesAndSkipFarOnes() {
    assertEquals("customer_id", Suggest.closest("custmer_id", List.of("order_id", "customer_id", "amount")));
    assertEquals("Amount", Suggest.closest("amount", List.of("Amount")));
    assertEquals(null, Suggest.closest("zzzzzzzzzz", List.of("customer_id")));
    // the banded distance agrees with the full one up to the cap, and says "over" beyond it
    java.util.Random r = new java.util.Random(7);
    for (int k = 0; k < 20_000; k++) {
      String x = word(r);
      String y = r.nextBoolean() ? word(r) : mutate(x, r);
      int full = Suggest.distance(x, y);
      assertEquals(Math.min(full, Suggest.MAX_EDITS + 1), Suggest.distance(x, y, Suggest.MAX_EDITS), x + " / " + y);
    }
  }

  private static String word(java.util.Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      b.append((char) ('a' + r.nextInt(3)));
    }
    return b.toString();
  }

  /** Up to four random edits (insert, delete, substitute, swap) of {@code s}. */
  private static String mutate(String s, java.util.Random r) {
    StringBuilder b = new StringBuilder(s);
    for (int e = r.nextInt(5); e > 0; e--) {
      int at = b.length() == 0 ? 0 : r.nextInt(b.length());
      switch (r.nextInt(4)) {
        case 0 -> b.insert(at, (char) ('a' + r.nextInt(3)));
        case 1 -> {
          if (b.length() > 0) {
            b.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (b.length() > 0) {
            b.setCharAt(at, (char) ('a' + r.nextInt(3)));
          }
        }
        default -> {
          if (at + 1 < b.length()) {
            char c = b.charAt(at);
            b.setCharAt(at, b.charAt(at + 1));
            b.setCharAt(at + 1, c);
          }
        }
      }
    }
    return b.toString();
  }
}
