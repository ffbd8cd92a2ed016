package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.template.Templates;
import io.synthgen.testing.Duck;
import io.synthgen.testing.FeedOracle;
import io.synthgen.testing.FeedOracle.Feed;
import io.synthgen.testing.FeedOracle.HistoryTable;
import io.synthgen.testing.MergeSql;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MERGE oracle on DuckDB, for every template's change feeds in every format: the engine writes batches 0..4 of
 * the template with its cdc recipe to Parquet; DuckDB applies each batch to a target table with the reference's
 * MERGE ({@link MergeSql}) and after batch K the target equals the snapshot after K (EXCEPT ALL both ways, equal
 * counts). Batches 1..4 merged at once after batch 0 give the same state (the dedupe keeps each key's latest
 * change). Every history table is a valid SCD2 table (contiguous ranges, one current row per live key, deleted keys
 * closed), its current rows are the state, and (plain, delta_cdf) its versions are exactly the feeds' images.
 */
class MergeOracleTest {

  static final MergeSql SQL = new MergeSql(MergeSql.Dialect.DUCKDB);

  /** Main-table rows of each template (its --rows): full loads of 1,000 to 5,000 rows, batches of 100 to 600. */
  static final long ROWS = 1_000;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String t : Templates.names()) {
      for (ChangeFeed.Format f : ChangeFeed.Format.values()) {
        out.add(Arguments.of(t, f));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void mergingEachBatchGivesTheSnapshotAfterIt(String template, ChangeFeed.Format format, @TempDir Path dir)
      throws Exception {
    ResolvedPlan plan = Plans.resolve(FeedOracle.cdcTemplate(template, ROWS, format));
    long batches = plan.series().batches();
    assertEquals(5, batches, template + ": the cdc recipe's series");
    List<Feed> feeds = FeedOracle.feeds(plan);
    List<HistoryTable> histories = FeedOracle.histories(plan);
    assertFalse(feeds.isEmpty(), template + " with cdc has a change feed");
    List<String> counts = new ArrayList<>();
    try (Duck duck = new Duck()) {
      for (long k = 0; k < batches; k++) {
        Path batch = dir.resolve("batch_" + k);
        Path snapshot = dir.resolve("snapshot_" + k);
        Map<String, Long> written = FeedOracle.writeBatch(plan, k, batch);
        Map<String, Long> state = FeedOracle.writeSnapshot(plan, k, snapshot);
        String at = template + " " + format + " batch " + k;
        for (Feed f : feeds) {
          String target = "target_" + f.table();
          duck.view("feed", FeedOracle.file(batch, f.name()));
          duck.view("expected", FeedOracle.file(snapshot, f.table()));
          if (k == 0) {
            duck.exec("CREATE TABLE " + target + " AS SELECT * FROM expected LIMIT 0");
            if (format != ChangeFeed.Format.DEBEZIUM) {
              assertEquals(duck.columns("expected"), duck.columns("(SELECT " + f.columns().stream()
                  .map(MergeSql.Dialect.DUCKDB::id).collect(Collectors.joining(", ")) + " FROM feed)"), at + " " + f.name() + ": the feed's row columns are the state's");
            }
          }
          duck.exec(SQL.merge(f, target, SQL.changes(f, "feed", types(duck, target))));
          assertSame(duck, target, "expected", at + " " + f.name() + " merged into " + f.table());
          counts.add(f.name() + "[" + k + "]=" + written.get(f.name()) + "/" + f.table() + "=" + state.get(f.table()));
        }
        for (HistoryTable h : histories) {
          duck.view("history", FeedOracle.file(batch, h.name()));
          duck.view("history_snapshot", FeedOracle.file(snapshot, h.name()));
          duck.view("state", FeedOracle.file(snapshot, h.of()));
          assertSame(duck, "history", "history_snapshot", at + " " + h.name() + ": batch and snapshot agree");
          Scd2.assertScd2(duck, h, "history", "state", at);
          Feed f = feeds.stream().filter(x -> x.table().equals(h.of())).findFirst().orElseThrow();
          if (format != ChangeFeed.Format.DEBEZIUM) {
            Scd2.assertVersionsAreTheFeeds(duck, h, f, "history", feedsUpTo(dir, f, k), at);
          }
          counts.add(h.name() + "[" + k + "]=" + written.get(h.name()));
        }
      }
      // batches 1..4 merged at once after batch 0: each key's latest change wins
      long last = batches - 1;
      for (Feed f : feeds) {
        String target = "at_once_" + f.table();
        duck.view("feed", FeedOracle.file(dir.resolve("batch_0"), f.name()));
        duck.view("expected", FeedOracle.file(dir.resolve("snapshot_" + last), f.table()));
        duck.exec("CREATE TABLE " + target + " AS SELECT * FROM expected LIMIT 0");
        duck.exec(SQL.merge(f, target, SQL.changes(f, "feed", types(duck, target))));
        List<String> later = new ArrayList<>();
        for (long k = 1; k <= last; k++) {
          later.add(FeedOracle.file(dir.resolve("batch_" + k), f.name()).toString());
        }
        duck.exec("CREATE OR REPLACE VIEW later AS SELECT * FROM read_parquet(" + list(later) + ")");
        duck.exec(SQL.merge(f, target, SQL.changes(f, "later", types(duck, target))));
        assertSame(duck, target, "expected", template + " " + format + " " + f.name() + ": batches 1.." + last
            + " in one MERGE");
      }
    }
    System.err.println("merge oracle " + template + " " + format + ": " + String.join(" ", counts));
  }

  /** A DuckDB list of the feed's files of batches 0..k. */
  private static String feedsUpTo(Path dir, Feed f, long k) {
    List<String> files = new ArrayList<>();
    for (long b = 0; b <= k; b++) {
      files.add(FeedOracle.file(dir.resolve("batch_" + b), f.name()).toString());
    }
    return "read_parquet(" + list(files) + ")";
  }

  static String list(List<String> files) {
    return files.stream().map(p -> "'" + p.replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  /** The columns of a DuckDB table with their types. */
  static List<MergeSql.Typed> types(Duck duck, String table) throws SQLException {
    List<MergeSql.Typed> out = new ArrayList<>();
    for (List<String> r : duck.rows("DESCRIBE " + table)) {
      out.add(new MergeSql.Typed(r.get(0), r.get(1)));
    }
    return out;
  }

  /** Equal counts and EXCEPT ALL empty both ways; a failure shows rows of each difference. */
  static void assertSame(Duck duck, String actual, String expected, String what) throws SQLException {
    long missing = duck.count(SQL.exceptAll(expected, actual));
    long extra = duck.count(SQL.exceptAll(actual, expected));
    if (missing != 0 || extra != 0) {
      throw new AssertionError(what + ": " + missing + " expected rows missing, e.g. "
          + sample(duck, expected, actual) + "; " + extra + " unexpected rows, e.g. " + sample(duck, actual, expected));
    }
    assertEquals(duck.count("SELECT count(*) FROM " + expected), duck.count("SELECT count(*) FROM " + actual), what);
  }

  static List<List<String>> sample(Duck duck, String a, String b) throws SQLException {
    return duck.rows("SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + " LIMIT 3");
  }

  /** The SCD2 checks of a history table, in SQL. */
  static final class Scd2 {

    private Scd2() {
    }

    /**
     * Contiguous versions per key (each effective_to is the next version's effective_from), ranges not empty,
     * is_current exactly when effective_to is NULL, at most one current row per key, the current rows equal the
     * state after K (so exactly one per live key), and every key not live is closed.
     */
    static void assertScd2(Duck duck, HistoryTable h, String history, String state, String at) throws SQLException {
      String key = id(h.key());
      String what = at + " " + h.name();
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT " + key + ", effective_to, lead(effective_from) OVER "
          + "(PARTITION BY " + key + " ORDER BY effective_from) AS next_from FROM " + history + ") x "
          + "WHERE next_from IS NOT NULL AND effective_to IS DISTINCT FROM next_from"), what + ": contiguous ranges");
      assertEquals(0, duck.count("SELECT count(*) FROM " + history + " WHERE effective_to <= effective_from"),
          what + ": every range is non-empty");
      assertEquals(0, duck.count("SELECT count(*) FROM " + history + " WHERE is_current <> (effective_to IS NULL)"),
          what + ": is_current exactly on open ranges");
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT " + key + " FROM " + history + " WHERE is_current "
          + "GROUP BY " + key + " HAVING count(*) > 1) x"), what + ": at most one current row per key");
      String current = "(SELECT " + columns(h) + " FROM " + history + " WHERE is_current)";
      assertSame(duck, current, state, what + ": the current rows are the state");
      assertEquals(0, duck.count("SELECT count(*) FROM " + history + " WHERE " + key + " NOT IN (SELECT " + key
          + " FROM " + state + ") AND (is_current OR effective_to IS NULL)"), what + ": deleted keys are closed");
      assertEquals(duck.count("SELECT count(DISTINCT " + key + ") FROM " + history + " WHERE is_current"),
          duck.count("SELECT count(*) FROM " + state), what + ": one current row per live key");
    }

    /**
     * The history's versions are exactly the feeds' inserts and update images of batches 0..K, each from its
     * operation's instant; every closed last version ends at its key's delete.
     */
    static void assertVersionsAreTheFeeds(Duck duck, HistoryTable h, Feed f, String history, String feedFiles,
        String at) throws SQLException {
      String changes = "(" + SQL.changes(f, feedFiles, List.of()) + ")";
      String key = id(h.key());
      String what = at + " " + h.name();
      assertSame(duck, "(SELECT " + columns(h) + ", effective_from AS _ts FROM " + history + ")",
          "(SELECT " + columns(h) + ", _ts FROM " + changes + " c WHERE NOT _delete)",
          what + ": versions are the feeds' images at their instants");
      assertSame(duck, "(SELECT " + key + ", effective_to FROM (SELECT *, row_number() OVER (PARTITION BY " + key
              + " ORDER BY effective_from DESC) AS rn FROM " + history + ") x WHERE rn = 1 AND effective_to IS NOT "
              + "NULL)", "(SELECT " + key + ", _ts FROM " + changes + " c WHERE _delete)",
          what + ": a deleted key's last version closes at its delete");
    }

    private static String columns(HistoryTable h) {
      return h.columns().stream().map(Scd2::id).collect(Collectors.joining(", "));
    }

    private static String id(String name) {
      return MergeSql.Dialect.DUCKDB.id(name);
    }
  }
}
