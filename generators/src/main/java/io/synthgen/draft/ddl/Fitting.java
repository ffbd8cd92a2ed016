package io.synthgen.draft.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a drafted plan keep what the DDL states about values, whatever strategy inference chose: bounds (the SQL
 * type's range, CHECK ranges with their strictness: {@code x > 0} is {@code min 1} for an integer, {@code 0.01} for
 * a decimal(10,2)) narrow a uniform's range, clamp or move a distribution, move a sequence's start and filter
 * values; date bounds are kept by {@link DateFit}, lengths by {@link LengthFit}. What cannot be kept is a violation.
 */
final class Fitting {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final DdlIssues issues;
  private final DateFit dates;
  private final LengthFit lengths;

  private Fitting(LocalDate referenceDate, DdlIssues issues) {
    this.issues = issues;
    this.dates = new DateFit(referenceDate, issues);
    this.lengths = new LengthFit(Dictionaries.standard(), issues);
  }

  static void fit(ObjectNode plan, Map<String, DdlTable> tables, LocalDate referenceDate, DdlIssues issues) {
    Fitting f = new Fitting(referenceDate, issues);
    for (JsonNode t : plan.withArray("tables")) {
      DdlTable dt = tables.get(Tokens.key(t.path("name").asText()));
      if (dt == null) {
        continue;
      }
      ArrayNode cols = (ArrayNode) t.get("columns");
      for (int k = 0; k < cols.size(); k++) {
        ObjectNode col = (ObjectNode) cols.get(k);
        DdlColumn dc = dt.column(col.path("name").asText());
        if (dc == null || col.path("omit").asBoolean(false)) {
          continue;
        }
        if (dc.refTable != null) {
          f.foreignKeyLength(plan, dc, tables);
          int added = f.narrowerForeignKey(plan, cols, k, col, dc);
          if (added > 0) {
            f.foreignKey(plan, dc);
            k += added;
            continue;
          }
          f.foreignKey(plan, dc);
        }
        f.bounds(col, dc, t.path("rows").asLong());
        k += f.lengths.fit(cols, k, col, dc);
        if (dc.type.scale() != null && dc.refTable == null && dc.generatedExpr == null) {
          k += rounded(cols, k, col, dc.type.scale());
        }
      }
    }
  }

  /**
   * What the DDL contradicts itself on, found before drafting so it is reported with every other problem of the
   * script: CHECKs (and the type) that allow no value, and listed values (CHECK IN, ENUM) longer than the column or
   * outside its range.
   */
  static void precheck(Map<String, DdlTable> tables, DdlIssues issues) {
    for (DdlTable t : tables.values()) {
      for (DdlColumn c : t.columns.values()) {
        DataType type = c.type.type();
        BigDecimal lo = type.isNumeric() ? lower(c, type) : null;
        BigDecimal hi = type.isNumeric() ? upper(c, type) : null;
        if (lo != null && hi != null && lo.compareTo(hi) > 0) {
          issues.add(c.line, c.name, "the CHECKs on " + c.name + " allow no " + type + " value (from " + plain(lo)
              + " to " + plain(hi) + ")", "correct the bounds");
        }
        Integer n = c.type.maxLength();
        if (c.checkMaxLength != null) {
          n = n == null ? c.checkMaxLength : Math.min(n, c.checkMaxLength);
        }
        java.util.List<Object> listed = new java.util.ArrayList<>();
        if (c.type.values() != null) {
          listed.addAll(c.type.values());
        }
        if (c.checkValues != null) {
          listed.addAll(c.checkValues);
        }
        for (Object v : listed) {
          String s = v instanceof BigDecimal b ? plain(b) : String.valueOf(v);
          if (n != null && type.kind() == DataType.Kind.STRING && s.length() > n) {
            issues.add(c.line, s, "the value '" + s + "' is longer than the " + n + " characters " + c.name
                + " holds", "widen " + c.name + "'s type or shorten the value");
          }
          if (v instanceof BigDecimal b && type.isNumeric() && !within(b, lo, hi)) {
            issues.add(c.line, s, "the value " + s + " of " + c.name + " is outside its type or CHECK range",
                "correct the value or the range");
          }
        }
      }
    }
  }

  /**
   * A hidden copy of a drafted column ({@code omit}, without its null rate and note) named {@code <name><suffix>},
   * made unique among the table's columns with trailing {@code _}: what a column the DDL constrains further is then
   * computed from.
   */
  static ObjectNode hiddenCopy(ArrayNode cols, ObjectNode col, String suffix) {
    java.util.Set<String> names = new java.util.HashSet<>();
    cols.forEach(x -> names.add(x.path("name").asText().toLowerCase(Locale.ROOT)));
    String helper = col.path("name").asText() + suffix;
    while (names.contains(helper.toLowerCase(Locale.ROOT))) {
      helper = helper + "_";
    }
    ObjectNode h = col.deepCopy();
    h.put("name", helper);
    h.remove("null_rate");
    h.remove("note");
    h.put("omit", true);
    return h;
  }

  /**
   * A MySQL DOUBLE(p,s) column rounds its values to s places: the drafted column becomes a hidden helper
   * ({@code <name>_raw}, omitted) and the column {@code round(helper, s)}. Returns the columns inserted.
   */
  private static int rounded(ArrayNode cols, int at, ObjectNode col, int scale) {
    if ("expression".equals(col.path("strategy").asText()) || col.path("unique").asBoolean(false)) {
      return 0;
    }
    ObjectNode h = hiddenCopy(cols, col, "_raw");
    String helper = h.path("name").asText();
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    v.put("name", col.path("name").asText());
    v.put("type", col.path("type").asText());
    v.put("strategy", "expression");
    v.put("expr", "round(" + helper + ", " + scale + ")");
    if (col.has("null_rate")) {
      v.set("null_rate", col.get("null_rate"));
    }
    String note = col.path("note").asText("");
    v.put("note", (note.isEmpty() ? "" : note + "; ") + "rounded to " + scale + " decimals");
    cols.set(at, h);
    cols.insert(at + 1, v);
    return 1;
  }

  /**
   * An integer foreign key narrower than its parent's key (INT or SMALLINT to BIGINT): when the parent's key is a
   * sequence whose every value fits the child's type, the child takes the parent's keys through a hidden helper of
   * the parent's type ({@code <name>_key}, omitted) and reads it, which is checked against the narrower type whenever
   * the plan is resolved (a plan scaled past the type's range is refused); otherwise it is refused.
   * Returns the columns inserted (1 or 0).
   */
  private int narrowerForeignKey(ObjectNode plan, ArrayNode cols, int at, ObjectNode col, DdlColumn c) {
    DataType child = DataType.parse(col.path("type").asText());
    if (child == null || !child.isIntegral() || !"foreign_key".equals(col.path("strategy").asText())) {
      return 0;
    }
    ParentKey key = parentKey(plan, c);
    if (key != null) {
      JsonNode t = key.table();
      JsonNode p = key.column();
      DataType parent = DataType.parse(p.path("type").asText());
      if (parent == null || !parent.isIntegral() || parent.equals(child)) {
        return 0;
      }
      double lo = c.type.lo() != null ? c.type.lo() : child.equals(DataType.INT) ? Integer.MIN_VALUE
          : Long.MIN_VALUE;
      double hi = c.type.hi() != null ? c.type.hi() : child.equals(DataType.INT) ? Integer.MAX_VALUE
          : Long.MAX_VALUE;
      String fix = "declare " + c.name + " as " + parent.toString().toUpperCase(Locale.ROOT) + ", the type of "
          + c.refTable + "." + c.refColumn;
      if (!"sequence".equals(p.path("strategy").asText())) {
        issues.add(c.line, c.name, "the foreign key " + c.name + " is narrower than " + c.refTable + "."
            + c.refColumn + ", whose keys are not a sequence that fits it", fix);
        return 0;
      }
      BigDecimal first = BigDecimal.valueOf(p.path("start").asLong(1));
      BigDecimal last = first.add(BigDecimal.valueOf(p.path("step").asLong(1)).multiply(BigDecimal.valueOf(
          Math.max(0, t.path("rows").asLong() - 1))));
      if (!within(first, BigDecimal.valueOf(lo), BigDecimal.valueOf(hi))
          || !within(last, BigDecimal.valueOf(lo), BigDecimal.valueOf(hi))) {
        issues.add(c.line, c.name, "the foreign key " + c.name + " holds " + plain(BigDecimal.valueOf(lo)) + " to "
            + plain(BigDecimal.valueOf(hi)) + ", but the keys of " + c.refTable + "." + c.refColumn + " reach "
            + plain(first.max(last)), fix);
        return 0;
      }
      ObjectNode h = hiddenCopy(cols, col, "_key");
      h.put("type", parent.toString());
      String helper = h.path("name").asText();
      ObjectNode v = JsonNodeFactory.instance.objectNode();
      v.put("name", col.path("name").asText());
      v.put("type", child.toString());
      v.put("strategy", "expression");
      // the helper itself, not a CAST: a CAST makes a key that does not fit NULL, while a plain reference in a
      // narrower column is refused when its reachable keys leave the type, also after the plan is scaled
      v.put("expr", helper);
      if (col.has("null_rate")) {
        v.set("null_rate", col.get("null_rate"));
      }
      String note = col.path("note").asText("");
      v.put("note", (note.isEmpty() ? "" : note + "; ") + "the keys of " + c.refTable + "." + c.refColumn + " as "
          + child);
      cols.set(at, h);
      cols.insert(at + 1, v);
      return 1;
    }
    return 0;
  }

  /**
   * A foreign key's values are its parent's keys: when the child's VARCHAR(n) / CHAR(n) or a CHECK on its length
   * holds fewer characters than the parent's key can have, the rows would break the child's DDL, so it is refused.
   */
  private void foreignKeyLength(ObjectNode plan, DdlColumn c, Map<String, DdlTable> tables) {
    Integer n = c.type.maxLength();
    if (c.checkMaxLength != null) {
      n = n == null ? c.checkMaxLength : Math.min(n, c.checkMaxLength);
    }
    DdlTable pt = tables.get(Tokens.key(c.refTable));
    DdlColumn pc = pt == null || c.refColumn == null ? null : pt.column(c.refColumn);
    if (n == null || pc == null) {
      return;
    }
    Integer parent = pc.type.maxLength();
    if (pc.checkMaxLength != null) {
      parent = parent == null ? pc.checkMaxLength : Math.min(parent, pc.checkMaxLength);
    }
    ParentKey key = parentKey(plan, c);
    if (key != null) {
      JsonNode t = key.table();
      JsonNode p = key.column();
      DataType type = DataType.parse(p.path("type").asText());
      if (type == null || type.kind() != DataType.Kind.STRING) {
        return;
      }
      if ("uuid".equals(p.path("strategy").asText())) {
        parent = parent == null ? 36 : Math.min(parent, 36);
      }
    }
    if (parent == null || parent > n) {
      issues.add(c.line, c.name, "the foreign key " + c.name + " holds at most " + n + " characters, but its values "
          + "are the keys of " + c.refTable + "." + c.refColumn + ", which can have "
          + (parent == null ? "any length" : parent + " characters"), "declare " + c.name + " as VARCHAR("
          + (parent == null ? 36 : parent) + ") or more (as long as the parent key), or the parent key "
          + c.refTable + "." + c.refColumn + " as VARCHAR(" + n + ")");
    }
  }

  /**
   * A CHECK on a foreign key holds when every key of the parent does: the parent's key must be a sequence within
   * the bounds (a list of values on a foreign key is refused: its values are the parent's keys).
   */
  private void foreignKey(ObjectNode plan, DdlColumn c) {
    if (c.checkLo == null && c.checkHi == null && c.checkValues == null) {
      return;
    }
    String fix = "remove the CHECK from " + c.name + " (its values are " + c.refTable + "." + c.refColumn
        + "'s) or put it on " + c.refTable + "." + c.refColumn;
    if (c.checkValues != null) {
      issues.add(c.line, c.name, "a CHECK lists values for the foreign key " + c.name, fix);
      return;
    }
    ParentKey key = parentKey(plan, c);
    if (key != null) {
      JsonNode t = key.table();
      JsonNode p = key.column();
      DataType type = DataType.parse(p.path("type").asText());
      boolean numeric = (c.checkLo == null || c.checkLo.value() instanceof BigDecimal)
          && (c.checkHi == null || c.checkHi.value() instanceof BigDecimal);
      if (numeric && "sequence".equals(p.path("strategy").asText()) && type != null && type.isIntegral()) {
        BigDecimal first = BigDecimal.valueOf(p.path("start").asLong(1));
        BigDecimal last = first.add(BigDecimal.valueOf(p.path("step").asLong(1)).multiply(BigDecimal.valueOf(
            Math.max(0, t.path("rows").asLong() - 1))));
        BigDecimal lo = first.min(last);
        BigDecimal hi = first.max(last);
        BigDecimal l = c.checkLo == null ? null : onGrid((BigDecimal) c.checkLo.value(), type, c.checkLo.strict(),
            true);
        BigDecimal h = c.checkHi == null ? null : onGrid((BigDecimal) c.checkHi.value(), type, c.checkHi.strict(),
            false);
        if (within(lo, l, h) && within(hi, l, h)) {
          return;
        }
      }
      issues.add(c.line, c.name, "the CHECK on the foreign key " + c.name + " does not hold for every key of "
          + c.refTable + "." + c.refColumn, fix);
      return;
    }
  }

  /** The table and the key column of the plan a foreign key references. */
  private record ParentKey(JsonNode table, JsonNode column) {
  }

  /** Where the plan being fitted holds the key {@code c} references; null when it holds none. */
  private static ParentKey parentKey(ObjectNode plan, DdlColumn c) {
    for (JsonNode t : plan.withArray("tables")) {
      if (t.path("name").asText().equalsIgnoreCase(c.refTable)) {
        for (JsonNode p : t.withArray("columns")) {
          if (p.path("name").asText().equalsIgnoreCase(c.refColumn)) {
            return new ParentKey(t, p);
          }
        }
      }
    }
    return null;
  }

  // ---- bounds

  private void bounds(ObjectNode col, DdlColumn c, long rows) {
    DataType type = DataType.parse(col.path("type").asText());
    if (type == null || c.refTable != null) {
      return; // a foreign key takes its parent's values
    }
    if (type.isTemporal()) {
      if (c.checkLo != null || c.checkHi != null) {
        dates.fit(col, c, type);
      }
      return;
    }
    if (!type.isNumeric()) {
      if (c.checkLo != null || c.checkHi != null) {
        issues.add(c.line, c.name, "a range CHECK on " + c.name + ", a " + type + " column", "compare "
            + c.name + " with values of its type, or list them with IN (...)");
      }
      return;
    }
    BigDecimal lo = lower(c, type);
    BigDecimal hi = upper(c, type);
    if (type.kind() == DataType.Kind.DECIMAL && "distribution".equals(col.path("strategy").asText())) {
      // a decimal(p,s) holds up to 10^(p-s) - 10^-s: a drafted distribution reaching past it is kept inside
      double[] reach = ClampShare.reach(col);
      BigDecimal m = BigDecimal.TEN.pow(type.precision() - type.scale()).subtract(BigDecimal.ONE.movePointLeft(
          type.scale()));
      if (reach == null || reach[1] > m.doubleValue()) {
        hi = hi == null || hi.compareTo(m) > 0 ? m : hi;
      }
      if (reach == null || reach[0] < m.negate().doubleValue()) {
        lo = lo == null || lo.compareTo(m.negate()) < 0 ? m.negate() : lo;
      }
    }
    if (lo == null && hi == null) {
      return;
    }
    if (lo != null && hi != null && lo.compareTo(hi) > 0) {
      issues.add(c.line, c.name, "the CHECKs on " + c.name + " allow no " + type + " value (from " + plain(lo)
          + " to " + plain(hi) + ")", "correct the bounds");
      return;
    }
    String strategy = col.path("strategy").asText();
    String range = "[" + (lo == null ? "" : plain(lo)) + ", " + (hi == null ? "" : plain(hi)) + "]";
    switch (strategy) {
      case "uniform" -> {
        String before = bounds(col);
        uniform(col, lo, hi, type);
        if (!before.equals(bounds(col))) {
          appendNote(col, "now " + col.get("min").asText() + "-" + col.get("max").asText() + ", within " + range
              + " (the DDL's type and CHECK)");
        }
      }
      case "distribution" -> distribution(col, lo, hi, type, range);
      case "sequence" -> sequence(col, c, lo, hi, rows);
      case "values" -> filterValues(col, c, lo, hi);
      case "constant" -> {
        if (col.path("null_rate").asDouble(0) < 1 && !within(col.get("value").decimalValue(), lo, hi)) {
          issues.add(c.line, col.get("value"), c.name + "'s value is outside what its CHECK allows", "correct it");
        }
      }
      case "boolean", "foreign_key", "lookup", "parent", "child_index", "child_aggregate" -> {
      }
      default -> {
        if (c.checkLo != null || c.checkHi != null) {
          issues.add(c.line, c.name, "the range CHECK on " + c.name + " cannot be kept on a " + strategy + " column",
              "remove the CHECK, or describe " + c.name + " with bounds afterwards (revise_plan)");
        }
      }
    }
  }

  /** A column's min and max as plain numbers, to tell whether fitting changed them. */
  private static String bounds(ObjectNode col) {
    return (col.hasNonNull("min") ? plain(col.get("min").decimalValue()) : "") + ".."
        + (col.hasNonNull("max") ? plain(col.get("max").decimalValue()) : "");
  }

  /** A number for a note: plain, or with 10 significant digits when that is long (a double's next value). */
  static String plain(BigDecimal v) {
    if (v.signum() == 0) {
      return "0";
    }
    String p = v.stripTrailingZeros().toPlainString();
    return p.length() <= 24 ? p : v.round(new java.math.MathContext(10)).stripTrailingZeros().toString();
  }

  /** A bound written into the plan: a whole number for an integer column. */
  private static void put(ObjectNode col, String field, BigDecimal v, DataType type) {
    if (type.isIntegral()) {
      col.put(field, v.longValue());
    } else {
      BigDecimal n = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
      col.put(field, n.scale() < 0 ? n.setScale(0) : n);
    }
  }

  private static BigDecimal lower(DdlColumn c, DataType type) {
    BigDecimal lo = c.type.lo() == null ? null : BigDecimal.valueOf(c.type.lo());
    if (c.checkLo != null && c.checkLo.value() instanceof BigDecimal v) {
      BigDecimal b = onGrid(v, type, c.checkLo.strict(), true);
      lo = lo == null || b.compareTo(lo) > 0 ? b : lo;
    }
    return lo;
  }

  private static BigDecimal upper(DdlColumn c, DataType type) {
    BigDecimal hi = c.type.hi() == null ? null : BigDecimal.valueOf(c.type.hi());
    if (c.checkHi != null && c.checkHi.value() instanceof BigDecimal v) {
      BigDecimal b = onGrid(v, type, c.checkHi.strict(), false);
      hi = hi == null || b.compareTo(hi) < 0 ? b : hi;
    }
    return hi;
  }

  /** The first value of the type's grid that a bound allows: integers and decimals step by their unit. */
  static BigDecimal onGrid(BigDecimal v, DataType type, boolean strict, boolean lower) {
    if (type.kind() == DataType.Kind.DOUBLE) {
      double d = v.doubleValue();
      return strict ? BigDecimal.valueOf(lower ? Math.nextUp(d) : Math.nextDown(d)) : v;
    }
    int scale = type.kind() == DataType.Kind.DECIMAL ? type.scale() : 0;
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal g = v.setScale(scale, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
    if (strict && g.compareTo(v) == 0) {
      g = lower ? g.add(unit) : g.subtract(unit);
    }
    return g;
  }

  static boolean within(BigDecimal v, BigDecimal lo, BigDecimal hi) {
    return (lo == null || v.compareTo(lo) >= 0) && (hi == null || v.compareTo(hi) <= 0);
  }

  private static void uniform(ObjectNode col, BigDecimal lo, BigDecimal hi, DataType type) {
    BigDecimal min = col.get("min").decimalValue();
    BigDecimal max = col.get("max").decimalValue();
    BigDecimal width = max.subtract(min);
    BigDecimal nmin = lo != null && lo.compareTo(min) > 0 ? lo : min;
    BigDecimal nmax = hi != null && hi.compareTo(max) < 0 ? hi : max;
    if (nmin.compareTo(nmax) > 0) {
      // the inferred range misses the CHECK's entirely: keep its width inside the bounds
      if (lo != null && hi != null) {
        nmin = lo;
        nmax = hi;
      } else if (lo != null) {
        nmin = lo;
        nmax = lo.add(width);
      } else {
        nmax = hi;
        nmin = hi.subtract(width);
      }
    }
    put(col, "min", nmin, type);
    put(col, "max", nmax, type);
    if (col.has("step")) {
      col.remove("step");
    }
  }

  /**
   * A distribution is clamped to the bounds when that moves few values ({@link DdlLimits#MAX_CLAMPED_SHARE});
   * otherwise a non-negative one is moved onto a lone lower bound (offset), and anything else becomes uniform over
   * the bounds (from 0, or the lower bound, to a lone upper bound).
   */
  private static void distribution(ObjectNode col, BigDecimal lo, BigDecimal hi, DataType type, String range) {
    double share = ClampShare.of(col, lo, hi);
    if (!(share > DdlLimits.MAX_CLAMPED_SHARE)) {
      String before = bounds(col);
      clamp(col, lo, hi, type);
      if (!before.equals(bounds(col))) {
        appendNote(col, "clamped to " + range + " (the DDL's type and CHECKs)");
      }
      return;
    }
    String pct = String.format(Locale.ROOT, "%.0f%%", 100 * share);
    if (lo != null && hi == null && ClampShare.nonNegative(col) && col.path("offset").asDouble(0) == 0) {
      put(col, "offset", lo, type);
      col.remove("min");
      put(col, "min", lo, type);
      appendNote(col, "moved to start at " + plain(lo) + ", the DDL's lower bound (clamping would have put " + pct
          + " of values on it)");
      return;
    }
    BigDecimal min = lo != null ? lo : BigDecimal.ZERO.min(hi);
    BigDecimal max = hi != null ? hi : lo.add(BigDecimal.valueOf(100));
    for (String f : new String[] {"distribution", "scale", "offset", "min", "max", "rounding"}) {
      col.remove(f);
    }
    col.put("strategy", "uniform");
    put(col, "min", min, type);
    put(col, "max", max, type);
    appendNote(col, "uniform over " + range + ", the DDL's range (the inferred distribution would have put " + pct
        + " of values on its bounds)");
  }

  private static void clamp(ObjectNode col, BigDecimal lo, BigDecimal hi, DataType type) {
    BigDecimal min = col.hasNonNull("min") ? col.get("min").decimalValue() : null;
    BigDecimal max = col.hasNonNull("max") ? col.get("max").decimalValue() : null;
    BigDecimal nmin = lo != null && (min == null || lo.compareTo(min) > 0) ? lo : min;
    BigDecimal nmax = hi != null && (max == null || hi.compareTo(max) < 0) ? hi : max;
    if (nmin != null && nmax != null && nmin.compareTo(nmax) > 0) {
      nmin = lo != null ? lo : nmin;
      nmax = hi != null ? hi : nmax;
    }
    if (nmin != null) {
      put(col, "min", nmin, type);
    }
    if (nmax != null) {
      put(col, "max", nmax, type);
    }
  }

  private void sequence(ObjectNode col, DdlColumn c, BigDecimal lo, BigDecimal hi, long rows) {
    long step = col.path("step").asLong(1);
    BigDecimal start = BigDecimal.valueOf(col.path("start").asLong(1));
    if (lo != null && step > 0 && start.compareTo(lo) < 0) {
      start = lo;
      col.put("start", lo.longValue());
    }
    BigDecimal last = start.add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(Math.max(0, rows - 1))));
    if (hi != null && last.compareTo(hi) > 0) {
      issues.add(c.line, c.name, String.format(Locale.ROOT, "%s counts up to %s over %,d rows, more than its type "
          + "or CHECK allows (%s)", c.name, last.toPlainString(), rows, hi.toPlainString()), "use a wider type "
          + "for " + c.name + " or fewer rows");
    }
  }

  private void filterValues(ObjectNode col, DdlColumn c, BigDecimal lo, BigDecimal hi) {
    ArrayNode vs = (ArrayNode) col.get("values");
    ArrayNode ws = col.has("weights") ? (ArrayNode) col.get("weights") : null;
    ArrayNode nv = F.arrayNode();
    ArrayNode nw = F.arrayNode();
    for (int k = 0; k < vs.size(); k++) {
      if (vs.get(k).isNumber() && within(vs.get(k).decimalValue(), lo, hi)) {
        nv.add(vs.get(k));
        if (ws != null) {
          nw.add(ws.get(k));
        }
      }
    }
    if (nv.isEmpty()) {
      issues.add(c.line, c.name, "no value of " + c.name + " is within its CHECK's range", "correct the CHECK");
      return;
    }
    col.set("values", nv);
    if (ws != null) {
      col.set("weights", nw);
    }
  }

  static void appendNote(ObjectNode col, String s) {
    String note = col.path("note").asText("");
    col.put("note", note.isEmpty() ? s : note + "; " + s);
  }
}
