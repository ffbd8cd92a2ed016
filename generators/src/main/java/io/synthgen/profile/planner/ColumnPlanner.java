package io.synthgen.profile.planner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Distribution;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.FittedDistribution;
import io.synthgen.profile.ForeignKeyCandidate;
import io.synthgen.profile.NumericSummary;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.StringSummary;
import io.synthgen.profile.TableProfile;
import io.synthgen.profile.ValueCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of a plan description from its profile. In order: a foreign key found by inclusion; the primary key
 * (a sequence, or for strings a pattern with room for distinct values, else a UUID); booleans with the observed
 * probability; dates and timestamps over the robust range; few distinct values as weighted values (those held by at
 * least k rows); numbers by the fitted distribution clamped to the robust bounds; strings by their dominant shape;
 * the rest left to inference from the name. Identifier and free-text columns never get values, only a shape.
 */
final class ColumnPlanner {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Most distinct values a column may have to be planned as weighted values. */
  static final int MAX_CATEGORIES = ProfileLimits.TOP_VALUES;

  /** Most placeholder values standing for the values of a column's tail (those held by fewer than k rows). */
  static final int TAIL_VALUES = 1_000;

  /** Share of the rows the values held by at least k rows must cover for a column to be values and a tail. */
  static final double HEAD_SHARE = 0.5;

  /** Share of the values a shape must cover to become the column's pattern. */
  static final double DOMINANT_SHAPE = 0.9;

  private ColumnPlanner() {
  }

  static ObjectNode column(TableProfile t, ColumnProfile c, String pk, ForeignKeyCandidate fk, PlanOptions o,
      ProfilePlanner.Privacy privacy) {
    ObjectNode col = F.objectNode();
    col.put("name", c.name());
    col.put("type", c.type().toString());
    List<String> notes = new ArrayList<>();
    if (c.sourceName() != null) {
      String src = c.sourceName();
      notes.add("source column \"" + (src.length() <= 100 ? src : src.substring(0, 100) + "...") + "\"");
    }
    int k = o.minCount();
    boolean allowed = o.allowed(t.name(), c.name());
    boolean identifier = ColumnRoles.identifying(c.name()) || ColumnRoles.freeText(c) || c.name().equals(pk);
    if (c.rows() == 0) {
      // an empty source: no NULL rate, no values; the column is inferred (an empty table plans 0 rows)
      notes.add("the source has no rows");
      return inferred(col, notes);
    }
    if (c.nullRate() > 0 && !c.name().equals(pk)) {
      col.put("null_rate", PlanNumbers.round(c.nullRate(), 4));
    }
    if (c.nonNull() == 0) {
      notes.add("always NULL in the source");
      col.put("null_rate", 1);
      return inferred(col, notes);
    }
    if (fk != null) {
      col.put("strategy", "foreign_key");
      col.put("references", fk.parentTable() + "." + fk.parentColumn());
      notes.add("foreign key to " + fk.parentTable() + "." + fk.parentColumn() + ": every source value is one of its"
          + " keys (" + (fk.method().equals("bloom") ? "checked with a Bloom filter" : "checked exactly") + ")");
      return done(col, notes);
    }
    if (c.name().equals(pk)) {
      return key(col, c, t, notes, k);
    }
    if (c.type().kind() == DataType.Kind.BOOLEAN) {
      col.put("strategy", "boolean");
      col.put("probability", PlanNumbers.round((double) c.trueCount() / c.nonNull(), 4));
      notes.add("true in " + PlanNumbers.percent((double) c.trueCount() / c.nonNull()) + " of the source's rows");
      return done(col, notes);
    }
    if (c.type().isTemporal() && c.temporal() != null) {
      if (c.nonNull() < 2L * k && !allowed) {
        notes.add("fewer than " + 2 * k + " values: the range is not taken from the source");
        privacy.shapeOnly.add(t.name() + "." + c.name());
        return inferred(col, notes);
      }
      boolean robust = !allowed;
      String start = robust ? c.temporal().lower() : c.temporal().min();
      String end = robust ? c.temporal().upper() : c.temporal().max();
      if (robust && c.type().kind() == DataType.Kind.TIMESTAMP) {
        // an instant is nearly always one row's: widen to whole hours so the plan names none
        java.time.LocalDateTime s0 = java.time.LocalDateTime.parse(start);
        java.time.LocalDateTime e0 = java.time.LocalDateTime.parse(end);
        java.time.LocalDateTime e1 = e0.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        start = s0.truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
        end = (e1.equals(e0) ? e1 : e1.plusHours(1)).toString();
        start = start.length() == 16 ? start + ":00" : start;
        end = end.length() == 16 ? end + ":00" : end;
      }
      String widened = "widened to whole hours";
      if (robust && c.type().kind() == DataType.Kind.DATE) {
        // a day is often a few rows': widen to whole months (a range of 6 months or more) or whole weeks, Monday to
        // Sunday, so the ends name no single day of the source
        java.time.LocalDate s0 = java.time.LocalDate.parse(start);
        java.time.LocalDate e0 = java.time.LocalDate.parse(end);
        if (!s0.plusMonths(6).isAfter(e0)) {
          s0 = s0.withDayOfMonth(1);
          e0 = e0.withDayOfMonth(e0.lengthOfMonth());
          widened = "widened to whole months";
        } else {
          s0 = s0.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
          e0 = e0.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
          widened = "widened to whole weeks, Monday to Sunday";
        }
        s0 = outsideRareDay(s0, c.temporal(), k, -1);
        e0 = outsideRareDay(e0, c.temporal(), k, 1);
        start = s0.toString();
        end = e0.toString();
      }
      col.put("strategy", "date_range");
      col.put("start", start);
      col.put("end", end);
      if (c.type().kind() == DataType.Kind.TIMESTAMP) {
        col.put("interval", c.temporal().wholeSeconds());
      }
      String rank = PlanNumbers.ordinal(ProfileLimits.BOUND_RANK);
      notes.add("the source's range" + (robust ? " (from its " + rank + " earliest to its " + rank
          + " latest value, " + widened + ")"
          : ""));
      return done(col, notes);
    }
    if (!identifier && c.topValuesExact() && c.distinct().exact() && c.distinct().count() <= MAX_CATEGORIES
        && categorical(c)) {
      ObjectNode v = values(col, c, k, allowed, notes);
      if (v != null) {
        if (notes.stream().anyMatch(n -> n.contains("left out"))) {
          privacy.suppressedColumns.add(t.name() + "." + c.name());
          privacy.suppressedValues += (int) c.topValues().stream().filter(x -> x.count() < k).count();
        }
        return done(v, notes);
      }
      privacy.suppressedColumns.add(t.name() + "." + c.name());
      privacy.suppressedValues += c.topValues().size();
    }
    if (!identifier && c.type().kind() == DataType.Kind.STRING && !c.topValues().isEmpty()) {
      ObjectNode v = headAndTail(col, c, k, notes);
      if (v != null) {
        if (c.distinct().count() > v.path("values").size() || !c.distinct().exact()) {
          privacy.suppressedColumns.add(t.name() + "." + c.name());
        }
        return done(v, notes);
      }
    }
    if (c.type().isNumeric() && c.numeric() != null) {
      if (c.nonNull() < 2L * k && !allowed) {
        notes.add("fewer than " + 2 * k + " values: nothing is taken from the source");
        return inferred(col, notes);
      }
      return numeric(col, c, allowed, k, notes);
    }
    if (c.type().kind() == DataType.Kind.STRING && c.strings() != null) {
      if (identifier) {
        privacy.shapeOnly.add(t.name() + "." + c.name());
      }
      StringSummary.Shape s = dominantShape(c, k);
      if (s != null && dateLike(s.shape())) {
        // a digit pattern would draw each digit alone: months 64, hours 53
        notes.add("values shaped like a date or a time (" + s.shape() + ") in a form not read as one: not planned"
            + " as a digit pattern, which would make impossible dates; no value copied");
        return inferred(col, notes);
      }
      if (s != null && ColumnRoles.freeText(c) && s.template().matches("(?s).*\\p{L}{3}.*")) {
        // the words every value shares are text of the source, however many rows hold them
        notes.add("free text shaped alike (" + s.shape().length() + " characters): its words are not copied");
        return inferred(col, notes);
      }
      if (s != null) {
        col.put("strategy", "pattern");
        col.put("pattern", s.template());
        notes.add("the shape of " + PlanNumbers.percent((double) s.count() / c.nonNull()) + " of the source's values"
            + (identifier ? "; no value copied (" + role(c) + ")" : ""));
        return done(col, notes);
      }
      notes.add(c.distinct().count() + " distinct values of " + c.strings().minLength() + " to "
          + c.strings().maxLength() + " characters; no value copied"
          + (identifier ? " (" + role(c) + ")" : ""));
      return inferred(col, notes);
    }
    return inferred(col, notes);
  }

  private static String role(ColumnProfile c) {
    return ColumnRoles.identifying(c.name()) ? "an identifier" : "free text";
  }

  /** Few values, each repeated: a category, not a measurement. */
  private static boolean categorical(ColumnProfile c) {
    if (c.type().kind() == DataType.Kind.DOUBLE && !c.numeric().integral()) {
      return c.distinct().count() <= 20 && c.nonNull() >= 20 * c.distinct().count();
    }
    return c.nonNull() >= 2 * c.distinct().count();
  }

  private static ObjectNode values(ObjectNode col, ColumnProfile c, int k, boolean allowed, List<String> notes) {
    List<ValueCount> kept = new ArrayList<>();
    long leftRows = 0;
    int left = 0;
    for (ValueCount v : c.topValues()) {
      if (allowed || v.count() >= k) {
        kept.add(v);
      } else {
        left++;
        leftRows += v.count();
      }
    }
    if (kept.isEmpty()) {
      notes.add("all " + left + " values are held by fewer than " + k + " rows each: none is copied");
      return null;
    }
    col.put("strategy", "values");
    ArrayNode vs = col.putArray("values");
    ArrayNode ws = col.putArray("weights");
    for (ValueCount v : kept) {
      Object x = v.value();
      if (x instanceof Long l) {
        vs.add(l);
      } else if (x instanceof Double d) {
        vs.add(d);
      } else if (x instanceof BigDecimal b) {
        vs.add(b);
      } else if (x instanceof Boolean b) {
        vs.add(b);
      } else {
        vs.add(String.valueOf(x));
      }
      ws.add(v.count());
    }
    notes.add(kept.size() + " values weighted as in the source");
    if (left > 0) {
      notes.add(left + (left == 1 ? " value" : " values") + " held by fewer than " + k + " rows left out ("
          + leftRows + " rows, " + PlanNumbers.percent((double) leftRows / c.nonNull()) + ")");
    }
    return col;
  }

  /**
   * A string column with more distinct values than {@link #MAX_CATEGORIES} (or counted approximately) whose values
   * held by at least k rows cover most rows: those values with their counts (lower bounds when approximate), and the
   * rest as a tail of placeholder values {@code other_1, other_2, ...} (as many as the source's other values, at
   * most {@link #TAIL_VALUES}) sharing the other rows' weight.
   */
  private static ObjectNode headAndTail(ObjectNode col, ColumnProfile c, int k, List<String> notes) {
    List<ValueCount> kept = new ArrayList<>();
    long keptRows = 0;
    for (ValueCount v : c.topValues()) {
      if (v.count() >= k) {
        kept.add(v);
        keptRows += v.count();
      }
    }
    if (kept.isEmpty() || keptRows < HEAD_SHARE * c.nonNull()) {
      return null;
    }
    long tailRows = c.nonNull() - keptRows;
    long tailDistinct = Math.max(tailRows > 0 ? 1 : 0, Math.min(tailRows, c.distinct().count() - kept.size()));
    int tail = (int) Math.min(TAIL_VALUES, tailDistinct);
    col.put("strategy", "values");
    ArrayNode vs = col.putArray("values");
    ArrayNode ws = col.putArray("weights");
    java.util.Set<String> names = new java.util.HashSet<>();
    for (ValueCount v : kept) {
      vs.add(String.valueOf(v.value()));
      names.add(String.valueOf(v.value()));
      ws.add(v.count());
    }
    int added = 0;
    for (int i = 1; added < tail; i++) {
      String label = "other_" + i;
      if (names.add(label)) {
        vs.add(label);
        // the other rows' weight, spread evenly (to 4 decimals: weights need not be whole)
        ws.add(PlanNumbers.round((double) tailRows / tail, 4));
        added++;
      }
    }
    notes.add(kept.size() + " values held by at least " + k + " rows weighted as in the source"
        + (c.topValuesExact() ? "" : " (counts are lower bounds)") + (tail == 0 ? ""
        : "; the other " + (c.distinct().exact() ? "" : "about ") + tailDistinct + " values ("
        + PlanNumbers.percent((double) tailRows / c.nonNull()) + " of the rows) are not copied: " + tail
        + " placeholder values other_1, other_2, ... share their weight"));
    return col;
  }

  private static ObjectNode numeric(ObjectNode col, ColumnProfile c, boolean allowed, int k, List<String> notes) {
    NumericSummary n = c.numeric();
    double lo = allowed ? n.min() : PlanNumbers.outwardDown(n.lower(), c.type());
    double hi = allowed ? n.max() : PlanNumbers.outwardUp(n.upper(), c.type());
    String bounds = allowed ? "the source's min and max"
        : "the source's " + PlanNumbers.ordinal(ProfileLimits.BOUND_RANK) + " smallest and largest values";
    FittedDistribution fit = n.fit();
    if (lo == hi && (allowed || rows(c, lo) >= k)) {
      col.put("strategy", "constant");
      putNumber(col, "value", lo, c.type());
      notes.add(c.distinct().count() == 1 ? "one value in the source"
          : "the source's " + PlanNumbers.ordinal(ProfileLimits.BOUND_RANK) + " smallest and largest values are"
          + " the same value, held by at least " + k + " rows");
      return done(col, notes);
    }
    if (!allowed) {
      // a bound may name no value that fewer than k source rows hold: step it outward until it names none
      lo = outsideRare(lo, c, k, -1);
      hi = outsideRare(hi, c, k, 1);
      bounds += " (moved outward past any value held by fewer than " + k + " rows)";
    }
    if (lo >= hi) {
      notes.add("too few distinct values to fit a distribution");
      return inferred(col, notes);
    }
    if (fit == null) {
      col.put("strategy", "uniform");
      putNumber(col, "min", lo, c.type());
      putNumber(col, "max", hi, c.type());
      notes.add("too few distinct values to fit a distribution: uniform between " + bounds
          + (allowed ? "" : " rounded outward"));
      return done(col, notes);
    }
    boolean integral = c.type().isIntegral();
    if (fit.distribution() instanceof Distribution.Uniform) {
      col.put("strategy", "uniform");
      putNumber(col, "min", lo, c.type());
      putNumber(col, "max", hi, c.type());
      notes.add("uniform (KS " + PlanNumbers.round(fit.value(), 3) + ") between " + bounds + (allowed ? "" : " rounded outward"));
      return done(col, notes);
    }
    col.put("strategy", "distribution");
    ObjectNode d = col.putObject("distribution");
    Distribution dist = fit.distribution();
    d.put("type", dist.type());
    if (dist instanceof Distribution.Normal x) {
      d.put("mean", PlanNumbers.sig(x.mean())).put("stddev", PlanNumbers.sig(x.stddev()));
    } else if (dist instanceof Distribution.LogNormal x) {
      d.put("mu", PlanNumbers.sig(x.mu())).put("sigma", PlanNumbers.sig(x.sigma()));
    } else if (dist instanceof Distribution.Exponential x) {
      d.put("rate", PlanNumbers.sig(x.rate()));
    } else if (dist instanceof Distribution.Gamma x) {
      d.put("shape", PlanNumbers.sig(x.shape())).put("scale", PlanNumbers.sig(x.scale()));
    } else {
      throw new IllegalStateException("the fitter chose " + dist.type() + ", which the planner does not map");
    }
    if (fit.offset() != 0) {
      // below the source's minimum, so no value of it; 3 significant digits keep a floor (100 + exponential) in
      // place, and a floor is raised to the plan's lower bound so that no draw below it is clamped into a spike
      double offset = PlanNumbers.outwardDown(fit.offset(), DataType.DOUBLE);
      col.put("offset", fit.offset() > 0 && lo > offset ? lo : offset);
    }
    putNumber(col, "min", lo, c.type());
    putNumber(col, "max", hi, c.type());
    if (integral) {
      col.put("rounding", "round");
    }
    notes.add(dist.type() + " fitted to " + fit.sample() + " sampled values (KS " + PlanNumbers.round(fit.value(), 3)
        + ", best of " + fit.candidates().size() + "), clamped to " + bounds
        + (allowed ? "" : " rounded outward"));
    return done(col, notes);
  }

  /**
   * How many source rows hold the number v, as far as the profile tells: 0 outside the source's range, the exact
   * count when every value's count is known or v is below the k-th smallest (above the k-th largest), else
   * {@link Long#MAX_VALUE} when the profile cannot tell (a warehouse profile's percentiles) or v is the k-th
   * smallest itself, held by at least as many of the k smallest as counted.
   */
  static long rows(ColumnProfile c, double v) {
    NumericSummary n = c.numeric();
    double eps = 1e-9 * Math.max(1, Math.abs(v));
    if (v < n.min() - eps || v > n.max() + eps) {
      return 0;
    }
    if (c.topValuesExact() && c.distinct().exact() && c.topValues().size() >= c.distinct().count()) {
      for (ValueCount x : c.topValues()) {
        if (x.value() instanceof Number num && Math.abs(num.doubleValue() - v) <= eps) {
          return x.count();
        }
      }
      return 0;
    }
    return rows(v, n.lower(), n.upper(), n.lowest(), n.highest(), eps);
  }

  /** How many source rows hold v, from the k smallest and largest values (v within the source's range). */
  private static long rows(double v, double lower, double upper, double[] lowest, double[] highest, double eps) {
    double[] side = lowest != null && v <= lower + eps ? lowest
        : highest != null && v >= upper - eps ? highest : null;
    if (side == null || side.length == 0) {
      return Long.MAX_VALUE;
    }
    long m = 0;
    for (double x : side) {
      if (Math.abs(x - v) <= eps) {
        m++;
      }
    }
    boolean edge = Math.abs(v - (side == lowest ? lower : upper)) <= eps;
    // the k-th smallest may be held by more rows than the k smallest show: at least m, exactly m only inside
    return edge && m < ProfileLimits.BOUND_RANK ? Math.max(m, 1) : m;
  }

  /** The bound v, stepped outward (direction -1 down, 1 up) until no value held by 1 to k - 1 source rows is it. */
  private static double outsideRare(double v, ColumnProfile c, int k, int direction) {
    double unit = PlanNumbers.unit(v, c.type());
    for (int d : new int[] {direction, -direction}) {
      // outward first; inward when the type holds nothing further out (99.99 of a decimal(4,2))
      for (int i = 0; i <= 4 * ProfileLimits.BOUND_RANK + 4; i++) {
        double x = PlanNumbers.step(v, unit, d * i);
        if (!PlanNumbers.fits(x, c.type())) {
          break;
        }
        long r = rows(c, x);
        if (r == 0 || r >= k) {
          return x;
        }
      }
    }
    double past = direction < 0 ? PlanNumbers.step(c.numeric().min(), unit, -1)
        : PlanNumbers.step(c.numeric().max(), unit, 1);
    return PlanNumbers.fits(past, c.type()) ? past : direction < 0 ? c.numeric().max() : c.numeric().min();
  }

  /** A date range end, stepped outward a day at a time until no day held by 1 to k - 1 source rows is it. */
  private static java.time.LocalDate outsideRareDay(java.time.LocalDate day, io.synthgen.profile.TemporalSummary t,
      int k, int direction) {
    double min = micros(t.min());
    double max = micros(t.max());
    java.time.LocalDate d = day;
    for (int i = 0; i < 4 * ProfileLimits.BOUND_RANK + 40; i++) {
      double v = micros(d.toString());
      long r = v < min || v > max ? 0 : rows(v, micros(t.lower()), micros(t.upper()), t.lowest(), t.highest(), 0.5);
      if (r == 0 || r >= k) {
        return d;
      }
      d = d.plusDays(direction);
    }
    return direction < 0 ? java.time.LocalDate.parse(t.min().substring(0, 10)).minusDays(1)
        : java.time.LocalDate.parse(t.max().substring(0, 10)).plusDays(1);
  }

  private static double micros(String iso) {
    return iso.length() == 10 ? java.time.LocalDate.parse(iso).toEpochDay() * 86_400_000_000.0
        : java.time.LocalDateTime.parse(iso).toEpochSecond(java.time.ZoneOffset.UTC) * 1e6;
  }

  private static ObjectNode key(ObjectNode col, ColumnProfile c, TableProfile t, List<String> notes, int k) {
    col.put("unique", true);
    if (c.type().isIntegral()) {
      long start = 1;
      if (c.numeric() != null && c.numeric().min() >= 1) {
        start = (long) Math.pow(10, Math.floor(Math.log10(c.numeric().min())));
      }
      col.put("strategy", "sequence");
      col.put("start", start);
      notes.add("primary key (unique and never NULL in the source): " + start + ", " + (start + 1) + ", ...");
      return done(col, notes);
    }
    StringSummary.Shape s = c.strings() == null ? null : dominantShape(c, k);
    if (s != null && s.shape().length() == 36 && s.shape().charAt(8) == '-' && s.shape().charAt(13) == '-') {
      s = null; // a UUID's shape: the uuid strategy makes it properly
    }
    if (s != null && combinations(s.template()) >= 5e8 * (double) t.rows() * t.rows()) {
      col.put("strategy", "pattern");
      col.put("pattern", s.template());
      notes.add("primary key in the source's shape; no value copied");
      return done(col, notes);
    }
    col.put("strategy", "uuid");
    notes.add("primary key (unique and never NULL in the source): random UUIDs"
        + (s != null ? ", as the source's shape " + s.template() + " has too few values to draw distinct keys" : ""));
    return done(col, notes);
  }

  /** The shape most values have, when it covers {@link #DOMINANT_SHAPE} of them, at least k, and has a class. */
  private static StringSummary.Shape dominantShape(ColumnProfile c, int k) {
    for (StringSummary.Shape s : c.strings().shapes()) {
      if (s.template() != null && s.count() >= k && s.count() >= DOMINANT_SHAPE * c.nonNull()
          && (s.template().indexOf('#') >= 0 || s.template().indexOf('?') >= 0)) {
        return s;
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern DATE_LIKE = java.util.regex.Pattern.compile(
      "(^|[^9])(9999[-/.]99([-/.]99)?|99?[-/.]99?[-/.]99(99)?|99?:99)($|[^9])");

  /**
   * A shape (digits as {@code 9}) with a date's or a time's run of digits: {@code 9999-99}, {@code 99/99/9999},
   * {@code 99.99.99}, {@code 99:99}.
   */
  static boolean dateLike(String shape) {
    return DATE_LIKE.matcher(shape).find();
  }

  private static double combinations(String pattern) {
    double n = 1;
    for (char ch : pattern.toCharArray()) {
      n *= ch == '#' ? 10 : ch == '?' ? 26 : 1;
    }
    return n;
  }

  private static ObjectNode inferred(ObjectNode col, List<String> notes) {
    // no strategy: the Drafter infers one from the name and type and adds its own note
    return done(col, notes);
  }

  private static ObjectNode done(ObjectNode col, List<String> notes) {
    if (!notes.isEmpty()) {
      col.put("note", "From data: " + String.join("; ", notes));
    }
    return col;
  }

  private static void putNumber(ObjectNode col, String field, double v, DataType type) {
    if (type.isIntegral()) {
      col.put(field, Math.round(v));
    } else if (type.kind() == DataType.Kind.DECIMAL) {
      col.put(field, BigDecimal.valueOf(v).setScale(type.scale(), java.math.RoundingMode.HALF_UP));
    } else {
      col.put(field, v);
    }
  }
}
