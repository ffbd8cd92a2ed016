package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.engine.TableRun;
import io.synthgen.output.FileEntry;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same plan and seed give the same bytes for any thread count (and, for text formats, any chunk size); golden
 * checksums pin the generated values and files so any change to them is noticed. When a change is intended, copy
 * the actual values from the failure message.
 */
class DeterminismTest {

  /** SHA-256 of every output value of retail scaled to 2,000 customers, read from the engine (no writer). */
  static final Map<String, String> RETAIL_VALUES = Map.of(
      "customers", "3ed316a214218a29cd3db963dc82f34709376bdf166a76f0a0535210acbd05b5",
      "products", "167250608b6b51d40832c5a7f52b9b646d943ad57a7f1b9d0cb57721791553b7",
      "transactions", "a50e05b10945d2b3958200f9df944ce708d95b5ec790e2314c31ef03335bf967",
      "line_items", "8bbca788e2338fb37a93ed241dd0870f964f3dce23d74a2ca77d5a762ea652f8",
      "inventory", "db30bd5e5ba48c8ee2f9b0468c51219554940f4eaf8b2a29ac239a057a0a2b08");

  /**
   * SHA-256 of the Parquet (zstd) files of retail scaled to 2,000 customers, chunks of 4,096 rows. customers and
   * products changed when per-row strings moved from PLAIN to DELTA_LENGTH_BYTE_ARRAY pages; their values did not
   * (RETAIL_VALUES, and DuckDB reading old and new files, agree).
   */
  static final Map<String, String> RETAIL_PARQUET = Map.of(
      "customers", "5828f50227b7b64b4d6a0781a5372739a6450ce007461c8f89c220b2302bd73a",
      "products", "6489f3f02a50fbf94785f1700caa2fbed17c066a771b9ef585d8c5db412f6813",
      "transactions", "0ddaf8591062fd2dfe06bee4bb6e83f39d87a58e24184cfcac8d542c6fc966d3",
      "line_items", "d043ab6c61f98a7bcccfbb84e0082fd6408c1bacfd5e6d3bbc660e2a8931584d",
      "inventory", "eeb8573bd637f1033b70b6ff0134469c0c1970500fa13f26d7cb201baef45a45");

  /** SHA-256 of W1's customers as CSV at 5,000 rows. */
  static final String W1_CSV = "1baa7ee4e868060f7375757290afd78b12f5548ddd6e2a5c2268151965497e0b";

  @TempDir
  Path dir;

  private static final WriterOptions PARQUET = WriterOptions.parquetZstd();
  private static final WriterOptions CSV = new WriterOptions(Destination.Format.CSV, Destination.Compression.NONE, 0);

  private Map<String, String> run(Plan plan, String name, WriterOptions options, int threads, int chunk)
      throws Exception {
    RunResult r = Runs.generate(Plans.resolve(plan), dir.resolve(name), options, new Engine(threads, chunk),
        Progress.NONE, new Cancellation());
    assertEquals(true, r.validation().passed(), "validation: " + r.validation().failures());
    Map<String, String> out = new LinkedHashMap<>();
    for (TableRun t : r.tables()) {
      for (FileEntry f : t.files()) {
        out.put(t.table(), f.sha256());
      }
    }
    return out;
  }

  @Test
  void retailParquetIsByteIdenticalForAnyThreadCountAndMatchesItsGoldenChecksums() throws Exception {
    Plan retail = Plans.template("retail", 2_000);
    Map<String, String> one = run(retail, "t1", PARQUET, 1, 4096);
    Map<String, String> four = run(retail, "t4", PARQUET, 4, 4096);
    Map<String, String> again = run(retail, "t1-again", PARQUET, 1, 4096);
    assertEquals(one, four, "1 thread and 4 threads");
    assertEquals(one, again, "two runs");
    assertGolden(RETAIL_PARQUET, one, "RETAIL_PARQUET");
  }

  /** SHA-256 of every value of the other templates at 500 main-table rows (table "." name). */
  static final Map<String, String> TEMPLATE_VALUES = Map.ofEntries(
      Map.entry("healthcare.patients", "fd125a8103693ee848869436a90d5d67a9c9b2da71d945427ec21e27ecfa2f9d"),
      Map.entry("healthcare.encounters", "6da6058e5a9cdcea960c51d8dfb64da4cdfab53b376205899b45916c23ec2da5"),
      Map.entry("healthcare.claims", "efcd82ae4b39545a784995f313127b6c7d2f7317172e8e290c3a5de79f578bb8"),
      Map.entry("financial.accounts", "f5c637d7ef9723a464dae2ea34cb100ef628d6369870449922f5737846fe144b"),
      Map.entry("financial.trades", "888f9d5a0de163aa5a08cf461af2a03edda8bdae2bb7c33d9b4d09b23a4f7504"),
      Map.entry("financial.transactions", "332dbbe3664db5b0080447f2d60e8bd45502cb0ff96ebbc05e3f66053636d8df"),
      Map.entry("iot.devices", "52bb93c9ea61e4413ffdf7b7e81a4e11923743508b29a33786a9859f8afb5787"),
      Map.entry("iot.sensor_readings", "1d8e83f2d985b5ed54aee26203328389ef0ef14cac9c7ae843307632f9afff86"),
      Map.entry("iot.events", "909e45eee57ab69383faf9337750ad6f0b8d44ccfd92c846178f4c1b71d3fb71"),
      Map.entry("iot.telemetry", "0ef8356e9f7847107fa729e9678512d74a535a72f6cf219da8dd960d5882a02c"),
      Map.entry("manufacturing.equipment", "90c366dc6f0c787aca80a9725c25984e65bcfd5bc6e95d80446cae990f355507"),
      Map.entry("manufacturing.sensor_data", "9d2093483c076b996469ba2c1d6f7d7bb587b7c0639ad32736c52d347164ebd2"),
      Map.entry("manufacturing.maintenance_records", "971f72da0acb9db27be81091d4f7bf9d8b32cb48efc6d4b95ae0c3ae07967a7d"));

  @Test
  void everyTemplatesValuesMatchTheirGoldenChecksums() {
    Map<String, String> actual = new LinkedHashMap<>();
    for (String name : java.util.List.of("healthcare", "financial", "iot", "manufacturing")) {
      ResolvedPlan p = Plans.resolve(Plans.template(name, 500));
      for (ResolvedTable t : p.tables()) {
        actual.put(name + "." + t.name(), valueDigest(p, t, 1000));
      }
    }
    assertGolden(TEMPLATE_VALUES, actual, "TEMPLATE_VALUES");
  }

  @Test
  void retailValuesMatchTheirGoldenChecksums() {
    ResolvedPlan p = Plans.resolve(Plans.template("retail", 2_000));
    Map<String, String> actual = new LinkedHashMap<>();
    for (ResolvedTable t : p.tables()) {
      actual.put(t.name(), valueDigest(p, t, 3000));
    }
    assertGolden(RETAIL_VALUES, actual, "RETAIL_VALUES");
    // the digest does not depend on how rows are grouped
    ResolvedTable li = p.table("line_items");
    assertEquals(actual.get("line_items"), valueDigest(p, li, 777));
  }

  @Test
  void w2AtScaleIsByteIdenticalForAnyThreadCount() throws Exception {
    Plan w2 = Plans.bench("w2-transactions.json", 300_000);
    Map<String, String> one = run(w2, "w1t", PARQUET, 1, 65_536);
    Map<String, String> four = run(w2, "w4t", PARQUET, 4, 65_536);
    assertEquals(one, four);
  }

  @Test
  void textOutputIsByteIdenticalForAnyChunkingAndMatchesItsGoldenChecksum() throws Exception {
    Plan w1 = Plans.bench("w1-customers.json", 5_000);
    Map<String, String> a = run(w1, "a", CSV, 1, 1000);
    Map<String, String> b = run(w1, "b", CSV, 3, 777);
    assertEquals(a, b, "CSV has no row groups: chunking must not show");
    if (!W1_CSV.equals(a.get("customers"))) {
      throw new AssertionError("W1 CSV changed; if intended, set W1_CSV = \"" + a.get("customers") + "\"");
    }
  }

  @Test
  void anotherSeedGivesOtherBytes() throws Exception {
    Plan retail = Plans.template("retail", 500);
    Map<String, String> s42 = run(retail, "s42", PARQUET, 2, 4096);
    Map<String, String> s43 = run(retail.withSeed(43), "s43", PARQUET, 2, 4096);
    for (String table : s42.keySet()) {
      assertNotEquals(s42.get(table), s43.get(table), table);
    }
  }

  /** SHA-256 over every output value of a table, row by row, in batches of {@code batchRows}. */
  static String valueDigest(ResolvedPlan p, ResolvedTable t, int batchRows) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(String.join(",", t.outputColumns().stream().map(c -> c.name() + ":" + c.spec().type()).toList())
          .getBytes(StandardCharsets.UTF_8));
      for (long first = 0; first < t.rows(); first += batchRows) {
        int n = (int) Math.min(batchRows, t.rows() - first);
        Batch b = TableEvaluator.range(p, t, first, n).outputBatch();
        for (int i = 0; i < n; i++) {
          StringBuilder row = new StringBuilder("\n");
          for (Vec v : b.vectors()) {
            row.append(v.get(i)).append('\u0001');
          }
          md.update(row.toString().getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertGolden(Map<String, String> expected, Map<String, String> actual, String constant) {
    Map<String, String> sorted = new java.util.TreeMap<>(expected);
    if (!sorted.equals(new java.util.TreeMap<>(actual))) {
      StringBuilder b = new StringBuilder(constant + " changed; if the change is intended, replace it with:\n"
          + "  static final Map<String, String> " + constant + " = Map.of(\n"
          + "  (with more than 10 entries, write Map.ofEntries(Map.entry(name, hash), ...))\n");
      int k = 0;
      for (Map.Entry<String, String> e : actual.entrySet()) {
        b.append("      \"").append(e.getKey()).append("\", \"").append(e.getValue()).append('"')
            .append(++k < actual.size() ? ",\n" : ");\n");
      }
      throw new AssertionError(b.toString());
    }
  }
}
