package io.synthgen.plan.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.PlanFixtures;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanValidatorTest {

  /**
   * Two tables: parents(id bigint pk, w double, label string) and kids per parent, with {@code %s} replaced by extra
   * columns of parents and {@code %k} by extra columns of kids.
   */
  private static final String BASE = """
      {"format": "synthgen.plan/v1", "name": "p", "reference_date": "2025-01-01", "tables": [
        {"name": "parents", "rows": 100, "primary_key": "id", "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence"},
          {"name": "w", "type": "double", "strategy": "uniform", "min": 0, "max": 1},
          {"name": "label", "type": "string", "strategy": "pattern", "pattern": "L-##"}%s]},
        {"name": "kids", "rows": 300, "primary_key": "kid_id",
         "per_parent": {"table": "parents", "count": {"distribution": {"type": "poisson", "lambda": 3}}},
         "columns": [
          {"name": "kid_id", "type": "bigint", "strategy": "sequence"},
          {"name": "parent_id", "type": "bigint", "strategy": "parent", "references": "parents.id"},
          {"name": "amount", "type": "double", "strategy": "uniform", "min": 1, "max": 9}%k]}]}
      """;

  static String plan(String parentColumns, String kidColumns) {
    return BASE.replace("%s", parentColumns.isEmpty() ? "" : ", " + parentColumns)
        .replace("%k", kidColumns.isEmpty() ? "" : ", " + kidColumns);
  }

  static List<Violation> violations(String json) {
    return assertThrows(PlanException.class, () -> PlanCodec.read(json), json).violations();
  }

  @Test
  void baseAndFixturesAreValid() throws Exception {
    for (String json : List.of(plan("", ""), PlanFixtures.RICH, PlanFixtures.MINIMAL_UC)) {
      assertEquals(List.of(), PlanValidator.validate(PlanCodec.read(json)));
    }
  }

  /** (extra parent column, extra kid column, expected path, words of the rule). */
  static Stream<Arguments> columnRules() {
    String p3 = "tables[0].columns[3]";
    String k3 = "tables[1].columns[3]";
    return Stream.of(
        Arguments.of("{\"name\": \"s\", \"type\": \"double\", \"strategy\": \"sequence\"}", "", p3 + ".type",
            "strategy sequence needs type bigint or int"),
        Arguments.of("{\"name\": \"s\", \"type\": \"bigint\", \"strategy\": \"sequence\", \"step\": 0}", "",
            p3 + ".step", "step must not be 0"),
        Arguments.of("{\"name\": \"s\", \"type\": \"int\", \"strategy\": \"sequence\", \"start\": 2147483600}", "",
            p3 + ".start", "leaves the range of int"),
        Arguments.of("{\"name\": \"u\", \"type\": \"int\", \"strategy\": \"uniform\", \"min\": 5, \"max\": 1}", "",
            p3 + ".min", "min must be <= max (1)"),
        Arguments.of("{\"name\": \"u\", \"type\": \"int\", \"strategy\": \"uniform\", \"min\": 0.5, \"max\": 1}", "",
            p3 + ".min", "min must be a whole number for a int column"),
        Arguments.of("{\"name\": \"u\", \"type\": \"double\", \"strategy\": \"uniform\", \"min\": 0, \"max\": 1, "
            + "\"step\": 0}", "", p3 + ".step", "step must be > 0"),
        Arguments.of("{\"name\": \"u\", \"type\": \"decimal(4,2)\", \"strategy\": \"uniform\", \"min\": 0, "
            + "\"max\": 100}", "", p3 + ".max", "does not fit decimal(4,2)"),
        Arguments.of("{\"name\": \"u\", \"type\": \"date\", \"strategy\": \"uniform\", \"min\": 0, \"max\": 1}", "",
            p3 + ".type", "strategy uniform needs a numeric type"),
        Arguments.of("{\"name\": \"v\", \"type\": \"string\", \"strategy\": \"values\", \"values\": []}", "",
            p3 + ".values", "values must not be empty"),
        Arguments.of("{\"name\": \"v\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"a\", \"b\"], "
            + "\"weights\": [0, 0]}", "", p3 + ".weights", "all weights are 0"),
        Arguments.of("{\"name\": \"v\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"a\", \"b\"], "
            + "\"weights\": [1, -1]}", "", p3 + ".weights[1]", "a weight must be a finite number >= 0"),
        Arguments.of("{\"name\": \"v\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"a\", 1]}", "",
            p3 + ".values[1]", "a string column needs string values"),
        Arguments.of("{\"name\": \"v\", \"type\": \"int\", \"strategy\": \"values\", \"values\": [1, 2.5]}", "",
            p3 + ".values[1]", "a int column needs whole numbers"),
        Arguments.of("{\"name\": \"v\", \"type\": \"decimal(5,2)\", \"strategy\": \"values\", \"values\": [1.234]}",
            "", p3 + ".values[0]", "does not fit decimal(5,2)"),
        Arguments.of("{\"name\": \"v\", \"type\": \"date\", \"strategy\": \"values\", \"values\": [\"2024-13-01\"]}",
            "", p3 + ".values[0]", "a date column needs dates"),
        Arguments.of("{\"name\": \"v\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"a\", \"a\"]}",
            "", p3 + ".values[1]", "duplicate value (also values[0])"),
        Arguments.of("{\"name\": \"v\", \"type\": \"boolean\", \"strategy\": \"constant\", \"value\": \"true\"}", "",
            p3 + ".value", "a boolean column needs true or false"),
        Arguments.of("{\"name\": \"d\", \"type\": \"string\", \"strategy\": \"distribution\", "
            + "\"distribution\": {\"type\": \"normal\", \"mean\": 0, \"stddev\": 1}}", "", p3 + ".type",
            "strategy distribution needs a numeric type"),
        Arguments.of("{\"name\": \"d\", \"type\": \"double\", \"strategy\": \"distribution\", "
            + "\"distribution\": {\"type\": \"normal\", \"mean\": 0, \"stddev\": 1}, \"scale\": 0}", "",
            p3 + ".scale", "scale must be a finite number other than 0"),
        Arguments.of("{\"name\": \"d\", \"type\": \"double\", \"strategy\": \"distribution\", "
            + "\"distribution\": {\"type\": \"normal\", \"mean\": 0, \"stddev\": 1}, \"min\": 5, \"max\": 1}", "",
            p3 + ".min", "min must be <= max (1)"),
        Arguments.of(dist("{\"type\": \"lognormal\", \"mu\": 0, \"sigma\": 0}"), "", p3 + ".distribution.sigma",
            "must be > 0"),
        Arguments.of(dist("{\"type\": \"exponential\", \"rate\": -1}"), "", p3 + ".distribution.rate", "must be > 0"),
        Arguments.of(dist("{\"type\": \"gamma\", \"shape\": 0, \"scale\": 1}"), "", p3 + ".distribution.shape",
            "must be > 0"),
        Arguments.of(dist("{\"type\": \"beta\", \"alpha\": 1, \"beta\": 0}"), "", p3 + ".distribution.beta",
            "must be > 0"),
        Arguments.of(dist("{\"type\": \"pareto\", \"alpha\": 1, \"xm\": 0}"), "", p3 + ".distribution.xm",
            "must be > 0"),
        Arguments.of(dist("{\"type\": \"zipf\", \"n\": 0, \"exponent\": 1}"), "", p3 + ".distribution.n",
            "n must be >= 1"),
        Arguments.of(dist("{\"type\": \"poisson\", \"lambda\": 0}"), "", p3 + ".distribution.lambda", "must be > 0"),
        Arguments.of(dist("{\"type\": \"uniform\", \"min\": 2, \"max\": 1}"), "", p3 + ".distribution.min",
            "min must be <= max"),
        Arguments.of(range("date", "\"2024-12-31\"", "\"2024-01-01\"", ""), "", p3 + ".start",
            "start is after end (\"2024-01-01\")"),
        Arguments.of(range("timestamp", "\"ref\"", "\"ref-1d\"", ""), "", p3 + ".start", "start is after end"),
        Arguments.of(range("date", "\"ref-1h\"", "\"ref\"", ""), "", p3 + ".start",
            "a date column's bounds have no time of day"),
        Arguments.of(range("date", "\"last year\"", "\"ref\"", ""), "", p3 + ".start",
            "not a date, timestamp or ref-relative instant"),
        Arguments.of(range("timestamp", "\"ref-1d\"", "\"ref\"", ", \"interval\": \"fortnight\""), "",
            p3 + ".interval", "not an interval"),
        Arguments.of(range("date", "\"ref-9d\"", "\"ref\"", ", \"interval\": \"6 hours\""), "", p3 + ".interval",
            "a date column moves in whole days"),
        Arguments.of(range("string", "\"ref-9d\"", "\"ref\"", ""), "", p3 + ".type",
            "strategy date_range needs type date or timestamp"),
        Arguments.of(range("timestamp", "\"ref-9d\"", "\"ref\"", ", \"profile\": {\"month_factors\": [1, 2]}"), "",
            p3 + ".profile.month_factors", "2 factors where 12 are needed (January..December)"),
        Arguments.of(range("timestamp", "\"ref-9d\"", "\"ref\"",
            ", \"profile\": {\"weekday_factors\": [1, 1, 1, 1, 1, 1, -1]}"), "",
            p3 + ".profile.weekday_factors[6]", "must be a finite number >= 0"),
        Arguments.of(range("timestamp", "\"ref-9d\"", "\"ref\"",
            ", \"profile\": {\"weekday_factors\": [0, 0, 0, 0, 0, 0, 0]}"), "",
            p3 + ".profile.weekday_factors", "all factors are 0"),
        Arguments.of(range("date", "\"ref-9d\"", "\"ref\"", ", \"profile\": {\"hour_weights\": "
            + "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}"), "",
            p3 + ".profile.hour_weights", "a date column has no hours"),
        Arguments.of(range("timestamp", "\"ref-9d\"", "\"ref\"", ", \"profile\": {\"holidays\": ["
            + "{\"date\": \"2024-12-25\", \"factor\": 1}, {\"date\": \"2024-12-25\", \"factor\": 2}]}"), "",
            p3 + ".profile.holidays[1].date", "duplicate holiday"),
        Arguments.of(range("timestamp", "\"ref-9d\"", "\"ref\"", ", \"profile\": {\"incidents\": ["
            + "{\"start\": \"ref-1d\", \"end\": \"ref-2d\", \"multiplier\": 2}]}"), "",
            p3 + ".profile.incidents[0].start", "an incident starts before it ends"),
        Arguments.of("{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"dictionary\", \"dictionary\": \"cities\"}",
            "", p3 + ".type", "strategy dictionary needs type string"),
        Arguments.of("{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"pattern\", \"pattern\": \"\"}", "",
            p3 + ".pattern", "pattern must not be empty"),
        Arguments.of("{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"uuid\"}", "", p3 + ".type",
            "strategy uuid needs type string"),
        Arguments.of("{\"name\": \"x\", \"type\": \"boolean\", \"strategy\": \"boolean\", \"probability\": 1.5}", "",
            p3 + ".probability", "probability must be between 0 and 1"),
        Arguments.of("{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"uuid\", \"null_rate\": -0.1}", "",
            p3 + ".null_rate", "null_rate must be between 0 and 1"),
        Arguments.of("{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"expression\", \"expr\": \"  \"}", "",
            p3 + ".expr", "expr must not be empty"),
        Arguments.of("", fk("\"parents.idd\"", ""), k3 + ".references", "unknown column 'idd' in parents"),
        Arguments.of("", fk("\"parent.id\"", ""), k3 + ".references", "references names no table"),
        Arguments.of("", fk("\"parents\"", ""), k3 + ".references", "a reference is \"table.column\""),
        Arguments.of("", fk("\"parents.w\"", "").replace("bigint", "double"), k3 + ".references",
            "a reference must name the primary key of parents or a column marked unique"),
        Arguments.of("", "{\"name\": \"f\", \"type\": \"int\", \"strategy\": \"foreign_key\", "
            + "\"references\": \"parents.id\"}", k3 + ".type", "type differs from parents.id (bigint)"),
        Arguments.of("", fk("\"parents.id\"", ", \"distribution\": {\"type\": \"weighted\", \"by\": \"label\"}"),
            k3 + ".distribution.by", "weights come from a numeric column"),
        Arguments.of("", fk("\"parents.id\"", ", \"distribution\": {\"type\": \"weighted\", \"by\": \"ww\"}"),
            k3 + ".distribution.by", "unknown column 'ww' in parents"),
        Arguments.of("", fk("\"parents.id\"", ", \"distribution\": {\"type\": \"zipf\", \"exponent\": 0}"),
            k3 + ".distribution.exponent", "must be > 0"),
        Arguments.of("{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"parent\", \"references\": \"kids.kid_id\"}",
            "", p3 + ".strategy", "strategy parent is only for tables generated per parent"),
        Arguments.of("", "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"parent\", "
            + "\"references\": \"kids.kid_id\"}", k3 + ".references", "kids is generated per row of parents, not kids"),
        Arguments.of("{\"name\": \"x\", \"type\": \"int\", \"strategy\": \"child_index\"}", "", p3 + ".strategy",
            "strategy child_index is only for tables generated per parent"),
        Arguments.of("", "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"child_index\"}", k3 + ".type",
            "strategy child_index needs type bigint or int"),
        Arguments.of("", "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"lookup\", \"via\": \"amount\", "
            + "\"column\": \"label\"}", k3 + ".via", "amount is not a foreign_key or parent column"),
        Arguments.of("", "{\"name\": \"x\", \"type\": \"string\", \"strategy\": \"lookup\", \"via\": \"parent_id\", "
            + "\"column\": \"labl\"}", k3 + ".column", "unknown column 'labl' in parents"),
        Arguments.of("", "{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"lookup\", \"via\": \"parent_id\", "
            + "\"column\": \"label\"}", k3 + ".type", "type differs from parents.label (string)"),
        Arguments.of(agg("kids", "median", null), "", p3 + ".function", "unknown aggregate function"),
        Arguments.of(agg("parents", "count", null), "", p3 + ".table", "parents is not generated per row of parents"),
        Arguments.of(agg("kids", "sum", null), "", p3 + ".column", "function sum needs a column"),
        Arguments.of(agg("kids", "count", "amount"), "", p3 + ".column", "count takes no column"),
        Arguments.of(agg("kids", "sum", "amout"), "", p3 + ".column", "unknown column 'amout' in kids"),
        Arguments.of("{\"name\": \"x\", \"type\": \"bigint\", \"strategy\": \"child_aggregate\", \"table\": \"kids\", "
            + "\"function\": \"avg\", \"column\": \"amount\"}", "", p3 + ".type", "type double or decimal for avg"));
  }

  private static String dist(String d) {
    return "{\"name\": \"d\", \"type\": \"double\", \"strategy\": \"distribution\", \"distribution\": " + d + "}";
  }

  private static String range(String type, String start, String end, String extra) {
    return "{\"name\": \"r\", \"type\": \"" + type + "\", \"strategy\": \"date_range\", \"start\": " + start
        + ", \"end\": " + end + extra + "}";
  }

  private static String fk(String ref, String extra) {
    return "{\"name\": \"f\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": " + ref + extra
        + "}";
  }

  private static String agg(String table, String function, String column) {
    return "{\"name\": \"a\", \"type\": \"" + (function.equals("count") ? "bigint" : "double")
        + "\", \"strategy\": \"child_aggregate\", \"table\": \"" + table
        + "\", \"function\": \"" + function + "\"" + (column == null ? "" : ", \"column\": \"" + column + "\"") + "}";
  }

  @ParameterizedTest
  @MethodSource("columnRules")
  void columnRule(String parentColumn, String kidColumn, String path, String rule) {
    List<Violation> v = violations(plan(parentColumn, kidColumn));
    assertEquals(1, v.size(), v::toString);
    assertEquals(path, v.get(0).path(), v::toString);
    assertTrue(v.get(0).rule().contains(rule), v::toString);
  }

  @Test
  void tableRules() {
    String ok = plan("", "");
    assertRule(ok.replace("\"rows\": 100,", "\"rows\": 2000000000000,"), "tables[0].rows",
        "rows must be between 0 and 1000000000000");
    assertRule(ok.replace("\"name\": \"kids\"", "\"name\": \"Parents\""), "tables[1].name",
        "duplicate table name (also tables[0]");
    assertRule(ok.replace("\"name\": \"w\"", "\"name\": \"ID\""), "tables[0].columns[1].name",
        "duplicate column name in parents (also columns[0]");
    assertRule(ok.replace("\"name\": \"w\"", "\"name\": \"w-x\""), "tables[0].columns[1].name",
        "a column name starts with a letter or '_'");
    assertRule(ok.replace("\"primary_key\": \"kid_id\"", "\"primary_key\": \"kidd\""), "tables[1].primary_key",
        "primary_key names no column of kids");
    assertRule(ok.replace("\"name\": \"p\",", "\"name\": \"p\", \"main_table\": \"parent\","), "main_table",
        "main_table names no table");
    assertRule(ok.replace("\"table\": \"parents\"", "\"table\": \"kids\""), "tables[1].per_parent.table",
        "a table cannot be generated per row of itself");
    assertRule(ok.replace("{\"type\": \"poisson\", \"lambda\": 3}", "{\"type\": \"normal\", \"mean\": 3, "
        + "\"stddev\": 1}"), "tables[1].per_parent.count.min", "the child count can be negative");
    assertRule(ok.replace("\"name\": \"p\",", "\"name\": \"p\", \"tier\": 9,"), "tier", "tier must be 1, 2 or 3");
    assertRule(ok.replace("\"name\": \"p\",", "\"name\": \"p\", \"destination\": {\"kind\": \"local\", "
        + "\"path\": \" \"},"), "destination.path", "a local destination needs a path");
    assertRule(ok.replace("{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}",
        "{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\", \"null_rate\": 0.1}"),
        "tables[0].columns[0].null_rate", "a primary key column cannot be NULL");
  }

  @Test
  void suggestionsNameTheClosestAndListTheRest() {
    Violation v = only(plan("", fk("\"parents.idd\"", "")));
    assertEquals("\"idd\"", v.value());
    assertEquals("did you mean 'id'? columns are: id, w, label", v.fix());
  }

  @Test
  void cyclesBetweenTablesAreReportedOnce() {
    String json = plan("{\"name\": \"kid\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", "
        + "\"references\": \"kids.kid_id\"}", "");
    Violation v = only(json);
    assertEquals("tables[1].per_parent.table", v.path());
    assertEquals("tables reference each other in a cycle: parents -> kids -> parents (through parents.kid, "
        + "per_parent)", v.rule());
  }

  @Test
  void selfReferencesAreAllowed() throws Exception {
    PlanCodec.read(plan("{\"name\": \"manager_id\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", "
        + "\"references\": \"parents.id\", \"null_rate\": 0.1}", ""));
  }

  @Test
  void dictionariesAreCheckedWhenKnown() throws Exception {
    String json = plan("{\"name\": \"c\", \"type\": \"string\", \"strategy\": \"dictionary\", "
        + "\"dictionary\": \"citys\"}", "");
    Plan p = PlanCodec.read(json);
    List<Violation> v = PlanValidator.validate(p, Set.of("cities", "first_names"));
    assertEquals(1, v.size());
    assertEquals("tables[0].columns[3].dictionary", v.get(0).path());
    assertEquals("did you mean 'cities'? dictionaries are: cities, first_names; see describe_vocabulary "
        + "{topic: \"dictionaries\"}", v.get(0).fix());
    assertThrows(PlanException.class, () -> PlanCodec.read(json, Set.of("cities")));
  }

  @Test
  void programmaticPlansWithNullsAreReportedNotThrown() {
    Table t = new Table(null, -1, "nope", null, null,
        List.of(new Column(null, null, null, 2, false, false, null),
            new Column("a", DataType.STRING, new ColumnGen.Values(new ArrayList<>(List.of("x")), List.of(1.0, 2.0)),
                0, false, false, null)));
    Plan p = new Plan(null, null, null, null, 1, null, null, 7, null, List.of(t));
    List<String> paths = PlanValidator.validate(p).stream().map(Violation::path).toList();
    assertEquals(List.of("format", "name", "reference_date", "tier", "main_table", "destination", "tables[0].name",
        "tables[0].rows", "tables[0].columns[0].name", "tables[0].columns[0].type", "tables[0].columns[0].null_rate",
        "tables[0].columns[0].strategy", "tables[0].columns[1].weights", "tables[0].primary_key"), paths);
  }

  @Test
  void unityCatalogNeedsCatalogAndSchema() throws Exception {
    Plan p = PlanCodec.read(PlanFixtures.MINIMAL_UC);
    Plan q = p.withDestination(new Destination(Destination.Kind.UNITY_CATALOG, null, Destination.Format.CSV,
        Destination.Compression.ZSTD, " ", null, null));
    List<String> paths = PlanValidator.validate(q).stream().map(Violation::path).toList();
    assertEquals(List.of("destination.catalog", "destination.schema", "destination.format"), paths);
    assertEquals(LocalDate.of(2025, 6, 30), p.referenceDate());
  }

  private static Violation only(String json) {
    List<Violation> v = violations(json);
    assertEquals(1, v.size(), v::toString);
    return v.get(0);
  }

  @Test
  void aParentColumnIsNeverNull() {
    // a NULL parent key would leave a child in no parent and its parent's aggregates wrong
    assertRule(plan("", "").replace("\"strategy\": \"parent\", \"references\": \"parents.id\"}",
        "\"strategy\": \"parent\", \"references\": \"parents.id\", \"null_rate\": 0.5}"),
        "tables[1].columns[1].null_rate", "a parent column is never NULL");
  }

  private static void assertRule(String json, String path, String rule) {
    Violation v = only(json);
    assertEquals(path, v.path(), v::toString);
    assertTrue(v.rule().contains(rule), v::toString);
  }
}
