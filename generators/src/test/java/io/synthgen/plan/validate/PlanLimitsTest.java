package io.synthgen.plan.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.distribution.Sampler;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.random.Stream;
import io.synthgen.resolve.Resolver;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bound where plan input meets work, and every reference that must hold, is refused when the plan is read,
 * with the path, the limit and a fix; each case is one of issue 10's examples. The hang guards are generous: before
 * these rules, several of these plans took minutes or crashed.
 */
class PlanLimitsTest {

  private static final Duration GUARD = Duration.ofSeconds(30);

  /**
   * parents(id, w) with {@code %P} rows, kids generated per parent with count {@code %C} and rows {@code %R}, and
   * orders(order_id, parent_id: a foreign key to parents spread as {@code %D}) with {@code %O} rows.
   */
  private static final String BASE = """
      {"format": "synthgen.plan/v1", "name": "p", "reference_date": "2025-01-01", %X"tables": [
        {"name": "parents", "rows": %P, "primary_key": "id", "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence"},
          {"name": "w", "type": "double", "strategy": "uniform", "min": 0, "max": 1}]},
        {"name": "kids", "rows": %R, "primary_key": "kid_id", "per_parent": {"table": "parents", "count": %C},
         "columns": [
          {"name": "kid_id", "type": "bigint", "strategy": "sequence"},
          {"name": "parent_id", "type": "bigint", "strategy": "parent", "references": "parents.id"},
          {"name": "total", "type": "bigint", "strategy": "child_index"}]},
        {"name": "orders", "rows": %O, "primary_key": "order_id", "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence"},
          {"name": "parent_id", "type": "bigint", "strategy": "foreign_key", "references": "parents.id",
           "distribution": %D}]}]}
      """;

  private static final String POISSON_3 = "{\"distribution\": {\"type\": \"poisson\", \"lambda\": 3}}";
  private static final String UNIFORM_FK = "{\"type\": \"uniform\"}";

  private static String plan(long parents, String count, long kids, long orders, String fk, String extra) {
    return BASE.replace("%P", Long.toString(parents)).replace("%C", count).replace("%R", Long.toString(kids))
        .replace("%O", Long.toString(orders)).replace("%D", fk).replace("%X", extra);
  }

  private static String plan(long parents, String count, long kids) {
    return plan(parents, count, kids, 10, UNIFORM_FK, "");
  }

  private static List<Violation> violations(String json) {
    return assertTimeoutPreemptively(GUARD, () -> assertThrows(PlanException.class, () -> PlanCodec.read(json),
        json).violations());
  }

  /** The violation at {@code path}, asserting its rule says {@code rule}. */
  private static Violation at(List<Violation> vs, String path, String rule) {
    for (Violation v : vs) {
      if (v.path().equals(path)) {
        assertTrue(v.rule().contains(rule), v::toString);
        assertTrue(v.fix() != null && !v.fix().isEmpty(), v::toString);
        return v;
      }
    }
    throw new AssertionError("no violation at " + path + " in " + vs);
  }

  @Test
  void theBaseIsValid() throws Exception {
    Plan p = PlanCodec.read(plan(100, POISSON_3, 300));
    assertEquals(Map.of("parents", 100L, "kids", 300L, "orders", 10L).keySet(), ExpectedRows.of(p).keySet());
    // 100 parents: every count is drawn, so the expectation is the exact row count of the run
    assertEquals(Resolver.resolve(p).table("kids").rows(), ExpectedRows.of(p).get("kids"));
  }

  @Test
  void aPoissonOfABillionChildrenPerParentIsRefused() {
    String count = "{\"distribution\": {\"type\": \"poisson\", \"lambda\": 1e9}}";
    List<Violation> vs = violations(plan(1000, count, 1_000_000_000_000L));
    Violation v = at(vs, "tables[1].per_parent.count", "a parent row gets at most 100,000 children");
    assertTrue(v.fix().contains("\"max\": 100000"), v::toString);
  }

  @Test
  void aCountWhoseMaxIsAboveTheBoundIsRefusedAtMax() {
    String count = "{\"distribution\": {\"type\": \"pareto\", \"alpha\": 1, \"xm\": 1}, \"max\": 1000000}";
    at(violations(plan(10, count, 10)), "tables[1].per_parent.count.max", "at most 100,000 children");
    // with a max under the bound an unbounded distribution is fine
    String bounded = "{\"distribution\": {\"type\": \"pareto\", \"alpha\": 1, \"xm\": 1}, \"max\": 50}";
    List<Violation> vs = violations(plan(10, bounded, 1_000_000));
    assertEquals(List.of("tables[1].rows"), vs.stream().map(Violation::path).toList(), vs::toString);
  }

  @Test
  void fiveHundredBillionParentRowsAreRefusedBeforeAnyLayout() {
    List<Violation> vs = violations(plan(500_000_000_000L, POISSON_3, 1_500_000_000_000L));
    at(vs, "tables[1].per_parent.table", "at most 1,000,000,000 parent rows");
  }

  @Test
  void aWeightedForeignKeyOverMoreParentsThanCanBeWeighedIsRefused() {
    String fk = "{\"type\": \"weighted\", \"by\": \"w\"}";
    List<Violation> vs = violations(plan(30_000_000, POISSON_3, 90_000_000, 10, fk, ""));
    Violation v = at(vs, "tables[2].columns[1].distribution", "at most 20,000,000 can be weighted");
    assertTrue(v.fix().contains("zipf"), v::toString);
    assertEquals(1, vs.size(), vs::toString);
  }

  @Test
  void aWeightedForeignKeyByAColumnThatIsNeverPositiveIsRefused() {
    String fk = "{\"type\": \"weighted\", \"by\": \"w\"}";
    String json = plan(10, POISSON_3, 30, 10, fk, "").replace("\"min\": 0, \"max\": 1}", "\"min\": -5, \"max\": 0}");
    at(violations(json), "tables[2].columns[1].distribution.by", "never above 0");
  }

  @Test
  void aForeignKeyToATableWithoutRowsIsRefused() {
    List<Violation> vs = violations(plan(0, POISSON_3, 0));
    at(vs, "tables[2].columns[1].references", "parents has 0 rows");
    assertEquals(1, vs.size(), vs::toString);
  }

  @Test
  void aForeignKeyInATableWithoutRowsWritesNoKeysAndIsAccepted() throws Exception {
    PlanCodec.read(plan(0, POISSON_3, 0, 0, UNIFORM_FK, ""));
  }

  @Test
  void rowsOfAPerParentTableMustBeWhatItsCountMakes() throws Exception {
    // the issue's example: the plan said 10,000,000 and the run wrote about 50,000
    List<Violation> vs = violations(plan(16_000, POISSON_3, 10_000_000));
    Violation v = at(vs, "tables[1].rows", "rows of a table generated per parent is its expected row count");
    assertEquals("10000000", v.value());
    assertTrue(v.fix().startsWith("set rows to 4"), v::toString);
    // near the expectation is fine: 16,000 parents x 3
    PlanCodec.read(plan(16_000, POISSON_3, 48_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail", "healthcare", "iot", "manufacturing", "financial"})
  void templatesScaledToAnySizeKeepConsistentRows(String name) throws Exception {
    Plan t = Templates.load(name);
    for (long rows : new long[] {0, 1, 7, 100, 12_345, 1_000_000}) {
      Plan scaled = Scaling.scale(t, rows);
      assertEquals(List.of(), PlanValidator.validate(scaled), name + " at " + rows + " rows");
    }
  }

  @Test
  void weightsThatSumToInfinityAreRefused() {
    String json = plan(10, POISSON_3, 30).replace("{\"name\": \"w\", \"type\": \"double\", \"strategy\": \"uniform\", "
        + "\"min\": 0, \"max\": 1}", "{\"name\": \"w\", \"type\": \"string\", \"strategy\": \"values\", \"values\": "
        + "[\"a\", \"b\"], \"weights\": [1e308, 1e308]}");
    at(violations(json), "tables[0].columns[1].weights", "the weights sum to more than the largest number");
  }

  @Test
  void jsonlAndCsvDestinationsGetACompressionTheyCanWrite() throws Exception {
    for (String format : new String[] {"jsonl", "csv"}) {
      String zstd = "\"destination\": {\"kind\": \"local\", \"path\": \"out\", \"format\": \"" + format + "\", "
          + "\"compression\": \"zstd\"}, ";
      Violation v = at(violations(plan(10, POISSON_3, 30, 10, UNIFORM_FK, zstd)), "destination.compression",
          format + " files are written uncompressed or with gzip");
      assertEquals("\"zstd\"", v.value());
      String none = "\"destination\": {\"kind\": \"local\", \"path\": \"out\", \"format\": \"" + format + "\"}, ";
      Plan p = PlanCodec.read(plan(10, POISSON_3, 30, 10, UNIFORM_FK, none));
      assertEquals(Destination.Compression.NONE, p.destination().compression());
      assertEquals(p, PlanCodec.read(PlanCodec.write(p)));
    }
  }

  @Test
  void aBigintUniformMaxAbove2To63IsRefusedNotCapped() {
    String json = plan(10, POISSON_3, 30).replace("{\"name\": \"order_id\", \"type\": \"bigint\", \"strategy\": "
        + "\"sequence\"}", "{\"name\": \"order_id\", \"type\": \"bigint\", \"strategy\": \"uniform\", \"min\": 0, "
        + "\"max\": 1e19}");
    at(violations(json), "tables[2].columns[0].max", "out of range for bigint");
    String constant = plan(10, POISSON_3, 30).replace("{\"name\": \"total\", \"type\": \"bigint\", \"strategy\": "
        + "\"child_index\"}", "{\"name\": \"total\", \"type\": \"bigint\", \"strategy\": \"constant\", "
        + "\"value\": 9.3e18}");
    at(violations(constant), "tables[1].columns[2].value", "out of range for bigint");
  }

  @Test
  void aChildIndexThatWouldLeaveItsTypeIsRefused() {
    String json = plan(10, "{\"distribution\": {\"type\": \"poisson\", \"lambda\": 3}, \"max\": 10}", 30)
        .replace("{\"name\": \"total\", \"type\": \"bigint\", \"strategy\": \"child_index\"}",
            "{\"name\": \"total\", \"type\": \"int\", \"strategy\": \"child_index\", \"start\": 2147483640}");
    at(violations(json), "tables[1].columns[2].start", "leave the range of int");
  }

  @Test
  void aSequenceThatTheExactRowsTakeOutOfItsTypeIsRefusedWhenResolved() throws Exception {
    long exact = Resolver.resolve(PlanCodec.read(plan(10, POISSON_3, 30))).table("kids").rows();
    long declared = exact - 1;
    long start = Integer.MAX_VALUE - declared + 1;
    String json = plan(10, POISSON_3, declared).replace("{\"name\": \"kid_id\", \"type\": \"bigint\", "
        + "\"strategy\": \"sequence\"}", "{\"name\": \"kid_id\", \"type\": \"int\", \"strategy\": "
        + "\"sequence\", \"start\": " + start + "}");
    Plan p = PlanCodec.read(json); // the declared rows fit
    PlanException e = assertThrows(PlanException.class, () -> Resolver.resolve(p));
    at(e.violations(), "tables[1].columns[0].start", "leaves the range of int");
  }

  @Test
  void aFractionalRowCountIsRefusedAtDecode() {
    at(violations(plan(10, POISSON_3, 30).replace("\"rows\": 10,", "\"rows\": 10.5,")), "tables[0].rows",
        "must be an integer");
  }

  @Test
  void stringsValuesTablesAndColumnsAreBounded() {
    String longPattern = "#".repeat(PlanLimits.MAX_PATTERN_LENGTH + 1);
    String json = plan(10, POISSON_3, 30).replace("{\"name\": \"w\", \"type\": \"double\", \"strategy\": \"uniform\", "
        + "\"min\": 0, \"max\": 1}", "{\"name\": \"w\", \"type\": \"string\", \"strategy\": \"pattern\", "
        + "\"pattern\": \"" + longPattern + "\", \"note\": \"" + "n".repeat(PlanLimits.MAX_TEXT_LENGTH + 1) + "\"}");
    List<Violation> vs = violations(json);
    at(vs, "tables[0].columns[1].pattern", "at most 256 characters");
    at(vs, "tables[0].columns[1].note", "at most 4000 characters");

    StringBuilder values = new StringBuilder();
    for (int i = 0; i <= PlanLimits.MAX_VALUES; i++) {
      values.append(i == 0 ? "" : ", ").append(i);
    }
    String many = plan(10, POISSON_3, 30).replace("{\"name\": \"w\", \"type\": \"double\", \"strategy\": \"uniform\", "
        + "\"min\": 0, \"max\": 1}", "{\"name\": \"w\", \"type\": \"bigint\", \"strategy\": \"values\", \"values\": ["
        + values + "]}");
    at(violations(many), "tables[0].columns[1].values", "at most 10000 values");

    String longValue = plan(10, POISSON_3, 30).replace("{\"name\": \"w\", \"type\": \"double\", \"strategy\": "
        + "\"uniform\", \"min\": 0, \"max\": 1}", "{\"name\": \"w\", \"type\": \"string\", \"strategy\": \"constant\", "
        + "\"value\": \"" + "v".repeat(PlanLimits.MAX_STRING_LENGTH + 1) + "\"}");
    at(violations(longValue), "tables[0].columns[1].value", "at most 1000 characters");
  }

  @Test
  void aTimeProfileOverTooManyHoursIsRefused() {
    String json = plan(10, POISSON_3, 30).replace("{\"name\": \"w\", \"type\": \"double\", \"strategy\": \"uniform\", "
        + "\"min\": 0, \"max\": 1}", "{\"name\": \"w\", \"type\": \"timestamp\", \"strategy\": \"date_range\", "
        + "\"start\": \"1900-01-01\", \"end\": \"2099-12-31\", \"interval\": \"1 minute\", "
        + "\"profile\": {\"weekday_factors\": [1, 1, 1, 1, 1, 0.5, 0.5]}}");
    at(violations(json), "tables[0].columns[1].interval", "buckets of an hour; at most 1,000,000");
  }

  @Test
  void theTotalOfAllTablesIsBounded() {
    List<Violation> vs = violations(plan(600_000_000_000L, POISSON_3, 0, 600_000_000_000L, UNIFORM_FK, ""));
    at(vs, "tables", "at most 1,000,000,000,000 rows in all tables together");
  }

  @Test
  void expectedRowsFollowChainsOfPerParentTablesAndSurviveCycles() throws Exception {
    String chain = """
        {"format": "synthgen.plan/v1", "name": "c", "reference_date": "2025-01-01", "tables": [
          {"name": "a", "rows": 100, "primary_key": "id", "columns": [
            {"name": "id", "type": "bigint", "strategy": "sequence"}]},
          {"name": "b", "rows": 300, "primary_key": "id", "per_parent": {"table": "a", "count":
            {"distribution": {"type": "uniform", "min": 0, "max": 1}, "offset": 3, "rounding": "floor"}},
           "columns": [{"name": "id", "type": "bigint", "strategy": "sequence"},
                       {"name": "a_id", "type": "bigint", "strategy": "parent", "references": "a.id"}]},
          {"name": "c", "rows": 600, "per_parent": {"table": "b", "count": {"distribution":
            {"type": "uniform", "min": 0, "max": 1}, "offset": 2, "rounding": "floor"}},
           "columns": [{"name": "b_id", "type": "bigint", "strategy": "parent", "references": "b.id"}]}]}
        """;
    Plan p = PlanCodec.read(chain);
    assertEquals(Map.of("a", 100L, "b", 300L, "c", 600L), ExpectedRows.of(p));
    assertEquals(1000L, ExpectedRows.total(p));
    assertEquals(600L, Resolver.resolve(p).table("c").rows());
    // b per row of c and c per row of b: the cycle is reported, the expectations are not computed
    String cycle = chain.replace("\"per_parent\": {\"table\": \"a\"", "\"per_parent\": {\"table\": \"c\"");
    List<Violation> vs = violations(cycle);
    assertTrue(vs.stream().anyMatch(v -> v.rule().contains("cycle")), vs::toString);
  }

  @Test
  void reachableBoundsHoldForEveryDraw() {
    Distribution[] ds = {new Distribution.Poisson(3), new Distribution.Poisson(400), new Distribution.Poisson(5000),
        new Distribution.Gamma(2.5, 3), new Distribution.Gamma(4, 3), new Distribution.Gamma(0.3, 2),
        new Distribution.LogNormal(1, 0.5), new Distribution.Normal(20, 5), new Distribution.Exponential(0.1),
        new Distribution.Zipf(50, 1.1), new Distribution.Beta(0.5, 0.5), new Distribution.Pareto(3, 2),
        new Distribution.Uniform(2, 9)};
    for (Distribution d : ds) {
      Sampler sampler = Sampler.of(d, Stream.root(7).child("bounds"));
      double hi = ChildCounts.upper(d);
      double lo = ChildCounts.lower(d);
      for (long row = 0; row < 200_000; row++) {
        double x = sampler.sample(Stream.rowHash(row));
        assertTrue(x <= hi && x >= lo, d + " drew " + x + " outside " + lo + ".." + hi);
      }
    }
  }
}
