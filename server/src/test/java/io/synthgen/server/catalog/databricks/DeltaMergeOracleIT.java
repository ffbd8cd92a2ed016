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
 * engine writes each batch's feed and the snapshot after it to Parquet; Spark applies the batch to a Delta table with
 * {@code MERGE INTO} (the reference's pattern, {@link MergeSql}) and the table then equals the snapshot (EXCEPT ALL
 * both ways, equal counts), for the plain and the delta_cdf formats.
 *
 * <p>With the delta_cdf format the Delta table has {@code delta.enableChangeDataFeed = true}, so Delta records its own
 * change feed of every MERGE; {@code table_changes} of the MERGE's version then has exactly our batch's rows: the same
 * counts per {@code _change_type} (insert, update_preimage, update_postimage, delete) and the same rows (EXCEPT ALL
 * both ways over the table's columns and {@code _change_type}). What cannot match, and is not compared: Delta's
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
  void mergingThePlainFeedIntoDeltaGivesTheSnapshotAfterEachBatch(String template, @TempDir Path dir)
      throws Exception {
    ResolvedPlan plan = Plans.resolve(FeedOracle.cdcTemplate(template, ROWS, ChangeFeed.Format.PLAIN));
    List<Feed> feeds = FeedOracle.feeds(plan);
    assertFalse(feeds.isEmpty(), template + " with cdc has a change feed");
    for (long k = 0; k < plan.series().batches(); k++) {
      Path batch = dir.resolve("batch_" + k);
      Path snapshot = dir.resolve("snapshot_" + k);
      FeedOracle.writeBatch(plan, k, batch);
      FeedOracle.writeSnapshot(plan, k, snapshot);
      for (Feed f : feeds) {
        String target = template + "_plain_" + f.table();
        parquet("feed", FeedOracle.file(batch, f.name()));
        parquet("expected", FeedOracle.file(snapshot, f.table()));
        if (k == 0) {
          spark.sql("CREATE TABLE " + target + " USING DELTA AS SELECT * FROM expected LIMIT 0");
        }
        spark.sql(SQL.merge(f, target, SQL.changes(f, "feed", types(target))));
        assertSame(target, "expected", template + " batch " + k + " " + f.name() + " merged into " + f.table());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void deltaChangeDataFeedOfTheMergesHasOurDeltaCdfRows(String template, @TempDir Path dir) throws Exception {
    ResolvedPlan plan = Plans.resolve(FeedOracle.cdcTemplate(template, ROWS, ChangeFeed.Format.DELTA_CDF));
    List<Feed> feeds = FeedOracle.feeds(plan);
    List<String> report = new ArrayList<>();
    for (long k = 0; k < plan.series().batches(); k++) {
      Path batch = dir.resolve("batch_" + k);
      Path snapshot = dir.resolve("snapshot_" + k);
      FeedOracle.writeBatch(plan, k, batch);
      FeedOracle.writeSnapshot(plan, k, snapshot);
      for (Feed f : feeds) {
        String target = template + "_cdf_" + f.table();
        String what = template + " batch " + k + " " + f.name();
        parquet("feed", FeedOracle.file(batch, f.name()));
        parquet("expected", FeedOracle.file(snapshot, f.table()));
        if (k == 0) {
          spark.sql("CREATE TABLE " + target + " USING DELTA TBLPROPERTIES (delta.enableChangeDataFeed = true) AS "
              + "SELECT * FROM expected LIMIT 0");
        }
        spark.sql(SQL.merge(f, target, SQL.changes(f, "feed", types(target))));
        assertSame(target, "expected", what + " merged into " + f.table());

        long version = spark.sql("DESCRIBE HISTORY " + target + " LIMIT 1").first().<Long>getAs("version");
        assertEquals(k + 1, version, what + ": the empty table is version 0, batch k's MERGE version k + 1");
        String columns = String.join(", ", f.columns().stream().map(MergeSql.Dialect.SPARK::id).toList());
        spark.sql("SELECT " + columns + ", _change_type FROM table_changes('" + target + "', " + version + ", "
            + version + ")").createOrReplaceTempView("delta_changes");
        spark.sql("SELECT " + columns + ", _change_type FROM feed").createOrReplaceTempView("our_changes");
        Map<String, Long> delta = countsByType("delta_changes");
        Map<String, Long> ours = countsByType("our_changes");
        assertEquals(ours, delta, what + ": changes per _change_type in Delta's feed of version " + version);
        assertSame("delta_changes", "our_changes", what + ": Delta's change rows of version " + version);
        report.add(f.name() + "[" + k + "]=" + ours);
      }
    }
    System.err.println("delta cdf " + template + ": " + String.join(" ", report));
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

  private static void assertSame(String actual, String expected, String what) {
    long missing = spark.sql(SQL.exceptAll(expected, actual)).first().getLong(0);
    long extra = spark.sql(SQL.exceptAll(actual, expected)).first().getLong(0);
    if (missing != 0 || extra != 0) {
      throw new AssertionError(what + ": " + missing + " expected rows missing, e.g. " + sample(expected, actual)
          + "; " + extra + " unexpected rows, e.g. " + sample(actual, expected));
    }
    assertEquals(count(expected), count(actual), what);
  }

  private static List<String> sample(String a, String b) {
    return spark.sql("SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + " LIMIT 3").collectAsList().stream()
        .map(Row::toString).toList();
  }

  private static long count(String relation) {
    return spark.sql("SELECT count(*) FROM " + relation).first().getLong(0);
  }
}
