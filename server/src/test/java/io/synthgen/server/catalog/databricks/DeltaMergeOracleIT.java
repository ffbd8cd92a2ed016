package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.template.Templates;
import io.synthgen.testing.FeedOracle;
import io.synthgen.testing.FeedOracle.Feed;
import io.synthgen.testing.MergeSql;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MERGE oracle on Spark + Delta Lake, for every template's change feeds over the cdc recipe's 5 batches: the
 * engine writes each batch's plain feed and the snapshot after it to Parquet; Spark applies the batch to a Delta
 * table with {@code MERGE INTO} (the reference's pattern, {@link MergeSql}) and the table then equals the snapshot
 * (EXCEPT ALL both ways, equal counts).
 *
 * <p>The Delta table has {@code delta.enableChangeDataFeed = true}, so Delta records its own change feed of every
 * MERGE; {@code table_changes} of the MERGE's version has exactly the rows of our delta_cdf feed of that batch (the
 * same plan with {@code "format": "delta_cdf"}): the same counts per {@code _change_type} (insert, update_preimage,
 * update_postimage, delete) and the same rows (EXCEPT ALL both ways over the table's columns and
 * {@code _change_type}) — our preimage of an UPDATE is the row Delta's MERGE replaced, our delete carries the row
 * Delta deleted. What cannot match, and is not compared: Delta's
 * {@code _commit_version} is the table's version (the empty table is version 0, so batch k is version k + 1), and its
 * {@code _commit_timestamp} is the commit's wall-clock time, one per version, where ours is each operation's instant
 * inside the batch's window; and Delta's change rows have no order, where ours are in operation order.
 */
class DeltaMergeOracleIT {

  /** Main-table rows of each template (the command line's --rows). */
  static final long ROWS = 1_000;

  static final MergeSql SQL = new MergeSql(MergeSql.Dialect.SPARK);

  static final String DATABASE = "merge_oracle";

  private static SparkSession spark;

  static List<String> templates() {
    return Templates.names();
  }

  @BeforeAll
  static void database(@TempDir Path dir) {
    spark = SharedSpark.get().newSession();
    spark.sql("CREATE DATABASE " + DATABASE + " LOCATION '" + dir.resolve("warehouse").toUri() + "'");
    spark.sql("USE " + DATABASE);
  }

  @AfterAll
  static void drop() {
    spark.sql("DROP DATABASE IF EXISTS " + DATABASE + " CASCADE");
  }

  @ParameterizedTest
  @MethodSource("templates")
  void mergingEachBatchIntoDeltaGivesTheSnapshotAndDeltasChangeFeedIsOurs(String template, @TempDir Path dir)
      throws Exception {
    ResolvedPlan plain = Plans.resolve(FeedOracle.cdcTemplate(template, ROWS, ChangeFeed.Format.PLAIN));
    ResolvedPlan cdf = Plans.resolve(FeedOracle.cdcTemplate(template, ROWS, ChangeFeed.Format.DELTA_CDF));
    List<Feed> feeds = FeedOracle.feeds(plain);
    assertFalse(feeds.isEmpty(), template + " with cdc has a change feed");
    List<String> report = new ArrayList<>();
    for (long k = 0; k < plain.series().batches(); k++) {
      Path batch = dir.resolve("batch_" + k);
      Path cdfBatch = dir.resolve("cdf_batch_" + k);
      Path snapshot = dir.resolve("snapshot_" + k);
      FeedOracle.writeBatch(plain, k, batch);
      FeedOracle.writeBatch(cdf, k, cdfBatch);
      FeedOracle.writeSnapshot(plain, k, snapshot);
      for (Feed f : feeds) {
        String target = template + "_" + f.table();
        String what = template + " batch " + k + " " + f.name();
        parquet("feed", FeedOracle.file(batch, f.name()));
        parquet("expected", FeedOracle.file(snapshot, f.table()));
        if (k == 0) {
          spark.sql("CREATE TABLE " + target + " USING DELTA TBLPROPERTIES (delta.enableChangeDataFeed = true) AS "
              + "SELECT * FROM expected LIMIT 0");
        }
        spark.sql(SQL.merge(f, target, SQL.changes(f, "feed", types(target))));
        assertSame(target, "expected", what + " merged into " + f.table());

        // Delta's own change feed of the MERGE (version k + 1: the empty table is version 0) is our delta_cdf batch
        long version = k + 1;
        String columns = String.join(", ", f.columns().stream().map(MergeSql.Dialect.SPARK::id).toList());
        spark.sql("SELECT " + columns + ", _change_type FROM table_changes('" + target + "', " + version + ", "
            + version + ")").createOrReplaceTempView("delta_changes");
        parquet("cdf_feed", FeedOracle.file(cdfBatch, f.name()));
        spark.sql("SELECT " + columns + ", _change_type FROM cdf_feed").createOrReplaceTempView("our_changes");
        Map<String, Long> ours = countsByType("our_changes");
        assertEquals(ours, countsByType("delta_changes"), what + ": changes per _change_type in Delta's change "
            + "feed of version " + version);
        assertSame("delta_changes", "our_changes", what + ": Delta's change rows of version " + version);
        report.add(f.name() + "[" + k + "]=" + ours);
      }
    }
    System.err.println("delta merge oracle " + template + ": " + String.join(" ", report));
  }

  private static void parquet(String view, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no file " + file);
    }
    spark.read().parquet(file.toString()).createOrReplaceTempView(view);
  }

  private static List<MergeSql.Typed> types(String table) {
    List<MergeSql.Typed> out = new ArrayList<>();
    for (StructField f : spark.table(table).schema().fields()) {
      out.add(new MergeSql.Typed(f.name(), f.dataType().sql()));
    }
    return out;
  }

  private static Map<String, Long> countsByType(String view) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : spark.sql("SELECT _change_type, count(*) FROM " + view + " GROUP BY _change_type").collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /** Equal counts and EXCEPT ALL empty both ways (one query); a failure shows rows of each difference. */
  private static void assertSame(String actual, String expected, String what) {
    Row r = spark.sql("SELECT (" + SQL.exceptAll(expected, actual) + "), (" + SQL.exceptAll(actual, expected)
        + "), (SELECT count(*) FROM " + expected + "), (SELECT count(*) FROM " + actual + ")").first();
    long missing = r.getLong(0);
    long extra = r.getLong(1);
    if (missing != 0 || extra != 0) {
      throw new AssertionError(what + ": " + missing + " expected rows missing, e.g. " + sample(expected, actual)
          + "; " + extra + " unexpected rows, e.g. " + sample(actual, expected));
    }
    assertEquals(r.getLong(2), r.getLong(3), what);
  }

  private static List<String> sample(String a, String b) {
    return spark.sql("SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + " LIMIT 3").collectAsList().stream()
        .map(Row::toString).toList();
  }
}
