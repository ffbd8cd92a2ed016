package io.synthgen.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.DataType;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.profile.planner.PlanOptions;
import io.synthgen.profile.planner.ProfilePlanner;
import io.synthgen.profile.scan.FileProfiler;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and JSONL sources: sniffed types, RFC 4180 quoting, and a foreign key found between two files. */
class TextSourcesTest {

  @TempDir
  Path dir;

  private Path shop() throws Exception {
    Path src = Files.createDirectories(dir.resolve("shop"));
    try (Duck d = new Duck()) {
      d.exec("SET threads = 1");
      d.exec("SELECT setseed(0.17)");
      d.exec("COPY (SELECT i AS customer_id, CASE WHEN random() < 0.7 THEN 'Free' ELSE 'Pro' END AS tier, "
          + "'Customer, \"' || i || '\"' AS display_name, DATE '2024-01-01' + CAST(i % 300 AS INTEGER) AS since "
          + "FROM range(1, 501) t(i)) TO '" + src.resolve("customers.csv") + "' (FORMAT csv, HEADER)");
      d.exec("COPY (SELECT i AS order_id, 1 + CAST(floor(random() * 400) AS INTEGER) AS customer_id, "
          + "1 + CAST(floor(random() * 5) AS INTEGER) AS quantity, "
          + "CAST(round(5 + random() * 95, 2) AS DECIMAL(8,2)) AS amount, "
          + "TIMESTAMP '2024-06-01 00:00:00' + INTERVAL (i * 37) MINUTE AS placed_at "
          + "FROM range(1, 5001) t(i)) TO '" + src.resolve("orders.jsonl") + "' (FORMAT json)");
    }
    return src;
  }

  @Test
  void csvAndJsonlAreSniffedAndTheForeignKeyIsFoundByInclusion() throws Exception {
    Path src = shop();
    SourceProfile p = FileProfiler.profile(dir, src, "source.path");
    assertEquals(2, p.tables().size());
    TableProfile customers = p.tables().get(0);
    TableProfile orders = p.tables().get(1);
    assertEquals("customers", customers.name());
    assertEquals("csv", customers.format());
    assertEquals(500, customers.rows());
    assertEquals(DataType.INT, customers.column("customer_id").orElseThrow().type());
    assertEquals(DataType.DATE, customers.column("since").orElseThrow().type());
    // quoted fields with commas and doubled quotes: one column, every value different
    ColumnProfile name = customers.column("display_name").orElseThrow();
    assertEquals(DataType.STRING, name.type());
    assertEquals(500, name.distinct().count());
    assertEquals("customer_id", customers.keys().get(0).column());
    assertEquals("jsonl", orders.format());
    assertEquals(5000, orders.rows());
    assertEquals(DataType.decimal(4, 2), orders.column("amount").orElseThrow().type());
    assertEquals(DataType.TIMESTAMP, orders.column("placed_at").orElseThrow().type());
    assertEquals("1 minute", orders.column("placed_at").orElseThrow().temporal().wholeSeconds());
    assertEquals(1, p.foreignKeys().size(), p.foreignKeys().toString());
    ForeignKeyCandidate fk = p.foreignKeys().get(0);
    assertEquals("orders.customer_id -> customers.customer_id",
        fk.table() + "." + fk.column() + " -> " + fk.parentTable() + "." + fk.parentColumn());
    assertEquals("exact", fk.method());

    ObjectNode plan = ProfilePlanner.plan(p, new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    Path out = dir.resolve("out");
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), out, WriterOptions.parquetZstd(), new Engine(1, 4096),
        Progress.NONE, new Cancellation());
    try (Duck d = new Duck()) {
      d.parquetViews(out, "customers", "orders");
      assertEquals(0, d.count("SELECT count(*) FROM orders o LEFT JOIN customers c USING (customer_id) "
          + "WHERE c.customer_id IS NULL"));
      assertEquals(5000, d.count("SELECT count(*) FROM orders"));
      assertEquals(0, d.count("SELECT count(*) FROM orders WHERE quantity NOT BETWEEN 1 AND 5"));
      assertEquals(0.7, d.number("SELECT avg(CASE WHEN tier = 'Free' THEN 1.0 ELSE 0 END) FROM customers"), 0.07);
    }
    // the display names are identifiers: their values never reach the plan
    assertFalse(plan.toString().contains("Customer, "), plan.toString());
  }

  @Test
  void allowValuesCopiesRareValuesOfTheColumnsNamed() throws Exception {
    Path src = shop();
    SourceProfile p = FileProfiler.profile(dir, src.resolve("orders.jsonl"), "source.path");
    ObjectNode strict = ProfilePlanner.plan(p, new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 2000,
        Set.of()));
    ObjectNode allowed = ProfilePlanner.plan(p, new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 2000,
        Set.of("orders.quantity")));
    assertTrue(quantity(strict).path("values").isMissingNode(), quantity(strict).toString());
    assertEquals(5, quantity(allowed).path("values").size(), quantity(allowed).toString());
  }

  private static JsonNode quantity(ObjectNode plan) {
    for (JsonNode c : plan.path("tables").get(0).path("columns")) {
      if (c.path("name").asText().equals("quantity")) {
        return c;
      }
    }
    throw new AssertionError(plan.toString());
  }

  @Test
  void malformedFilesAreRefusedWithTheLineAndEveryProblemAtOnce() throws Exception {
    Path src = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(src.resolve("a.csv"), "x,y\n1,2\n3\n");
    Files.writeString(src.resolve("b.jsonl"), "{\"x\": 1}\n{\"x\": \n");
    Files.writeString(src.resolve("c.csv"), "x\n\"unterminated\n");
    Files.writeString(src.resolve("d.jsonl"), "{\"tags\": [1, 2]}\n");
    PlanException e = org.junit.jupiter.api.Assertions.assertThrows(PlanException.class,
        () -> FileProfiler.profile(dir, src, "source.path"));
    assertEquals(4, e.violations().size(), e.getMessage());
    assertTrue(e.getMessage().contains("no column synthgen can profile: key tags"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3 of a.csv has 1 fields"), e.getMessage());
    assertTrue(e.getMessage().contains("line 2 of b.jsonl is not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("never ends"), e.getMessage());
    assertFalse(e.getMessage().contains("Source:") || e.getMessage().contains("StreamReadFeature"), e.getMessage());
  }

  @Test
  void offsetsUsDatesAndMinuteTimestampsAreReadAsTimeAndTimesAreNeverDigitPatterns() throws Exception {
    Path src = Files.createDirectories(dir.resolve("dt"));
    StringBuilder csv = new StringBuilder("id,created,us_date,us_ts,no_sec,time_only\n");
    for (int i = 0; i < 2000; i++) {
      int day = 1 + i % 28;
      int hour = i % 24;
      csv.append(i).append(',')
          .append(String.format("2026-09-%02dT%02d:52:32.000+02:00", day, hour)).append(',')
          .append(String.format("%02d/%02d/2024", 1 + i % 12, day)).append(',')
          .append(String.format("%02d/%02d/2024 %02d:30", 1 + i % 12, day, hour)).append(',')
          .append(String.format("2024-03-%02d %02d:16", day, hour)).append(',')
          .append(String.format("%02d:%02d:00", hour, i % 60)).append('\n');
    }
    Files.writeString(src.resolve("dates.csv"), csv);
    Files.writeString(dir.resolve("times.csv"), "t\n" + java.util.stream.IntStream.range(0, 3000)
        .map(i -> i % 1500).mapToObj(i -> String.format("%02d:%02d:%02d", i % 24, i % 60, i / 60 % 60)).collect(
            java.util.stream.Collectors.joining("\n")) + "\n");
    JsonNode times = ProfilePlanner.plan(FileProfiler.profile(dir, dir.resolve("times.csv"), "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2027, 1, 1), 10, Set.of())).path("tables").get(0).path("columns").get(0);
    assertTrue(times.path("note").asText().contains("not planned as a digit pattern"), times.toString());
    TableProfile t = FileProfiler.profile(dir, src, "source.path").tables().get(0);
    ColumnProfile created = t.column("created").orElseThrow();
    assertEquals(DataType.TIMESTAMP, created.type());
    // +02:00 is read as the UTC instant: the earliest is 2026-09-01T00:52:32+02:00 = 2026-08-31T22:52:32Z
    assertEquals("2026-08-31T22:52:32", created.temporal().min());
    assertEquals(DataType.DATE, t.column("us_date").orElseThrow().type());
    assertEquals("2024-01-01", t.column("us_date").orElseThrow().temporal().min());
    assertEquals(DataType.TIMESTAMP, t.column("us_ts").orElseThrow().type());
    assertEquals(DataType.TIMESTAMP, t.column("no_sec").orElseThrow().type());
    assertEquals(DataType.STRING, t.column("time_only").orElseThrow().type());

    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2027, 1, 1), 10, Set.of()));
    for (JsonNode c : plan.path("tables").get(0).path("columns")) {
      // no digit pattern shaped like a date or a time (inference may still name a placeholder code)
      assertFalse(c.path("pattern").asText().matches(".*#[-/:.]#.*"), c.toString());

    }
    Path out = dir.resolve("dt-out");
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), out, WriterOptions.parquetZstd(), new Engine(1, 4096),
        Progress.NONE, new Cancellation());
    try (Duck d = new Duck()) {
      d.parquetViews(out, "dates");
      assertEquals(0, d.count("SELECT count(*) FROM dates WHERE created < TIMESTAMP '2026-08-31 22:00:00' "
          + "OR created > TIMESTAMP '2026-09-29 00:00:00' OR us_date NOT BETWEEN DATE '2024-01-01' AND "
          + "DATE '2024-12-31'"));
      assertEquals(0, d.count("SELECT count(*) FROM dates WHERE time_only IS NOT NULL AND "
          + "time_only ~ '^[0-9][0-9]:[0-9][0-9]' AND try_strptime(time_only, '%H:%M:%S') IS NULL"));
    }
  }

  /** Every value a plan column names (bounds, constants, values, range ends), as text. */
  private static java.util.List<String> named(JsonNode c) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String f : new String[] {"min", "max", "value", "start", "end"}) {
      // a sequence key's start is a power of ten: every key is held by one row
      if (c.has(f) && !c.path("strategy").asText().equals("sequence")) {
        out.add(c.get(f).asText());
      }
    }
    c.path("values").forEach(v -> out.add(v.asText()));
    return out;
  }

  @Test
  void noValueHeldByFewerThanKRowsEntersThePlan() throws Exception {
    Path src = Files.createDirectories(dir.resolve("leak"));
    StringBuilder small = new StringBuilder("id,grp\n");
    for (int i = 0; i < 25; i++) {
      small.append(i).append(',').append(i % 3).append('\n'); // 0, 1, 2 held by 9, 8, 8 rows
    }
    Files.writeString(src.resolve("small.csv"), small);
    StringBuilder people = new StringBuilder("id,nint,d,amount,comment\n");
    for (int i = 0; i < 2000; i++) {
      int nint = i < 8 ? 40 + i : 100 + (i * 7919) % 900; // 40..47 one row each, below the 10th smallest
      String d = i < 4 ? "2020-01-03" : LocalDate.of(2020, 3, 1).plusDays(i % 600).toString();
      people.append(i).append(',').append(nint).append(',').append(d).append(',')
          .append(i < 12 ? "48" : String.valueOf(48 + i % 500)).append(',')
          .append(String.format("This is a long free text comment number %05d about the order", i)).append('\n');
    }
    Files.writeString(src.resolve("people.csv"), people);
    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    try (Duck d = new Duck()) {
      for (JsonNode t : plan.path("tables")) {
        String file = src.resolve(t.path("name").asText() + ".csv").toString();
        for (JsonNode c : t.path("columns")) {
          String name = c.path("name").asText();
          if (c.path("note").asText().contains("one value in the source")) {
            assertEquals(1, d.count("SELECT count(DISTINCT " + name + ") FROM read_csv('" + file + "')"), c.toString());
          }
          for (String v : named(c)) {
            long held = d.count("SELECT count(*) FROM read_csv('" + file + "', all_varchar = true) WHERE "
                + "TRY_CAST(" + name + " AS VARCHAR) = '" + v + "' OR TRY_CAST(" + name + " AS DOUBLE) = "
                + "TRY_CAST('" + v + "' AS DOUBLE)");
            assertTrue(held == 0 || held >= 10, t.path("name").asText() + "." + name + " names " + v + ", held by "
                + held + " rows: " + c);
          }
        }
      }
    }
    for (JsonNode t : plan.path("tables")) {
      for (JsonNode c : t.path("columns")) {
        if (c.path("name").asText().equals("grp")) {
          assertFalse(c.path("strategy").asText().equals("constant"), c.toString());
          assertTrue(c.path("note").asText().contains("all 3 values are held by fewer than 10 rows"), c.toString());
        }
      }
    }
    assertFalse(plan.toString().contains("free text comment"), plan.toString());
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), dir.resolve("leak-out"), WriterOptions.parquetZstd(),
        new Engine(1, 4096), Progress.NONE, new Cancellation());
  }

  @Test
  void aColumnWithManyValuesKeepsItsCommonOnesAndATailForTheRest() throws Exception {
    Path src = Files.createDirectories(dir.resolve("many"));
    try (Duck d = new Duck()) {
      d.exec("COPY (SELECT i AS id, CASE WHEN i <= 150 THEN 'secret-' || i ELSE ['new', 'paid', 'shipped'][1 + i % 3]"
          + " END AS status, 'Store ' || (i % 150) AS branch FROM range(1, 30001) t(i)) TO '"
          + src.resolve("orders.parquet") + "' (FORMAT parquet)");
    }
    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    assertFalse(plan.toString().contains("secret-"), plan.toString());
    Path out = dir.resolve("many-out");
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), out, WriterOptions.parquetZstd(), new Engine(1, 4096),
        Progress.NONE, new Cancellation());
    try (Duck d = new Duck()) {
      d.parquetViews(out, "orders");
      for (String v : new String[] {"new", "paid", "shipped"}) {
        assertEquals(0.33, d.number("SELECT avg(CASE WHEN status = '" + v + "' THEN 1.0 ELSE 0 END) FROM orders"),
            0.02, v);
      }
      // 150 stores of 200 rows each: the profile counts the 100 most common, the other third is the tail
      assertEquals(100, d.count("SELECT count(DISTINCT branch) FROM orders WHERE branch LIKE 'Store %'"));
      assertEquals(1.0 / 3, d.number("SELECT avg(CASE WHEN branch LIKE 'other_%' THEN 1.0 ELSE 0 END) FROM orders"),
          0.02);
      assertEquals(0.005, d.number("SELECT avg(CASE WHEN status LIKE 'other_%' THEN 1.0 ELSE 0 END) FROM orders"),
          0.003);
    }
  }

  @Test
  void anEmptyParquetFileGivesAValidPlanOfNoRows() throws Exception {
    Path src = Files.createDirectories(dir.resolve("empty"));
    try (Duck d = new Duck()) {
      d.exec("COPY (SELECT CAST(i AS BIGINT) AS id, 'x' AS label FROM range(1, 5) t(i) WHERE i > 10) TO '"
          + src.resolve("empty.parquet") + "' (FORMAT parquet)");
    }
    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), dir.resolve("empty-out"), WriterOptions.parquetZstd(),
        new Engine(1, 4096), Progress.NONE, new Cancellation());
    assertEquals(0, plan.path("tables").get(0).path("rows").asLong(), plan.toString());
    assertTrue(plan.path("tables").get(0).path("columns").get(0).path("null_rate").isMissingNode(), plan.toString());
  }

  @Test
  void compareUsesTheNamesThePlanGaveFilesThatNormaliseAlike() throws Exception {
    Path src = Files.createDirectories(dir.resolve("names"));
    StringBuilder dash = new StringBuilder("x\n");
    StringBuilder under = new StringBuilder("y\n");
    for (int i = 0; i < 300; i++) {
      dash.append(i % 7).append('\n');
      under.append(100 + i % 5).append('\n');
    }
    Files.writeString(src.resolve("a-b.csv"), dash);
    Files.writeString(src.resolve("a_b.csv"), under);
    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    Path out = dir.resolve("names-out");
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), out, WriterOptions.parquetZstd(), new Engine(1, 4096),
        Progress.NONE, new Cancellation());
    io.synthgen.compare.ComparisonReport r = io.synthgen.compare.SourceComparison.compare(src, out,
        new Cancellation());
    assertEquals(2, r.tables().size(), r.toString());
    for (io.synthgen.compare.TableComparison t : r.tables()) {
      String expected = t.table().equals("a_b") ? "a-b.csv" : "a_b.csv";
      assertTrue(t.source().endsWith(expected), t.table() + " paired with " + t.source());
    }
  }

  @Test
  void fewValuesWithKnownBoundsAreUniformOverThoseBounds() throws Exception {
    Path src = Files.createDirectories(dir.resolve("few"));
    StringBuilder csv = new StringBuilder("id,late\n");
    for (int i = 0; i < 180; i++) {
      // 45 values 151..195, one per row in four, each held by 1 row: fewer than the 50 a fit needs
      csv.append(i).append(',').append(i % 4 == 0 ? String.valueOf(151 + i / 4) : "").append('\n');
    }
    Files.writeString(src.resolve("few.csv"), csv);
    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    JsonNode late = plan.path("tables").get(0).path("columns").get(1);
    assertEquals("uniform", late.path("strategy").asText(), late.toString());
    // the 10th smallest and largest (160, 186), stepped past the one-row values to just outside the source's range
    assertTrue(late.path("min").asLong() >= 150 && late.path("max").asLong() <= 196, late.toString());
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnsName() throws Exception {
    Path src = Files.createDirectories(dir.resolve("bom"));
    StringBuilder csv = new StringBuilder("\uFEFFid,v\n");
    for (int i = 1; i <= 100; i++) {
      csv.append(i).append(',').append(i % 3).append('\n');
    }
    Files.writeString(src.resolve("bom.csv"), csv);
    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    assertEquals("id", plan.path("tables").get(0).path("columns").get(0).path("name").asText());
    assertFalse(plan.toString().contains("\uFEFF"), plan.toString());
    Path out = dir.resolve("bom-out");
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), out, WriterOptions.parquetZstd(), new Engine(1, 4096),
        Progress.NONE, new Cancellation());
    io.synthgen.compare.TableComparison t = io.synthgen.compare.SourceComparison.compare(src, out,
        new Cancellation()).tables().get(0);
    assertTrue(t.sourceOnly().isEmpty() && t.syntheticOnly().isEmpty(), t.toString());
  }

  @Test
  void aFloorFarFromZeroIsFittedAboveItWithoutASpike() throws Exception {
    Path src = Files.createDirectories(dir.resolve("floor"));
    try (Duck d = new Duck()) {
      d.exec("SELECT setseed(0.3)");
      d.exec("COPY (SELECT i AS id, 100 + -5 * ln(1 - random()) AS fee FROM range(1, 20001) t(i)) TO '"
          + src.resolve("fees.parquet") + "' (FORMAT parquet)");
    }
    ObjectNode plan = ProfilePlanner.plan(FileProfiler.profile(dir, src, "source.path"),
        new PlanOptions(null, 7, LocalDate.of(2025, 1, 1), 10, Set.of()));
    JsonNode fee = plan.path("tables").get(0).path("columns").get(1);
    assertEquals("exponential", fee.path("distribution").path("type").asText(), fee.toString());
    assertEquals(0.2, fee.path("distribution").path("rate").asDouble(), 0.02, fee.toString());
    assertEquals(100, fee.path("offset").asDouble(), 0.2, fee.toString());
    Path out = dir.resolve("floor-out");
    Runs.generate(Resolver.resolve(PlanCodec.fromJson(plan)), out, WriterOptions.parquetZstd(), new Engine(1, 4096),
        Progress.NONE, new Cancellation());
    try (Duck d = new Duck()) {
      d.parquetViews(out, "fees");
      // no point mass at the lower bound (clamping a misfit put 15 % of the rows there)
      assertTrue(d.number("SELECT avg(CASE WHEN fee = (SELECT min(fee) FROM fees) THEN 1.0 ELSE 0 END) FROM fees")
          < 0.01);
      assertEquals(105, d.number("SELECT avg(fee) FROM fees"), 0.3);
    }
  }
}
