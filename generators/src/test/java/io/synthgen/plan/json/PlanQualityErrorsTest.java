package io.synthgen.plan.json;

import static io.synthgen.plan.json.PlanCodecErrorsTest.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every check of injected defects is refused when the plan is read, at its path, with the rule and a fix. */
class PlanQualityErrorsTest {

  /** A valid plan: orders with every column type and {@code %s} as its defects. */
  static String defects(String defects, String truth) {
    return """
        {"format": "synthgen.plan/v1", "name": "p", "reference_date": "2025-01-01",
         "tables": [
          {"name": "customers", "rows": 5, "primary_key": "customer_id", "columns": [
            {"name": "customer_id", "type": "bigint", "strategy": "sequence"}]},
          {"name": "orders", "rows": 100, "primary_key": "id", "columns": [
            {"name": "id", "type": "bigint", "strategy": "sequence"},
            {"name": "customer_id", "type": "bigint", "strategy": "foreign_key", "references": "customers.customer_id"},
            {"name": "status", "type": "string", "strategy": "values", "values": ["a", "b"]},
            {"name": "qty", "type": "int", "strategy": "uniform", "min": 1, "max": 10},
            {"name": "price", "type": "decimal(6,2)", "strategy": "uniform", "min": 1, "max": 100},
            {"name": "score", "type": "double", "strategy": "distribution",
             "distribution": {"type": "normal", "mean": 0, "stddev": 1}},
            {"name": "day", "type": "date", "strategy": "date_range", "start": "ref-30d", "end": "ref"},
            {"name": "at", "type": "timestamp", "strategy": "date_range", "start": "ref-30d", "end": "ref"},
            {"name": "helper", "type": "string", "strategy": "constant", "value": "h", "omit": true}],
           "quality": {%s"defects": [%s]}}]}
        """.formatted(truth.isEmpty() ? "" : "\"ground_truth\": \"" + truth + "\", ", defects);
  }

  static Violation only(String json) {
    List<Violation> v = violations(json);
    assertEquals(1, v.size(), () -> "expected one violation, got " + v);
    return v.get(0);
  }

  private static Violation only(String defect, String path) {
    Violation v = only(defects(defect, ""));
    assertEquals(path, v.path(), v::toString);
    return v;
  }

  private static void has(String text, String part) {
    assertTrue(text.contains(part), () -> "'" + part + "' not in: " + text);
  }

  @Test
  void everyKindOnAFittingColumnIsValid() throws Exception {
    PlanCodec.read(defects(String.join(", ",
        "{\"defect\": \"nulls\", \"columns\": [\"status\", \"qty\", \"day\"], \"rate\": 0.1}",
        "{\"defect\": \"duplicates\", \"rate\": 0.01}",
        "{\"defect\": \"near_duplicates\", \"columns\": [\"status\", \"price\"], \"rate\": 0.01}",
        "{\"defect\": \"jitter\", \"column\": \"at\", \"rate\": 1}",
        "{\"defect\": \"very_late\", \"column\": \"at\", \"rate\": 0.05, \"max\": \"48 hours\"}",
        "{\"defect\": \"out_of_order\", \"rate\": 0.1}",
        "{\"defect\": \"case_noise\", \"columns\": [\"status\"], \"rate\": 0.1}",
        "{\"defect\": \"whitespace\", \"columns\": [\"status\"], \"rate\": 0.1}",
        "{\"defect\": \"date_formats\", \"column\": \"day\", \"rate\": 0.1, \"formats\": [\"dd.MM.yyyy\"]}",
        "{\"defect\": \"out_of_range\", \"column\": \"qty\", \"rate\": 0.01, \"factor\": 1000}",
        "{\"defect\": \"out_of_range\", \"column\": \"price\", \"rate\": 0.01, \"value\": -1.5}",
        "{\"defect\": \"orphans\", \"column\": \"customer_id\", \"rate\": 0.01}"), "columns"));
  }

  @Test
  void ratesAreProbabilities() {
    Violation v = only("{\"defect\": \"duplicates\", \"rate\": 1.5}", "orders".isEmpty() ? "" :
        "tables[1].quality.defects[0].rate");
    has(v.fix(), "0.02 means 2% of the rows");
  }

  @Test
  void columnsExistAndFitTheKind() {
    Violation unknown = only("{\"defect\": \"nulls\", \"columns\": [\"stauts\"], \"rate\": 0.1}",
        "tables[1].quality.defects[0].columns[0]");
    has(unknown.fix(), "did you mean 'status'?");
    Violation pk = only("{\"defect\": \"nulls\", \"columns\": [\"id\"], \"rate\": 0.1}",
        "tables[1].quality.defects[0].columns[0]");
    has(pk.rule(), "it is the primary key");
    Violation omitted = only("{\"defect\": \"case_noise\", \"columns\": [\"helper\"], \"rate\": 0.1}",
        "tables[1].quality.defects[0].columns[0]");
    has(omitted.rule(), "it is omitted");
    Violation notString = only("{\"defect\": \"whitespace\", \"columns\": [\"qty\"], \"rate\": 0.1}",
        "tables[1].quality.defects[0].columns[0]");
    has(notString.rule(), "it is int, not a string");
    has(notString.fix(), "name one of: status");
    Violation jitterDate = only("{\"defect\": \"jitter\", \"column\": \"day\", \"rate\": 0.1}",
        "tables[1].quality.defects[0].column");
    has(jitterDate.rule(), "not a timestamp");
    Violation lateDate = only("{\"defect\": \"very_late\", \"column\": \"day\", \"rate\": 0.1}",
        "tables[1].quality.defects[0].column");
    has(lateDate.fix(), "name one of: at");
    Violation formats = only("{\"defect\": \"date_formats\", \"column\": \"status\", \"rate\": 0.1}",
        "tables[1].quality.defects[0].column");
    has(formats.fix(), "name one of: day, at");
    Violation range = only("{\"defect\": \"out_of_range\", \"column\": \"status\", \"rate\": 0.1, \"value\": 1}",
        "tables[1].quality.defects[0].column");
    has(range.rule(), "not a number");
    Violation near = only("{\"defect\": \"near_duplicates\", \"columns\": [\"day\"], \"rate\": 0.1}",
        "tables[1].quality.defects[0].columns[0]");
    has(near.rule(), "not a string or a number");
    Violation orphan = only("{\"defect\": \"orphans\", \"column\": \"qty\", \"rate\": 0.1}",
        "tables[1].quality.defects[0].column");
    has(orphan.fix(), "name one of: customer_id");
  }

  @Test
  void aKindAltersAColumnOnceAndARowDefectIsGivenOnce() {
    Violation column = only(defects("{\"defect\": \"nulls\", \"columns\": [\"status\"], \"rate\": 0.1}, "
        + "{\"defect\": \"nulls\", \"columns\": [\"qty\", \"status\"], \"rate\": 0.1}", ""));
    assertEquals("tables[1].quality.defects[1].columns[1]", column.path());
    has(column.rule(), "a nulls defect already alters status (tables[1].quality.defects[0].columns[0])");
    Violation row = only(defects("{\"defect\": \"duplicates\", \"rate\": 0.1}, {\"defect\": \"duplicates\", "
        + "\"rate\": 0.2}", ""));
    assertEquals("tables[1].quality.defects[1].defect", row.path());
    has(row.fix(), "with the combined rate");
  }

  @Test
  void movesAreIntervalsAndVeryLateIsInWholeHours() {
    Violation jitter = only("{\"defect\": \"jitter\", \"column\": \"at\", \"rate\": 0.1, \"max\": \"soon\"}",
        "tables[1].quality.defects[0].max");
    has(jitter.fix(), "60 seconds");
    Violation late = only("{\"defect\": \"very_late\", \"column\": \"at\", \"rate\": 0.1, \"max\": \"90 minutes\"}",
        "tables[1].quality.defects[0].max");
    has(late.rule(), "whole hours");
  }

  @Test
  void datePatternsAreTriedOnTheColumnsValues() {
    Violation time = only("{\"defect\": \"date_formats\", \"column\": \"day\", \"rate\": 0.1, \"formats\": "
        + "[\"MM/dd/yyyy\", \"yyyy-MM-dd HH:mm\"]}", "tables[1].quality.defects[0].formats[1]");
    has(time.rule(), "not a java.time pattern for a date");
    has(time.fix(), "a date has no time of day");
    Violation bad = only("{\"defect\": \"date_formats\", \"column\": \"at\", \"rate\": 0.1, \"formats\": "
        + "[\"yyyy-MM-dd{\"]}", "tables[1].quality.defects[0].formats[0]");
    has(bad.rule(), "not a java.time pattern for a timestamp");
    Violation zone = only("{\"defect\": \"date_formats\", \"column\": \"at\", \"rate\": 0.1, \"formats\": "
        + "[\"yyyy-MM-dd'T'HH:mmXXX\"]}", "tables[1].quality.defects[0].formats[0]");
    has(zone.rule(), "not a java.time pattern");
    Violation longOne = only("{\"defect\": \"date_formats\", \"column\": \"at\", \"rate\": 0.1, \"formats\": [\""
        + "y".repeat(65) + "\"]}", "tables[1].quality.defects[0].formats[0]");
    has(longOne.rule(), "at most 64 characters");
    Violation none = only("{\"defect\": \"date_formats\", \"column\": \"at\", \"rate\": 0.1, \"formats\": []}",
        "tables[1].quality.defects[0].formats");
    has(none.fix(), "MM/dd/yyyy");
  }

  @Test
  void outOfRangeHasOneOfValueAndFactorThatFitTheType() {
    Violation both = only("{\"defect\": \"out_of_range\", \"column\": \"qty\", \"rate\": 0.1, \"value\": 1, "
        + "\"factor\": 2}", "tables[1].quality.defects[0]");
    has(both.rule(), "exactly one of value and factor");
    Violation big = only("{\"defect\": \"out_of_range\", \"column\": \"qty\", \"rate\": 0.1, \"value\": 1e10}",
        "tables[1].quality.defects[0].value");
    has(big.rule(), "does not fit int");
    Violation digits = only("{\"defect\": \"out_of_range\", \"column\": \"price\", \"rate\": 0.1, \"value\": "
        + "12345.5}", "tables[1].quality.defects[0].value");
    has(digits.rule(), "4 digits before the point and 2 after");
    Violation factor = only("{\"defect\": \"out_of_range\", \"column\": \"qty\", \"rate\": 0.1, \"factor\": 1e9}",
        "tables[1].quality.defects[0].factor");
    has(factor.rule(), "values up to 10 times 1000000000 leave int");
    Violation fraction = only("{\"defect\": \"out_of_range\", \"column\": \"qty\", \"rate\": 0.1, \"factor\": "
        + "2.5}", "tables[1].quality.defects[0].factor");
    has(fraction.rule(), "whole number");
    Violation decimal = only("{\"defect\": \"out_of_range\", \"column\": \"price\", \"rate\": 0.1, \"factor\": "
        + "1000}", "tables[1].quality.defects[0].factor");
    has(decimal.rule(), "leave decimal(6,2)");
  }

  @Test
  void theGroundTruthDoesNotClash() {
    Violation column = only(defects("{\"defect\": \"duplicates\", \"rate\": 0.1}", "columns").replace(
        "{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"},", "{\"name\": \"id\", \"type\": "
            + "\"bigint\", \"strategy\": \"sequence\"}, {\"name\": \"_defects\", \"type\": \"string\", \"strategy\": "
            + "\"constant\", \"value\": \"\"},"));
    assertEquals("tables[1].quality.ground_truth", column.path());
    Violation sidecar = only(defects("{\"defect\": \"duplicates\", \"rate\": 0.1}", "").replace(
        "{\"name\": \"customers\", \"rows\": 5,", "{\"name\": \"orders_defects\", \"rows\": 1, \"columns\": [{\"name\": "
            + "\"x\", \"type\": \"bigint\", \"strategy\": \"sequence\"}]}, {\"name\": \"customers\", \"rows\": 5,"));
    assertEquals("tables[2].quality.ground_truth", sidecar.path());
    has(sidecar.rule(), "the sidecar orders_defects has the name of table orders_defects");
  }

  @Test
  void aTableHasAtMostMaxDefects() {
    String many = String.join(", ", java.util.Collections.nCopies(33, "{\"defect\": \"out_of_order\", \"rate\": "
        + "0.1}"));
    List<Violation> vs = violations(defects(many, ""));
    assertEquals("tables[1].quality.defects", vs.get(0).path());
    has(vs.get(0).rule(), "at most 32 defects");
  }

  @Test
  void anUnknownDefectSuggestsTheKinds() {
    Violation v = only("{\"defect\": \"null\", \"columns\": [\"status\"], \"rate\": 0.1}",
        "tables[1].quality.defects[0].defect");
    has(v.fix(), "did you mean 'nulls'?");
  }
}
