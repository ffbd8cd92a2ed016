package io.synthgen.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.series.Batches;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the compiler makes of change feeds and history tables without running the SQL (FeedSqlTest in the server
 * module runs it on Spark): the tables and row counts batch k and the state after K write, and the refusals.
 */
class FeedCompileTest {

  static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "feeds", "seed": 5, "reference_date": "2025-01-01",
       "series": {"start": "2024-01-01", "interval": "1 hour", "batches": %d},
       "tables": [
        {"name": "accounts", "rows": 50, "primary_key": "account_id", "columns": [
          {"name": "account_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "status", "type": "string", "strategy": "values", "values": ["open", "closed"]},
          {"name": "score", "type": "double", "strategy": "uniform", "min": 0, "max": 1}],
         "change_feed": {"rows_per_batch": 12, "weights": {"append": %d, "update": 60, "delete": 10},
                         "format": "%s"}},
        {"name": "accounts_history", "history": {"of": "accounts"}},
        {"name": "plain", "rows": 10, "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence", "start": 1}]}]}
      """;

  static ResolvedPlan plan(int batches, int appendWeight, String format) throws PlanException {
    return Resolver.resolve(PlanCodec.read(PLAN.formatted(batches, appendWeight, format)));
  }

  @Test
  void aBatchCompilesWhatTheLocalBatchWrites() throws Exception {
    for (String format : List.of("plain")) {
      ResolvedPlan plan = plan(5, 30, format);
      for (long k = 0; k < 5; k++) {
        CompiledPlan compiled = SqlCompiler.compile(plan, new SqlOptions(k, 0));
        for (TableSource s : Batches.batch(plan, k)) {
          CompiledTable t = compiled.table(s.name());
          assertEquals(s.rows(), t.rows(), format + " batch " + k + " " + s.name());
          assertEquals(s.columns().stream().map(c -> c.name()).toList(),
              t.columns().stream().map(CompiledColumn::name).toList());
          assertEquals(s.columns().stream().map(c -> c.type()).toList(),
              t.columns().stream().map(CompiledColumn::type).toList());
        }
        assertTrue(compiled.table("accounts_cdc").select().contains("xxhash64("));
      }
    }
  }

  @Test
  void theStateAfterKCompilesWhatTheSnapshotWrites() throws Exception {
    ResolvedPlan plan = plan(5, 30, "plain");
    CompiledPlan compiled = StateSql.compile(plan, 4, SqlOptions.DEFAULT);
    List<TableSource> local = Batches.snapshot(plan, 4);
    assertEquals(local.stream().map(TableSource::name).toList(),
        compiled.tables().stream().map(CompiledTable::name).toList());
    for (TableSource s : local) {
      assertEquals(s.rows(), compiled.table(s.name()).rows(), s.name());
    }
  }

  @Test
  void aDebeziumFeedIsRefusedWithItsPath() throws Exception {
    ResolvedPlan plan = plan(5, 30, "debezium");
    PlanException e = assertThrows(PlanException.class, () -> SqlCompiler.compile(plan, new SqlOptions(1L, 0)));
    Violation v = e.violations().get(0);
    assertEquals("tables[0].change_feed.format", v.path());
    assertTrue(v.fix().contains("plain or delta_cdf"), v.fix());
    assertThrows(PlanException.class, () -> StateSql.compile(plan, 1, SqlOptions.DEFAULT));
    PlanException cdf = assertThrows(PlanException.class, () -> SqlCompiler.compile(plan(5, 30, "delta_cdf"),
        new SqlOptions(1L, 0)));
    assertEquals("delta_cdf", cdf.violations().get(0).value());
  }

  @Test
  void aBatchLookingBackOverMoreBatchesThanTheLimitIsRefused() throws Exception {
    ResolvedPlan plan = plan(300, 90, "plain");
    long k = FeedCompile.MAX_VERSION_BATCHES + 2;
    PlanException e = assertThrows(PlanException.class, () -> SqlCompiler.compile(plan, new SqlOptions(k, 0)));
    assertTrue(e.violations().get(0).rule().contains("at most " + FeedCompile.MAX_VERSION_BATCHES + " batches"),
        e.violations().toString());
    SqlCompiler.compile(plan, new SqlOptions(FeedCompile.MAX_VERSION_BATCHES + 1, 0));
    assertThrows(PlanException.class, () -> StateSql.compile(plan, FeedCompile.MAX_VERSION_BATCHES + 1,
        SqlOptions.DEFAULT));
  }

  @Test
  void aStateNeedsAFeedAndABatchOfTheSeries() throws Exception {
    ResolvedPlan plan = plan(5, 30, "plain");
    PlanException e = assertThrows(PlanException.class, () -> StateSql.compile(plan, 5, SqlOptions.DEFAULT));
    assertEquals("series.batches", e.violations().get(0).path());
    ResolvedPlan none = Resolver.resolve(PlanCodec.read("""
        {"format": "synthgen.plan/v1", "name": "none", "seed": 5, "reference_date": "2025-01-01",
         "series": {"start": "2024-01-01", "interval": "1 hour", "batches": 3},
         "tables": [{"name": "plain", "rows": 10, "columns": [
           {"name": "id", "type": "bigint", "strategy": "sequence", "start": 1}]}]}
        """));
    PlanException noFeed = assertThrows(PlanException.class, () -> StateSql.compile(none, 1, SqlOptions.DEFAULT));
    assertTrue(noFeed.violations().get(0).rule().contains("no table with a change feed"), noFeed.toString());
  }
}
