package io.synthgen.plan.json;

import static io.synthgen.plan.json.PlanCodecErrorsTest.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.SeriesFixtures;
import io.synthgen.plan.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every check of series, batches, change feeds and history tables is refused when the plan is read, at its JSON
 * path, with the rule and a fix; each case changes one thing of a valid plan.
 */
class PlanSeriesErrorsTest {

  /** A valid plan: t (id, status, region_id) with a change feed, and regions. */
  static String feed(String columns, String feed, String tables) {
    return """
        {"format": "synthgen.plan/v1", "name": "p", "reference_date": "2025-01-01",
         "series": {"start": "2024-01-01", "interval": "1 day", "batches": 5},
         "tables": [
          {"name": "regions", "rows": 5, "primary_key": "region_id", "columns": [
            {"name": "region_id", "type": "bigint", "strategy": "sequence"}]},
          {"name": "t", "rows": 100, "primary_key": "id", "columns": [
            {"name": "id", "type": "bigint", "strategy": "sequence"},
            {"name": "status", "type": "string", "strategy": "values", "values": ["a", "b"]},
            {"name": "region_id", "type": "bigint", "strategy": "foreign_key", "references": "regions.region_id"}%s],
           "change_feed": {"rows_per_batch": 10%s}}%s]}
        """.formatted(columns.isEmpty() ? "" : ", " + columns, feed.isEmpty() ? "" : ", " + feed,
        tables.isEmpty() ? "" : ", " + tables);
  }

  static Violation at(String json, String path) {
    List<Violation> vs = violations(json);
    return vs.stream().filter(v -> v.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no violation at " + path + " in " + vs));
  }

  static Violation only(String json) {
    List<Violation> v = violations(json);
    assertEquals(1, v.size(), () -> "expected one violation, got " + v);
    return v.get(0);
  }

  private static void has(String text, String part) {
    assertTrue(text.contains(part), () -> "'" + part + "' not in: " + text);
  }

  @Test
  void theFixturesAreValid() throws Exception {
    PlanCodec.read(feed("", "", ""));
    PlanCodec.read(SeriesFixtures.FULL);
    PlanCodec.read(SeriesFixtures.DEFAULTS);
  }

  // ---- series -----------------------------------------------------------------------------------------------

  @Test
  void aFeedNeedsASeriesAndTheFixGivesTheBlock() {
    Violation v = only(feed("", "", "").replace(
        "\"series\": {\"start\": \"2024-01-01\", \"interval\": \"1 day\", \"batches\": 5},", ""));
    assertEquals("series", v.path());
    has(v.rule(), "the change feed of t");
    has(v.fix(), "\"series\": {\"start\": \"2025-01-01\", \"interval\": \"1 day\", \"batches\": 5}");
  }

  @Test
  void anAppendTableAndAHistoryTableNeedASeriesToo() {
    Violation append = only(PlanCodecErrorsTest.plan("").replace("\"rows\": 10,",
        "\"rows\": 10, \"batch\": {\"mode\": \"append\"},"));
    assertEquals("series", append.path());
    has(append.rule(), "append table t, tables[0]");
    String noSeries = SeriesFixtures.FULL.replace(
        "\"series\": {\"start\": \"2024-01-01\", \"interval\": \"1 day\", \"batches\": 5},", "");
    has(at(noSeries, "series").rule(), "the change feed of devices");
  }

  @Test
  void aSeriesWithoutTablesThatNeedItIsAllowed() throws Exception {
    PlanCodec.read(PlanCodecErrorsTest.plan("").replace("\"tables\"",
        "\"series\": {\"start\": \"2024-01-01\", \"interval\": \"1 day\"}, \"tables\""));
  }

  @Test
  void seriesStartIntervalAndBatchesAreChecked() {
    String p = feed("", "", "");
    Violation start = only(p.replace("\"start\": \"2024-01-01\"", "\"start\": \"yesterday\""));
    assertEquals("series.start", start.path());
    has(start.fix(), "ref-180d");
    Violation interval = only(p.replace("\"interval\": \"1 day\"", "\"interval\": \"0 days\""));
    assertEquals("series.interval", interval.path());
    assertEquals("not a positive interval", interval.rule());
    Violation zero = only(p.replace("\"batches\": 5", "\"batches\": 0"));
    assertEquals("series.batches", zero.path());
    Violation many = only(p.replace("\"batches\": 5", "\"batches\": 100001"));
    has(many.rule(), "between 1 and 100000");
    has(many.fix(), "at most 100000 batches");
  }

  // ---- batches ----------------------------------------------------------------------------------------------

  @Test
  void advanceNamesTemporalRangeColumnsOfTheTable() {
    String p = SeriesFixtures.FULL;
    Violation unknown = only(p.replace("\"advance\": [\"reading_ts\"]", "\"advance\": [\"reading_time\"]"));
    assertEquals("tables[2].batch.advance[0]", unknown.path());
    has(unknown.fix(), "did you mean 'reading_ts'?");
    Violation value = only(p.replace("\"advance\": [\"reading_ts\"]", "\"advance\": [\"value\"]"));
    assertEquals("tables[2].batch.advance[0]", value.path());
    has(value.rule(), "date or timestamp date_range or expression column (this is double uniform)");
    Violation twice = only(p.replace("\"advance\": [\"reading_ts\"]", "\"advance\": [\"reading_ts\", "
        + "\"reading_ts\"]"));
    assertEquals("tables[2].batch.advance[1]", twice.path());
  }

  @Test
  void anAdvancingRangeSpansAtMostOneInterval() {
    Violation v = only(SeriesFixtures.FULL.replace("\"end\": \"2024-01-01T23:59:59\"", "\"end\": \"2024-01-03\""));
    assertEquals("tables[2].batch.advance[0]", v.path());
    has(v.rule(), "spans 2 days, more than the series interval 1 day");
    has(v.fix(), "narrow its range to at most 1 day");
  }

  @Test
  void aDateAdvancesByWholeDays() {
    String p = SeriesFixtures.FULL.replace("\"interval\": \"1 day\"", "\"interval\": \"6 hours\"")
        .replace("\"type\": \"timestamp\", \"strategy\": \"date_range\", \"start\": \"2024-01-01\",",
            "\"type\": \"date\", \"strategy\": \"date_range\", \"start\": \"2024-01-01\",")
        .replace("\"end\": \"2024-01-01T23:59:59\"", "\"end\": \"2024-01-01\"")
        .replace("{\"defect\": \"jitter\", \"column\": \"reading_ts\", \"rate\": 1.0, \"max\": \"60 seconds\"},", "")
        .replace("{\"defect\": \"very_late\", \"column\": \"reading_ts\", \"rate\": 0.05, \"max\": \"24 hours\"},",
            "");
    Violation v = at(p, "tables[2].batch.advance[0]");
    has(v.rule(), "date column reading_ts can only advance by whole days, the series interval is 6 hours");
    String derived = p.replace("\"batch\": {\"mode\": \"append\", \"advance\": [\"reading_ts\"]}",
        "\"batch\": {\"mode\": \"append\"}");
    Violation d = at(derived, "tables[2].columns[2]");
    has(d.fix(), "\"batch\": {\"advance\": [...]} without reading_ts");
  }

  @Test
  void onlyAnAppendTableOrAFeedAdvances() {
    String p = feed("", "", "{\"name\": \"s\", \"rows\": 3, \"batch\": {\"mode\": \"static\", \"advance\": [\"d\"]}, "
        + "\"columns\": [{\"name\": \"d\", \"type\": \"date\", \"strategy\": \"date_range\", \"start\": \"ref\", "
        + "\"end\": \"ref\"}]}");
    Violation v = only(p);
    assertEquals("tables[2].batch.advance", v.path());
    has(v.fix(), "\"mode\": \"append\"");
  }

  @Test
  void aTableWithAFeedIsStatic() {
    Violation v = only(feed("", "", "").replace("\"rows\": 100, \"primary_key\": \"id\",",
        "\"rows\": 100, \"primary_key\": \"id\", \"batch\": {\"mode\": \"append\"},"));
    assertEquals("tables[1].batch.mode", v.path());
    has(v.fix(), "remove \"batch\" from t");
  }

  @Test
  void appendKeysStayInTheirTypeThroughTheLastBatch() {
    String p = SeriesFixtures.FULL.replace("{\"name\": \"reading_id\", \"type\": \"bigint\", \"strategy\": "
        + "\"sequence\"}", "{\"name\": \"reading_id\", \"type\": \"int\", \"strategy\": \"sequence\", "
        + "\"start\": 2147450000}");
    Violation v = only(p);
    assertEquals("tables[2].columns[0].start", v.path());
    has(v.rule(), "over the series the sequence reaches 2147499999 (rows x 5 batches, step 1), beyond int");
    has(v.fix(), "use type bigint");
  }

  @Test
  void aPatternKeyHasValuesForEveryBatch() {
    // 17 digits make 1e17 values: enough for 10,000 rows (5e16 needed), not for 50,000 over 5 batches (1.25e18)
    String p = SeriesFixtures.FULL.replace("{\"name\": \"reading_id\", \"type\": \"bigint\", \"strategy\": "
        + "\"sequence\"}", "{\"name\": \"reading_id\", \"type\": \"string\", \"strategy\": \"pattern\", "
        + "\"pattern\": \"R-#################\"}");
    Violation v = only(p);
    assertEquals("tables[2].columns[0].strategy", v.path());
    has(v.rule(), "over the series the key takes 50000 values (rows x 5 batches)");
    has(v.fix(), "plan fewer batches");
  }

  @Test
  void aPerParentChildOfAnAppendTableIsAppendToo() throws Exception {
    String p = SeriesFixtures.FULL.replace("]}}]}", "]}},\n {\"name\": \"parts\", \"rows\": 20000, \"per_parent\": "
        + "{\"table\": \"readings\", \"count\": {\"distribution\": {\"type\": \"uniform\", \"min\": 2, \"max\": 2}, "
        + "\"min\": 2, \"max\": 2}}, \"columns\": [{\"name\": \"reading_id\", \"type\": \"bigint\", \"strategy\": "
        + "\"parent\", \"references\": \"readings.reading_id\"}, {\"name\": \"at\", \"type\": \"timestamp\", "
        + "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": \"2024-01-01T12:00:00\"}]}]}");
    var plan = PlanCodec.read(p);
    assertEquals(List.of("at"), io.synthgen.plan.validate.SeriesDefaults.advance(plan,
        plan.table("parts").orElseThrow()));
    assertTrue(io.synthgen.plan.validate.SeriesDefaults.appends(plan, plan.table("parts").orElseThrow()));
  }

  // ---- change feeds -----------------------------------------------------------------------------------------

  @Test
  void aFeedNeedsAPrimaryKey() {
    Violation v = only(feed("", "", "").replace("\"rows\": 100, \"primary_key\": \"id\",", "\"rows\": 100,"));
    assertEquals("tables[1].primary_key", v.path());
    has(v.fix(), "set \"primary_key\" to the column that identifies a row of t, e.g. \"id\"");
  }

  @Test
  void aFeedNameIsAValidNameNoOtherOutputTakes() {
    Violation taken = only(feed("", "\"name\": \"regions\"", ""));
    assertEquals("tables[1].change_feed.name", taken.path());
    has(taken.rule(), "taken by table regions");
    has(taken.fix(), "\"t_cdc\"");
    Violation bad = only(feed("", "\"name\": \"t-cdc\"", ""));
    assertEquals("tables[1].change_feed.name", bad.path());
    Violation byDefault = only(feed("", "", "{\"name\": \"T_CDC\", \"rows\": 1, \"columns\": [{\"name\": \"x\", "
        + "\"type\": \"bigint\", \"strategy\": \"sequence\"}]}"));
    assertEquals("tables[1].change_feed.name", byDefault.path());
    has(byDefault.fix(), "after renaming T_CDC");
  }

  @Test
  void weightsAreFiniteNonNegativeAndNotAllZero() {
    Violation zero = only(feed("", "\"weights\": {\"append\": 0, \"update\": 0, \"delete\": 0}", ""));
    assertEquals("tables[1].change_feed.weights", zero.path());
    has(zero.rule(), "all 0");
    Violation negative = only(feed("", "\"weights\": {\"append\": 1, \"update\": -1}", ""));
    assertEquals("tables[1].change_feed.weights.update", negative.path());
  }

  @Test
  void changesNameColumnsAnUpdateCanDrawAnew() {
    Violation unknown = only(feed("", "\"changes\": [\"stat\"]", ""));
    assertEquals("tables[1].change_feed.changes[0]", unknown.path());
    has(unknown.fix(), "did you mean 'status'?");
    has(unknown.fix(), "columns an UPDATE can change are: status, region_id");
    Violation key = only(feed("", "\"changes\": [\"status\", \"id\"]", ""));
    assertEquals("tables[1].change_feed.changes[1]", key.path());
    has(key.rule(), "it is the primary key");
    has(key.fix(), "it can change: status, region_id");
    Violation twice = only(feed("", "\"changes\": [\"status\", \"status\"]", ""));
    assertEquals("tables[1].change_feed.changes[1]", twice.path());
  }

  @Test
  void aForeignKeyMayChangeButIsNotChangedByDefault() throws Exception {
    var plan = PlanCodec.read(feed("", "", ""));
    assertEquals(List.of("status"), io.synthgen.plan.validate.SeriesDefaults.changes(
        plan.table("t").orElseThrow()));
    PlanCodec.read(feed("", "\"changes\": [\"region_id\"]", ""));
  }

  @Test
  void updatesNeedAColumnToChangeWhenChangesAreLeftOut() {
    Violation v = only(feed("", "", "").replace(
        "{\"name\": \"status\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"a\", \"b\"]},", ""));
    assertEquals("tables[1].change_feed.changes", v.path());
    has(v.fix(), "or set the weight \"update\": 0");
  }

  @Test
  void theFeedsColumnsDoNotClashWithTheTables() {
    Violation op = only(feed("", "\"operation_column\": \"status\"", ""));
    assertEquals("tables[1].change_feed.operation_column", op.path());
    has(op.fix(), "\"_status\"");
    Violation same = only(feed("", "\"operation_column\": \"op\", \"sequence_column\": \"op\"", ""));
    assertEquals("tables[1].change_feed.sequence_column", same.path());
    Violation cdf = only(feed("{\"name\": \"_change_type\", \"type\": \"string\", \"strategy\": \"constant\", "
        + "\"value\": \"x\"}", "\"format\": \"delta_cdf\"", ""));
    assertEquals("tables[1].columns[3].name", cdf.path());
  }

  @Test
  void aLifecycleThatRunsOutOfKeysGivesTheLastFeasibleBatch() throws Exception {
    // 100 rows, 10 operations: 5 UPDATEs and 5 DELETEs a batch, no APPENDs: batch b needs 100 - 5b >= 5
    Violation v = only(feed("", "\"weights\": {\"update\": 1, \"delete\": 1}", "")
        .replace("\"batches\": 5", "\"batches\": 30"));
    assertEquals("tables[1].change_feed.weights", v.path());
    has(v.rule(), "the last feasible batch is 19, the series needs 29");
    has(v.fix(), "\"batches\": 20");
    // batch 29 binds: 5 UPDATEs + 5 DELETEs + 28 batches x 5 more deleted than appended
    has(v.fix(), "rows >= 150 in t (batch 29 needs 5 + 5 + 28 x 5 more deleted than appended live keys)");
    has(v.fix(), "a delete weight at most the append weight (\"delete\": 0)");
    // 7 operations: 4 UPDATEs + 3 DELETEs + 28 x 3 = 91 <= 100; 8: 4 + 4 + 28 x 4 = 120
    has(v.fix(), "\"rows_per_batch\": 7 ");
    String plan = feed("", "\"weights\": {\"update\": 1, \"delete\": 1}", "").replace("\"batches\": 5",
        "\"batches\": 30");
    for (String fixed : List.of(plan.replace("\"batches\": 30", "\"batches\": 20"),
        plan.replace("\"rows\": 100, \"primary_key\": \"id\"", "\"rows\": 150, \"primary_key\": \"id\""),
        plan.replace("\"delete\": 1}", "\"delete\": 0}"),
        plan.replace("\"rows_per_batch\": 10", "\"rows_per_batch\": 7"))) {
      PlanCodec.read(fixed);
    }
    assertEquals(1, violations(plan.replace("\"rows\": 100, \"primary_key\": \"id\"", "\"rows\": 149, "
        + "\"primary_key\": \"id\"")).size(), "149 rows do not suffice");
    assertEquals(1, violations(plan.replace("\"rows_per_batch\": 10", "\"rows_per_batch\": 8")).size());
  }

  @Test
  void whenAppendsOutnumberDeletesTheFirstBatchBindsAndNoDeleteWeightIsSuggested() throws Exception {
    // 200 rows, 1,000,000 operations 50/30/10: 555,556 APPENDs, 333,333 UPDATEs, 111,111 DELETEs; batch 1 needs
    // 444,444 live keys, and every later batch has more
    String plan = feed("", "", "").replace("\"batches\": 5", "\"batches\": 100000")
        .replace("\"rows\": 100, \"primary_key\": \"id\"", "\"rows\": 200, \"primary_key\": \"id\"")
        .replace("\"rows_per_batch\": 10", "\"rows_per_batch\": 1000000");
    Violation v = only(plan);
    assertEquals("tables[1].change_feed.weights", v.path());
    has(v.rule(), "the last feasible batch is 0, the series needs 99999");
    has(v.fix(), "use at most 1 batch (\"batches\": 1)");
    has(v.fix(), "rows >= 444444 in t (batch 1 needs 333333 + 111111 live keys)");
    // 451 operations: 250 + 1 APPENDs, 150 UPDATEs, 50 DELETEs (200 keys); 452: 251, 151, 50 (201 keys)
    has(v.fix(), "\"rows_per_batch\": 451 ");
    assertTrue(!v.fix().contains("delete weight") && !v.fix().contains("-"), v.fix());
    PlanCodec.read(plan.replace("\"rows\": 200, \"primary_key\"", "\"rows\": 444444, \"primary_key\""));
    PlanCodec.read(plan.replace("\"rows_per_batch\": 1000000", "\"rows_per_batch\": 451"));
    assertEquals(1, violations(plan.replace("\"rows_per_batch\": 1000000", "\"rows_per_batch\": 452")).size());
    assertEquals(1, violations(plan.replace("\"rows\": 200, \"primary_key\"", "\"rows\": 444443, "
        + "\"primary_key\"")).size());
  }

  @Test
  void aBatchWindowHoldsEveryOperationAtItsOwnMicrosecond() {
    Violation v = only(feed("", "", "").replace("\"interval\": \"1 day\"", "\"interval\": \"1 second\"")
        .replace("\"rows\": 100, \"primary_key\": \"id\"", "\"rows\": 2000000, \"primary_key\": \"id\""));
    assertEquals("series.interval", v.path());
    has(v.rule(), "writes 2000000 operations in one batch window");
    has(v.fix(), "at least 2 seconds");
  }

  @Test
  void aFeedTableIsNotPerParentButMayHaveChildren() throws Exception {
    String kids = "{\"name\": \"kids\", \"rows\": 200, \"per_parent\": {\"table\": \"t\", \"count\": "
        + "{\"distribution\": {\"type\": \"uniform\", \"min\": 2, \"max\": 2}, \"min\": 2, \"max\": 2}}, "
        + "\"columns\": [{\"name\": \"t_id\", \"type\": \"bigint\", \"strategy\": \"parent\", "
        + "\"references\": \"t.id\"}]}";
    var plan = PlanCodec.read(feed("{\"name\": \"n\", \"type\": \"bigint\", \"strategy\": \"child_aggregate\", "
        + "\"table\": \"kids\", \"function\": \"count\"}", "", kids));
    assertEquals(List.of("status"), io.synthgen.plan.validate.SeriesDefaults.changes(plan.table("t").orElseThrow()),
        "a child aggregate keeps the key's value");
    Violation aggregate = only(feed("{\"name\": \"n\", \"type\": \"bigint\", \"strategy\": "
        + "\"child_aggregate\", \"table\": \"kids\", \"function\": \"count\"}", "\"changes\": [\"n\"]", kids));
    assertEquals("tables[1].change_feed.changes[0]", aggregate.path());
    String perParent = feed("", "", "").replace("{\"name\": \"t\", \"rows\": 100, \"primary_key\": \"id\", "
        + "\"columns\": [", "{\"name\": \"t\", \"rows\": 100, \"primary_key\": \"id\", \"per_parent\": "
        + "{\"table\": \"regions\", \"count\": {\"distribution\": {\"type\": \"uniform\", \"min\": 20, "
        + "\"max\": 20}, \"min\": 20, \"max\": 20}}, \"columns\": [");
    Violation pp = at(perParent, "tables[1].per_parent");
    has(pp.fix(), "give t a foreign_key to its parent");
  }

  @Test
  void rowsPerBatchIsBounded() {
    Violation v = only(feed("", "", "").replace("\"rows_per_batch\": 10", "\"rows_per_batch\": 1000000001"));
    assertEquals("tables[1].change_feed.rows_per_batch", v.path());
    has(v.rule(), "between 0 and 1000000000");
  }

  // ---- history tables ---------------------------------------------------------------------------------------

  @Test
  void aHistoryTableHasNoColumnsOrRowsOfItsOwn() {
    List<Violation> vs = violations(feed("", "", "{\"name\": \"h\", \"rows\": 5, \"history\": {\"of\": \"t\"}, "
        + "\"columns\": []}"));
    assertEquals(List.of("tables[2].rows", "tables[2].columns"), vs.stream().map(Violation::path).toList());
    has(vs.get(1).fix(), "a history table's columns are t's plus effective_from, effective_to and is_current");
  }

  @Test
  void noTableIsGeneratedPerRowOfAHistoryTable() {
    java.util.List<Violation> vs = violations(feed("", "", "{\"name\": \"h\", \"history\": {\"of\": \"t\"}}, "
        + "{\"name\": \"k\", \"rows\": 10, \"per_parent\": {\"table\": \"h\", \"count\": {\"distribution\": "
        + "{\"type\": \"uniform\", \"min\": 1, \"max\": 1}, \"min\": 1, \"max\": 1}}, \"columns\": [{\"name\": "
        + "\"x\", \"type\": \"bigint\", \"strategy\": \"sequence\"}]}"));
    Violation v = vs.stream().filter(x -> x.path().equals("tables[3].per_parent.table")).findFirst()
        .orElseThrow(() -> new AssertionError(vs.toString()));
    has(v.fix(), "generate k per row of t instead");
  }

  @Test
  void aHistoryIsOfATableWithAFeedOncePerFeed() {
    Violation unknown = only(feed("", "", "{\"name\": \"h\", \"history\": {\"of\": \"tt\"}}"));
    assertEquals("tables[2].history.of", unknown.path());
    has(unknown.fix(), "did you mean 't'?");
    Violation noFeed = only(feed("", "", "{\"name\": \"h\", \"history\": {\"of\": \"regions\"}}"));
    has(noFeed.fix(), "add a \"change_feed\" to regions");
    Violation twice = only(feed("", "", "{\"name\": \"h\", \"history\": {\"of\": \"t\"}}, {\"name\": \"h2\", "
        + "\"history\": {\"of\": \"t\"}}"));
    assertEquals("tables[3].history.of", twice.path());
    has(twice.rule(), "already tables[2]");
  }
}
