package io.synthgen.plan.reach;

import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.read;
import static io.synthgen.testing.Plans.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.Resolver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans whose values could leave their column type were accepted and wrote wrong data (13-digit decimal(12,2)
 * values, negative bigints from a capped max, wrapped sums, dates past year 9999). Each is now refused when the plan
 * is resolved, with the path, the reachable range, the type's range and a fix; the same plans within range pass.
 */
class ColumnRangesTest {

  static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  static final String ID = col("id", "bigint", "\"strategy\": \"sequence\"");

  /** A table whose primary key is its first column, id. */
  static String keyed(String name, long rows, String... columns) {
    return table(name, rows, columns).replaceFirst("\\{", "{\"primary_key\": \"id\", ");
  }

  private static List<Violation> problems(String json) {
    PlanException e = assertThrows(PlanException.class, () -> Resolver.resolve(PlanCodec.read(json)));
    for (Violation v : e.violations()) {
      assertTrue(v.path().startsWith("tables["), "a JSON path: " + v);
      assertFalse(v.fix() == null || v.fix().isBlank(), "a fix: " + v);
    }
    return e.violations();
  }

  private static Violation only(String json) {
    List<Violation> vs = problems(json);
    assertEquals(1, vs.size(), vs.toString());
    return vs.get(0);
  }

  private static void resolves(String json) throws PlanException {
    Resolver.resolve(read(json));
  }

  private static void contains(String text, String... parts) {
    for (String p : parts) {
      assertTrue(text.contains(p), "'" + text + "' should mention '" + p + "'");
    }
  }

  @Test
  void decimalWhoseRangeNeedsMoreIntegerDigitsThanItsPrecision() throws PlanException {
    // the case: a lognormal balance in decimal(12,2) reached 13 and 14 integer digits
    String balance = "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"lognormal\", \"mu\": 8, "
        + "\"sigma\": 2.5}";
    Violation v = only(document(1, table("t", 10, ID, col("balance", "decimal(12,2)", balance))));
    assertEquals("tables[0].columns[1].max", v.path());
    contains(v.rule(), "decimal(12,2)", "13 integer digits are needed and the type has 10", "9999999999.99");
    contains(v.fix(), "add a clamp", "decimal(15,2)");
    resolves(document(1, table("t", 10, ID, col("balance", "decimal(12,2)", balance + ", \"max\": 9999999999"))));
    Violation product = only(document(1, table("t", 10, ID,
        col("price", "decimal(10,2)", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 90000000"),
        col("total", "decimal(12,2)", "\"strategy\": \"expression\", \"expr\": \"price * 1000\""))));
    assertEquals("tables[0].columns[2].expr", product.path());
    contains(product.rule(), "11 integer digits are needed and the type has 10");
  }

  @Test
  void uniformDecimalBoundsBeyondThePrecisionAreRefusedByThePlanRules() {
    Violation v = only(document(1, table("t", 10, ID,
        col("amount", "decimal(12,2)", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 1500000000000"))));
    assertEquals("tables[0].columns[1].max", v.path());
  }

  @Test
  void unclampedDistributionIntoADecimalNeedsAClamp() throws PlanException {
    Violation v = only(document(1, table("t", 10, ID, col("score", "decimal(5,2)", "\"strategy\": \"distribution\", "
        + "\"distribution\": {\"type\": \"normal\", \"mean\": 500, \"stddev\": 100}"))));
    assertEquals("tables[0].columns[1].max", v.path());
    contains(v.rule(), "1357.");
    contains(v.fix(), "add a clamp");
    resolves(document(1, table("t", 10, ID, col("score", "decimal(5,2)", "\"strategy\": \"distribution\", "
        + "\"distribution\": {\"type\": \"normal\", \"mean\": 500, \"stddev\": 100}, \"max\": 999.99"))));
  }

  @Test
  void uniformBigintWithAMaxAbove2To63() {
    Violation v = only(document(1, table("t", 10, ID,
        col("big", "bigint", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 1e19"))));
    // refused when the plan is read: the number does not fit the field it fills
    assertEquals("tables[0].columns[1].max", v.path());
    contains(v.rule(), "out of range for bigint");
  }

  @Test
  void uniformWhoseWidthOverflowsACount() {
    Violation v = only(document(1, table("t", 10, ID,
        col("big", "bigint", "\"strategy\": \"uniform\", \"min\": -9e18, \"max\": 9e18"))));
    assertEquals("tables[0].columns[1].max", v.path());
    contains(v.rule(), "more than a 64-bit count");
  }

  @Test
  void doubleUniformWhoseWidthOverflowsToInfinity() throws PlanException {
    Violation v = only(document(1, table("t", 10, ID,
        col("x", "double", "\"strategy\": \"uniform\", \"min\": -1.7e308, \"max\": 1.7e308"))));
    assertEquals("tables[0].columns[1].max", v.path());
    contains(v.rule(), "max - min", "overflows a double", "every draw would be infinite");
    contains(v.fix(), "at most 1.7e308");
    resolves(document(1, table("t", 10, ID,
        col("x", "double", "\"strategy\": \"uniform\", \"min\": -8e307, \"max\": 8e307"))));
  }

  @Test
  void makeDateOfAYearPast9999AtItsPath() throws PlanException {
    Violation v = only(document(1, table("t", 10, ID,
        col("y", "date", "\"strategy\": \"expression\", \"expr\": \"make_date(rand_int(9990, 10005), 1, 1)\""))));
    assertEquals("tables[0].columns[1].expr", v.path());
    contains(v.rule(), "make_date(...)", "outside the date range", "10005-12-31");
    resolves(document(1, table("t", 10, ID,
        col("y", "date", "\"strategy\": \"expression\", \"expr\": \"make_date(rand_int(1990, 2025), 2, 29)\""))));
  }

  @Test
  void sequencesPastTheirTypeAtTheirExactRowCount() throws PlanException {
    // a per-parent table's row count is known only once its parents' children are laid out
    String parent = "{\"name\": \"p\", \"rows\": 1000, \"primary_key\": \"id\", \"columns\": [" + ID + "]}";
    String child = "{\"name\": \"c\", \"rows\": 3150, \"per_parent\": {\"table\": \"p\", \"count\": {\"distribution\": "
        + "{\"type\": \"poisson\", \"lambda\": 3}, \"min\": 1, \"max\": 10}}, \"columns\": ["
        + col("p_id", "bigint", "\"strategy\": \"parent\", \"references\": \"p.id\"") + ","
        + col("n", "int", "\"strategy\": \"sequence\", \"start\": 2147482000") + "]}";
    Violation v = only(document(1, parent + "," + child));
    assertEquals("tables[1].columns[1].start", v.path());
    contains(v.rule(), "leaves the range of int");
    resolves(document(1, parent + "," + child.replace("2147482000", "2147000000")));
  }

  @Test
  void integerArithmeticThatWouldWrap() {
    Violation v = only(document(1, table("t", 10, ID,
        col("a", "bigint", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 5e18"),
        col("s", "bigint", "\"strategy\": \"expression\", \"expr\": \"a + a\""))));
    assertEquals("tables[0].columns[2].expr", v.path());
    contains(v.rule(), "integer arithmetic '+'", "would wrap");
  }

  @Test
  void expressionResultOutsideItsColumnType() throws PlanException {
    Violation v = only(document(1, table("t", 10, ID,
        col("a", "int", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 10000000"),
        col("m", "int", "\"strategy\": \"expression\", \"expr\": \"a * 1000\""))));
    assertEquals("tables[0].columns[2].expr", v.path());
    contains(v.rule(), "[0, 10000000000]", "outside its type int");
    contains(v.fix(), "bigint");
    resolves(document(1, table("t", 10, ID,
        col("a", "int", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 10000000"),
        col("m", "bigint", "\"strategy\": \"expression\", \"expr\": \"a * 1000\""),
        col("k", "int", "\"strategy\": \"expression\", \"expr\": \"least(a * 1000, 2000000000)\""))));
  }

  @Test
  void doublesAreRefusedOnlyForAComputedOverflowToInfinity() throws PlanException {
    Violation v = only(document(1, table("t", 10, ID,
        col("x", "double", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 1000"),
        col("e", "double", "\"strategy\": \"expression\", \"expr\": \"exp(x)\""))));
    assertEquals("tables[0].columns[2].expr", v.path());
    contains(v.rule(), "+infinity");
    resolves(document(1, table("t", 10, ID,
        col("s", "string", "\"strategy\": \"pattern\", \"pattern\": \"##.#\""),
        col("d", "double", "\"strategy\": \"expression\", \"expr\": \"CAST(s AS DOUBLE) * 2\""))));
  }

  @Test
  void textParsedIntoAnIntegerIsAssumedToSpanItsType() {
    Violation v = only(document(1, table("t", 10, ID,
        col("s", "string", "\"strategy\": \"pattern\", \"pattern\": \"####\""),
        col("n", "bigint", "\"strategy\": \"expression\", \"expr\": \"CAST(s AS BIGINT) * 1000\""))));
    assertEquals("tables[0].columns[2].expr", v.path());
    contains(v.rule(), "a value parsed from text, so the whole range of its type is assumed");
  }

  @Test
  void dateAddPastTheDateRange() {
    List<Violation> vs = problems(document(1, table("t", 10, ID,
        col("d", "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\""),
        col("later", "date", "\"strategy\": \"expression\", \"expr\": \"date_add(d, 100000000)\""))));
    Violation v = vs.stream().filter(x -> x.path().equals("tables[0].columns[2].expr")).findFirst().orElseThrow();
    contains(v.rule(), "date_add(...)", "outside the date range", "0001-01-01", "9999-12-31");
  }

  @Test
  void timestampArithmeticPastTheRange() {
    List<Violation> vs = problems(document(1, table("t", 10, ID,
        col("ts", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\""),
        col("later", "timestamp", "\"strategy\": \"expression\", \"expr\": \"timestamp_add_seconds(ts, 1e12)\""))));
    assertTrue(vs.stream().anyMatch(x -> x.path().equals("tables[0].columns[2].expr")
        && x.rule().contains("timestamp_add_seconds")), vs.toString());
  }

  @Test
  void childSumsBeyondTheParentsDecimal() throws PlanException {
    String parent = keyed("customers", 10, ID,
        col("total", "decimal(10,2)", "\"strategy\": \"child_aggregate\", \"table\": \"orders\", \"function\": "
            + "\"sum\", \"column\": \"amount\""));
    String child = "{\"name\": \"orders\", \"rows\": 30, \"per_parent\": {\"table\": \"customers\", \"count\": {\"distribution\": "
        + "{\"type\": \"poisson\", \"lambda\": 3}, \"min\": 0, \"max\": 1000}}, \"columns\": ["
        + col("customer_id", "bigint", "\"strategy\": \"parent\", \"references\": \"customers.id\"") + ","
        + col("amount", "decimal(10,2)", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 90000000") + "]}";
    Violation v = only(document(1, parent + "," + child));
    assertEquals("tables[0].columns[1].type", v.path());
    contains(v.rule(), "[0, 2340000000]", "outside its type decimal(10,2)"); // poisson(3) reaches 26 children
    contains(v.fix(), "per_parent count's max");
  }

  @Test
  void aForeignKeyToATableOfNoRowsIsRefused() throws PlanException {
    String parent = keyed("customers", 0, ID);
    String child = keyed("orders", 10, ID,
        col("customer_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"customers.id\""));
    Violation v = only(document(1, parent + "," + child));
    assertEquals("tables[1].columns[1].references", v.path());
    contains(v.rule(), "customers has 0 rows", "orphan");
    resolves(document(1, keyed("customers", 1, ID) + "," + child));
    resolves(document(1, parent + "," + keyed("orders", 0, ID,
        col("customer_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"customers.id\""))));
  }

  @Test
  void lookupsCarryTheParentColumnsRange() {
    String parent = keyed("customers", 10, ID,
        col("score", "bigint", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 5e18"));
    String child = keyed("orders", 10, ID,
        col("customer_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"customers.id\""),
        col("twice", "bigint", "\"strategy\": \"expression\", \"expr\": \"customers.score * 2\""));
    Violation v = only(document(1, parent + "," + child));
    assertEquals("tables[1].columns[2].expr", v.path());
    contains(v.rule(), "integer arithmetic '*'");
  }

  @Test
  void stringFunctionsBeyondTheLengthLimitAtTheirPath() {
    Violation v = only(document(1, table("t", 10, ID,
        col("s", "string", "\"strategy\": \"pattern\", \"pattern\": \"SKU-#####\""),
        col("p", "string", "\"strategy\": \"expression\", \"expr\": \"lpad(s, 2000000000)\""))));
    assertEquals("tables[0].columns[2].expr", v.path());
    contains(v.rule(), "lpad()", "2000000000");
    Violation joined = only(document(1, table("t", 10, ID,
        col("s", "string", "\"strategy\": \"expression\", \"expr\": \"lpad('a', 9000, 'a')\""),
        col("p", "string", "\"strategy\": \"expression\", \"expr\": \"s || s\""))));
    assertEquals("tables[0].columns[2].expr", joined.path());
    contains(joined.rule(), "18000");
  }

  @Test
  void regexpReplacementNamingAMissingGroupAtItsPath() {
    Violation v = only(document(1, table("t", 10, ID,
        col("s", "string", "\"strategy\": \"pattern\", \"pattern\": \"AB-###\""),
        col("r", "string", "\"strategy\": \"expression\", \"expr\": \"regexp_replace(s, '([A-Z]+)-(\\\\d+)', "
            + "'$5')\""))));
    assertEquals("tables[0].columns[2].expr", v.path());
    contains(v.rule(), "group $5", "2 groups");
  }

  @Test
  void hugeAndDeepExpressionsAreViolationsNotCrashes() {
    String deep = "(".repeat(5_000) + "id" + ")".repeat(5_000);
    String wide = "id" + " + id".repeat(40_000);
    for (String expr : List.of(deep, wide)) {
      Violation v = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> only(document(1, table("t", 10, ID,
          col("x", "bigint", "\"strategy\": \"expression\", \"expr\": \"" + expr + "\"")))));
      assertEquals("tables[0].columns[1].expr", v.path());
      contains(v.rule(), "characters, more than the limit of 4000");
      assertTrue(v.value().length() < 200, "the offending text is shortened: " + v.value().length());
    }
  }
}
