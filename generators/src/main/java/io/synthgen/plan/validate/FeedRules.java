package io.synthgen.plan.validate;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import java.math.BigInteger;
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
      if (t.perParent() != null && t.perParent().table() != null) {
        Table parent = v.tables.get(t.perParent().table());
        if (parent != null && parent.changeFeed() != null) {
          out.add(path + ".per_parent.table", parent.name(), "no table is generated per row of a table with a "
              + "change feed: its rows are inserted, updated and deleted by batch", "remove per_parent from "
              + t.name() + " and make its key to " + parent.name() + " a foreign_key to " + parent.name() + "."
              + (parent.primaryKey() == null ? "<its primary key>" : parent.primaryKey()));
        }
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
    if (f.rowsPerBatch() < 1 || f.rowsPerBatch() > PlanLimits.MAX_FEED_ROWS_PER_BATCH) {
      out.add(path + ".rows_per_batch", f.rowsPerBatch(), "rows_per_batch must be between 1 and "
          + PlanLimits.MAX_FEED_ROWS_PER_BATCH, f.rowsPerBatch() < 1 ? "use 1 or more operations per batch"
              : "use at most " + PlanLimits.MAX_FEED_ROWS_PER_BATCH + " operations per batch");
    }
    boolean weightsOk = weights(f.weights(), path + ".weights");
    changes(t, f, path, weightsOk && f.weights().update() > 0);
    columns(t, f, path);
    if (v.plan.series() != null && v.plan.series().batches() >= 1
        && v.plan.series().batches() <= PlanLimits.MAX_BATCHES && f.rowsPerBatch() >= 1) {
      // every operation of batches 1 .. batches-1 an APPEND at most: the keys the feed can reach
      BigInteger rows = BigInteger.valueOf(Math.max(0, t.rows())).add(BigInteger.valueOf(f.rowsPerBatch())
          .multiply(BigInteger.valueOf(v.plan.series().batches() - 1)));
      new SeriesKeys(v).check(t, tp, rows, "rows + rows_per_batch x " + (v.plan.series().batches() - 1)
          + " later batches");
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

  private void name(Table t, ChangeFeed f, String path) {
    if (f.name() == null) {
      return; // a table without a name is reported at its name
    }
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
        out.missing(path + ".changes", "no column of " + t.name() + " can change: every column is a key, derived "
            + "or constant", "list the columns an UPDATE draws anew in \"changes\", or set \"update\": 0");
      }
      return;
    }
    if (updates && f.changes().isEmpty()) {
      out.add(path + ".changes", f.changes(), "UPDATEs change no column", "list the columns an UPDATE draws anew, "
          + "or set the weight \"update\": 0");
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
        // a listed expression is computed anew at the UPDATE's version row (its random draws, batch()), reading
        // the columns it depends on as they are in that version: how a status changes by batch
        String why = c.gen() instanceof ColumnGen.Expression ? null : SeriesDefaults.changeable(t, c);
        if (why != null) {
          out.add(p, n, "an UPDATE cannot draw " + n + " anew: " + why, "remove " + n + " from changes");
        }
      }
    }
  }

  private void columns(Table t, ChangeFeed f, String path) {
    boolean plain = f.format() == ChangeFeed.Format.PLAIN;
    if (!plain) {
      if (!"APPEND".equals(f.appendAs())) {
        out.add(path + ".append_as", f.appendAs(), "append_as names the plain format's operation; "
            + format(f) + " writes its own", "remove \"append_as\", or use \"format\": \"plain\"");
      }
      String[][] named = {{"operation_column", f.operationColumn(), ChangeFeed.DEFAULT_OPERATION_COLUMN},
          {"sequence_column", f.sequenceColumn(), ChangeFeed.DEFAULT_SEQUENCE_COLUMN}};
      for (String[] n : named) {
        if (n[1] != null && !n[1].equals(n[2])) {
          out.add(path + "." + n[0], n[1], n[0] + " names a column of the plain format; " + format(f)
              + " writes its own", "remove \"" + n[0] + "\", or use \"format\": \"plain\"");
        }
      }
      if (f.format() == ChangeFeed.Format.DELTA_CDF) {
        for (String reserved : DELTA_CDF_COLUMNS) {
          Column c = PlanValidator.column(t, reserved);
          if (c != null && !c.omit()) {
            out.add(v.tablePath(t) + ".columns[" + t.columns().indexOf(c) + "].name", reserved, "a delta_cdf feed "
                + "adds column " + reserved, "rename the column");
          }
        }
      }
      return;
    }
    String[][] named = {{"operation_column", f.operationColumn()}, {"sequence_column", f.sequenceColumn()}};
    for (String[] n : named) {
      if (n[1] == null) {
        continue; // reported by the codec
      }
      if (!PlanValidator.IDENTIFIER.matcher(n[1]).matches() || n[1].length() > PlanLimits.MAX_NAME_LENGTH) {
        out.add(path + "." + n[0], n[1], "a column name starts with a letter or '_', then letters, digits or '_'",
            "use e.g. \"" + (n[0].startsWith("op") ? ChangeFeed.DEFAULT_OPERATION_COLUMN
                : ChangeFeed.DEFAULT_SEQUENCE_COLUMN) + "\"");
        continue;
      }
      for (Column c : t.columns()) {
        if (c.name() != null && !c.omit() && c.name().equalsIgnoreCase(n[1])) {
          out.add(path + "." + n[0], n[1], "the feed's " + n[0] + " " + n[1] + " is a column of " + t.name(),
              "name it e.g. \"_" + n[1] + "\", or rename the column");
        }
      }
    }
    if (f.operationColumn() != null && f.operationColumn().equalsIgnoreCase(f.sequenceColumn())) {
      out.add(path + ".sequence_column", f.sequenceColumn(), "operation_column and sequence_column are the same "
          + "column", "give them different names");
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
