package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Generates the tables inside a Databricks SQL warehouse: per table one {@code CREATE OR REPLACE TABLE … AS SELECT}
 * of the plan compiled to Spark SQL, so no row is made on this machine and nothing is uploaded. Like
 * {@link Publisher}, {@link #prepare} only reads the workspace (the dry run) and {@link #execute} carries it out:
 * the schema is created if missing, each table is made by one statement (Delta replaces it atomically: a failed
 * statement leaves the earlier version of that table as it was), its column comments are set and its row count is
 * checked against the plan's exact count.
 */
public final class WarehouseGeneration {

  /**
   * Largest statement sent, in UTF-8 bytes: the Statement Execution API refuses statements over 16 MiB. A compiled
   * table carries its dictionaries, weights and time profiles as literals, so a plan with very large ones can exceed
   * it; that is refused before anything is changed.
   */
  public static final int MAX_STATEMENT_BYTES = 16 << 20;

  private final Workspace ws;

  public WarehouseGeneration(Workspace ws) {
    this.ws = ws;
  }

  /**
   * Reads the workspace and plans the statements; refuses (CONFLICT) what the mode forbids and (INVALID) a statement
   * over {@link #MAX_STATEMENT_BYTES}, before any change.
   *
   * @param tables the compiled tables, in plan order
   * @param setup statements the compiled plan runs once before the tables
   */
  public WarehousePreparation prepare(PublishRequest req, PublishSource src, List<WarehouseTable> tables,
      List<String> setup) {
    if (req.target() != PublishRequest.Target.TABLES) {
      throw new IllegalArgumentException("a warehouse generates Delta tables, not files");
    }
    List<String> oversized = oversized(req, src, tables, setup);
    if (!oversized.isEmpty()) {
      throw new CatalogException(CatalogException.Kind.INVALID, String.join("; ", oversized), TOO_LARGE_FIX);
    }
    String c = req.catalog();
    String s = req.schema();
    if (!ws.catalogExists(c)) {
      throw new CatalogException(CatalogException.Kind.NOT_FOUND, "the catalog '" + c + "' does not exist in "
          + ws.host() + " or you cannot see it", "ask the person for an existing catalog they can write to "
          + "(synthgen never creates catalogs); `SHOW CATALOGS` lists them");
    }
    boolean schemaExists = ws.schemaExists(c, s);
    Warehouses.Choice choice = Warehouses.choose(ws.warehouses(), req.warehouseId(), ws.host());
    List<TableAction> actions = new ArrayList<>();
    List<String> replaces = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (WarehouseTable wt : tables) {
      Table t = table(src, wt.name());
      TableStatements st = new TableStatements(c, s, t);
      Optional<RemoteTable> existing = schemaExists ? ws.table(c, s, t.name()) : Optional.empty();
      String display = c + "." + s + "." + t.name();
      List<String> sql = new ArrayList<>();
      TableAction.Action action;
      if (req.mode() == PublishRequest.Mode.APPEND && existing.isPresent()) {
        List<String> diff = st.mismatches(existing.get());
        if (!diff.isEmpty()) {
          problems.add(display + " does not match the plan: " + String.join("; ", diff));
        }
        action = TableAction.Action.APPEND;
        sql.add(st.insertFrom(wt.query()));
      } else {
        if (existing.isPresent() && req.mode() == PublishRequest.Mode.FAIL_IF_EXISTS) {
          problems.add(display + " already exists");
        }
        action = existing.isPresent() ? TableAction.Action.REPLACE : TableAction.Action.CREATE;
        if (existing.isPresent()) {
          replaces.add(display);
        }
        sql.add(st.createFrom(req.mode() == PublishRequest.Mode.OVERWRITE, PrepareTables.comment(src, t),
            Publisher.properties(src), wt.query()));
        sql.addAll(st.columnComments());
      }
      sql.add(st.count());
      actions.add(new TableAction(t.name(), display, action, wt.rows(), sql));
    }
    if (!problems.isEmpty()) {
      String fix = req.mode() == PublishRequest.Mode.APPEND
          ? "append only to tables with the plan's columns and types: write to another schema, or use mode "
              + "overwrite to replace them (with the person's confirmation)"
          : "ask the person: write with mode overwrite to replace them (they must confirm), append to add rows, "
              + "or choose another schema";
      throw new CatalogException(CatalogException.Kind.CONFLICT, "nothing was changed: " + String.join("; ",
          problems), fix);
    }
    Preparation p = new Preparation(req, src, choice.warehouse(), choice.reason(), !schemaExists, false, List.of(),
        null, actions, req.mode() == PublishRequest.Mode.OVERWRITE ? replaces : List.of(), List.of());
    return new WarehousePreparation(p, setup);
  }

  /**
   * Carries out a preparation: the schema if missing, the setup statements, then table after table in plan order.
   *
   * @param confirmed the person confirmed replacing what {@link Preparation#replaces()} lists
   * @throws CatalogException on failure, saying which tables were made and which keep their earlier data
   */
  public PublishResult execute(WarehousePreparation wp, boolean confirmed, PublishProgress progress,
      Cancellation cancel) {
    Preparation p = wp.tables();
    if (!p.replaces().isEmpty() && !confirmed) {
      throw new CatalogException(CatalogException.Kind.CONFLICT, "generating would replace " + String.join(", ",
          p.replaces()), "ask the person whether to replace them, and write again with their confirmation");
    }
    if (cancel.isCancelled()) {
      throw new CancellationException("cancelled before generating; nothing was changed");
    }
    long start = System.nanoTime();
    PublishRequest r = p.request();
    if (p.createSchema()) {
      try {
        ws.createSchema(r.catalog(), r.schema(), "Synthetic data generated by synthgen");
      } catch (CatalogException e) {
        if (e.kind() != CatalogException.Kind.CONFLICT) {
          throw e;
        }
        // created by someone else since prepare looked: what we wanted exists
      }
    }
    for (String sql : wp.setup()) {
      progress.update("preparing the warehouse", 0);
      try {
        ws.execute(p.warehouse().id(), sql, cancel);
      } catch (CatalogException e) {
        throw new CatalogException(e.kind(), "the plan's setup statement failed before any table was made: "
            + e.getMessage() + "; no table was changed", e.fix() + "; then write again", e);
      }
    }
    List<PublishResult.TableResult> results = new ArrayList<>();
    new TableLoader(ws, p, progress, 0, cancel).loadAll(results);
    progress.update("done", 1.0);
    return new PublishResult(p, results, 0, 0, 0, List.of(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Why a plan is not generated in a warehouse, or empty when it is: a series is written batch by batch, and injected
   * data-quality defects are made by the local engine only, so either is generated here and uploaded.
   */
  public static Optional<String> unsupported(Plan plan) {
    if (plan.series() != null) {
      return Optional.of("a plan with a series is generated on this machine and uploaded (its batches go to a "
          + "volume with target files and batch)");
    }
    List<String> defective = plan.tables().stream().filter(t -> t.quality() != null).map(Table::name).toList();
    if (!defective.isEmpty()) {
      return Optional.of("injected data-quality defects (" + String.join(", ", defective) + ") are made by the "
          + "local engine only, so these tables are generated on this machine and uploaded");
    }
    return Optional.empty();
  }

  /** Every statement over {@link #MAX_STATEMENT_BYTES}, one message each (table, size, limit); empty when none. */
  public static List<String> oversized(PublishRequest req, PublishSource src, List<WarehouseTable> tables,
      List<String> setup) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < setup.size(); i++) {
      long n = utf8Length(setup.get(i));
      if (n > MAX_STATEMENT_BYTES) {
        out.add(String.format(Locale.ROOT, "setup statement %d is %,d bytes of SQL", i + 1, n));
      }
    }
    for (WarehouseTable wt : tables) {
      TableStatements st = new TableStatements(req.catalog(), req.schema(), table(src, wt.name()));
      String sql = req.mode() == PublishRequest.Mode.APPEND ? st.insertFrom(wt.query())
          : st.createFrom(true, PrepareTables.comment(src, table(src, wt.name())), Publisher.properties(src),
              wt.query());
      long n = utf8Length(sql);
      if (n > MAX_STATEMENT_BYTES) {
        out.add(String.format(Locale.ROOT, "the statement that makes %s is %,d bytes of SQL", wt.name(), n));
      }
    }
    if (!out.isEmpty()) {
      out.add(String.format(Locale.ROOT, "a SQL warehouse takes statements of at most %,d bytes (16 MiB)",
          MAX_STATEMENT_BYTES));
    }
    return out;
  }

  /** What to do about a statement over the limit. */
  public static final String TOO_LARGE_FIX = "generate the rows on this machine and upload them instead (write_to_uc "
      + "with engine: upload), or make the table's large dictionaries, value lists or weighted parents smaller";

  static long utf8Length(String s) {
    long n = s.length();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 0x80) {
        // what the UTF-8 encoder writes; a surrogate pair is 4 bytes, 2 per char
        n += ch < 0x800 ? 1 : Character.isSurrogate(ch) ? 1 : 2;
      }
    }
    return n;
  }

  private static Table table(PublishSource src, String name) {
    return src.plan().tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("the compiled plan has a table " + name + " that the plan does not"));
  }
}
