package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Runs each table's statements once its files are uploaded: the load (one statement, so a table is replaced
 * atomically or not at all), the column comments, then a count that must match the run. A failure stops at that
 * table and says which tables were loaded and which still hold their earlier data.
 */
final class TableLoader {

  private final Workspace ws;
  private final Preparation p;
  private final PublishProgress progress;
  private final double start;
  private final Cancellation cancel;

  TableLoader(Workspace ws, Preparation p, PublishProgress progress, double start, Cancellation cancel) {
    this.ws = ws;
    this.p = p;
    this.progress = progress;
    this.start = start;
    this.cancel = cancel;
  }

  void loadAll(List<PublishResult.TableResult> results) {
    int total = p.statementCount();
    int done = 0;
    String wh = p.warehouse().id();
    List<String> loaded = new ArrayList<>();
    for (TableAction t : p.tables()) {
      // announced before the check, so a cancel from the progress callback stops before this table's statements
      progress.update("loading " + t.target(), start + (1 - start) * done / total);
      if (cancel.isCancelled()) {
        throw new CancellationException("cancelled before loading " + t.target() + "; " + loadedSoFar(loaded));
      }
      List<String> sql = t.statements();
      String countSql = sql.get(sql.size() - 1);
      try {
        long before = t.action() == TableAction.Action.APPEND ? count(wh, countSql) : 0;
        ws.execute(wh, sql.get(0), cancel);
        loaded.add(t.target());
        for (int i = 1; i < sql.size() - 1; i++) {
          ws.execute(wh, sql.get(i), cancel);
        }
        long after = count(wh, countSql);
        done += sql.size();
        if (after - before != t.rows()) {
          throw new CatalogException(CatalogException.Kind.STATEMENT_FAILED, String.format(Locale.ROOT,
              "%s has %,d rows after loading, expected %,d", t.target(), after - before, t.rows()),
              "check the table's history (DESCRIBE HISTORY) for a concurrent write, then publish again");
        }
        results.add(new PublishResult.TableResult(t.table(), t.target(), t.action(), t.rows(), after,
            (int) p.uploads().stream().filter(u -> u.table().equals(t.table())).count()));
      } catch (CatalogException e) {
        boolean changed = loaded.contains(t.target());
        throw new CatalogException(e.kind(), "loading " + t.target() + " failed: " + e.getMessage() + "; "
            + (changed ? t.target() + " was loaded but not finished (comments or row count); " : t.target()
                + " keeps its earlier data (if any); ")
            + loadedSoFar(loaded.subList(0, loaded.size() - (changed ? 1 : 0))) + "; tables after it were not "
            + "touched", e.fix() + "; then publish again: the uploaded files in " + p.stagingDir() + " are kept "
            + "and not sent again", e);
      }
    }
  }

  private long count(String wh, String sql) {
    List<List<String>> rows = ws.execute(wh, sql, cancel);
    if (rows.isEmpty() || rows.get(0).isEmpty() || rows.get(0).get(0) == null) {
      throw new CatalogException(CatalogException.Kind.STATEMENT_FAILED, "the row count query returned no value",
          "check the warehouse, then publish again");
    }
    return Long.parseLong(rows.get(0).get(0));
  }

  private static String loadedSoFar(List<String> loaded) {
    return loaded.isEmpty() ? "no table was changed" : "already loaded: " + String.join(", ", loaded);
  }
}
