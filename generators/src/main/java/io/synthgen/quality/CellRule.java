package io.synthgen.quality;

import io.synthgen.validate.CellText;
import io.synthgen.plan.DefectKind;
import io.synthgen.column.Instants;
import io.synthgen.plan.Column;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Table;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell defect on one column, resolved: a row at output-independent position p is picked when
 * {@code pick.uniformAt(p) < rate}; amounts (jitter seconds, hours late, the format, the orphan) come from a second
 * stream {@code amount}. Only cells whose text changes are altered and recorded; NULL cells are left alone.
 */
final class CellRule {

  /** Receives each change: the clean row index in the chunk, the texts before and after. */
  interface Sink {
    void changed(int index, DefectKind kind, String column, String before, String after);
  }

  final DefectKind kind;
  final String column;
  private final double rate;
  private final Stream pick;
  private final Stream amount;
  private final DataType type;
  private long jitterSeconds;
  private long lateHours;
  private Double value;
  private Double factor;
  private List<DateTimeFormatter> formats;
  private OrphanKeys orphans;

  CellRule(ResolvedPlan plan, Table table, Defect d, String column, Stream defects) {
    this.kind = DefectKind.of(d);
    this.column = column;
    this.rate = d.rate();
    this.pick = defects.child(kind.id()).child(column);
    this.amount = pick.child("amount");
    Column c = table.column(column).orElseThrow(() -> new IllegalArgumentException(kind.id() + " on "
        + table.name() + ": no column " + column + "; columns are " + table.columns().stream().map(Column::name)
        .toList()));
    this.type = c.type();
    String where = kind.id() + " on " + table.name() + "." + column + ": ";
    if (d instanceof Defect.Nulls) {
      return;
    }
    if (d instanceof Defect.CaseNoise || d instanceof Defect.Whitespace) {
      require(type.kind() == DataType.Kind.STRING, where + "the column is " + type + "; it applies to strings");
    } else if (d instanceof Defect.Jitter j) {
      require(type.kind() == DataType.Kind.TIMESTAMP, where + "the column is " + type + "; it applies to timestamps");
      jitterSeconds = Instants.intervalMicros(j.max() == null ? Defect.Jitter.DEFAULT_MAX : j.max())
          / Instants.MICROS_PER_SECOND;
      require(jitterSeconds >= 1, where + "max must be at least 1 second");
    } else if (d instanceof Defect.VeryLate v) {
      require(type.kind() == DataType.Kind.TIMESTAMP, where + "the column is " + type + "; it applies to timestamps");
      lateHours = Instants.intervalMicros(v.max() == null ? Defect.VeryLate.DEFAULT_MAX : v.max())
          / Instants.MICROS_PER_HOUR;
      require(lateHours >= 1, where + "max must be at least 1 hour");
    } else if (d instanceof Defect.DateFormats f) {
      require(type.isTemporal(), where + "the column is " + type + "; it applies to dates and timestamps");
      List<String> patterns = f.formats().isEmpty() ? Defect.DateFormats.DEFAULT_FORMATS : f.formats();
      formats = new ArrayList<>();
      for (String p : patterns) {
        DateTimeFormatter fmt;
        try {
          fmt = DateTimeFormatter.ofPattern(p, Locale.US);
          fmt.format(type.kind() == DataType.Kind.DATE ? LocalDate.of(2024, 1, 2) : LocalDateTime.of(2024, 1, 2, 3,
              4, 5));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(where + "format '" + p + "' does not format a " + type + ": "
              + e.getMessage());
        }
        formats.add(fmt);
      }
    } else if (d instanceof Defect.OutOfRange o) {
      require(type.isNumeric(), where + "the column is " + type + "; it applies to numbers");
      require((o.value() == null) != (o.factor() == null), where + "give exactly one of value and factor");
      value = o.value();
      factor = o.factor();
    } else if (d instanceof Defect.Orphans) {
      orphans = new OrphanKeys(plan, table, c);
    } else {
      throw new IllegalArgumentException(where + "not a cell defect");
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Applies the defect to the mutable vector {@code v} of a chunk starting at position {@code first}; returns the
   * vector to use from now on (a date-formats defect returns a new string vector, the others {@code v}).
   */
  Vec apply(Vec v, long first, int n, Sink sink) {
    if (kind == DefectKind.DATE_FORMATS) {
      return formats(v, first, n, sink);
    }
    List<Integer> orphanRows = orphans != null && !orphans.numeric() ? new ArrayList<>() : null;
    for (int i = 0; i < n; i++) {
      long pos = first + i;
      double u = pick.uniformAt(pos);
      if (u >= rate || v.isNull(i)) {
        continue;
      }
      if (orphanRows != null) {
        orphanRows.add(i);
        continue;
      }
      String before = CellText.of(v, i);
      change(v, i, u, pos);
      String after = CellText.of(v, i);
      if (!java.util.Objects.equals(before, after)) {
        sink.changed(i, kind, column, before, after);
      }
    }
    if (orphanRows != null && !orphanRows.isEmpty()) {
      long[] js = new long[orphanRows.size()];
      for (int k = 0; k < js.length; k++) {
        js[k] = Stream.below(amount.bitsAt(first + orphanRows.get(k)), orphans.pool);
      }
      String[] keys = orphans.strings(js, js.length);
      StrVec s = (StrVec) v;
      for (int k = 0; k < js.length; k++) {
        int i = orphanRows.get(k);
        String before = s.plain[i];
        s.plain[i] = keys[k];
        sink.changed(i, kind, column, before, keys[k]);
      }
    }
    return v;
  }

  private void change(Vec v, int i, double u, long pos) {
    switch (kind) {
      case NULLS:
        v.setNull(i);
        return;
      case CASE_NOISE: {
        StrVec s = (StrVec) v;
        s.plain[i] = u < rate / 2 ? s.plain[i].toUpperCase(Locale.ROOT) : s.plain[i].toLowerCase(Locale.ROOT);
        return;
      }
      case WHITESPACE: {
        StrVec s = (StrVec) v;
        s.plain[i] = u < rate / 2 ? "  " + s.plain[i] : s.plain[i] + "  ";
        return;
      }
      case JITTER: {
        long span = 2 * jitterSeconds + 1;
        long seconds = Stream.below(amount.bitsAt(pos), span) - jitterSeconds;
        ((LongVec) v).values[i] += seconds * Instants.MICROS_PER_SECOND;
        return;
      }
      case VERY_LATE: {
        long hours = Stream.below(amount.bitsAt(pos), lateHours);
        ((LongVec) v).values[i] -= hours * Instants.MICROS_PER_HOUR;
        return;
      }
      case OUT_OF_RANGE:
        outOfRange(v, i);
        return;
      case ORPHANS:
        ((LongVec) v).values[i] = orphans.number(Stream.below(amount.bitsAt(pos), orphans.pool));
        return;
      case DUPLICATES:
      case NEAR_DUPLICATES:
      case OUT_OF_ORDER:
      case DATE_FORMATS:
        throw new IllegalStateException(kind.id() + " is not applied per cell");
    }
  }

  private void outOfRange(Vec v, int i) {
    if (v instanceof DoubleVec d) {
      d.values[i] = value != null ? value : d.values[i] * factor;
      return;
    }
    LongVec l = (LongVec) v;
    double scale = type.kind() == DataType.Kind.DECIMAL ? Math.pow(10, type.scale()) : 1;
    double x = value != null ? value * scale : l.values[i] * factor;
    double limit = type.kind() == DataType.Kind.INT ? Integer.MAX_VALUE
        : type.kind() == DataType.Kind.DECIMAL ? Math.pow(10, type.precision()) - 1 : Long.MAX_VALUE;
    x = Math.max(-limit, Math.min(limit, Math.rint(x)));
    l.values[i] = (long) x;
  }

  private Vec formats(Vec v, long first, int n, Sink sink) {
    LongVec l = (LongVec) v;
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      if (l.isNull(i)) {
        continue;
      }
      String iso = CellText.of(l, i);
      out[i] = iso;
      double u = pick.uniformAt(first + i);
      if (u >= rate) {
        continue;
      }
      DateTimeFormatter f = formats.get(choose(u / rate, formats.size()));
      String s = type.kind() == DataType.Kind.DATE ? f.format(LocalDate.ofEpochDay(l.values[i]))
          : f.format(CellText.toDateTime(l.values[i]));
      if (!s.equals(iso)) {
        out[i] = s;
        sink.changed(i, kind, column, iso, s);
      }
    }
    StrVec s = StrVec.plain(out, n);
    s.setNulls(l.nulls() == null ? null : l.nulls().clone());
    return s;
  }

  /**
   * The format for a uniform share {@code x} of the picked rows: as the reference does for its two formats, the
   * first takes a third ({@code rate x 0.33}) and the others share the remaining two thirds evenly; a single format
   * takes all.
   */
  static int choose(double x, int formats) {
    if (formats == 1) {
      return 0;
    }
    if (x < 1.0 / 3) {
      return 0;
    }
    int k = 1 + (int) ((x - 1.0 / 3) / (2.0 / 3) * (formats - 1));
    return Math.min(k, formats - 1);
  }
}
