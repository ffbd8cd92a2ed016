package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.compile.CompiledPlan;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.compile.StateSql;
import io.synthgen.engine.TableSource;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.series.TableRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Change feeds, states and SCD2 histories compiled to Spark SQL equal, every cell both ways, what the local engine
 * writes for the same batch ({@code synthgen generate --batch k}) and the same state ({@code synthgen snapshot
 * --after K}).
 */
class FeedSqlTest {

  /** The example of docs/change-feeds.md: a helper, a null rate, an advancing timestamp, a history table. */
  static final String DEVICES = """
      {"format": "synthgen.plan/v1", "name": "devices", "seed": 42, "reference_date": "2025-01-01",
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 5},
       "tables": [
        {"name": "devices", "rows": 200, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "device_type", "type": "string", "strategy": "values", "values": ["sensor", "gateway", "camera"]},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0.0", "1.1.0", "2.0.0"]},
          {"name": "status", "type": "string", "strategy": "values", "values": ["Online", "Offline", "Maintenance"],
           "weights": [70, 20, 10]},
          {"name": "battery_raw", "type": "double", "strategy": "uniform", "min": 0, "max": 100, "omit": true},
          {"name": "battery", "type": "decimal(5,2)", "strategy": "expression", "expr": "round(battery_raw, 2)",
           "null_rate": 0.05},
          {"name": "installed", "type": "date", "strategy": "date_range", "start": "2020-01-01", "end": "2023-12-31"},
          {"name": "last_seen", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01T00:00:00",
           "end": "2024-01-01T23:59:59", "interval": "1 second"}],
         "change_feed": {"rows_per_batch": 40, "weights": {"append": 20, "update": 70, "delete": 10},
                         "changes": ["firmware", "status", "battery", "last_seen"]%s}},
        {"name": "devices_history", "history": {"of": "devices"}}]}
      """;

  static ResolvedPlan devices(String format) {
    return CoreSqlCheck.resolve(DEVICES.formatted(format == null ? "" : ", \"format\": \"" + format + "\""));
  }

  /** Every feed and history table batch k writes, against the compiled plan of batch k. */
  static List<String> batch(ResolvedPlan plan, long k) throws PlanException {
    CompiledPlan compiled = SqlCompiler.compile(plan, new SqlOptions(k, 2));
    List<String> out = new ArrayList<>();
    for (TableSource s : Batches.batch(plan, k)) {
      TableRole role = Batches.role(plan, s.name(), false);
      if (role == TableRole.FEED || role == TableRole.HISTORY) {
        out.addAll(FeedSqlTestSupport.differences(s, compiled.table(s.name())));
      }
    }
    return out;
  }

  static List<String> state(ResolvedPlan plan, long after) throws PlanException {
    CompiledPlan compiled = StateSql.compile(plan, after, new SqlOptions(null, 2));
    List<String> out = new ArrayList<>();
    for (TableSource s : Batches.snapshot(plan, after)) {
      out.addAll(FeedSqlTestSupport.differences(s, compiled.table(s.name())));
    }
    return out;
  }

  @Test
  void thePlainFeedOfTheExampleEqualsTheLocalEngine() throws Exception {
    ResolvedPlan plan = devices(null);
    for (long k : new long[] {0, 1, 3}) {
      assertEquals(List.of(), batch(plan, k), "batch " + k);
    }
    assertEquals(List.of(), state(plan, 3));
  }
}
