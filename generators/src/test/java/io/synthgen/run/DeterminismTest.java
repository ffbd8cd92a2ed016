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
          + "  static final Map<String, String> " + constant + " = Map.of(\n");
      int k = 0;
      for (Map.Entry<String, String> e : actual.entrySet()) {
        b.append("      \"").append(e.getKey()).append("\", \"").append(e.getValue()).append('"')
            .append(++k < actual.size() ? ",\n" : ");\n");
      }
      throw new AssertionError(b.toString());
    }
  }
}
