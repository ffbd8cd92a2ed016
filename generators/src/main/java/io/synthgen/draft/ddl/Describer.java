package io.synthgen.draft.ddl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import io.synthgen.plan.validate.PlanLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables read from a DDL script as the description {@link io.synthgen.draft.Drafter} takes: tables ordered by
 * their references (parents first), each column with what the DDL states (type, primary key, references, values,
 * NOT NULL as null_rate 0, identity as a sequence, a generated column as an expression, the comment as the note)
 * and nothing else, so that the Drafter's inference fills what the DDL leaves open. Bounds and lengths are applied
 * to the drafted plan afterwards by {@link Fitting}, whatever strategy inference chose.
 */
final class Describer {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The description, and per table and column what {@link Fitting} must enforce. */
  record Result(ObjectNode description, Map<String, DdlTable> tables) {
  }

  private final Map<String, DdlTable> tables;
  private final DdlIssues issues;
  /** Foreign key columns left NULL to break a cycle of references, by "table.column" key. */
  private final Set<String> broken = new LinkedHashSet<>();
  /** Columns made sequences so a composite key is unique, by "table.column" key. */
  private final Map<String, String> keyed = new LinkedHashMap<>();

  private Describer(Map<String, DdlTable> tables, DdlIssues issues) {
    this.tables = tables;
    this.issues = issues;
  }

  static Result describe(Map<String, DdlTable> tables, List<String> skipped, DdlIssues issues) {
    Describer d = new Describer(tables, issues);
    Map<String, Map<String, String>> refs = d.references();
    d.compositeKeys();
    List<DdlTable> order = new References(tables, refs, d.broken, issues).order();
    Map<String, Long> rows = new LinkedHashMap<>();
    ObjectNode desc = F.objectNode();
    desc.put("name", "from_ddl");
    desc.put("description", description(order, skipped));
    ArrayNode out = desc.putArray("tables");
    for (DdlTable t : order) {
      long r = DdlLimits.ROOT_ROWS;
      for (String parent : new LinkedHashSet<>(refs.get(Tokens.key(t.name)).values())) {
        if (!parent.equals(Tokens.key(t.name)) && rows.containsKey(parent)) {
          r = Math.max(r, Math.min(DdlLimits.MAX_DRAFTED_ROWS, rows.get(parent) * DdlLimits.ROWS_PER_PARENT));
        }
      }
      DdlTable parent = d.oneToOneParent(t);
      if (parent != null && rows.containsKey(Tokens.key(parent.name))) {
        r = rows.get(Tokens.key(parent.name));
      }
      rows.put(Tokens.key(t.name), r);
      out.add(d.table(t, r, refs.get(Tokens.key(t.name))));
    }
    return new Result(desc, tables);
  }

  private static String description(List<DdlTable> order, List<String> skipped) {
    List<String> names = new ArrayList<>();
    order.forEach(t -> names.add(t.name));
    String s = "Drafted from DDL: " + String.join(", ", names) + ".";
    if (!skipped.isEmpty()) {
      s += " Statements skipped (they do not describe data): " + String.join("; ", skipped) + ".";
    }
    int max = PlanLimits.MAX_TEXT_LENGTH;
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /** Per table, each foreign key column's referenced "table" key; problems of the references are reported. */
  private Map<String, Map<String, String>> references() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (DdlTable t : tables.values()) {
      Map<String, String> cols = new LinkedHashMap<>();
      out.put(Tokens.key(t.name), cols);
      for (DdlTable.ForeignKey fk : t.foreignKeys) {
        if (fk.columns().size() != 1) {
          issues.add(fk.line(), String.join(", ", fk.columns()), "a foreign key over " + fk.columns().size()
              + " columns (" + String.join(", ", fk.columns()) + ") in " + t.declaredName
              + " is not supported: a plan's foreign key is one column", "give " + fk.table() + " a single-column key (an id) and reference it");
          continue;
        }
        DdlTable parent = tables.get(Tokens.key(fk.table()));
        if (parent == null) {
          issues.add(fk.line(), fk.table(), t.declaredName + "." + fk.columns().get(0) + " references table "
              + fk.table() + ", which the DDL does not create", "add CREATE TABLE " + fk.table() + " to the DDL, or "
              + "drop the reference; tables are: " + String.join(", ", tables.keySet()));
          continue;
        }
        String refCol = fk.refColumns().isEmpty() ? null : fk.refColumns().get(0);
        if (fk.refColumns().size() > 1) {
          issues.add(fk.line(), String.join(", ", fk.refColumns()), "the foreign key references "
              + fk.refColumns().size() + " columns but has one", "reference one column of " + parent.declaredName);
          continue;
        }
        if (refCol == null) {
          if (parent.primaryKey.size() != 1) {
            issues.add(fk.line(), parent.declaredName, t.declaredName + "." + fk.columns().get(0) + " references "
                + parent.declaredName + ", which has no single-column primary key", "name the referenced column: "
                + "REFERENCES " + parent.declaredName + "(column)");
            continue;
          }
          refCol = parent.primaryKey.get(0);
        }
        DdlColumn target = parent.column(refCol);
        if (target == null) {
          issues.add(fk.line(), refCol, "no column " + refCol + " in " + parent.declaredName, "columns are: "
              + String.join(", ", parent.columnNames()));
          continue;
        }
        boolean isKey = parent.primaryKey.equals(List.of(target.name)) || target.unique;
        if (!isKey && parent.primaryKey.isEmpty()) {
          parent.primaryKey = List.of(target.name); // a referenced column is a key, as SQL requires
          target.notNull = true;
        } else if (!isKey) {
          issues.add(fk.line(), parent.declaredName + "." + target.name, "the foreign key references "
              + parent.declaredName + "." + target.name + ", which is neither its primary key nor UNIQUE",
              "reference " + parent.declaredName + "'s primary key, or declare " + target.name + " UNIQUE");
          continue;
        }
        String col = Tokens.key(fk.columns().get(0));
        DdlColumn child = t.column(col);
        if (child == null) {
          continue; // reported where the constraint was read
        }
        String prev = cols.put(col, Tokens.key(parent.name));
        if (prev != null && !prev.equals(Tokens.key(parent.name))) {
          issues.add(fk.line(), child.name, child.name + " references two tables", "keep one reference");
        }
        child.refTable = parent.name;
        child.refColumn = target.name;
      }
    }
    return out;
  }

  /**
   * A composite primary key or UNIQUE: the first of its columns that is not a foreign key becomes a sequence, which
   * makes every combination distinct; a key made only of foreign keys cannot be guaranteed and is refused.
   */
  private void compositeKeys() {
    for (DdlTable t : tables.values()) {
      List<DdlTable.Composite> keys = new ArrayList<>(t.compositeUniques);
      if (t.primaryKey.size() > 1) {
        keys.add(0, new DdlTable.Composite(t.primaryKey, t.primaryKeyLine));
      }
      for (DdlTable.Composite k : keys) {
        DdlColumn pick = null;
        for (String n : k.columns()) {
          DdlColumn c = t.column(n);
          if (c.refTable == null && c.checkValues == null && c.type.values() == null && c.type.type().isIntegral()) {
            pick = c;
            break;
          }
        }
        if (pick == null) {
          issues.add(k.line(), String.join(", ", k.columns()), "the key (" + String.join(", ", k.columns()) + ") of "
              + t.declaredName + " cannot be made unique: each of its columns is a foreign key, a list of values or "
              + "not an integer", "add an integer id column to " + t.declaredName + " and make it the primary key "
              + "(keep the pair as two foreign keys)");
        } else {
          keyed.put(Tokens.key(t.name) + "." + Tokens.key(pick.name), "(" + String.join(", ", k.columns()) + ")");
        }
      }
    }
  }

  /**
   * The parent of a one-to-one table, whose primary key is also a foreign key to a parent whose own key is drafted
   * as a sequence (an integer key that references nothing, with no values or generated expression): the table gets
   * the parent's rows and its key the same sequence, so every key is a parent key exactly once. Null otherwise.
   */
  private DdlTable oneToOneParent(DdlTable t) {
    if (t.primaryKey.size() != 1) {
      return null;
    }
    DdlColumn c = t.column(t.primaryKey.get(0));
    if (c.refTable == null || broken.contains(Tokens.key(t.name) + "." + Tokens.key(c.name))
        || Tokens.key(c.refTable).equals(Tokens.key(t.name))) {
      return null;
    }
    DdlTable parent = tables.get(Tokens.key(c.refTable));
    if (parent == null || parent.primaryKey.size() != 1 || !parent.primaryKey.get(0).equals(c.refColumn)) {
      return null;
    }
    DdlColumn pk = parent.column(parent.primaryKey.get(0));
    boolean sequence = pk.type.type().isIntegral() && pk.refTable == null && pk.generatedExpr == null
        && pk.checkValues == null && pk.type.values() == null && !c.type.uuid();
    return sequence && c.type.type().isIntegral() ? parent : null;
  }

  private ObjectNode table(DdlTable t, long rows, Map<String, String> refs) {
    ObjectNode o = F.objectNode();
    o.put("name", t.name);
    o.put("rows", rows);
    if (t.comment != null && !t.comment.isBlank()) {
      o.put("description", clip(t.comment));
    }
    if (t.primaryKey.size() == 1) {
      o.put("primary_key", t.primaryKey.get(0));
    }
    ArrayNode cols = o.putArray("columns");
    for (DdlColumn c : t.columns.values()) {
      cols.add(column(t, c, rows));
    }
    return o;
  }

  /**
   * A UNIQUE (or short primary key) string column: a pattern of letters and digits with enough combinations to be
   * unique by construction on {@code rows} rows ({@link DdlLimits#UNIQUE_PATTERN_SAFETY} times rows squared, with
   * room for {@link DdlLimits#UNIQUE_ROWS_HEADROOM} times the rows when the column's length allows), with the
   * column's prefix when it fits.
   */
  private void uniqueText(ObjectNode o, DdlColumn c, long rows, List<String> notes) {
    Integer n = c.type.maxLength() == null ? c.checkMaxLength : c.checkMaxLength == null ? c.type.maxLength()
        : Integer.valueOf(Math.min(c.type.maxLength(), c.checkMaxLength));
    int kMin = (int) Math.ceil(Math.log(DdlLimits.UNIQUE_PATTERN_SAFETY * Math.pow(rows, 2)) / Math.log(36));
    int k = (int) Math.ceil(Math.log(DdlLimits.UNIQUE_PATTERN_SAFETY
        * Math.pow((double) rows * DdlLimits.UNIQUE_ROWS_HEADROOM, 2)) / Math.log(36));
    if (n != null && n < k) {
      k = Math.max(kMin, n); // the headroom is given up before the column's length
    }
    String lower = c.name.toLowerCase(Locale.ROOT);
    String prefix;
    String suffix = "";
    if (lower.contains("email")) {
      prefix = "user_";
      suffix = "@example.com";
    } else {
      String letters = c.name.replaceAll("[^A-Za-z]", "");
      prefix = letters.isEmpty() ? "" : letters.substring(0, Math.min(3, letters.length())).toUpperCase(Locale.ROOT)
          + "-";
    }
    String pattern = prefix + "*".repeat(k) + suffix;
    if (n != null && pattern.length() > n) {
      pattern = "*".repeat(k) + suffix;
    }
    if (n != null && pattern.length() > n) {
      pattern = "*".repeat(k);
    }
    if (n != null && pattern.length() > n) {
      issues.add(c.line, c.name, c.name + " is unique but holds " + n + " characters, too few for " + kMin
          + " random letters and digits, what distinct values on " + rows + " rows need", "widen its type to "
          + "VARCHAR(" + kMin + ") or more");
      return;
    }
    o.put("strategy", "pattern");
    o.put("pattern", pattern);
    if (!o.has("unique")) {
      o.put("unique", true);
    }
    notes.add("unique: " + k + " random letters and digits");
  }

  private ObjectNode column(DdlTable t, DdlColumn c, long rows) {
    ObjectNode o = F.objectNode();
    o.put("name", c.name);
    DataType type = c.type.type();
    o.put("type", type.toString());
    List<String> notes = new ArrayList<>();
    if (c.comment != null && !c.comment.isBlank()) {
      notes.add(c.comment.strip());
    }
    if (!c.declaredName.equals(c.name)) {
      notes.add("\"" + c.declaredName + "\" in the DDL");
    }
    if (c.type.note() != null) {
      notes.add(c.type.note());
    }
    String key = Tokens.key(t.name) + "." + Tokens.key(c.name);
    boolean pk = t.primaryKey.equals(List.of(c.name));
    Default def = Default.of(c.defaultSql);
    DdlTable oneToOne = pk ? oneToOneParent(t) : null;
    if (oneToOne != null) {
      DdlColumn parentKey = oneToOne.column(oneToOne.primaryKey.get(0));
      long start = parentKey.identityStart == null ? 1 : parentKey.identityStart;
      o.put("strategy", "sequence");
      o.put("start", start);
      notes.add("one row per " + oneToOne.name + " row: the key and reference " + oneToOne.name + "."
          + parentKey.name + " takes each of its values once (" + start + ", " + (start + 1) + " ...)");
    } else if (c.refTable != null && broken.contains(key)) {
      o.put("strategy", "constant");
      o.set("value", type.kind() == DataType.Kind.STRING ? F.textNode("") : F.numberNode(0));
      o.put("null_rate", 1.0);
      notes.add("references " + c.refTable + "." + c.refColumn + "; always NULL, which breaks the cycle of "
          + "references between tables (a cycle cannot be generated parent first)");
    } else if (c.refTable != null) {
      o.put("references", c.refTable + "." + c.refColumn);
    } else if (keyed.containsKey(key) || c.identity && !pk) {
      o.put("strategy", "sequence");
      o.put("start", c.identityStart == null ? 1 : c.identityStart);
      o.put("unique", true);
      notes.add(keyed.containsKey(key) ? "a sequence, so that every " + keyed.get(key) + " is distinct"
          : identity(c));
    } else if (c.identity || def.isSequence()) {
      o.put("strategy", "sequence");
      o.put("start", c.identityStart == null ? 1 : c.identityStart);
      notes.add(identity(c));
    } else if (c.generatedExpr != null) {
      o.put("strategy", "expression");
      o.put("expr", c.generatedExpr);
      notes.add("GENERATED ALWAYS AS in the DDL");
    } else if (c.type.uuid() || def.isUuid() && type.kind() == DataType.Kind.STRING) {
      o.put("strategy", "uuid");
    } else if (c.checkValues != null || c.type.values() != null) {
      values(o, c, type, def, notes);
    } else if (type.kind() == DataType.Kind.BOOLEAN && def.literal() != null) {
      boolean dflt = def.isTrue();
      o.put("probability", dflt ? 0.8 : 0.2);
      notes.add("DEFAULT " + (dflt ? "true" : "false") + ": " + (dflt ? "true" : "false") + " on 80% of rows");
    } else if ((pk || c.unique) && type.kind() == DataType.Kind.STRING
        && (!pk || c.type.maxLength() != null && c.type.maxLength() < 36)) {
      uniqueText(o, c, rows, notes);
    } else if (c.unique && !pk && type.isIntegral()) {
      o.put("strategy", "sequence");
      o.put("start", 1);
      o.put("unique", true);
      notes.add("UNIQUE: a sequence");
    }
    if (def.sql() != null && !def.isNull() && !o.has("weights") && !o.has("probability") && !def.isSequence()) {
      notes.add("DEFAULT " + DdlIssues.shorten(def.sql()) + " in the DDL");
    }
    if (c.unique && !pk && !o.has("unique")) {
      o.put("unique", true);
    }
    if (c.notNull && !o.has("null_rate")) {
      o.put("null_rate", 0);
    }
    if (!notes.isEmpty()) {
      o.put("note", clip(String.join("; ", notes)));
    }
    return o;
  }

  /** Values from CHECK IN and ENUM (both: the members the CHECK allows); a DEFAULT among them is the most common. */
  private void values(ObjectNode o, DdlColumn c, DataType type, Default def, List<String> notes) {
    List<Object> vs = new ArrayList<>();
    if (c.type.values() != null) {
      vs.addAll(c.type.values());
    }
    if (c.checkValues != null) {
      if (vs.isEmpty()) {
        vs.addAll(c.checkValues);
      } else {
        List<String> allowed = new ArrayList<>();
        c.checkValues.forEach(v -> allowed.add(String.valueOf(v)));
        vs.removeIf(v -> !allowed.contains(String.valueOf(v)));
        if (vs.isEmpty()) {
          issues.add(c.line, c.name, "no member of " + c.type.sql() + " is allowed by the CHECK on " + c.name,
              "make the CHECK list the members it allows");
          return;
        }
      }
    }
    ArrayNode a = o.putArray("values");
    int defaultAt = -1;
    for (int k = 0; k < vs.size(); k++) {
      Object v = vs.get(k);
      if (!add(a, v, type)) {
        issues.add(c.line, v, "the value " + v + " of " + c.name + " is not a " + type, "list values of the column's "
            + "type");
        return;
      }
      if (def.literal() != null && String.valueOf(v).equals(String.valueOf(def.literal()))) {
        defaultAt = k;
      }
    }
    if (defaultAt >= 0 && vs.size() > 1) {
      ArrayNode w = o.putArray("weights");
      int heavy = Math.max(2, vs.size() - 1);
      for (int k = 0; k < vs.size(); k++) {
        w.add(k == defaultAt ? heavy : 1);
      }
      notes.add(String.format(Locale.ROOT, "DEFAULT %s: the most common value (%.0f%%)", vs.get(defaultAt),
          100.0 * heavy / (heavy + vs.size() - 1)));
    }
  }

  private static boolean add(ArrayNode a, Object v, DataType type) {
    if (type.isNumeric()) {
      BigDecimal n;
      try {
        n = v instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(v).strip());
      } catch (NumberFormatException e) {
        return false;
      }
      if (type.isIntegral()) {
        try {
          a.add(n.longValueExact());
        } catch (ArithmeticException e) {
          return false;
        }
      } else {
        a.add(n);
      }
      return true;
    }
    if (type.kind() == DataType.Kind.BOOLEAN) {
      String s = String.valueOf(v).toLowerCase(Locale.ROOT);
      if (!s.equals("true") && !s.equals("false") && !s.equals("1") && !s.equals("0")) {
        return false;
      }
      a.add(s.equals("true") || s.equals("1"));
      return true;
    }
    a.add(v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v));
    return true;
  }

  private static String identity(DdlColumn c) {
    long s = c.identityStart == null ? 1 : c.identityStart;
    return "identity: " + s + ", " + (s + 1) + ", " + (s + 2) + " ...";
  }

  private static String clip(String s) {
    return s.length() <= PlanLimits.MAX_TEXT_LENGTH ? s : s.substring(0, PlanLimits.MAX_TEXT_LENGTH - 3) + "...";
  }
}
