package io.synthgen.plan.validate;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.random.Stream;
import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.series.keys.OperationCounts;
import io.synthgen.series.keys.OperationTimes;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules of change feeds and history tables: a feed needs a primary key, a name no other output takes, weights that
 * make operations, changes an UPDATE can draw anew, column names that do not clash, and a table no other table is
 * generated per row of; a history table reads a table with a feed, one history per feed.
 */
final class FeedRules {

  /** The columns a Delta change data feed adds to the table's. */
  static final List<String> DELTA_CDF_COLUMNS = List.of("_change_type", "_commit_version", "_commit_timestamp");

  private final PlanValidator v;
  private final Issues out;
  /** Every output name (lower case) to what takes it, for the uniqueness of feed and sidecar names. */
  private final Map<String, String> outputs = new HashMap<>();

  private FeedRules(PlanValidator v) {
    this.v = v;
    this.out = v.out;
  }

  static void check(PlanValidator v) {
    new FeedRules(v).run();
  }

  private void run() {
    for (Table t : v.plan.tables()) {
      if (t.name() != null) {
        outputs.putIfAbsent(t.name().toLowerCase(Locale.ROOT), "table " + t.name());
      }
    }
    Map<String, String> histories = new LinkedHashMap<>();
    for (Table t : v.plan.tables()) {
      String path = v.tablePath(t);
      if (t.changeFeed() != null) {
        feed(t, t.changeFeed(), path + ".change_feed");
      }
      if (t.history() != null) {
        history(t, path + ".history.of", histories);
      }
      Table parent = t.perParent() == null || t.perParent().table() == null ? null
          : v.tables.get(t.perParent().table());
      if (parent != null && parent.history() != null && !out.anyAt(path + ".per_parent")) {
        out.add(path + ".per_parent.table", parent.name(), "no table is generated per row of a history table: its "
            + "rows are the versions of " + parent.history().of() + "'s rows", "generate " + t.name()
            + " per row of " + parent.history().of() + " instead");
      }
    }
    for (Table t : v.plan.tables()) {
      if (t.quality() != null && t.quality().groundTruth() == Quality.GroundTruth.SIDECAR && t.generated()) {
        String name = QualityRules.outputName(t) + QualityRules.SIDECAR_SUFFIX;
        String taken = outputs.putIfAbsent(name.toLowerCase(Locale.ROOT), "the ground truth of " + t.name());
        if (taken != null) {
          out.add(v.tablePath(t) + ".quality.ground_truth", "sidecar", "the sidecar " + name + " has the name of "
              + taken, "rename " + taken.replaceFirst("^.* ", "") + ", or use \"ground_truth\": \"columns\"");
        }
      }
    }
  }

  private void feed(Table t, ChangeFeed f, String path) {
    String tp = v.tablePath(t);
    if (t.primaryKey() == null) {
      out.missing(tp + ".primary_key", "a change feed needs a primary key: UPDATEs and DELETEs name the row they "
          + "change by it", "set \"primary_key\" to the column that identifies a row of " + t.name()
          + firstKey(t));
    }
    if (t.perParent() != null) {
      out.add(tp + ".per_parent", t.perParent().table(), "a table with a change feed is not generated per row of "
          + "a parent: its rows are inserted and deleted by batch", "remove per_parent and give " + t.name()
          + " a foreign_key to its parent");
    }
    name(t, f, path);
    if (f.rowsPerBatch() < 0 || f.rowsPerBatch() > PlanLimits.MAX_FEED_ROWS_PER_BATCH) {
      out.add(path + ".rows_per_batch", f.rowsPerBatch(), "rows_per_batch must be between 0 and "
          + PlanLimits.MAX_FEED_ROWS_PER_BATCH, f.rowsPerBatch() < 0 ? "use 1 or more operations per batch"
              : "use at most " + PlanLimits.MAX_FEED_ROWS_PER_BATCH + " operations per batch");
    }
    boolean weightsOk = weights(f.weights(), path + ".weights");
    changes(t, f, path, weightsOk && f.weights().update() > 0);
    columns(t, f, path);
    if (weightsOk) {
      lifecycle(t, f, path);
    }
  }

  /**
   * The key lifecycle of the feed through the last batch of the series: batch 0 loads the rows, every later batch
   * needs U + D live keys ({@link KeyLifecycle#lastFeasibleBatch}), keys and version rows stay in bounds, the
   * table's sequence keys stay in their type, and the batch window holds every row at a distinct microsecond.
   */
  private void lifecycle(Table t, ChangeFeed f, String path) {
    Series series = v.plan.series();
    String tp = v.tablePath(t);
    if (series == null || series.batches() < 1 || series.batches() > PlanLimits.MAX_BATCHES
        || f.rowsPerBatch() < 0 || f.rowsPerBatch() > PlanLimits.MAX_FEED_ROWS_PER_BATCH
        || t.rows() > PlanLimits.MAX_ROWS || out.anyAt(tp + ".rows")) {
      return;
    }
    if (t.rows() < 1) {
      out.add(tp + ".rows", t.rows(), "a table with a change feed needs rows: batch 0 loads them, later batches "
          + "update and delete them", "use rows >= 1");
      return;
    }
    ChangeFeed.Weights w = f.weights();
    OperationCounts counts = OperationCounts.of(w.append(), w.update(), w.delete(), f.rowsPerBatch());
    KeyLifecycle life = KeyLifecycle.of(Stream.root(v.plan.seed()).child(t.name() + "#feed"), t.rows(), counts);
    long last = series.batches() - 1;
    long n = t.rows();
    long a = counts.appends();
    long u = counts.updates();
    long d = counts.deletes();
    if (life.lastFeasibleBatch() < last) {
      long feasible = life.lastFeasibleBatch();
      out.add(path + ".weights", w.append() + "/" + w.update() + "/" + w.delete(), "with " + n + " rows and " + a
          + " APPENDs, " + u + " UPDATEs and " + d + " DELETEs per batch, batch " + (feasible + 1) + " would need "
          + "more live keys than there are (each batch deletes " + d + " and appends " + a + "): the last feasible "
          + "batch is " + feasible + ", the series needs " + last, FeedFeasibility.fixes(t.name(), n, w,
              f.rowsPerBatch(), counts, feasible, last));
      return;
    }
    if (life.lastBatchWithinBounds() < last) {
      out.add(path + ".rows_per_batch", f.rowsPerBatch(), "keys or UPDATE values of batch " + last + " would "
          + "pass 2^62 (the last batch within bounds is " + life.lastBatchWithinBounds() + ")",
          "use fewer batches or fewer operations per batch");
      return;
    }
    new SeriesKeys(v).check(t, tp, BigInteger.valueOf(n).add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(
        last))), "rows + " + a + " APPENDs x " + last + " later batches");
    Duration interval = SeriesDefaults.interval(series);
    if (interval != null) {
      long rows = Math.max(n, counts.rows());
      long need = OperationTimes.minimumIntervalMicros(rows);
      BigInteger micros = BigInteger.valueOf(interval.getSeconds()).multiply(BigInteger.valueOf(1_000_000));
      if (micros.compareTo(BigInteger.valueOf(need)) < 0) {
        out.add("series.interval", series.interval(), "the feed of " + t.name() + " writes " + rows + " operations "
            + "in one batch window, each at its own microsecond: the window is " + micros + " microseconds",
            "lengthen the interval to at least " + SeriesRules.human(Duration.ofSeconds((need + 999_999)
                / 1_000_000)) + ", or fewer rows per batch");
      }
    }
  }

  private static String firstKey(Table t) {
    for (Column c : t.columns()) {
      if (c.gen() instanceof ColumnGen.Sequence || c.gen() instanceof ColumnGen.Uuid) {
        return ", e.g. \"" + c.name() + "\"";
      }
    }
    return " (a sequence or uuid column)";
  }

  private void name(Table t, ChangeFeed given, String path) {
    if (t.name() == null) {
      return; // a table without a name is reported at its name
    }
    ChangeFeed f = given.name() != null ? given : new ChangeFeed(ChangeFeed.defaultName(t.name()),
        given.rowsPerBatch(), given.weights(), given.changes(), given.format(), given.appendAs(),
        given.operationColumn(), given.sequenceColumn());
    if (!PlanValidator.IDENTIFIER.matcher(f.name()).matches() || f.name().length() > PlanLimits.MAX_NAME_LENGTH) {
      out.add(path + ".name", f.name(), "a feed name starts with a letter or '_', then letters, digits or '_' (at "
          + "most " + PlanLimits.MAX_NAME_LENGTH + " characters)", "use e.g. \"" + ChangeFeed.defaultName(
              t.name() == null ? "table" : t.name()) + "\"");
      return;
    }
    String taken = outputs.putIfAbsent(f.name().toLowerCase(Locale.ROOT), "the change feed of " + t.name());
    if (taken != null) {
      out.add(path + ".name", f.name(), "the feed's name is taken by " + taken + " (names are compared ignoring "
          + "case)", "name the feed e.g. \"" + ChangeFeed.defaultName(t.name()) + "\"" + (f.name().equalsIgnoreCase(
              ChangeFeed.defaultName(t.name())) ? ", after renaming " + taken.replaceFirst("^.* ", "") : ""));
    }
  }

  private boolean weights(ChangeFeed.Weights w, String path) {
    boolean ok = true;
    double[] values = {w.append(), w.update(), w.delete()};
    String[] names = {"append", "update", "delete"};
    for (int i = 0; i < 3; i++) {
      if (!(Double.isFinite(values[i]) && values[i] >= 0)) {
        out.add(path + "." + names[i], values[i], "a weight is a finite number >= 0", "use e.g. "
            + (int) new double[] {50, 30, 10}[i]);
        ok = false;
      }
    }
    if (ok && w.append() + w.update() + w.delete() <= 0) {
      out.add(path, "0/0/0", "the weights are all 0: a batch would have no operation", "use e.g. {\"append\": 50, "
          + "\"update\": 30, \"delete\": 10}");
      ok = false;
    }
    return ok;
  }

  private void changes(Table t, ChangeFeed f, String path, boolean updates) {
    if (f.changes() == null) {
      if (updates && SeriesDefaults.changes(t).isEmpty()) {
        out.missing(path + ".changes", "no column of " + t.name() + " changes by default: every output column is a "
            + "key or unique", "list the columns an UPDATE draws anew in \"changes\" (a foreign key may change), "
            + "or set the weight \"update\": 0");
      }
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < PlanValidator.checked(f.changes().size(), PlanLimits.MAX_COLUMNS); i++) {
      String n = f.changes().get(i);
      String p = path + ".changes[" + i + "]";
      if (n.isEmpty()) {
        continue; // reported by the codec
      }
      if (seen.putIfAbsent(n, i) != null) {
        out.add(p, n, "column " + n + " is listed twice", "list each column once");
        continue;
      }
      Column c = PlanValidator.column(t, n);
      if (c == null) {
        out.unknownName(p, n, "changes names no column of " + t.name(), SeriesDefaults.changesCandidates(t),
            "columns an UPDATE can change");
      } else if (c.omit()) {
        out.add(p, n, "column " + n + " is omitted (a helper, not written)", "list output columns; a column "
            + "computed from " + n + " changes with it when listed");
      } else {
        String why = SeriesDefaults.changeable(t, c);
        if (why != null) {
          out.add(p, n, "an UPDATE cannot draw " + n + " anew: " + why, "remove " + n + " from changes; it "
              + "can change: " + Suggest.list(SeriesDefaults.changesCandidates(t)));
        }
      }
    }
  }

  /**
   * The columns the feed adds: the plain format's operation and sequence columns (null: the defaults), delta_cdf's
   * {@link #DELTA_CDF_COLUMNS}; they must not clash with the table's output columns. append_as and the column names
   * apply to the plain format only (delta_cdf and debezium name operations their own way).
   */
  private void columns(Table t, ChangeFeed f, String path) {
    if (f.format() == ChangeFeed.Format.DELTA_CDF) {
      for (String reserved : DELTA_CDF_COLUMNS) {
        Column c = PlanValidator.column(t, reserved);
        if (c != null && !c.omit()) {
          out.add(v.tablePath(t) + ".columns[" + t.columns().indexOf(c) + "].name", reserved, "a delta_cdf feed "
              + "adds column " + reserved, "rename the column");
        }
      }
    }
    if (f.appendAs() != null && !"APPEND".equals(f.appendAs()) && !"INSERT".equals(f.appendAs())) {
      out.add(path + ".append_as", f.appendAs(), "append_as is APPEND or INSERT", "write \"APPEND\" or "
          + "\"INSERT\"");
    }
    String operation = f.operationColumn() == null ? ChangeFeed.DEFAULT_OPERATION_COLUMN : f.operationColumn();
    String sequence = f.sequenceColumn() == null ? ChangeFeed.DEFAULT_SEQUENCE_COLUMN : f.sequenceColumn();
    String[][] named = {{"operation_column", operation}, {"sequence_column", sequence}};
    boolean plain = f.format() == ChangeFeed.Format.PLAIN;
    for (String[] n : named) {
      if (!PlanValidator.IDENTIFIER.matcher(n[1]).matches() || n[1].length() > PlanLimits.MAX_NAME_LENGTH) {
        out.add(path + "." + n[0], n[1], "a column name starts with a letter or '_', then letters, digits or '_'",
            "use e.g. \"" + (n[0].startsWith("op") ? ChangeFeed.DEFAULT_OPERATION_COLUMN
                : ChangeFeed.DEFAULT_SEQUENCE_COLUMN) + "\"");
        continue;
      }
      if (!plain) {
        continue;
      }
      for (Column c : t.columns()) {
        if (c.name() != null && !c.omit() && c.name().equalsIgnoreCase(n[1])) {
          out.add(path + "." + n[0], n[1], "the feed's " + n[0] + " " + n[1] + " is a column of " + t.name(),
              "name it e.g. \"_" + n[1] + "\", or rename the column");
        }
      }
    }
    if (operation.equalsIgnoreCase(sequence)) {
      out.add(path + ".sequence_column", sequence, "operation_column and sequence_column are the same column",
          "give them different names");
    }
  }

  private static String format(ChangeFeed f) {
    return f.format().name().toLowerCase(Locale.ROOT);
  }

  private void history(Table t, String path, Map<String, String> histories) {
    String of = t.history().of();
    if (of == null) {
      return; // reported by the codec
    }
    Table source = v.tables.get(of);
    if (source == null) {
      out.unknownName(path, of, "history of names no table", withFeeds(), "tables with a change feed");
    } else if (source.changeFeed() == null) {
      out.add(path, of, "a history table is made from a change feed and " + of + " has none",
          "add a \"change_feed\" to " + of + ", or name a table with one: " + Suggest.list(withFeeds()));
    } else {
      String first = histories.putIfAbsent(of, v.tablePath(t));
      if (first != null) {
        out.add(path, of, "the history of " + of + " is already " + first, "keep one history table per feed");
      }
    }
  }

  private List<String> withFeeds() {
    List<String> names = new java.util.ArrayList<>();
    for (Table t : v.plan.tables()) {
      if (t.changeFeed() != null && t.name() != null) {
        names.add(t.name());
      }
    }
    return names;
  }
}
