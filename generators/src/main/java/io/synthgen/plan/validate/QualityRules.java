package io.synthgen.plan.validate;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules of a table's injected defects: at most {@value PlanLimits#MAX_DEFECTS}, rates in [0, 1], each defect's
 * columns exist, are written and have a type it can alter, a kind at most once per column (once per table for row
 * defects), and every parameter works at run time (a date pattern formats the column's values, an out-of-range value
 * fits the column). Duplicates of a row repeat its primary key on purpose: the output validator knows them.
 */
final class QualityRules {

  /** The ground-truth sidecar of an output is called {@code <output>_defects}. */
  static final String SIDECAR_SUFFIX = "_defects";

  /** The ground-truth column of {@link Quality.GroundTruth#COLUMNS}. */
  static final String DEFECTS_COLUMN = "_defects";

  /** The instant a date pattern is tried on: one with every field non-zero, so a pattern that cannot print fails. */
  private static final LocalDateTime SAMPLE = LocalDateTime.of(2024, 12, 31, 23, 59, 58, 123_456_000);

  private final PlanValidator v;
  private final Issues out;

  /** The columns a debezium feed writes. */
  private static final List<String> DEBEZIUM_COLUMNS = List.of("key", "before", "after", "op", "ts_ms");

  private QualityRules(PlanValidator v) {
    this.v = v;
    this.out = v.out;
  }

  static void check(PlanValidator v) {
    QualityRules r = new QualityRules(v);
    for (Table t : v.plan.tables()) {
      if (t.quality() != null && t.generated()) {
        r.table(t, t.quality(), v.tablePath(t) + ".quality");
      }
    }
  }

  /** The name a table's rows are written under: its feed's when it has one. */
  static String outputName(Table t) {
    return t.changeFeed() != null && t.changeFeed().name() != null ? t.changeFeed().name() : t.name();
  }

  private void table(Table t, Quality q, String path) {
    List<Defect> ds = q.defects();
    if (format(t) == ChangeFeed.Format.DELTA_CDF && !ds.isEmpty()) {
      out.add(path + ".defects", ds.size() + " defects", "a delta_cdf feed takes no defects: it writes an UPDATE as "
          + "two rows (preimage, postimage), and defects are applied to sources with one written row per row",
          "use \"format\": \"plain\" or \"debezium\" for " + t.name() + "'s change_feed, or remove \"quality\"");
      return;
    }
    if (ds.size() > PlanLimits.MAX_DEFECTS) {
      out.add(path + ".defects", ds.size() + " defects", "a table has at most " + PlanLimits.MAX_DEFECTS
          + " defects", "combine defects of one kind into one with more columns");
    }
    if (q.groundTruth() == Quality.GroundTruth.COLUMNS) {
      Column c = PlanValidator.column(t, DEFECTS_COLUMN);
      if (c != null && !c.omit()) {
        out.add(path + ".ground_truth", "columns", "ground truth as columns adds column " + DEFECTS_COLUMN
            + ", which " + t.name() + " has", "rename that column, or use \"ground_truth\": \"sidecar\"");
      }
    }
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < PlanValidator.checked(ds.size(), PlanLimits.MAX_DEFECTS); i++) {
      defect(t, ds.get(i), path + ".defects[" + i + "]", seen);
    }
  }

  private void defect(Table t, Defect d, String path, Map<String, String> seen) {
    String kind = Defects.kind(d);
    if (Double.isNaN(d.rate())) {
      out.missing(path, "a defect's rate is not a number", "write \"rate\": a fraction, 0.02 means 2% of the rows");
      return;
    }
    if (!(d.rate() >= 0 && d.rate() <= 1)) {
      out.add(path + ".rate", d.rate(), "a rate is a probability between 0 and 1",
          "write a fraction: 0.02 means 2% of the rows");
    }
    List<String> columns = Defects.columns(d);
    if (columns == null) {
      once(kind, kind, path + ".defect", seen, "a " + kind + " defect is given twice", "give it once, with the "
          + "combined rate");
      return;
    }
    boolean list = Defects.hasColumnList(d);
    if (format(t) == ChangeFeed.Format.DEBEZIUM) {
      // the envelope's columns (key, before, after, op, ts_ms) are JSON and bookkeeping, the base columns are not
      // written: no column of a debezium feed can take a column defect, whatever it names
      out.add(path + ".defect", kind, "a " + kind + " defect alters columns, and " + t.name() + "'s debezium feed "
          + "writes none it can alter: its columns are the envelope's " + DEBEZIUM_COLUMNS + " (row JSON and "
          + "bookkeeping)", "remove this " + kind + " defect (a debezium feed takes the row defects duplicates and "
          + "out_of_order, which copy and swap whole envelopes), or give the change_feed \"format\": \"plain\"");
      return;
    }
    if (list && columns.isEmpty()) {
      out.add(path + ".columns", columns, "a " + kind + " defect alters at least one column",
          "list the columns it alters");
    }
    for (int j = 0; j < PlanValidator.checked(columns.size(), PlanLimits.MAX_COLUMNS); j++) {
      String n = columns.get(j);
      String p = list ? path + ".columns[" + j + "]" : path + ".column";
      if (n == null || n.isEmpty()) {
        continue; // reported by the codec
      }
      Column c = PlanValidator.column(t, n);
      if (c == null) {
        out.unknownName(p, n, "names no column of " + t.name(), fitting(t, d), "columns a " + kind
            + " defect can alter");
        continue;
      }
      if (!once(kind + "\u0000" + n, kind, p, seen, "a " + kind + " defect already alters " + n,
          "give one " + kind + " defect per column, with the combined rate")) {
        continue;
      }
      String why = unfit(t, d, c);
      if (why != null) {
        List<String> fit = fitting(t, d);
        out.add(p, n, "a " + kind + " defect cannot alter " + n + ": " + why, fit.isEmpty() ? "remove this "
            + kind + " defect: no column of " + t.name() + " can take it" : "name one of: " + Suggest.list(fit));
      }
    }
    parameters(t, d, path);
  }

  /** Records {@code key}; reports and returns false when it was seen. */
  private boolean once(String key, String kind, String path, Map<String, String> seen, String rule, String fix) {
    String first = seen.putIfAbsent(key, path);
    if (first != null) {
      out.add(path, kind, rule + " (" + first + ")", fix);
      return false;
    }
    return true;
  }

  /** The format a table's rows are written in: its change feed's, or null for a table without one. */
  private static ChangeFeed.Format format(Table t) {
    ChangeFeed f = t.changeFeed();
    return f == null ? null : f.format() == null ? ChangeFeed.Format.PLAIN : f.format();
  }

  /** Why {@code c} cannot carry {@code d}, or null. */
  private String unfit(Table t, Defect d, Column c) {
    if (c.omit()) {
      return "it is omitted (a helper, not written)";
    }
    if (c.name().equals(t.primaryKey())) {
      return "it is the primary key (duplicates repeat it; to break keys use duplicates)";
    }
    DataType type = c.type();
    if (type == null) {
      return null; // reported at its type
    }
    DataType.Kind k = type.kind();
    if (d instanceof Defect.Nulls) {
      return null;
    } else if (d instanceof Defect.NearDuplicates) {
      return type.isNumeric() || k == DataType.Kind.STRING ? null : "it is " + type + ", not a string or a number";
    } else if (d instanceof Defect.CaseNoise || d instanceof Defect.Whitespace) {
      return k == DataType.Kind.STRING ? null : "it is " + type + ", not a string";
    } else if (d instanceof Defect.Jitter || d instanceof Defect.VeryLate) {
      return k == DataType.Kind.TIMESTAMP ? null : "it is " + type + ", not a timestamp (moves are in seconds "
          + "and hours)";
    } else if (d instanceof Defect.DateFormats) {
      return type.isTemporal() ? null : "it is " + type + ", not a date or a timestamp";
    } else if (d instanceof Defect.OutOfRange) {
      return type.isNumeric() ? null : "it is " + type + ", not a number";
    } else if (d instanceof Defect.Orphans) {
      return c.gen() instanceof ColumnGen.ForeignKey f ? orphanable(f) : "it is not a foreign_key column";
    }
    throw new IllegalStateException("no column rule for defect " + d);
  }

  /**
   * Why no orphan key can be made for {@code fk}, or null: an orphan is a key outside a sequence parent key's range
   * (above its last value through the series, or below its start), or a pattern or uuid parent key made longer.
   */
  private String orphanable(ColumnGen.ForeignKey fk) {
    String ref = fk.references();
    int dot = ref == null ? -1 : ref.indexOf('.');
    Table parent = dot < 0 ? null : v.tables.get(ref.substring(0, dot));
    Column key = parent == null ? null : PlanValidator.column(parent, ref.substring(dot + 1));
    if (key == null || key.gen() == null) {
      return null; // reported at the foreign key
    }
    ColumnGen g = key.gen();
    if (g instanceof ColumnGen.Pattern || g instanceof ColumnGen.Uuid) {
      return null;
    }
    if (!(g instanceof ColumnGen.Sequence s)) {
      return "its parent key " + ref + " is a " + g.strategy() + " column; orphans need a sequence, pattern or "
          + "uuid parent key (a key no parent has is made outside its values)";
    }
    if (key.type() == null || !key.type().isIntegral() || s.step() == 0) {
      return null; // reported at the key
    }
    long lo = key.type().kind() == DataType.Kind.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long hi = key.type().kind() == DataType.Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
    // a per_parent parent's rows are an expectation: the layout may make more, so leave room for twice as many
    long rows = parent.perParent() == null ? parent.rows() : parent.rows() > Long.MAX_VALUE / 2 ? Long.MAX_VALUE
        : 2 * parent.rows();
    long keys = SeriesDefaults.keysOverSeries(v.plan, parent, rows);
    if (!OrphanRoom.possible(s.start(), s.step(), keys, Math.max(1, rows), lo, hi)) {
      return "no key outside " + ref + "'s range fits " + key.type() + " (its sequence fills the type above and "
          + "below); narrow the sequence (start, step) or widen the column";
    }
    return null;
  }

  private List<String> fitting(Table t, Defect d) {
    List<String> names = new java.util.ArrayList<>();
    for (Column c : t.columns()) {
      if (c.name() != null && unfit(t, d, c) == null) {
        names.add(c.name());
      }
    }
    return names;
  }

  private void parameters(Table t, Defect d, String path) {
    if (d instanceof Defect.Jitter j) {
      Duration max = TimeSpec.interval(j.max());
      if (j.max() != null && max == null) {
        out.add(path + ".max", j.max(), "not a positive interval", "write " + TimeSpec.INTERVAL_SYNTAX
            + ", e.g. \"" + Defect.Jitter.DEFAULT_MAX + "\"");
      }
    } else if (d instanceof Defect.VeryLate l) {
      Duration max = TimeSpec.interval(l.max());
      if (l.max() != null && max == null) {
        out.add(path + ".max", l.max(), "not a positive interval", "write " + TimeSpec.INTERVAL_SYNTAX
            + ", e.g. \"" + Defect.VeryLate.DEFAULT_MAX + "\"");
      } else if (max != null && max.toSeconds() % 3_600 != 0) {
        out.add(path + ".max", l.max(), "a very late arrival moves back by whole hours", "use whole hours, e.g. \""
            + Defect.VeryLate.DEFAULT_MAX + "\"");
      }
    } else if (d instanceof Defect.DateFormats f) {
      formats(t, f, path);
    } else if (d instanceof Defect.OutOfRange r) {
      outOfRange(t, r, path);
    }
  }

  private void formats(Table t, Defect.DateFormats f, String path) {
    List<String> fs = f.formats();
    if (fs.isEmpty()) {
      out.add(path + ".formats", fs, "date_formats needs at least one format", "use e.g. "
          + Issues.render(Defect.DateFormats.DEFAULT_FORMATS) + " or leave formats out");
    } else if (fs.size() > PlanLimits.MAX_DATE_FORMATS) {
      out.add(path + ".formats", fs.size() + " formats", "at most " + PlanLimits.MAX_DATE_FORMATS + " formats",
          "keep the " + PlanLimits.MAX_DATE_FORMATS + " formats the pipeline must read");
    }
    Column c = f.column() == null ? null : PlanValidator.column(t, f.column());
    boolean date = c != null && c.type() != null && c.type().kind() == DataType.Kind.DATE;
    for (int i = 0; i < PlanValidator.checked(fs.size(), PlanLimits.MAX_DATE_FORMATS); i++) {
      String p = fs.get(i);
      String at = path + ".formats[" + i + "]";
      if (p.isEmpty()) {
        if (!out.anyAt(at)) {
          out.add(at, p, "an empty format", "write a java.time pattern such as \"MM/dd/yyyy\"");
        }
      } else if (p.length() > PlanLimits.MAX_DATE_FORMAT_LENGTH) {
        out.add(at, p, "at most " + PlanLimits.MAX_DATE_FORMAT_LENGTH + " characters (this has " + p.length()
            + ")", "shorten the pattern");
      } else {
        String why = unprintable(p, date);
        if (why != null) {
          out.add(at, p, "not a java.time pattern for a " + (date ? "date" : "timestamp") + ": " + why,
              "write a pattern such as \"MM/dd/yyyy\" or \"dd.MM.yyyy HH:mm\"" + (date ? " (a date has no time "
                  + "of day)" : "") + "; see java.time.format.DateTimeFormatter");
        }
      }
    }
  }

  /** Why {@code pattern} cannot print a date (or timestamp), or null: it is compiled and tried on a sample. */
  static String unprintable(String pattern, boolean date) {
    try {
      DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
      String s = date ? f.format(SAMPLE.toLocalDate()) : f.format(SAMPLE);
      return s.isEmpty() ? "it prints nothing" : null;
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return e.getMessage();
    }
  }

  private void outOfRange(Table t, Defect.OutOfRange r, String path) {
    if ((r.value() == null) == (r.factor() == null)) {
      out.add(path, r.value() == null ? "neither value nor factor" : "value and factor", "an out_of_range "
          + "defect has exactly one of value and factor", "give \"factor\": 10 (the value times 10) or "
          + "\"value\": -1 (that value)");
      return;
    }
    Column c = r.column() == null ? null : PlanValidator.column(t, r.column());
    DataType type = c == null ? null : c.type();
    if (r.value() != null && type != null && type.isNumeric()) {
      String why = fits(r.value(), type);
      if (why != null) {
        out.add(path + ".value", r.value(), "the value does not fit " + type + ": " + why,
            "give a value " + type + " holds");
      }
    }
    if (r.factor() != null && type != null && (type.isIntegral() || type.kind() == DataType.Kind.DECIMAL)) {
      if (type.isIntegral() && r.factor() != Math.rint(r.factor())) {
        out.add(path + ".factor", r.factor(), "a factor of an integer column is a whole number (the product is "
            + "written exactly)", "use e.g. " + Math.max(2, Math.round(r.factor())));
        return;
      }
      Double bound = Defects.magnitude(v.plan, t, c);
      double limit = type.kind() == DataType.Kind.INT ? Integer.MAX_VALUE : type.kind() == DataType.Kind.BIGINT
          ? 0x1p63 : Math.pow(10, type.precision() - type.scale());
      if (bound == null || Math.abs(bound * r.factor()) >= limit) {
        out.add(path + ".factor", r.factor(), bound == null ? "the values of " + r.column() + " times the factor "
            + "cannot be bounded (strategy " + c.gen().strategy() + "), so they could leave " + type
            : "values up to " + Issues.render(bound) + " times " + Issues.render(r.factor()) + " leave " + type,
            "use \"value\" for an out-of-range value, or a smaller factor" + (type.kind() == DataType.Kind.INT
                ? ", or type bigint" : ""));
      }
    }
  }

  /** Why {@code value} is not a value of the numeric {@code type}, or null. */
  static String fits(double value, DataType type) {
    switch (type.kind()) {
      case INT:
        return value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? null
            : "an int is a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
      case BIGINT:
        return value == Math.rint(value) && Math.abs(value) < 0x1p63 ? null
            : "a bigint is a whole number below 2^63 in magnitude";
      case DECIMAL: {
        BigDecimal b = BigDecimal.valueOf(value).stripTrailingZeros();
        int scale = Math.max(0, b.scale());
        int integerDigits = Math.max(0, b.precision() - b.scale());
        return scale <= type.scale() && integerDigits <= type.precision() - type.scale() ? null
            : "a " + type + " has " + (type.precision() - type.scale()) + " digits before the point and "
                + type.scale() + " after";
      }
      case DOUBLE:
        return null;
      case STRING:
      case BOOLEAN:
      case DATE:
      case TIMESTAMP:
        return "not a number";
    }
    throw new IllegalStateException("no range for " + type);
  }
}
