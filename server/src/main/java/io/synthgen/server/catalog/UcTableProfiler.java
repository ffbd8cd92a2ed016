package io.synthgen.server.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.engine.Cancellation;
import io.synthgen.plan.DataType;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.DistinctCount;
import io.synthgen.profile.KeyCandidate;
import io.synthgen.profile.NumericSummary;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.StringSummary;
import io.synthgen.profile.TableProfile;
import io.synthgen.profile.TemporalSummary;
import io.synthgen.profile.ValueCount;
import io.synthgen.profile.stats.DistributionFitter;
import io.synthgen.profile.stats.ShapeCounter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Profiles one Unity Catalog table with aggregate SQL on a warehouse: DESCRIBE TABLE, then counts, summaries,
 * top values, shapes and key checks, a bounded number of columns per statement. Only aggregates come back, and
 * values held by fewer than k rows are withheld by the statements themselves.
 */
final class UcTableProfiler {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Decimal places a double column's scale is capped at (a double's text can hold 17). */
  private static final int MAX_DOUBLE_SCALE = 6;

  /** One described column. */
  record Described(String name, String planName, String ucType, DataType type, String comment) {
  }

  private final Workspace ws;
  private final String warehouse;
  private final Cancellation cancel;
  private final UcTableName table;
  private final String sqlName;
  private final int k;
  private final SourceProfiles.Allowed allowed;
  private final List<String> notes;

  UcTableProfiler(Workspace ws, String warehouse, Cancellation cancel, UcTableName table, int k,
      SourceProfiles.Allowed allowed, List<String> notes) {
    this.ws = ws;
    this.warehouse = warehouse;
    this.cancel = cancel;
    this.table = table;
    this.sqlName = table.sql();
    this.k = k;
    this.allowed = allowed;
    this.notes = notes;
  }

  private List<List<String>> run(String sql) {
    if (sql.length() > SourceProfiles.MAX_SQL_CHARS) {
      throw new IllegalStateException("a profile statement of " + sql.length() + " characters exceeds "
          + SourceProfiles.MAX_SQL_CHARS + "; the column batches are sized to stay under it");
    }
    return ws.execute(warehouse, sql, cancel);
  }

  /** The table's columns as DESCRIBE TABLE gives them, up to the partition section. */
  List<Described> describe(String planTableName) {
    List<Described> out = new ArrayList<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (List<String> r : run(ProfileSql.describe(sqlName))) {
      String name = r.get(0);
      if (name == null || name.isBlank() || name.startsWith("#")) {
        break;
      }
      String ucType = r.size() > 1 ? r.get(1) : null;
      String comment = r.size() > 2 ? r.get(2) : null;
      DataType type = ucType == null ? null : UcTypes.of(ucType);
      if (type == null) {
        notes.add(planTableName + "." + name + " is " + ucType + ", a type a plan cannot hold: not profiled");
        continue;
      }
      if (out.size() == SourceProfiles.MAX_COLUMNS) {
        notes.add(table + " has more than " + SourceProfiles.MAX_COLUMNS + " columns (SourceProfiles.MAX_COLUMNS); "
            + "the first " + SourceProfiles.MAX_COLUMNS + " were profiled");
        break;
      }
      out.add(new Described(name, SourceProfiles.identifier(name, taken), ucType, type, comment));
    }
    return out;
  }

  TableProfile profile(String planTableName, List<Described> cols) {
    long rows = 0;
    long[] nonNull = new long[cols.size()];
    long[] approx = new long[cols.size()];
    for (int from = 0; from < cols.size(); from += SourceProfiles.COLUMNS_PER_STATEMENT) {
      List<Described> batch = cols.subList(from, Math.min(cols.size(), from + SourceProfiles.COLUMNS_PER_STATEMENT));
      List<String> r = run(ProfileSql.counts(sqlName, batch.stream().map(Described::name).toList())).get(0);
      rows = parseLong(r.get(0));
      for (int i = 0; i < batch.size(); i++) {
        nonNull[from + i] = parseLong(r.get(1 + 2 * i));
        approx[from + i] = parseLong(r.get(2 + 2 * i));
      }
    }
    List<Column> built = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      built.add(new Column(cols.get(c), rows, nonNull[c], approx[c]));
    }
    summaries(built);
    List<KeyCandidate> keys = keys(built, rows);
    for (Column c : built) {
      if (c.nonNull > 0 && wantsTopValues(c)) {
        topValues(planTableName, c);
      }
      if (c.nonNull > 0 && c.d.type().kind() == DataType.Kind.STRING) {
        shapes(c);
      }
    }
    List<ColumnProfile> profiles = new ArrayList<>();
    for (Column c : built) {
      profiles.add(c.profile(rows));
    }
    return new TableProfile(planTableName, table.toString(), "table", rows, profiles, keys);
  }

  private boolean wantsTopValues(Column c) {
    DataType.Kind kind = c.d.type().kind();
    return kind != DataType.Kind.DATE && kind != DataType.Kind.TIMESTAMP && kind != DataType.Kind.BOOLEAN
        && c.approx <= 2L * ProfileLimits.TOP_VALUES;
  }

  private void summaries(List<Column> cols) {
    List<String> exprs = new ArrayList<>();
    List<Column> pending = new ArrayList<>();
    for (Column c : cols) {
      if (c.nonNull == 0) {
        continue;
      }
      List<String> e = ProfileSql.summaryOf(c.d.name(), c.d.type(), c.nonNull);
      if (pending.size() == SourceProfiles.COLUMNS_PER_STATEMENT) {
        readSummaries(exprs, pending);
        exprs.clear();
        pending.clear();
      }
      exprs.addAll(e);
      pending.add(c);
    }
    if (!pending.isEmpty()) {
      readSummaries(exprs, pending);
    }
  }

  private void readSummaries(List<String> exprs, List<Column> cols) {
    Iterator<String> values = run(ProfileSql.summary(sqlName, exprs)).get(0).iterator();
    for (Column c : cols) {
      c.readSummary(values);
    }
  }

  /** Columns that may be keys (never NULL, about as many distinct values as rows) checked exactly, best first. */
  private List<KeyCandidate> keys(List<Column> cols, long rows) {
    List<Column> candidates = new ArrayList<>();
    for (Column c : cols) {
      DataType t = c.d.type();
      if (rows > 0 && c.nonNull == rows && (t.isIntegral() || t.kind() == DataType.Kind.STRING)
          && c.approx >= 0.9 * rows && candidates.size() < SourceProfiles.MAX_KEY_CHECKS) {
        candidates.add(c);
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<String> r = run(ProfileSql.distinct(sqlName, candidates.stream().map(c -> c.d.name()).toList())).get(0);
    List<Column> unique = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Column c = candidates.get(i);
      c.exactDistinct = parseLong(r.get(i));
      if (c.exactDistinct == rows) {
        unique.add(c);
      }
    }
    unique.sort((a, b) -> Integer.compare(keyRank(a), keyRank(b)));
    return unique.stream().map(c -> new KeyCandidate(c.d.planName(), true)).toList();
  }

  private static int keyRank(Column c) {
    String n = c.d.planName().toLowerCase(Locale.ROOT);
    int named = n.equals("id") || n.endsWith("_id") || n.endsWith("id") || n.endsWith("_key") ? 0 : 2;
    return named + (c.d.type().isIntegral() ? 0 : 1);
  }

  private void topValues(String planTableName, Column c) {
    boolean allow = allowed.test(planTableName, c.d.planName());
    List<ValueCount> top = new ArrayList<>();
    long distinct = -1;
    for (List<String> r : run(ProfileSql.topValues(sqlName, c.d.name(), k, allow))) {
      long n = parseLong(r.get(1));
      distinct = parseLong(r.get(2));
      // a value withheld by the warehouse (held by fewer than k rows) is kept as its count alone
      top.add(new ValueCount(r.get(0) == null ? null : typed(r.get(0), c.d.type()), n));
    }
    c.top = top;
    c.topCounted = true;
    if (distinct >= 0) {
      c.exactDistinct = distinct;
    }
  }

  private void shapes(Column c) {
    List<StringSummary.Shape> shapes = new ArrayList<>();
    long covered = 0;
    for (List<String> r : run(ProfileSql.shapes(sqlName, c.d.name(), k))) {
      String shape = r.get(0);
      long n = parseLong(r.get(1));
      covered = parseLong(r.get(2));
      shapes.add(new StringSummary.Shape(shape, template(shape, n, r.get(3), r.get(4), r.get(5), r.get(6)), n));
    }
    c.shapes = shapes;
    c.shapesCovered = covered;
  }

  /**
   * The shape as a plan pattern, as the file profiler makes it, from the constant prefix (common to the smallest and
   * largest value of the shape) and suffix (likewise of the reversed values): constant characters kept, varying
   * digits {@code #}, varying upper-case letters {@code ?}; null when a varying position is a lower-case letter, a
   * constant one a character a pattern reads as a class, or the shape's values were withheld.
   */
  static String template(String shape, long n, String lo, String hi, String rlo, String rhi) {
    if (n < 2 || lo == null || hi == null || rlo == null || rhi == null) {
      return null;
    }
    int len = shape.length();
    int prefix = common(lo, hi);
    int suffix = common(rlo, rhi);
    char[] chars = new char[len];
    boolean[] varies = new boolean[len];
    for (int i = 0; i < len; i++) {
      char cls = shape.charAt(i);
      varies[i] = (cls == '9' || cls == 'A' || cls == 'a') && i >= prefix && i < len - suffix;
      chars[i] = i < prefix ? lo.charAt(i) : i >= len - suffix ? rlo.charAt(len - 1 - i) : cls;
    }
    return ShapeCounter.template(shape, chars, varies);
  }

  private static int common(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  static long parseLong(String s) {
    return s == null ? 0 : new BigDecimal(s).longValue();
  }

  static double parseDouble(String s) {
    return s == null ? Double.NaN : Double.parseDouble(s);
  }

  /** A value as the profile records it: Long, Double, BigDecimal, Boolean or String. */
  static Object typed(String text, DataType type) {
    return switch (type.kind()) {
      case INT, BIGINT -> new BigDecimal(text).longValueExact();
      case DECIMAL -> new BigDecimal(text).setScale(type.scale(), java.math.RoundingMode.HALF_UP);
      case DOUBLE -> Double.parseDouble(text);
      case BOOLEAN -> Boolean.parseBoolean(text);
      case DATE, TIMESTAMP, STRING -> text;
    };
  }

  /** What one column's statements returned. */
  private static final class Column {
    final Described d;
    final long rows;
    final long nonNull;
    final long approx;
    long exactDistinct = -1;
    NumericSummary numeric;
    TemporalSummary temporal;
    int minLength;
    int maxLength;
    double meanLength;
    double wordy;
    Long trueCount;
    List<ValueCount> top = List.of();
    boolean topCounted;
    List<StringSummary.Shape> shapes = List.of();
    long shapesCovered;

    Column(Described d, long rows, long nonNull, long approx) {
      this.d = d;
      this.rows = rows;
      this.nonNull = nonNull;
      this.approx = approx;
    }

    void readSummary(Iterator<String> v) {
      DataType t = d.type();
      if (t.isNumeric()) {
        double min = parseDouble(v.next());
        double max = parseDouble(v.next());
        double mean = parseDouble(v.next());
        double sd = parseDouble(v.next());
        double[] q = doubles(v.next());
        boolean integral = Boolean.parseBoolean(v.next());
        long places = parseLong(v.next());
        int scale = t.kind() == DataType.Kind.DECIMAL ? t.scale() : t.isIntegral() ? 0
            : (int) Math.min(MAX_DOUBLE_SCALE, places);
        double[] sample = Arrays.copyOfRange(q, 2, q.length);
        Arrays.sort(sample);
        numeric = new NumericSummary(min, max, q[0], q[1], mean, sd, integral, scale, false,
            DistributionFitter.fit(sample, integral));
      } else if (t.isTemporal()) {
        boolean date = t.kind() == DataType.Kind.DATE;
        long min = parseLong(v.next());
        long max = parseLong(v.next());
        double[] b = doubles(v.next());
        String unit = "1 second";
        String[] units = {"1 day", "1 hour", "1 minute", "1 second"};
        boolean found = false;
        for (String u : units) {
          boolean divisible = Boolean.parseBoolean(v.next());
          if (divisible && !found) {
            unit = u;
            found = true;
          }
        }
        temporal = new TemporalSummary(instant(min, date), instant(max, date), instant((long) b[0], date),
            instant((long) b[1], date), date ? "1 day" : unit);
      } else if (t.kind() == DataType.Kind.STRING) {
        minLength = (int) parseLong(v.next());
        maxLength = (int) parseLong(v.next());
        meanLength = parseDouble(v.next());
        wordy = parseDouble(v.next());
      } else if (t.kind() == DataType.Kind.BOOLEAN) {
        trueCount = parseLong(v.next());
      }
    }

    private static double[] doubles(String json) {
      try {
        JsonNode a = JSON.readTree(json);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = a.get(i).asDouble();
        }
        return out;
      } catch (java.io.IOException e) {
        throw new CatalogException(CatalogException.Kind.STATEMENT_FAILED, "the warehouse returned percentiles that "
            + "are not a JSON array: " + json, "check that the warehouse runs Databricks SQL (to_json of an array)");
      }
    }

    private static String instant(long v, boolean date) {
      if (date) {
        return LocalDate.ofEpochDay(v).toString();
      }
      LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(v, 1_000_000L),
          (int) Math.floorMod(v, 1_000_000L) * 1000, ZoneOffset.UTC);
      return t.toString().length() == 16 ? t + ":00" : t.toString();
    }

    ColumnProfile profile(long rows) {
      DistinctCount dc = exactDistinct >= 0 ? new DistinctCount(exactDistinct, "sql", exactDistinct == nonNull)
          : new DistinctCount(approx, "approx_sql", false);
      StringSummary strings = d.type().kind() == DataType.Kind.STRING && nonNull > 0
          ? new StringSummary(minLength, maxLength, meanLength, wordy, shapes, shapesCovered) : null;
      return new ColumnProfile(d.planName(), d.planName().equals(d.name()) ? null : d.name(), d.type(), rows,
          rows - nonNull, dc, top, topCounted, numeric, temporal, strings, trueCount);
    }
  }
}
