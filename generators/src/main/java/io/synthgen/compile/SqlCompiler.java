package io.synthgen.compile;

import io.synthgen.column.ForeignKeyGen;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a resolved plan to Spark SQL whose rows equal the local engine's cell for cell (docs/spark-sql.md): plain
 * SQL, no UDFs, no session settings, the same on open-source Spark and a Databricks SQL warehouse.
 */
public final class SqlCompiler {

  private SqlCompiler() {
  }

  /**
   * The plan's tables as SELECTs. Refused, with every violation at once, for what SQL cannot produce exactly: change
   * feeds and history tables (made by the local engine), a batch outside the series, a weighted foreign key over
   * more than {@link SqlLimits#MAX_WEIGHTED_PARENTS} parents, a SELECT longer than {@link
   * SqlLimits#MAX_STATEMENT_CHARS}.
   */
  public static CompiledPlan compile(ResolvedPlan plan, SqlOptions options) throws PlanException {
    List<Violation> violations = new ArrayList<>();
    check(plan, options, violations);
    if (!violations.isEmpty()) {
      throw new PlanException(violations);
    }
    List<CompiledTable> tables = new ArrayList<>();
    for (ResolvedTable t : plan.tables()) {
      List<CompiledColumn> columns = new ArrayList<>();
      for (ResolvedColumn c : t.outputColumns()) {
        columns.add(new CompiledColumn(c.name(), c.spec().type(), io.synthgen.column.ValueSql.sparkType(c.spec().type()), c.spec().note()));
      }
      CompiledTable compiled = new CompiledTable(plan, t, options, columns);
      long bytes = SqlLimits.bytes(compiled.select());
      if (bytes > SqlLimits.MAX_STATEMENT_CHARS) {
        violations.add(new Violation("tables[" + plan.plan().tables().indexOf(t.spec()) + "]", t.name(),
            String.format(Locale.ROOT, "%s compiles to a SELECT of %,d bytes (UTF-8); a statement has at most %,d. "
                + "Its constants are written into the statement: the buckets of a date_range with a time profile "
                + "(one per interval step of the range), value lists, dictionaries and weighted foreign keys' "
                + "parents", t.name(), bytes, SqlLimits.MAX_STATEMENT_CHARS), "shorten the longest of those: a "
                + "profiled date_range over fewer years or with a coarser interval (e.g. 1d instead of 1h), shorter "
                + "value lists, fewer weighted parents; or generate the plan locally (write_to_uc engine upload)"));
      }
      tables.add(compiled);
    }
    if (!violations.isEmpty()) {
      throw new PlanException(violations);
    }
    return new CompiledPlan(tables, List.of(), PlanCodec.write(plan.plan()));
  }

  private static void check(ResolvedPlan plan, SqlOptions options, List<Violation> out) {
    if (options.batch() != null && options.batch() > 0) {
      if (plan.series() == null) {
        out.add(new Violation("series", String.valueOf(options.batch()), "the plan has no series, so it has no batch "
            + options.batch(), "compile without a batch"));
      } else if (options.batch() >= plan.series().batches()) {
        out.add(new Violation("series.batches", String.valueOf(options.batch()), "the series has batches 0 to "
            + (plan.series().batches() - 1), "choose a batch below " + plan.series().batches()));
      }
    }
    List<Table> specs = plan.plan().tables();
    for (int ti = 0; ti < specs.size(); ti++) {
      Table spec = specs.get(ti);
      if (!spec.generated()) {
        out.add(new Violation("tables[" + ti + "].history", spec.name(), "a history table is made from its source's "
            + "change feed by the local engine; the SQL compiler makes generated tables", "generate it locally, or "
            + "drop the history table from the plan to compile"));
      }
      if (spec.changeFeed() != null) {
        out.add(new Violation("tables[" + ti + "].change_feed", spec.name(), "a change feed is made by the local "
            + "engine; the SQL compiler makes snapshot tables and batches of a series", "generate the feed locally, "
            + "or drop change_feed to compile"));
      }
    }
    if (!out.isEmpty()) {
      return;
    }
    for (ResolvedTable t : plan.tables()) {
      for (ResolvedColumn c : t.columns()) {
        if (c.generator() instanceof ForeignKeyGen fk && fk.distribution() instanceof FkDistribution.Weighted) {
          if (fk.parentCount() > SqlLimits.MAX_WEIGHTED_PARENTS) {
            out.add(new Violation("tables[" + specs.indexOf(t.spec()) + "].columns[" + c.position() + "].distribution",
                "weighted", String.format(Locale.ROOT, "in SQL a weighted foreign key weighs at most %,d parent rows "
                + "(its weights are written into the statement); %s has %,d", SqlLimits.MAX_WEIGHTED_PARENTS,
                fk.parentTable(), fk.parentCount()), "use {\"type\": \"zipf\"} for a skew over more parents, or "
                + "generate the plan locally"));
          } else {
            // the weights are the parent column as the parent writes it in batch 0, read once as the engine does
            fk.prepareSql(new TableEvaluator(plan, t, new long[0], 0));
          }
        }
      }
    }
  }
}
