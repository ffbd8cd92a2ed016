package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.template.Recipes;
import io.synthgen.template.Templates;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template with its cdc recipe: each change feed over 5 batches, written to Parquet and applied in DuckDB with
 * the MERGE pattern (dedupe by key, latest operation wins), equals the state after 4; each history table has one
 * current row per live key and contiguous versions.
 */
class FeedTemplatesTest {

  static List<String> templates() {
    return Templates.names();
  }

  static void write(TableSource s, Path dir) throws Exception {
    new Engine(2, 1_000).run(List.of(s), dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(), null);
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyTemplatesFeedsMergeToTheirState(String name, @TempDir Path dir) throws Exception {
    Plan plan = Recipes.cdc(Plans.template(name, 2_000));
    ResolvedPlan p = Plans.resolve(plan);
    long last = plan.series().batches() - 1;
    int feeds = 0;
    try (Duck duck = new Duck()) {
      for (Table spec : plan.tables()) {
        if (spec.changeFeed() == null) {
          continue;
        }
        feeds++;
        ResolvedTable t = p.table(spec.name());
        FeedSpec feed = FeedSpec.of(p, t);
        String key = feed.keyColumn();
        for (long k = 0; k <= last; k++) {
          write(FeedSources.feed(p, t, k), dir.resolve(t.name()).resolve("batch_%04d".formatted(k)));
        }
        TableSource state = FeedSources.state(p, t, last);
        write(state, dir.resolve(t.name()).resolve("state"));
        String cols = feed.baseColumns().stream().map(OutputColumn::name).map(c -> '"' + c + '"')
            .collect(Collectors.joining(", "));
        String set = feed.baseColumns().stream().map(OutputColumn::name).filter(c -> !c.equals(key))
            .map(c -> '"' + c + "\" = s.\"" + c + '"').collect(Collectors.joining(", "));
        String values = feed.baseColumns().stream().map(OutputColumn::name).map(c -> "s.\"" + c + '"')
            .collect(Collectors.joining(", "));
        String folder = dir.resolve(t.name()).toString().replace("'", "''");
        String target = "\"" + t.name() + "\"";
        duck.exec("CREATE TABLE " + target + " AS SELECT * FROM read_parquet('" + folder
            + "/state/" + t.name() + ".parquet') LIMIT 0");
        String op;
        String order;
        String filter = "";
        String isDelete;
        switch (feed.format()) {
          case PLAIN -> {
            op = '"' + feed.operationColumn() + '"';
            order = '"' + feed.sequenceColumn() + '"';
            isDelete = "s." + op + " = 'DELETE'";
          }
          case DELTA_CDF -> {
            op = "_change_type";
            order = "_commit_timestamp";
            filter = " WHERE _change_type <> 'update_preimage'";
            isDelete = "s._change_type = 'delete'";
          }
          default -> throw new AssertionError("the recipes write plain or delta_cdf feeds, not " + feed.format());
        }
        for (long k = 0; k <= last; k++) {
          duck.exec("MERGE INTO " + target + " AS t USING (SELECT * EXCLUDE (rn) FROM (SELECT *, ROW_NUMBER() OVER "
              + "(PARTITION BY \"" + key + "\" ORDER BY " + order + " DESC) AS rn FROM read_parquet('" + folder
              + "/batch_%04d/".formatted(k) + feed.name() + ".parquet')" + filter + ") WHERE rn = 1) AS s ON t.\""
              + key + "\" = s.\"" + key + "\" WHEN MATCHED AND " + isDelete + " THEN DELETE "
              + (set.isEmpty() ? "" : "WHEN MATCHED THEN UPDATE SET " + set + " ")
              + "WHEN NOT MATCHED AND NOT (" + isDelete + ") THEN INSERT (" + cols + ") VALUES (" + values + ")");
        }
        String stateFile = "read_parquet('" + folder + "/state/" + t.name() + ".parquet')";
        assertEquals(state.rows(), duck.count("SELECT count(*) FROM " + target));
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + target + " EXCEPT ALL SELECT * FROM "
            + stateFile + ")"), name + "." + t.name() + " (" + op + ")");
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + stateFile + " EXCEPT ALL SELECT * FROM "
            + target + ")"), name + "." + t.name());
      }
      for (Table spec : plan.tables()) {
        if (spec.history() == null) {
          continue;
        }
        TableSource h = FeedSources.history(p, spec, last);
        Path hdir = dir.resolve(spec.name());
        write(h, hdir);
        String f = "read_parquet('" + hdir.resolve(spec.name() + ".parquet").toString().replace("'", "''") + "')";
        String key = p.table(spec.history().of()).spec().primaryKey();
        TableSource state = FeedSources.state(p, p.table(spec.history().of()), last);
        assertEquals(state.rows(), duck.count("SELECT count(*) FROM " + f + " WHERE is_current"));
        assertEquals(state.rows(), duck.count("SELECT count(DISTINCT \"" + key + "\") FROM " + f
            + " WHERE is_current"));
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT effective_to, lead(effective_from) OVER (PARTITION "
            + "BY \"" + key + "\" ORDER BY effective_from) AS next FROM " + f + ") WHERE next IS NOT NULL AND "
            + "effective_to IS DISTINCT FROM next"), "contiguous versions of " + spec.name());
        assertEquals(0, duck.count("SELECT count(*) FROM " + f + " WHERE (effective_to IS NULL) <> is_current"));
      }
    }
    assertTrue(feeds > 0, name + " has a change feed with its cdc recipe");
    assertTrue(plan.tables().stream().anyMatch(t -> t.changeFeed() != null
        && (t.changeFeed().format() == null || t.changeFeed().format() != ChangeFeed.Format.DEBEZIUM)));
  }
}
