package io.synthgen.validate;

import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares the rows of a table read back from a run folder with the rows its source makes, cell by cell: for change
 * feeds, states and histories, whose rows are a function of the plan and the batch but have no plan table whose
 * column checks would see them. Rows come in as batches whose row ids number the source's rows in order from 0 (a
 * file's position, or the clean row a feed with defects restores to, so a swapped pair may arrive in either order);
 * the source is recomputed chunk by chunk alongside, so memory stays at a chunk of each. Not thread-safe.
 */
public final class SourceRows {

  /** Source rows recomputed at a time. */
  static final int CHUNK = 4096;

  /**
   * Rows held while waiting for the row before them (a swapped pair straddling two batches read): beyond this many
   * the rows read are out of place and counted as rows the plan does not make there.
   */
  static final int MAX_WAITING = 1 << 16;

  /** Differences named in a failed check. */
  static final int NAMED = 3;

  private final String table;
  private final TableSource source;
  private final List<String> columns = new ArrayList<>();
  private final TreeMap<Long, String[]> waiting = new TreeMap<>();
  private final Deque<String[]> expected = new ArrayDeque<>();
  private final List<String> named = new ArrayList<>();
  private long next;
  private long fetched;
  private long differingRows;
  private long differingCells;
  private long extra;
  private long made;

  /** For the rows written under {@code table} that {@code source} makes, compared on the source's columns. */
  public SourceRows(String table, TableSource source) {
    this.table = table;
    this.source = source;
    for (OutputColumn c : source.columns()) {
      columns.add(c.name());
    }
  }

  /** Rows read back, numbered as the class says. */
  public void accept(Batch b) {
    List<Vec> vecs = new ArrayList<>();
    for (String c : columns) {
      vecs.add(b.names().contains(c) ? b.vector(c) : null);
    }
    for (int i = 0; i < b.size(); i++) {
      String[] row = new String[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = vecs.get(c) == null ? "<no column " + columns.get(c) + ">" : CellText.of(vecs.get(c), i);
      }
      if (b.rows()[i] < next || waiting.put(b.rows()[i], row) != null) {
        extra++; // a row id already compared or read twice: not a row of the plan's order
      }
    }
    drain();
    while (waiting.size() > MAX_WAITING) {
      waiting.pollFirstEntry();
      extra++;
    }
  }

  private void drain() {
    while (!waiting.isEmpty() && waiting.firstKey() == next) {
      String[] row = waiting.pollFirstEntry().getValue();
      String[] want = nextExpected();
      if (want == null) {
        extra++;
      } else {
        compare(next, row, want);
      }
      next++;
    }
  }

  private String[] nextExpected() {
    if (expected.isEmpty() && fetched < source.rows()) {
      int n = (int) Math.min(CHUNK, source.rows() - fetched);
      Batch c = source.chunk(fetched, n);
      fetched += n;
      List<Vec> vecs = new ArrayList<>();
      for (String col : columns) {
        vecs.add(c.vector(col));
      }
      for (int i = 0; i < c.size(); i++) {
        String[] row = new String[columns.size()];
        for (int k = 0; k < row.length; k++) {
          row[k] = CellText.of(vecs.get(k), i);
        }
        expected.add(row);
      }
    }
    String[] row = expected.pollFirst();
    if (row != null) {
      made++;
    }
    return row;
  }

  private void compare(long row, String[] got, String[] want) {
    boolean differs = false;
    for (int c = 0; c < want.length; c++) {
      if (!Objects.equals(got[c], want[c])) {
        differs = true;
        differingCells++;
        if (named.size() < NAMED) {
          named.add("row " + row + " " + columns.get(c) + ": " + text(got[c]) + " where the plan makes "
              + text(want[c]));
        }
      }
    }
    if (differs) {
      differingRows++;
    }
  }

  private static String text(String s) {
    return s == null ? "NULL" : "'" + s + "'";
  }

  /**
   * The check of everything accepted: {@code values} of {@code table}, passed when the rows read are exactly the
   * rows the plan makes for {@code what} (e.g. "batch 2"), in order.
   */
  public Check finish(String what) {
    long stray = extra + waiting.size();
    waiting.clear();
    long missing = 0;
    while (nextExpected() != null) {
      missing++;
    }
    StringBuilder obs = new StringBuilder();
    if (differingRows > 0) {
      obs.append(differingRows).append(" rows differ (").append(differingCells).append(" cells); first: ")
          .append(String.join("; ", named));
    }
    if (stray > 0) {
      obs.append(obs.length() == 0 ? "" : "; ").append(stray).append(" rows the plan does not make there");
    }
    if (missing > 0) {
      obs.append(obs.length() == 0 ? "" : "; ").append(missing).append(" rows of the plan missing");
    }
    boolean ok = obs.length() == 0;
    return new Check(table, null, "values", "the rows the plan makes for " + what + " (" + made
        + " rows), cell by cell", ok ? "all " + made + " rows equal" : obs.toString(), ok);
  }
}
