package io.synthgen.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sources made by DuckDB from a real run: copies, shifted copies, copies with one row planted, another seed. */
class SourceComparisonTest {

  static final int ROWS = 30_000;
  static final String COLUMNS = String.join(",\n",
      "{\"name\": \"order_id\", \"type\": \"bigint\", \"strategy\": \"sequence\", \"start\": 1, \"unique\": true}",
      "{\"name\": \"amount\", \"type\": \"double\", \"strategy\": \"distribution\", \"distribution\": "
          + "{\"type\": \"normal\", \"mean\": 100, \"stddev\": 15}}",
      "{\"name\": \"price\", \"type\": \"decimal(10,2)\", \"strategy\": \"distribution\", \"distribution\": "
          + "{\"type\": \"lognormal\", \"mu\": 3, \"sigma\": 0.5}, \"null_rate\": 0.05}",
      "{\"name\": \"total\", \"type\": \"double\", \"strategy\": \"expression\", \"expr\": \"amount * 2 + price\"}",
      "{\"name\": \"quantity\", \"type\": \"int\", \"strategy\": \"uniform\", \"min\": 1, \"max\": 9}",
      "{\"name\": \"tier\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"Free\", \"Pro\", "
          + "\"Enterprise\"], \"weights\": [60, 30, 10]}",
      "{\"name\": \"active\", \"type\": \"boolean\", \"strategy\": \"boolean\", \"probability\": 0.8}",
      "{\"name\": \"customer\", \"type\": \"string\", \"strategy\": \"dictionary\", \"dictionary\": \"full_name\"}",
      "{\"name\": \"placed_on\", \"type\": \"date\", \"strategy\": \"date_range\", \"start\": \"2024-01-01\", "
          + "\"end\": \"2024-12-31\", \"interval\": \"1 day\"}",
      "{\"name\": \"placed_at\", \"type\": \"timestamp\", \"strategy\": \"date_range\", \"start\": "
          + "\"2024-01-01 00:00:00\", \"end\": \"2024-12-31 23:59:59\", \"interval\": \"1 second\"}");

  @TempDir
  static Path dir;
  static Path run;

  @BeforeAll
  static void generate() throws Exception {
    run = generate(7, "run", WriterOptions.parquetZstd());
  }

  static Path generate(long seed, String name, WriterOptions options) throws Exception {
    Path out = dir.resolve(name);
    Runs.generate(Plans.resolve(Plans.document(seed, Plans.table("orders", ROWS, COLUMNS))), out, options,
        new Engine(2, 8192), Progress.NONE, new Cancellation());
    return out;
  }

  /** Writes {@code select} (over view {@code o}, the run's orders) to {@code file} with DuckDB. */
  static Path source(String file, String select) throws Exception {
    Path out = dir.resolve("src-" + file.replace('.', '-')).resolve(file);
    Files.createDirectories(out.getParent());
    try (Duck duck = new Duck()) {
      duck.view("o", run.resolve("orders.parquet"));
      String format = file.endsWith(".parquet") ? "parquet" : file.endsWith(".csv") ? "csv" : "json";
      duck.exec("COPY (" + select + ") TO '" + out + "' (FORMAT " + format + ")");
    }
    return out;
  }

  static ComparisonReport compare(Path source) throws Exception {
    return SourceComparison.compare(source, run, new Cancellation());
  }

  static Map<String, ColumnComparison> byName(TableComparison t) {
    return t.columns().stream().collect(Collectors.toMap(ColumnComparison::column, c -> c));
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders.parquet", "orders.csv", "orders.jsonl"})
  void identicalDataHasDistancesZeroAndEveryRowReproduced(String file) throws Exception {
    ComparisonReport r = compare(source(file, "SELECT * FROM o"));
    TableComparison t = r.tables().get(0);
    assertEquals(ROWS, t.sourceRows());
    assertEquals(ROWS, t.syntheticRows());
    assertEquals(10, t.columns().size(), t.columns().toString());
    for (ColumnComparison c : t.columns()) {
      assertEquals(0, c.value(), 1e-12, c.toString());
      assertEquals(0, c.nullRateDifference(), 1e-12, c.toString());
      assertEquals(0, c.distinctRatioDifference(), 1e-12, c.toString());
    }
    Map<String, ColumnComparison> cols = byName(t);
    assertEquals("ks", cols.get("amount").distance());
    assertEquals("temporal", cols.get("placed_at").kind());
    assertEquals("tvd", cols.get("tier").distance());
    assertEquals("categorical", cols.get("active").kind());
    assertEquals("text", cols.get("customer").kind(), "full names are too many to be categories");
    assertEquals(0.05, cols.get("price").sourceNullRate(), 0.01);
    assertEquals(List.of("order_id", "amount", "price", "total", "quantity"), t.correlations().columns());
    assertEquals(0, t.correlations().maxAbsDifference(), 1e-12);
    RowCheck check = t.rowCheck();
    assertEquals(ROWS, check.reproducedRows(), "a copy reproduces every row, read from " + file);
    assertEquals(ROWS, check.distinctReproduced());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), check.examples());
    assertTrue(check.complete());
    assertTrue(r.sourceRowReproduced());
    assertFalse(r.rowChecksPassed());
  }

  @Test
  void aShiftedDistributionHasALargeKsAndReproducesNoRow() throws Exception {
    ComparisonReport r = compare(source("orders.parquet", "SELECT * REPLACE (amount + 30 AS amount) FROM o"));
    TableComparison t = r.tables().get(0);
    Map<String, ColumnComparison> cols = byName(t);
    assertTrue(cols.get("amount").value() > 0.6, "two standard deviations apart: " + cols.get("amount"));
    assertEquals(0, cols.get("tier").value(), 1e-12);
    assertEquals(0, cols.get("price").value(), 1e-12);
    assertEquals(0, t.rowCheck().reproducedRows());
    assertTrue(t.rowCheck().passed());
    assertFalse(r.sourceRowReproduced());
    assertTrue(r.rowChecksPassed());
  }

  @Test
  void aCopiedRowIsDetectedWithItsSyntheticRowNumber() throws Exception {
    ComparisonReport r = compare(source("orders.parquet",
        "SELECT * REPLACE (amount + 0.001 AS amount) FROM o UNION ALL SELECT * FROM o WHERE order_id = 12346"));
    RowCheck check = r.tables().get(0).rowCheck();
    assertEquals(ROWS + 1, check.sourceRows());
    assertEquals(1, check.reproducedRows());
    assertEquals(List.of(12345L), check.examples(), "order_id 12346 is the 12346th row, number 12345 from 0");
    assertTrue(check.candidates() >= 1);
    assertTrue(check.candidates() < 20, "false positives stay near 30,000 x the filter's rate: " + check);
    assertTrue(r.sourceRowReproduced());
  }

  @Test
  void anotherSeedOfThePlanIsCloseAndReproducesNothing() throws Exception {
    Path other = generate(8, "other", new WriterOptions(Destination.Format.CSV, Destination.Compression.NONE, 0));
    Path csv = dir.resolve("other-src");
    Files.createDirectories(csv);
    Files.copy(other.resolve("orders.csv"), csv.resolve("orders.csv"));
    ComparisonReport r = compare(csv);
    TableComparison t = r.tables().get(0);
    for (ColumnComparison c : t.columns()) {
      if (!c.column().equals("order_id")) {
        assertTrue(c.value() < 0.03, "same distribution, another seed: " + c);
      }
      assertTrue(Math.abs(c.nullRateDifference()) < 0.01, c.toString());
    }
    assertTrue(t.correlations().maxAbsDifference() < 0.05, t.correlations().toString());
    assertTrue(t.rowCheck().passed(), t.rowCheck().toString());
  }

  @Test
  void columnsOnlyOneSideHasAreListedAndNotCompared() throws Exception {
    ComparisonReport r = compare(source("orders.parquet",
        "SELECT * EXCLUDE (customer, placed_at), 'x' AS extra FROM o"));
    TableComparison t = r.tables().get(0);
    assertEquals(List.of("customer", "placed_at"), t.syntheticOnly());
    assertEquals(List.of("extra"), t.sourceOnly());
    assertEquals(7, t.rowCheck().columns().size());
    assertEquals(List.of("order_id"), t.rowCheck().excluded(), "a sequence synthgen numbers itself");
    assertEquals(ROWS, t.rowCheck().reproducedRows(), "equal over the shared columns");
  }

  @Test
  void rowsEqualToACombinationManySourceRowsShareAreCommonNotReproduced() throws Exception {
    Path src = source("orders.parquet", "SELECT order_id, tier, active FROM o");
    RowCheck common = compare(src).tables().get(0).rowCheck();
    assertEquals(List.of("tier", "active"), common.columns());
    assertEquals(0, common.reproducedRows());
    assertEquals(ROWS, common.commonRows(), "six combinations, each held by thousands of source rows");
    assertTrue(common.passed());
    RowCheck strict = SourceComparison.compare(src, run, CompareLimits.MAX_MIN_COUNT, new Cancellation()).tables()
        .get(0).rowCheck();
    assertEquals(ROWS, strict.reproducedRows(), "with a k above every combination's count every equal row counts");
    assertFalse(strict.passed());
    CompareException e = assertThrows(CompareException.class, () -> SourceComparison.compare(src, run, 0,
        new Cancellation()));
    assertTrue(e.getMessage().contains("from 1 to 1000000"), e.getMessage());
  }

  @Test
  void aSourceWithNoTableOfTheRunIsRefused() throws Exception {
    Path a = source("orders.parquet", "SELECT * FROM o");
    Path folder = a.getParent();
    Files.copy(a, folder.resolve("customers.parquet"));
    Files.move(a, folder.resolve("payments.parquet"));
    CompareException e = assertThrows(CompareException.class, () -> compare(folder));
    assertTrue(e.getMessage().contains("no table of the run (orders)"), e.getMessage());
    assertThrows(CompareException.class, () -> compare(dir.resolve("missing.parquet")));
  }

  @Test
  void aForeignKeyToAGeneratedKeyIsLeftOutOfTheRowCheck() throws Exception {
    String tables = Plans.table("orders", 2000,
        "{\"name\": \"order_id\", \"type\": \"bigint\", \"strategy\": \"sequence\", \"start\": 1, \"unique\": true}")
        + ",\n" + Plans.table("lines", 20_000,
        "{\"name\": \"line_id\", \"type\": \"bigint\", \"strategy\": \"sequence\", \"start\": 1, \"unique\": true}",
        "{\"name\": \"order_id\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": "
            + "\"orders.order_id\"}",
        "{\"name\": \"qty\", \"type\": \"int\", \"strategy\": \"uniform\", \"min\": 1, \"max\": 5}");
    Path a = dir.resolve("fk-a");
    Path b = dir.resolve("fk-b");
    Runs.generate(Plans.resolve(Plans.document(1, tables)), a, WriterOptions.parquetZstd(), new Engine(1, 8192),
        Progress.NONE, new Cancellation());
    Runs.generate(Plans.resolve(Plans.document(2, tables)), b, WriterOptions.parquetZstd(), new Engine(1, 8192),
        Progress.NONE, new Cancellation());
    // another seed's lines as the source: (order_id, qty) pairs match by chance, thousands of times
    Path src = Files.createDirectories(dir.resolve("fk-src"));
    Files.copy(b.resolve("orders.parquet"), src.resolve("orders.parquet"));
    Files.copy(b.resolve("lines.parquet"), src.resolve("lines.parquet"));
    ComparisonReport r = SourceComparison.compare(src, a, new Cancellation());
    TableComparison lines = r.tables().stream().filter(t -> t.table().equals("lines")).findFirst().orElseThrow();
    assertEquals(List.of("line_id", "order_id"), lines.rowCheck().excluded(), lines.rowCheck().toString());
    assertEquals(0, lines.rowCheck().reproducedRows(), lines.rowCheck().toString());
    assertTrue(r.rowChecksPassed(), r.toString());
  }
}
