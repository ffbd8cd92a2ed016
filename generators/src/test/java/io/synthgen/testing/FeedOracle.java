package io.synthgen.testing;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.Batches;
import io.synthgen.series.FeedSources;
import io.synthgen.template.Recipes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MERGE oracle's side of synthgen: a template with its change-feed recipe in a chosen feed format, the feeds and
 * history tables of a plan, and batches and snapshots written to Parquet by the engine ({@link Batches#batch},
 * {@link Batches#snapshot}). The SQL that consumes them is {@link MergeSql}; DuckDB (generators) and Spark + Delta
 * (server) run it.
 */
public final class FeedOracle {

  /**
   * Engine threads and chunk rows of the oracle's runs: small chunks, so a feed spans several (and a delta_cdf UPDATE
   * pair or a history key may straddle a chunk boundary).
   */
  static final Engine ENGINE = new Engine(2, 256);

  private FeedOracle() {
  }

  /**
   * A change feed of a plan: its table, the name it is written under, the primary key, its format and (plain) its
   * operation and sequence columns, and the table's output columns (the state's and the target's columns).
   */
  public record Feed(String table, String name, String key, ChangeFeed.Format format, String operation,
      String sequence, List<String> columns) {
  }

  /** A history table of a plan: its name, the table whose feed it versions, that table's key and output columns. */
  public record HistoryTable(String name, String of, String key, List<String> columns) {
  }

  /**
   * A template scaled to {@code rows} main-table rows (the command line's {@code --rows}), with its cdc recipe and
   * every change feed in {@code format}.
   */
  public static Plan cdcTemplate(String template, long rows, ChangeFeed.Format format) {
    try {
      return withFormat(Recipes.cdc(Plans.template(template, rows)), format);
    } catch (PlanException e) {
      throw new AssertionError(template + " with cdc: " + e.getMessage(), e);
    }
  }

  /** The plan with every change feed written in {@code format}. */
  public static Plan withFormat(Plan p, ChangeFeed.Format format) {
    List<Table> tables = new ArrayList<>();
    for (Table t : p.tables()) {
      ChangeFeed f = t.changeFeed();
      tables.add(f == null ? t : t.withChangeFeed(new ChangeFeed(f.name(), f.rowsPerBatch(), f.weights(),
          f.changes(), format, f.appendAs(), f.operationColumn(), f.sequenceColumn())));
    }
    return p.withTables(tables);
  }

  /** The plan's change feeds, in plan order. */
  public static List<Feed> feeds(ResolvedPlan plan) {
    List<Feed> out = new ArrayList<>();
    for (ResolvedTable t : plan.tables()) {
      ChangeFeed f = t.spec().changeFeed();
      if (f != null) {
        ChangeFeed.Format format = f.format() == null ? ChangeFeed.Format.PLAIN : f.format();
        out.add(new Feed(t.name(), f.name() == null ? ChangeFeed.defaultName(t.name()) : f.name(),
            t.spec().primaryKey(), format,
            f.operationColumn() == null ? ChangeFeed.DEFAULT_OPERATION_COLUMN : f.operationColumn(),
            f.sequenceColumn() == null ? ChangeFeed.DEFAULT_SEQUENCE_COLUMN : f.sequenceColumn(),
            names(FeedSources.state(plan, t, 0).columns())));
      }
    }
    return out;
  }

  /** The plan's history tables, in plan order. */
  public static List<HistoryTable> histories(ResolvedPlan plan) {
    List<HistoryTable> out = new ArrayList<>();
    for (ResolvedTable t : plan.tables()) {
      if (t.spec().history() != null) {
        ResolvedTable of = plan.table(t.spec().history().of());
        out.add(new HistoryTable(t.name(), of.name(), of.spec().primaryKey(),
            names(FeedSources.state(plan, of, 0).columns())));
      }
    }
    return out;
  }

  /** The names of the sources an oracle reads: every feed and every history table. */
  public static Set<String> oracleSources(ResolvedPlan plan) {
    Set<String> names = feeds(plan).stream().map(Feed::name).collect(Collectors.toCollection(
        java.util.LinkedHashSet::new));
    histories(plan).forEach(h -> names.add(h.name()));
    return names;
  }

  /** Batch k's feeds and history tables, written by the engine to {@code dir/{name}.parquet}; rows per source. */
  public static Map<String, Long> writeBatch(ResolvedPlan plan, long k, Path dir) throws IOException {
    return write(Batches.batch(plan, k), oracleSources(plan), dir);
  }

  /** The snapshot after k (states under the tables' names, history tables) in {@code dir}; rows per source. */
  public static Map<String, Long> writeSnapshot(ResolvedPlan plan, long k, Path dir) throws IOException {
    return write(Batches.snapshot(plan, k), null, dir);
  }

  /** Writes the sources named in {@code only} (all when null) with the engine; rows per source, in order. */
  public static Map<String, Long> write(List<TableSource> sources, Set<String> only, Path dir) throws IOException {
    List<TableSource> chosen = sources.stream().filter(s -> only == null || only.contains(s.name())).toList();
    if (only != null && chosen.size() != only.size()) {
      throw new AssertionError("the batch wrote " + sources.stream().map(TableSource::name).toList()
          + ", not every one of " + only);
    }
    ENGINE.run(chosen, dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(), null);
    Map<String, Long> rows = new LinkedHashMap<>();
    chosen.forEach(s -> rows.put(s.name(), s.rows()));
    return rows;
  }

  /** The Parquet file of source {@code name} in {@code dir}. */
  public static Path file(Path dir, String name) {
    return dir.resolve(name + ".parquet");
  }

  private static List<String> names(List<OutputColumn> columns) {
    return columns.stream().map(OutputColumn::name).toList();
  }
}
