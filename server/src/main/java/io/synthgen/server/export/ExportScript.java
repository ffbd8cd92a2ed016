package io.synthgen.server.export;

import io.synthgen.plan.Table;
import io.synthgen.server.catalog.JobRunsSql;
import io.synthgen.server.catalog.PublishSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of an export, in the order they run: the setup (the schema when names are qualified, then the
 * compiler's setup statements), and per table its load, column comments and row-count check. Each format writes
 * these same statements ({@link SqlFileText}, {@link NotebookText}, {@link PySparkText}).
 *
 * @param header comment lines ({@link ExportHeader})
 * @param title the plan's name, for the notebook's title and the script's application name
 */
public record ExportScript(String title, List<String> header, List<String> setup, List<Step> tables) {

  /** One table: where it goes, its exact rows and its statements (load, comments, check). */
  public record Step(String table, String target, long rows, List<String> statements) {
    public Step {
      statements = List.copyOf(statements);
    }
  }

  public ExportScript {
    header = List.copyOf(header);
    setup = List.copyOf(setup);
    tables = List.copyOf(tables);
  }

  /**
   * @param names where the tables go (qualified or the current schema) and their comments and properties
   * @param batch the batch of the plan's series the SQL was compiled for, or null
   * @param batches the series' batches, or null without a series
   * @param version synthgen's version, for the header
   */
  public static ExportScript of(PlanSql sql, PublishSource src, JobRunsSql names, Long batch, Long batches,
      String version) {
    List<String> setup = new ArrayList<>();
    String target = "the current schema";
    if (names.qualified()) {
      setup.add(names.createSchema());
      target = names.display("").replaceAll("\\.$", "");
    }
    setup.addAll(sql.setup());
    List<Step> steps = new ArrayList<>();
    for (PlanSql.Table t : sql.tables()) {
      Table planTable = src.plan().tables().stream().filter(p -> p.name().equals(t.name())).findFirst()
          .orElse(null);
      List<JobRunsSql.ColumnNote> notes = t.columns().stream()
          .map(c -> new JobRunsSql.ColumnNote(c.name(), c.comment())).toList();
      List<String> statements = new ArrayList<>(names.load(t.name(), planTable, t.select(), notes, batch));
      statements.add(names.check(t.name(), t.rows()));
      steps.add(new Step(t.name(), names.display(t.name()), t.rows(), statements));
    }
    return new ExportScript(src.plan().name(), ExportHeader.lines(src, target, batch, batches, sql.tables(),
        version), setup, steps);
  }

  /** Every statement, in order. */
  public List<String> statements() {
    List<String> all = new ArrayList<>(setup);
    tables.forEach(t -> all.addAll(t.statements()));
    return all;
  }
}
