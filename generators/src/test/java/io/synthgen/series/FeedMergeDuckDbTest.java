package io.synthgen.series;

import static io.synthgen.testing.Plans.document;
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
import io.synthgen.plan.Series;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The example plan of the page. */
  static Plan devices(ChangeFeed.Format format) {
    String table = """
        {"name": "devices", "rows": 200, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "device_type", "type": "string", "strategy": "values", "values": ["sensor", "gateway", "camera"]},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0.0", "1.1.0", "2.0.0"]},
          {"name": "status", "type": "string", "strategy": "values", "values": ["Online", "Offline", "Maintenance"],
           "weights": [70, 20, 10]},
          {"name": "battery_raw", "type": "double", "strategy": "uniform", "min": 0, "max": 100, "omit": true},
          {"name": "battery", "type": "decimal(5,2)", "strategy": "expression", "expr": "round(battery_raw, 2)",
           "null_rate": 0.05},
          {"name": "installed", "type": "date", "strategy": "date_range", "start": "2020-01-01",
           "end": "2023-12-31"},
          {"name": "last_seen", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01T00:00:00",
           "end": "2024-01-01T23:59:59", "interval": "1 second"}]}""";
    Plan p = read(document(42, table));
    ChangeFeed feed = new ChangeFeed(null, 40, new ChangeFeed.Weights(20, 70, 10),
        List.of("firmware", "status", "battery", "last_seen"), format, null, null, null);
    return p.withTables(List.of(p.tables().get(0).withChangeFeed(feed)))
        .withSeries(new Series("2024-01-01", "1 day", 5));
  }

  /** The statement of the page whose block starts with {@code -- duckdb: <name>}. */
  static String statement(String name) throws Exception {
    String doc = Files.readString(Plans.root().resolve("docs/change-feeds.md"));
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
      }
    }
  }
}
