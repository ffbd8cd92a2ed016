package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import java.time.LocalDate;
import io.synthgen.template.Templates;
import org.junit.jupiter.api.Test;

/** Revisions of plans with a series that used to be refused or to say something the run does not do. */
class SeriesFixesTest {

  @Test
  void addTableWorksOnAPlanWithAHistoryTable() throws Exception {
    Plan p = RevisionsTest.revise(Templates.load("retail"), """
        [{"op": "set_change_feed", "table": "customers"},
         {"op": "add_history", "table": "customers_history", "of": "customers"}]""");
    Plan q = RevisionsTest.revise(p, """
        [{"op": "add_table", "table": {"name": "zzz", "rows": 5, "columns": ["id", "name"]}}]""");
    assertEquals(2, q.table("zzz").orElseThrow().columns().size());
    assertTrue(q.table("customers_history").orElseThrow().history() != null);
  }

  private static final String DEVICES = """
      {"name": "devices", "rows": 100, "primary_key": "device_id", "columns": [
        {"name": "device_id", "type": "bigint", "strategy": "sequence"},
        {"name": "status", "values": ["active", "idle"]}]%s}""";

  private static final String READINGS = """
      {"name": "readings", "rows": 1000, "primary_key": "reading_id", %s"columns": [
        {"name": "reading_id", "type": "bigint", "strategy": "sequence"},
        {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
        {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01 00:00:00",
         "end": "2024-01-01 23:59:59"}]}""";

  private static Plan own(String tables) throws Exception {
    return Drafter.plan(new ObjectMapper().readTree("{\"tables\": [" + tables + "]}"), LocalDate.of(2026, 12, 1), 1,
        null);
  }

  @Test
  void ownTablesWithAFeedAHistoryAndAppendsGetTheDefaultSeries() throws Exception {
    Plan p = own(DEVICES.formatted(", \"change_feed\": {\"rows_per_batch\": 10}") + ","
        + "{\"name\": \"devices_history\", \"history\": {\"of\": \"devices\"}},"
        + READINGS.formatted("\"batch\": {\"mode\": \"append\"}, "));
    assertEquals(new Series("2024-01-01", "1 day", Series.DEFAULT_BATCHES), p.series(),
        "from the start of readings' advancing reading_ts, not the reference date");
    Plan feedOnly = own(DEVICES.formatted(", \"change_feed\": {\"rows_per_batch\": 10}"));
    assertEquals(new Series("2026-12-01", "1 day", Series.DEFAULT_BATCHES), feedOnly.series());
    assertEquals(null, own(DEVICES.formatted("")).series(), "no series for a plan that does not take part in batches");
  }

  @Test
  void theDefaultSeriesOfARevisionStartsWhereTheAppendTablesAdvancingColumnsStart() throws Exception {
    Plan p = own(DEVICES.formatted("") + "," + READINGS.formatted(""));
    Plan q = RevisionsTest.revise(p, "[{\"op\": \"set_batch\", \"table\": \"readings\", \"mode\": \"append\"}]");
    assertEquals("2024-01-01", q.series().start());
    Plan r = RevisionsTest.revise(p, "[{\"op\": \"set_change_feed\", \"table\": \"devices\"}]");
    assertEquals("2026-12-01", r.series().start(), "no append table: the reference date");
  }

  @Test
  void theQualityLineNamesTheGroundTruthTheRunWrites() throws Exception {
    Plan p = RevisionsTest.revise(Templates.load("retail"), """
        [{"op": "set_change_feed", "table": "customers"},
         {"op": "add_defect", "table": "customers", "defect": {"defect": "duplicates", "rate": 0.1}}]""");
    String line = SeriesText.quality(p.table("customers").orElseThrow());
    assertTrue(line.endsWith("(ground truth: customers_cdc_defects)"), line);
    Plan q = RevisionsTest.revise(p, "[{\"op\": \"set_change_feed\", \"table\": \"customers\", \"name\": \"cust_feed\"}]");
    assertTrue(SeriesText.quality(q.table("customers").orElseThrow()).endsWith("(ground truth: cust_feed_defects)"));
    Plan plain = RevisionsTest.revise(Templates.load("retail"), """
        [{"op": "add_defect", "table": "customers", "defect": {"defect": "duplicates", "rate": 0.1}}]""");
    assertTrue(SeriesText.quality(plain.table("customers").orElseThrow()).endsWith("(ground truth: customers_defects)"));
  }

  @Test
  void aNullsDefectTakesOverTheColumnsOwnNullRate() throws Exception {
    Plan before = Templates.load("retail");
    assertEquals(0.02, before.table("customers").orElseThrow().column("email").orElseThrow().nullRate(), 1e-12);
    Plan p = RevisionsTest.revise(before, """
        [{"op": "add_defect", "table": "customers", "defect": {"defect": "nulls", "columns": ["email"], "rate": 0.02}}]""");
    assertEquals(0.0, p.table("customers").orElseThrow().column("email").orElseThrow().nullRate(), 1e-12,
        "the 2% asked for is the column's whole NULL share");
    java.util.List<String> diff = PlanDiff.lines(before, p);
    assertTrue(diff.stream().anyMatch(l -> l.contains("email") && l.contains("null")), diff::toString);
  }

  private static String fixOps(io.synthgen.plan.Violation v, String before) {
    String fix = v.fix();
    int at = fix.indexOf(before + ": ");
    assertTrue(at >= 0, fix);
    return fix.substring(at + before.length() + 2);
  }

  @Test
  void theFixChainsOfRemoveSeriesAndAddHistoryApplyAsWritten() throws Exception {
    Plan p = own(DEVICES.formatted("") + "," + READINGS.formatted(""));
    p = RevisionsTest.revise(p, """
        [{"op": "set_batch", "table": "readings", "mode": "append"}, {"op": "set_change_feed", "table": "devices"},
         {"op": "add_history", "table": "devices_history", "of": "devices"}]""");
    io.synthgen.plan.Violation v = SeriesRevisionsTest.refused(p, "[{\"op\": \"remove_series\"}]");
    Plan none = RevisionsTest.revise(p, "[" + fixOps(v, "remove_series") + ", {\"op\": \"remove_series\"}]");
    assertEquals(null, none.series());

    String add = "{\"op\": \"add_history\", \"table\": \"readings_history\", \"of\": \"readings\"}";
    io.synthgen.plan.Violation h = SeriesRevisionsTest.refused(p, "[" + add + "]");
    Plan withHistory = RevisionsTest.revise(p, "[" + fixOps(h, "add_history") + ", " + add + "]");
    assertTrue(withHistory.table("readings_history").orElseThrow().history() != null);
  }

  @Test
  void aHugeSeriesIntervalIsAViolationWithTheLimit() throws Exception {
    Plan p = own(DEVICES.formatted(", \"change_feed\": {\"rows_per_batch\": 10}"));
    for (String interval : java.util.List.of("100000000 weeks", "1000000 weeks")) {
      io.synthgen.plan.Violation v = SeriesRevisionsTest.refused(p,
          "[{\"op\": \"set_series\", \"interval\": \"" + interval + "\"}]");
      assertEquals("series.interval", v.path(), v.toString());
      assertTrue(v.fix().contains("36525 days"), v.toString());
    }
  }
}
