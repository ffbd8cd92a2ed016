package io.synthgen.plan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCodecErrorsTest {

  /** A valid one-table plan; {@code %s} is replaced by extra columns. */
  static String plan(String columns) {
    return """
        {"format": "synthgen.plan/v1", "name": "p", "reference_date": "2025-01-01",
         "tables": [{"name": "t", "rows": 10, "primary_key": "id", "columns": [
           {"name": "id", "type": "bigint", "strategy": "sequence"}%s]}]}
        """.formatted(columns.isEmpty() ? "" : ", " + columns);
  }

  static List<Violation> violations(String json) {
    return assertThrows(PlanException.class, () -> PlanCodec.read(json)).violations();
  }

  static Violation only(String json) {
    List<Violation> v = violations(json);
    assertEquals(1, v.size(), () -> "expected one violation, got " + v);
    return v.get(0);
  }

  @Test
  void validPlanReads() throws Exception {
    assertEquals("t", PlanCodec.read(plan("")).mainTable());
  }

  @Test
  void syntaxErrorIsOneViolationWithLineAndColumn() {
    Violation v = only("{\"format\": \"synthgen.plan/v1\",\n  \"name\": \"p\",,\n}");
    assertEquals("$", v.path());
    assertTrue(v.rule().startsWith("invalid JSON at line 2, column 15"), v.rule());
    assertTrue(v.fix().contains("syntax"), v.fix());
  }

  @Test
  void duplicateKeysAndTrailingContentAreSyntaxErrors() {
    assertTrue(only("{\"name\": \"a\", \"name\": \"b\"}").rule().contains("Duplicate field 'name'"));
    assertTrue(only(plan("") + " {}").rule().startsWith("invalid JSON"));
    assertEquals("the document is empty", only("  ").rule());
  }

  @Test
  void rootMustBeAnObject() {
    Violation v = only("[1, 2]");
    assertEquals("$", v.path());
    assertEquals("[1,2]", v.value());
  }

  @Test
  void unknownFieldSuggestsTheClosestAndListsAllowedFields() {
    Violation v = only(plan("{\"name\": \"tier\", \"type\": \"string\", \"strategy\": \"values\", "
        + "\"values\": [\"a\", \"b\"], \"wieghts\": [1, 2]}"));
    assertEquals("tables[0].columns[1].wieghts", v.path());
    assertEquals("[1,2]", v.value());
    assertEquals("unknown field 'wieghts' in a values column", v.rule());
    assertEquals("did you mean 'weights'? allowed fields: name, type, strategy, null_rate, omit, unique, note, "
        + "values, weights", v.fix());
  }

  @Test
  void parametersOfAnotherStrategyAreUnknown() {
    Violation v = only(plan("{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"uniform\", \"min\": 1, "
        + "\"max\": 2, \"start\": 1}"));
    assertEquals("tables[0].columns[1].start", v.path());
    assertTrue(v.fix().endsWith("min, max, step"), v.fix());
  }

  @Test
  void unknownTopLevelAndTableFields() {
    List<Violation> v = violations(plan("").replace("\"rows\": 10", "\"rows\": 10, \"row_count\": 5")
        .replace("\"name\": \"p\"", "\"name\": \"p\", \"seeds\": 1"));
    assertEquals(List.of("seeds", "tables[0].row_count"), paths(v));
    assertTrue(v.get(0).fix().startsWith("did you mean 'seed'?"));
  }

  @Test
  void wrongTypesSayWhatToWrite() {
    Violation quoted = only(plan("").replace("\"rows\": 10", "\"rows\": \"10000\""));
    assertEquals("tables[0].rows", quoted.path());
    assertEquals("\"10000\"", quoted.value());
    assertEquals("must be an integer", quoted.rule());
    assertEquals("write the number without quotes: 10000", quoted.fix());
    Violation fraction = only(plan("").replace("\"rows\": 10", "\"rows\": 10.5"));
    assertEquals("write a whole number such as 11", fraction.fix());
    Violation huge = only(plan("").replace("\"rows\": 10", "\"rows\": 100000000000000000000000"));
    assertEquals("out of range", huge.rule());
    Violation bool = only(plan("{\"name\": \"b\", \"type\": \"boolean\", \"strategy\": \"boolean\", "
        + "\"probability\": 0.5, \"omit\": \"yes\"}"));
    assertEquals("tables[0].columns[1].omit", bool.path());
    assertEquals("must be true or false", bool.rule());
    Violation nul = only(plan("{\"name\": \"n\", \"type\": \"string\", \"strategy\": \"uuid\", \"note\": null}"));
    assertEquals("write a string, or leave the field out to use its default", nul.fix());
  }

  @Test
  void wholeNumbersWrittenAsRealsAreIntegers() throws Exception {
    assertEquals(1000, PlanCodec.read(plan("").replace("\"rows\": 10", "\"rows\": 1e3")).tables().get(0).rows());
  }

  @Test
  void missingRequiredFields() {
    Violation v = only(plan("{\"name\": \"tier\", \"type\": \"string\", \"strategy\": \"values\"}"));
    assertEquals("tables[0].columns[1].values", v.path());
    assertEquals(null, v.value());
    assertEquals("missing required field 'values'", v.rule());
    assertEquals("add \"values\": an array", v.fix());
    List<Violation> top = violations("{\"format\": \"synthgen.plan/v1\", \"tables\": []}");
    assertEquals(List.of("name", "reference_date", "tables"), paths(top));
  }

  @Test
  void unknownIdsListTheAllowedOnes() {
    Violation s = only(plan("{\"name\": \"n\", \"type\": \"bigint\", \"strategy\": \"sequense\"}"));
    assertEquals("tables[0].columns[1].strategy", s.path());
    assertEquals("unknown strategy", s.rule());
    assertTrue(s.fix().startsWith("did you mean 'sequence'? strategies are: sequence, uniform, values,"), s.fix());
    Violation d = only(plan("{\"name\": \"n\", \"type\": \"double\", \"strategy\": \"distribution\", "
        + "\"distribution\": {\"type\": \"gama\", \"shape\": 2, \"scale\": 1}}"));
    assertEquals("tables[0].columns[1].distribution.type", d.path());
    assertTrue(d.fix().startsWith("did you mean 'gamma'? types are: normal, lognormal,"), d.fix());
    Violation r = only(plan("{\"name\": \"n\", \"type\": \"double\", \"strategy\": \"distribution\", "
        + "\"distribution\": {\"type\": \"exponential\", \"rate\": 1}, \"rounding\": \"nearest\"}"));
    assertEquals("tables[0].columns[1].rounding", r.path());
    assertEquals("must be one of none, floor, ceil, round", r.rule());
    Violation k = only(plan("").replace("\"name\": \"p\"", "\"name\": \"p\", \"destination\": {\"kind\": \"locl\"}"));
    assertEquals("destination.kind", k.path());
    assertTrue(k.fix().startsWith("did you mean 'local'? write one of local, unity_catalog"), k.fix());
    Violation fk = only(plan("{\"name\": \"f\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", "
        + "\"references\": \"t.id\", \"distribution\": {\"type\": \"zipf\", \"exponent\": 1, \"n\": 5}}"));
    assertEquals("tables[0].columns[1].distribution.n", fk.path());
    assertTrue(fk.fix().endsWith("allowed fields: type, exponent"), fk.fix());
  }

  @Test
  void typesAreCheckedAndLowercase() {
    Violation unknown = only(plan("{\"name\": \"s\", \"type\": \"varchar\", \"strategy\": \"uuid\"}"));
    assertEquals("tables[0].columns[1].type", unknown.path());
    assertEquals("unknown type", unknown.rule());
    assertTrue(unknown.fix().contains("types are: bigint, int, double, decimal(p,s)"), unknown.fix());
    assertEquals("write \"bigint\"",
        only(plan("").replace("\"type\": \"bigint\"", "\"type\": \"BIGINT\"")).fix());
    assertTrue(only(plan("{\"name\": \"d\", \"type\": \"decimal(20,2)\", \"strategy\": \"constant\", \"value\": 1}"))
        .fix().contains("precision p 1..18"));
  }

  @Test
  void datesAreIso() {
    Violation v = only(plan("").replace("2025-01-01", "01/02/2025"));
    assertEquals("reference_date", v.path());
    assertEquals("not a valid ISO date", v.rule());
  }

  @Test
  void valuesMustBeScalars() {
    Violation v = only(plan("{\"name\": \"v\", \"type\": \"string\", \"strategy\": \"values\", "
        + "\"values\": [\"a\", null, \"c\"]}"));
    assertEquals("tables[0].columns[1].values[1]", v.path());
    assertEquals("remove the null; use null_rate for NULL values", v.fix());
  }

  @Test
  void structuralAndSemanticViolationsComeTogether() {
    String json = """
        {"format": "synthgen.plan/v1", "name": "p", "reference_date": "2025-01-01", "seeed": 1,
         "tables": [
           {"name": "customers", "rows": -5, "primary_key": "customer_id", "columns": [
             {"name": "customer_id", "type": "bigint", "strategy": "sequence"},
             {"name": "tier", "type": "string", "strategy": "values", "values": ["a", "b", "c", "d"],
              "weights": [1, 2, 3]},
             {"name": "p", "type": "boolean", "strategy": "boolean", "probability": "high"}
           ]},
           {"name": "orders", "rows": 10, "columns": [
             {"name": "customer_id", "type": "bigint", "strategy": "foreign_key", "references": "customer.customer_id"},
             {"name": "amount", "type": "double", "strategy": "distribution",
              "distribution": {"type": "normal", "mean": 10, "stddev": 0}, "null_rate": 1.5}
           ]}
         ]}
        """;
    List<Violation> v = violations(json);
    assertEquals(List.of("seeed", "tables[0].columns[2].probability", "tables[0].rows", "tables[0].columns[1].weights",
        "tables[1].columns[0].references", "tables[1].columns[1].null_rate",
        "tables[1].columns[1].distribution.stddev"), paths(v), v::toString);
    Violation w = v.get(3);
    assertEquals("3 weights for 4 values", w.rule());
    assertEquals("tables[0].columns[1].weights: 3 weights for 4 values (got [1, 2, 3]); give one weight per value "
        + "(4), or leave weights out for equal weights", w.toString());
    assertEquals("did you mean 'customers'? tables are: customers, orders", v.get(4).fix());
  }

  @Test
  void placeholdersDoNotCauseSecondViolations() {
    List<Violation> v = violations(plan("{\"name\": \"d\", \"type\": \"double\", \"strategy\": \"distribution\", "
        + "\"distribution\": {\"type\": \"normal\", \"mean\": 0}}, {\"type\": \"int\", \"strategy\": \"sequence\"}"));
    assertEquals(List.of("tables[0].columns[1].distribution.stddev", "tables[0].columns[2].name"), paths(v));
  }

  static List<String> paths(List<Violation> v) {
    return v.stream().map(Violation::path).collect(Collectors.toList());
  }

  @Test
  void aPlanFileThatIsNotUtf8IsAPlanProblemWithItsOffset(@TempDir Path dir) throws Exception {
    byte[] good = plan("").getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(good, good.length + 2);
    int at = new String(good, StandardCharsets.UTF_8).indexOf("\"p\"") + 1;
    System.arraycopy(good, at, bad, at + 2, good.length - at);
    bad[at] = (byte) 0xC3;
    bad[at + 1] = (byte) 0x28; // 0xC3 must be followed by a continuation byte
    Path file = Files.write(dir.resolve("plan.json"), bad);
    PlanException e = assertThrows(PlanException.class, () -> PlanCodec.read(file));
    assertEquals(1, e.violations().size(), e.violations()::toString);
    Violation v = e.violations().get(0);
    assertEquals("$", v.path());
    assertTrue(v.rule().equals("the file is not valid UTF-8 at byte " + at), v::toString);
    assertEquals("p", PlanCodec.read(Files.write(dir.resolve("ok.json"), good)).name());
  }
}
