package io.synthgen.series;

import static io.synthgen.testing.Plans.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Feeds 0..4 of the example of {@code docs/change-feeds.md} written to Parquet and applied with the MERGE statements
 * of that page, verbatim, in DuckDB give exactly {@code state(4)} written to Parquet (EXCEPT ALL both ways), for
 * every format; a plain feed applied all at once (one MERGE over every batch file) too.
 */
class FeedMergeDuckDbTest {

  static final int LAST = 4;

  /** The example plan of the page, its feed in {@code format}. */
  static Plan devices(ChangeFeed.Format format) throws Exception {
    Matcher m = Pattern.compile("## The example\n\n```json\n(.*?)```", Pattern.DOTALL).matcher(page());
    assertTrue(m.find(), "docs/change-feeds.md has no example plan");
    Plan p = read(m.group(1));
    assertEquals(List.of(), PlanValidator.validate(p), "the page's example passes the plan checks");
    List<Table> tables = new ArrayList<>();
    for (Table t : p.tables()) {
      ChangeFeed f = t.changeFeed();
      tables.add(f == null ? t : t.withChangeFeed(new ChangeFeed(f.name(), f.rowsPerBatch(), f.weights(),
          f.changes(), format, f.appendAs(), f.operationColumn(), f.sequenceColumn())));
    }
    return p.withTables(tables);
  }

  static String page() throws Exception {
    return Files.readString(Plans.root().resolve("docs/change-feeds.md"));
  }

  /** The statement of the page whose block starts with {@code -- duckdb: <name>}. */
  static String statement(String name) throws Exception {
    String doc = page();
    Matcher m = Pattern.compile("```sql\n(-- duckdb: " + Pattern.quote(name) + "\n.*?)```", Pattern.DOTALL)
        .matcher(doc);
    assertTrue(m.find(), "docs/change-feeds.md has no block '-- duckdb: " + name + "'");
    return m.group(1);
  }

  static void write(TableSource s, Path dir) throws Exception {
    new Engine(2, 64).run(List.of(s), dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(), null);
  }

  @ParameterizedTest
  @EnumSource(ChangeFeed.Format.class)
  void mergingFeedsZeroToFourGivesTheState(ChangeFeed.Format format, @TempDir Path dir) throws Exception {
    ResolvedPlan p = Plans.resolve(devices(format));
    ResolvedTable t = p.table("devices");
    for (int k = 0; k <= LAST; k++) {
      write(FeedSources.feed(p, t, k), dir.resolve("batch_%04d".formatted(k)));
    }
    TableSource state = FeedSources.state(p, t, LAST);
    write(state, dir.resolve("state"));
    String merge = statement(switch (format) {
      case PLAIN -> "merge plain batch";
      case DELTA_CDF -> "merge delta_cdf batch";
      case DEBEZIUM -> "merge debezium batch";
    });
    try (Duck duck = new Duck()) {
      duck.exec("SET file_search_path = '" + dir.toString().replace("'", "''") + "'");
      if (format == ChangeFeed.Format.PLAIN) {
        duck.exec(statement("create target"));
      } else {
        duck.exec("CREATE TABLE devices AS SELECT * FROM read_parquet('state/devices.parquet') LIMIT 0");
      }
      for (int k = 0; k <= LAST; k++) {
        duck.exec(merge.replace("batch_0001", "batch_%04d".formatted(k)));
      }
      assertEquals(200 + LAST * (8 - 4), state.rows());
      assertEquals(state.rows(), duck.count("SELECT count(*) FROM devices"));
      assertEquals(0, duck.count(statement("check against the state")), format + ": MERGE differs from the state");
      // the check can fail: one changed value is one row each way
      duck.exec("UPDATE devices SET status = 'Retired' WHERE device_id = (SELECT min(device_id) FROM devices)");
      assertEquals(2, duck.count(statement("check against the state")));
      if (format == ChangeFeed.Format.PLAIN) {
        duck.exec("DROP TABLE devices");
        duck.exec(statement("create target"));
        duck.exec(merge.replace("batch_0001", "batch_*"));
        assertEquals(0, duck.count(statement("check against the state")), "all batches at once");
        assertEquals(state.rows(), duck.count("SELECT count(*) FROM devices"));
        // the history table of the page: its current rows are the state, its ranges contiguous
        Table historyTable = p.plan().table("devices_history").orElseThrow();
        write(FeedSources.history(p, historyTable, LAST), dir.resolve("history"));
        String h = "read_parquet('history/devices_history.parquet')";
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * EXCLUDE (effective_from, effective_to, "
            + "is_current) FROM " + h + " WHERE is_current EXCEPT ALL SELECT * FROM read_parquet("
            + "'state/devices.parquet'))"));
        assertEquals(state.rows(), duck.count("SELECT count(*) FROM " + h + " WHERE is_current"));
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT effective_to, lead(effective_from) OVER "
            + "(PARTITION BY device_id ORDER BY effective_from) AS next FROM " + h + ") WHERE next IS NOT NULL "
            + "AND effective_to IS DISTINCT FROM next"));
        assertEquals(200 + LAST * (8 + 28), duck.count("SELECT count(*) FROM " + h));
      }
    }
  }
}
