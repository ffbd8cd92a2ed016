package io.synthgen.plan.validate;

import io.synthgen.plan.Batching;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules of the plan's {@code series} and each table's {@code batch}: a series is required as soon as a table is
 * append, has a change feed or is a history table; its start is an instant, its interval positive, its batches
 * 1..{@value PlanLimits#MAX_BATCHES}. An append table's advance columns are date/timestamp date_range columns that
 * fit in one interval (or expression columns, which the plan asserts do), its keys stay in their type through the
 * last batch; a per_parent child of an append table is append too; a table with a change feed is static (its feed
 * carries the changes).
 */
final class SeriesRules {

  private final PlanValidator v;
  private final Issues out;
  private final Series series;
  private final Duration interval;

  private SeriesRules(PlanValidator v) {
    this.v = v;
    this.out = v.out;
    this.series = v.plan.series();
    this.interval = SeriesDefaults.interval(series);
  }

  static void check(PlanValidator v) {
    new SeriesRules(v).run();
  }

  private void run() {
    if (series == null) {
      required();
    } else {
      series();
    }
    for (Table t : v.plan.tables()) {
      if (t.generated()) {
        batching(t, v.tablePath(t));
      }
    }
  }

  /** Without a series, the first table that needs one is reported at {@code series} with the block to add. */
  private void required() {
    for (Table t : v.plan.tables()) {
      String why = t.history() != null ? "history table " + t.name()
          : t.changeFeed() != null ? "the change feed of " + t.name()
          : t.batching().mode() == Batching.Mode.APPEND ? "append table " + t.name() : null;
      if (why != null) {
        out.missing("series", "a plan with a series of batches (" + why + ", " + v.tablePath(t)
            + ") needs \"series\"", "add \"series\": {\"start\": \"" + start() + "\", \"interval\": \"1 day\", "
            + "\"batches\": " + Series.DEFAULT_BATCHES + "}");
        return;
      }
    }
  }

  /** A start for the fix: the reference date when there is one. */
  private String start() {
    return v.plan.referenceDate() == null ? "2024-01-01" : v.plan.referenceDate().toString();
  }

  private void series() {
    if (series.start() == null) {
      out.missing("series.start", "missing series start", "add \"start\": " + TimeSpec.INSTANT_SYNTAX);
    } else if (TimeSpec.instant(series.start()) == null) {
      out.add("series.start", series.start(), "not an instant", "write " + TimeSpec.INSTANT_SYNTAX);
    }
    if (series.interval() == null) {
      out.missing("series.interval", "missing series interval", "add \"interval\": " + TimeSpec.INTERVAL_SYNTAX);
    } else if (interval == null) {
      out.add("series.interval", series.interval(), "not a positive interval", "write "
          + TimeSpec.INTERVAL_SYNTAX);
    }
    if (series.batches() < 1 || series.batches() > PlanLimits.MAX_BATCHES) {
      out.add("series.batches", series.batches(), "batches must be between 1 and " + PlanLimits.MAX_BATCHES,
          series.batches() < 1 ? "use 1 or more batches" : "plan at most " + PlanLimits.MAX_BATCHES
              + " batches, e.g. with a longer interval");
    }
    end();
  }

  /** The first instant after the last batch's window must stay within the timestamp type: years 0001 to 9999. */
  private void end() {
    TimeSpec.Instant start = TimeSpec.instant(series.start());
    if (start == null || interval == null || series.batches() < 1 || series.batches() > PlanLimits.MAX_BATCHES
        || start.relative() && v.plan.referenceDate() == null) {
      return;
    }
    java.time.LocalDateTime first = start.resolve(v.plan.referenceDate());
    java.time.LocalDateTime limit = java.time.LocalDateTime.of(10_000, 1, 1, 0, 0);
    boolean past;
    try {
      past = first.plus(interval.multipliedBy(series.batches())).isAfter(limit);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      past = true;
    }
    if (past) {
      out.add("series", series.start() + " + " + series.batches() + " x " + series.interval(), "the last batch's "
          + "window ends after 9999-12-31, the last day a date or timestamp holds", "start earlier, or plan fewer "
          + "batches or a shorter interval");
    }
  }

  private void batching(Table t, String path) {
    Batching b = t.batching();
    boolean append = SeriesDefaults.appends(v.plan, t);
    if (b.mode() == Batching.Mode.APPEND && t.changeFeed() != null) {
      out.add(path + ".batch.mode", "append", "a table with a change feed is static: its feed carries its new "
          + "rows (APPENDs) and changes", "remove \"batch\" from " + t.name() + ", or remove its change_feed");
    }
    boolean moves = append || t.changeFeed() != null;
    if (!moves) {
      if (b.advance() != null && !b.advance().isEmpty()) {
        out.add(path + ".batch.advance", b.advance(), "only an append table or a table with a change feed "
            + "advances columns", "set \"mode\": \"append\", or remove \"advance\"");
      }
      return;
    }
    if (b.advance() != null) {
      advance(t, b.advance(), path + ".batch.advance");
    } else if (interval != null && interval.toSeconds() % 86_400 != 0) {
      for (String n : SeriesDefaults.advance(v.plan, t)) {
        Column c = PlanValidator.column(t, n);
        if (c.type().kind() == DataType.Kind.DATE) {
          out.add(path + ".columns[" + t.columns().indexOf(c) + "]", n, "date column " + n + " spans at most one "
              + "interval, so it advances with the batches, but a date moves by whole days and the series "
              + "interval is " + series.interval(), "list the columns that advance in \"batch\": {\"advance\": "
              + "[...]} without " + n + ", or use a series interval of whole days");
        }
      }
    }
    if (!append) {
      return;
    }
    if (series != null && series.batches() >= 1 && series.batches() <= PlanLimits.MAX_BATCHES) {
      new SeriesKeys(v).check(t, path, BigInteger.valueOf(t.rows()).multiply(BigInteger.valueOf(series.batches())),
          "rows x " + series.batches() + " batches");
    }
  }

  private void advance(Table t, List<String> names, String path) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < PlanValidator.checked(names.size(), PlanLimits.MAX_COLUMNS); i++) {
      String n = names.get(i);
      String p = path + "[" + i + "]";
      Column c = PlanValidator.column(t, n);
      if (n.isEmpty()) {
        continue; // reported by the codec
      }
      if (!seen.add(n.toLowerCase(Locale.ROOT))) {
        out.add(p, n, "column " + n + " is listed twice", "list each column once");
        continue;
      }
      if (c == null) {
        out.unknownName(p, n, "advance names no column of " + t.name(), dateRanges(t), "its date_range columns");
        continue;
      }
      boolean range = c.gen() instanceof ColumnGen.DateRange;
      if (!(range || c.gen() instanceof ColumnGen.Expression) || c.type() == null || !c.type().isTemporal()) {
        out.add(p, n, "an advancing column is a date or timestamp date_range or expression column (this is "
            + (c.type() == null ? "untyped" : c.type() + " " + (c.gen() == null ? "" : c.gen().strategy())) + ")",
            "list date or timestamp date_range (or expression) columns only");
        continue;
      }
      if (interval == null) {
        continue;
      }
      if (c.type().kind() == DataType.Kind.DATE && interval.toSeconds() % 86_400 != 0) {
        out.add(p, n, "date column " + n + " can only advance by whole days, the series interval is "
            + series.interval(), "use a series interval of whole days, or a timestamp column");
        continue;
      }
      Duration span = range ? SeriesDefaults.span(v.plan.referenceDate(), c) : null;
      if (span != null && span.compareTo(interval) > 0) {
        out.add(p, n, "the range of " + n + " spans " + human(span) + ", more than the series interval "
            + series.interval() + ": two batches would share values", "narrow its range to at most "
            + series.interval() + " (end at or before start + " + series.interval() + "), or lengthen the interval");
      }
    }
  }

  private static List<String> dateRanges(Table t) {
    List<String> names = new java.util.ArrayList<>();
    for (Column c : t.columns()) {
      if (c.name() != null && c.gen() instanceof ColumnGen.DateRange) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** A duration for a message: days, hours, minutes and seconds as far as they are not zero. */
  static String human(Duration d) {
    StringBuilder b = new StringBuilder();
    long s = d.getSeconds();
    long[] units = {86_400, 3_600, 60, 1};
    String[] names = {"day", "hour", "minute", "second"};
    for (int i = 0; i < units.length; i++) {
      long n = s / units[i];
      s %= units[i];
      if (n > 0) {
        b.append(b.length() == 0 ? "" : " ").append(n).append(' ').append(names[i]).append(n == 1 ? "" : "s");
      }
    }
    return b.length() == 0 ? d.toString() : b.toString();
  }
}
