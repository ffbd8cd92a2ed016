package io.synthgen.draft;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Defect;
import io.synthgen.plan.History;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.plan.validate.SeriesDefaults;
import io.synthgen.plan.validate.TimeSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The incremental side of a plan in words, for the rendered plan: the series ({@code 5 batches, 1 day each, from
 * 2024-01-01}), each table's part in it (static, append, change feed, history) and its injected defects. Defaults
 * the plan leaves out (a feed's changed columns, an append table's advancing columns) are shown as they apply
 * ({@link SeriesDefaults}, which the validator and the engine read too).
 */
public final class SeriesText {

  private SeriesText() {
  }

  /** The series line, e.g. {@code 5 batches, 1 day each, from 2024-01-01}. */
  public static String series(Series s) {
    return String.format(Locale.ROOT, "%,d batch%s, %s each, from %s", s.batches(), s.batches() == 1 ? "" : "es",
        s.interval(), s.start());
  }

  /**
   * The plan's series line, a start relative to the reference date shown with the day it is: {@code 5 batches,
   * 1 day each, from ref-5d (2024-12-27)}.
   */
  public static String series(Plan p) {
    Series s = p.series();
    TimeSpec.Instant start = TimeSpec.instant(s.start());
    if (start == null || !start.relative() || p.referenceDate() == null) {
      return series(s);
    }
    java.time.LocalDateTime at = start.resolve(p.referenceDate());
    return series(s) + " (" + (start.dateOnly() ? at.toLocalDate().toString() : at.toString().replace('T', ' '))
        + ")";
  }

  /**
   * The table's part in the series, or null for a plan without one: {@code static: batch 0 only}, {@code 10,000
   * rows per batch, reading_ts advances 1 day per batch}, {@code customers_cdc: full load 100,000 then 10,000 per
   * batch, APPEND/UPDATE/DELETE 50/30/10, changes email, address}, {@code devices_history: SCD2 of devices}.
   */
  public static String batchRole(Plan plan, Table t, long rows) {
    History h = t.history();
    if (h != null) {
      return t.name() + ": SCD2 of " + h.of() + " (its columns + " + History.EFFECTIVE_FROM + ", "
          + History.EFFECTIVE_TO + ", " + History.IS_CURRENT + "; the history after each batch)";
    }
    Series s = plan.series();
    if (s == null) {
      return null;
    }
    ChangeFeed f = t.changeFeed();
    if (f != null) {
      ChangeFeed.Weights w = f.weights() != null ? f.weights() : ChangeFeed.Weights.GENERIC;
      String name = f.name() != null ? f.name() : ChangeFeed.defaultName(t.name());
      StringBuilder b = new StringBuilder(name).append(": full load ")
          .append(String.format(Locale.ROOT, "%,d then %,d per batch, ", rows, f.rowsPerBatch()))
          .append(appendName(f)).append("/UPDATE/DELETE ").append(number(w.append())).append('/')
          .append(number(w.update())).append('/').append(number(w.delete()));
      List<String> changes = SeriesDefaults.changes(t);
      b.append(", changes ").append(changes.isEmpty() ? "none" : String.join(", ", changes));
      ChangeFeed.Format format = f.format() != null ? f.format() : ChangeFeed.Format.PLAIN;
      b.append(", ").append(formatText(format, f));
      return b.toString();
    }
    if (SeriesDefaults.appends(plan, t)) {
      // a per_parent child of an append table appends too, whatever its own mode
      List<String> advance = SeriesDefaults.advance(plan, t);
      String moves = advance.isEmpty() ? "no column advances"
          : String.join(", ", advance) + (advance.size() == 1 ? " advances " : " advance ") + s.interval()
              + " per batch";
      return String.format(Locale.ROOT, "%,d rows per batch (keys continue), %s", rows, moves);
    }
    return "static: batch 0 only";
  }

  /** The defects injected into the table, e.g. {@code email nulls 2%, duplicates 4% (ground truth: customers_defects)}. */
  public static String quality(Table t) {
    Quality q = t.quality();
    if (q == null || q.defects().isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Defect d : q.defects()) {
      parts.add(defect(d));
    }
    String truth = q.groundTruth() == Quality.GroundTruth.COLUMNS ? "a _defects column" : truthTable(t);
    return String.join(", ", parts) + " (ground truth: " + truth + ")";
  }

  /**
   * The sidecar ground truth a run writes for the table: {@code <output>_defects}, the output being the table's
   * change feed when it has one (a feed table writes its feed, not its rows), else the table.
   */
  public static String truthTable(Table t) {
    if (t.changeFeed() == null) {
      return t.name() + "_defects";
    }
    String feed = t.changeFeed().name();
    return (feed == null ? io.synthgen.plan.ChangeFeed.defaultName(t.name()) : feed) + "_defects";
  }

  /** One defect, e.g. {@code email nulls 2%}, {@code reading_ts jitter ±60 seconds}. */
  public static String defect(Defect d) {
    String rate = percent(d.rate());
    if (d instanceof Defect.Nulls n) {
      return String.join(", ", n.columns()) + " nulls " + rate;
    }
    if (d instanceof Defect.Duplicates) {
      return "duplicates " + rate;
    }
    if (d instanceof Defect.NearDuplicates n) {
      return "near duplicates " + rate + " (" + String.join(", ", n.columns()) + ")";
    }
    if (d instanceof Defect.Jitter j) {
      return j.column() + " jitter ±" + j.max() + " " + rate;
    }
    if (d instanceof Defect.VeryLate v) {
      return v.column() + " very late up to " + v.max() + " " + rate;
    }
    if (d instanceof Defect.OutOfOrder) {
      return "out of order " + rate;
    }
    if (d instanceof Defect.CaseNoise c) {
      return String.join(", ", c.columns()) + " case noise " + rate;
    }
    if (d instanceof Defect.Whitespace w) {
      return String.join(", ", w.columns()) + " whitespace " + rate;
    }
    if (d instanceof Defect.DateFormats f) {
      return f.column() + " mixed date formats " + rate + " (" + String.join(", ", f.formats()) + ")";
    }
    if (d instanceof Defect.OutOfRange o) {
      return o.column() + " out of range " + rate + (o.factor() != null ? " (×" + number(o.factor()) + ")"
          : " (= " + number(o.value()) + ")");
    }
    if (d instanceof Defect.Orphans o) {
      return o.column() + " orphan keys " + rate;
    }
    throw new IllegalStateException("a defect without text: " + d);
  }

  private static String appendName(ChangeFeed f) {
    return "INSERT".equalsIgnoreCase(f.appendAs()) ? "INSERT" : "APPEND";
  }

  private static String formatText(ChangeFeed.Format format, ChangeFeed f) {
    switch (format) {
      case PLAIN:
        return "columns " + (f.operationColumn() != null ? f.operationColumn() : ChangeFeed.DEFAULT_OPERATION_COLUMN)
            + ", " + (f.sequenceColumn() != null ? f.sequenceColumn() : ChangeFeed.DEFAULT_SEQUENCE_COLUMN);
      case DELTA_CDF:
        return "Delta change data feed columns (_change_type, _commit_version, _commit_timestamp)";
      case DEBEZIUM:
        return "Debezium envelopes (before, after, op, ts_ms)";
    }
    throw new IllegalStateException("a feed format without text: " + format);
  }

  /** A rate as a percentage: 0.02 → 2%, 0.005 → 0.5%. */
  static String percent(double rate) {
    return number(rate * 100) + "%";
  }

  private static String number(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }
}
