package io.synthgen.compare;

import io.synthgen.engine.Cancellation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Compares a synthgen run with the source it was planned from: each synthetic table with the source table of the
 * same name (ignoring case and characters other than letters and digits; a source of one table is compared with a run
 * of one table whatever their names). Reads every table once or twice, streaming, with memory bounded by
 * {@link CompareLimits} whatever the row counts.
 */
public final class SourceComparison {

  private SourceComparison() {
  }

  /**
   * Compares the run in {@code runDir} with the source at {@code source} (a Parquet, CSV or JSONL file or a folder
   * of them). {@code cancel} (and the thread's interrupt flag) is polled every few thousand rows; either stops the
   * comparison with a {@link CancellationException}.
   */
  public static ComparisonReport compare(Path source, Path runDir, Cancellation cancel)
      throws IOException, CompareException {
    return compare(source, runDir, CompareLimits.DEFAULT_MIN_COUNT, cancel);
  }

  /**
   * As {@link #compare(Path, Path, Cancellation)}, with {@code minCount} the k of the row check: a synthetic row
   * equal to a combination that at least k source rows share is common, not a reproduced record.
   */
  public static ComparisonReport compare(Path source, Path runDir, int minCount, Cancellation cancel)
      throws IOException, CompareException {
    if (minCount < 1 || minCount > CompareLimits.MAX_MIN_COUNT) {
      throw new CompareException("the row check's k (min count) is " + minCount + "; give a whole number from 1 to "
          + CompareLimits.MAX_MIN_COUNT + " (the largest counts almost every equal row as reproduced)");
    }
    List<RowTable> sources = Sources.source(source);
    List<RowTable> synthetic = Sources.run(runDir);
    Map<RowTable, RowTable> pairs = pair(synthetic, sources);
    if (pairs.isEmpty()) {
      throw new CompareException("no table of the run (" + names(synthetic) + ") has a source table of its name ("
          + names(sources) + "); name the source file or folder the plan was made from");
    }
    List<TableComparison> tables = new ArrayList<>();
    for (Map.Entry<RowTable, RowTable> e : pairs.entrySet()) {
      tables.add(new TableComparer(e.getValue(), e.getKey(), minCount, cancelled(cancel)).compare());
    }
    List<String> unmatched = new ArrayList<>();
    for (RowTable t : synthetic) {
      if (!pairs.containsKey(t)) {
        unmatched.add("synthetic table " + t.name() + " has no source table of its name");
      }
    }
    for (RowTable s : sources) {
      if (!pairs.containsValue(s)) {
        unmatched.add("source table " + s.name() + " (" + s.location() + ") has no synthetic table of its name");
      }
    }
    return new ComparisonReport(source.toString(), runDir.toString(), tables, unmatched);
  }

  private static Runnable cancelled(Cancellation cancel) {
    return () -> {
      if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the comparison was cancelled");
      }
    };
  }

  /** Synthetic table to source table, in the run's order. */
  private static Map<RowTable, RowTable> pair(List<RowTable> synthetic, List<RowTable> sources) {
    Map<RowTable, RowTable> out = new LinkedHashMap<>();
    for (RowTable t : synthetic) {
      sources.stream().filter(s -> s.name().equals(t.name())).findFirst().ifPresent(s -> out.put(t, s));
    }
    // then by a name that normalises alike (case, separators), only where exactly one source table does
    for (RowTable t : synthetic) {
      if (!out.containsKey(t)) {
        List<RowTable> alike = sources.stream().filter(s -> !out.containsValue(s)
            && key(s.name()).equals(key(t.name()))).toList();
        if (alike.size() == 1) {
          out.put(t, alike.get(0));
        }
      }
    }
    if (out.isEmpty() && synthetic.size() == 1 && sources.size() == 1) {
      out.put(synthetic.get(0), sources.get(0));
    }
    return out;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String names(List<RowTable> tables) {
    return String.join(", ", tables.stream().map(RowTable::name).toList());
  }
}
