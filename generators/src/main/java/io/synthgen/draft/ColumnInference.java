package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.infer.Clues;
import io.synthgen.draft.infer.Inference;
import io.synthgen.draft.infer.Inferred;
import io.synthgen.draft.infer.TableClues;
import io.synthgen.draft.infer.Words;
import io.synthgen.plan.DataType;
import io.synthgen.plan.json.PlanFields;
import io.synthgen.plan.validate.PlanLimits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one column of a structured table description into a plan column. A column that names a {@code strategy}
 * is taken as written; otherwise what the description says comes first (values and weights, a reference, a
 * distribution, a pattern, a dictionary, an expression), then keys (the primary key is a sequence or a UUID, a
 * column named after another table's key references it), then attributes of the row a foreign key points to
 * ({@link ParentLookups}: a line item's unit_price is its product's), then the rule table of {@link Inference},
 * which reads the context: the table and what it is about, the column name's words, the declared type, the
 * sibling columns, the descriptions and the column's note; the person's bounds shape what the rule makes. Every
 * inferred column carries a note saying what was inferred and why, so the rendered plan shows it to the person.
 * See docs/inference.md.
 */
final class ColumnInference {

  /** Fields a described column may have besides the plan column fields. */
  static final List<String> DRAFT_FIELDS = List.of("name", "type", "values", "weights", "references", "distribution",
      "min", "max", "null_rate", "note", "unique", "omit", "probability", "pattern", "dictionary", "expr", "start",
      "end", "weighted_by", "strategy");

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * What inference reads besides the column itself.
   *
   * @param table the table's name
   * @param primaryKey its primary key, or null
   * @param primaryKeys every table's primary key (null for none), by table name
   * @param columnsOfTable the names of the table's columns
   * @param tableDescription the table's description, or null
   * @param requestDescription the description of the whole request, or null
   * @param tables the described tables (names, descriptions, columns as objects) indexed, for keys and for columns
   *     that repeat an attribute of the row a foreign key points to; one for all the tables of a draft, so that
   *     what is read of a table is read once
   */
  record Context(String table, String primaryKey, Map<String, String> primaryKeys, Set<String> columnsOfTable,
      String tableDescription, String requestDescription, DescribedTables tables) {

    /** Without descriptions or the other tables' columns (a column added to an existing plan). */
    Context(String table, String primaryKey, Map<String, String> primaryKeys, Set<String> columnsOfTable) {
      this(table, primaryKey, primaryKeys, columnsOfTable, null, null, DescribedTables.of(List.of(), primaryKeys));
    }
  }

  private ColumnInference() {
  }

  static ObjectNode infer(ObjectNode spec, Context ctx, String path, Problems problems) {
    return infer(spec, ctx, path, problems, 0);
  }

  /** As {@link #infer(ObjectNode, Context, String, Problems)}, {@code depth} foreign keys below the column asked. */
  static ObjectNode infer(ObjectNode spec, Context ctx, String path, Problems problems, int depth) {
    String name = spec.path("name").asText("");
    if (spec.has("strategy")) {
      return passThrough(spec, name, ctx, path, problems);
    }
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!DRAFT_FIELDS.contains(f)) {
        problems.add(path + "." + f, null, "unknown field '" + f + "' in a described column",
            "use " + String.join(", ", DRAFT_FIELDS) + "; or give a strategy with that strategy's own fields");
      }
    }
    DataType type = declaredType(spec, path, problems);
    ObjectNode col = F.objectNode();
    col.put("name", name);
    Guess g = guess(spec, name, type, ctx, path, problems, depth);
    col.put("type", g.type.toString());
    col.setAll(g.fields);
    if (spec.has("null_rate")) {
      copy(spec, col, "null_rate");
    } else if (g.nullRate != null) {
      col.put("null_rate", g.nullRate);
    }
    copy(spec, col, "omit");
    if (spec.has("unique")) {
      copy(spec, col, "unique");
    } else if (g.unique) {
      col.put("unique", true);
    }
    String note = note(spec.path("note").asText(""), g.assumption);
    if (!note.isEmpty()) {
      col.put("note", note);
    }
    return col;
  }

  /**
   * The person's note, then what was inferred; the inferred part is shortened so that the two stay within the
   * plan's limit on texts (the person's own note is never cut: an over-long one is theirs to shorten).
   */
  static String note(String given, String inferred) {
    if (inferred.isEmpty()) {
      return given;
    }
    if (given.isEmpty()) {
      return inferred.length() <= PlanLimits.MAX_TEXT_LENGTH ? inferred
          : inferred.substring(0, PlanLimits.MAX_TEXT_LENGTH - 1) + "…";
    }
    int room = PlanLimits.MAX_TEXT_LENGTH - given.length() - 2;
    if (room >= inferred.length()) {
      return given + "; " + inferred;
    }
    return room > 1 ? given + "; " + inferred.substring(0, room - 1) + "…" : given;
  }

  private static DataType declaredType(ObjectNode spec, String path, Problems problems) {
    if (!spec.hasNonNull("type")) {
      return null;
    }
    DataType type = DataType.parse(spec.get("type").asText());
    if (type == null) {
      problems.add(path + ".type", spec.get("type").asText(), "unknown type", "use " + DataType.ALLOWED);
    }
    return type;
  }

  private static ObjectNode passThrough(ObjectNode spec, String name, Context ctx, String path, Problems problems) {
    ObjectNode col = spec.deepCopy();
    col.remove("weighted_by");
    if (!col.hasNonNull("type")) {
      col.put("type", typeForStrategy(spec.path("strategy").asText(), name, ctx).toString());
    }
    if (spec.has("weighted_by")) {
      problems.add(path + ".weighted_by", null, "weighted_by applies to described foreign keys only",
          "leave strategy out and give references and weighted_by, or write distribution {type: weighted, by: ...}");
    }
    return col;
  }

  /** The type a column written with a strategy but no type gets: what the strategy makes, else what the name says. */
  private static DataType typeForStrategy(String strategy, String name, Context ctx) {
    switch (strategy) {
      case "pattern": case "uuid": case "dictionary":
        return DataType.STRING;
      case "boolean":
        return DataType.BOOLEAN;
      case "sequence": case "child_index": case "foreign_key": case "parent":
        return DataType.BIGINT;
      default:
        DataType t = Inference.infer(clues(name, null, ctx, null, null, null, null, null)).type();
        return strategy.equals("date_range") && !t.isTemporal() ? DataType.DATE : t;
    }
  }

  /**
   * The type a column's name alone suggests (what the rule table makes of it in no particular table), or
   * {@code fallback} when no rule knows the name or the rule makes a string (the default of most strategies).
   */
  static DataType typeFromName(String name, DataType fallback) {
    Clues c = Inference.clues(name, null, "", null, List.of(), null, null, null, null, null, null, null);
    if (Inference.rule(c) == null) {
      return fallback;
    }
    DataType t = Inference.infer(c).type();
    return t.kind() == DataType.Kind.STRING ? fallback : t;
  }

  private static Clues clues(String name, DataType declared, Context ctx, String note, Double min, Double max,
      String start, String end) {
    TableClues table = ctx.tables().once(ctx.table(), "", "clues", () -> TableClues.of(ctx.table(),
        ctx.columnsOfTable(), ctx.tableDescription(), ctx.requestDescription()));
    return Inference.clues(name, declared, table, ctx.primaryKey(), note, min, max, start, end);
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    }
  }

  /** An inferred type, strategy fields, a null rate and a note on what was assumed. */
  private static final class Guess {
    DataType type;
    final ObjectNode fields = F.objectNode();
    String assumption = "";
    boolean unique;
    Double nullRate;

    Guess(DataType type) {
      this.type = type;
    }

    Guess strategy(String s) {
      fields.put("strategy", s);
      return this;
    }

    Guess assume(String a) {
      assumption = a;
      return this;
    }
  }

  /**
   * A primary key the person bounded ({@code min}/{@code max}): a key must be unique by construction, so it is a
   * sequence from min, kept within max when the range holds every row; a range too small for the rows is refused
   * (a random draw from it would repeat keys), never replaced by other bounds.
   */
  private static Guess boundedKey(ObjectNode spec, Guess g, Context ctx, String path, Problems problems) {
    JsonNode minNode = spec.path("min");
    JsonNode maxNode = spec.path("max");
    boolean whole = (minNode.isMissingNode() || minNode.canConvertToExactIntegral())
        && (maxNode.isMissingNode() || maxNode.canConvertToExactIntegral());
    long min = minNode.isNumber() ? minNode.asLong() : 1;
    ObjectNode described = ctx.tables().table(ctx.table());
    JsonNode rowsNode = described == null ? null : described.get("rows");
    String key = ctx.table() + "." + spec.path("name").asText();
    if (!whole) {
      problems.add(path + (minNode.isNumber() && !minNode.canConvertToExactIntegral() ? ".min" : ".max"),
          minNode.isNumber() && !minNode.canConvertToExactIntegral() ? minNode.asText() : maxNode.asText(),
          key + " is the table's primary key, a whole-number sequence: its bounds are whole numbers",
          "give whole-number min and max, or leave them out (a sequence 1, 2, 3 …)");
      return g;
    }
    g.fields.put("start", min);
    if (!maxNode.isNumber()) {
      return g.assume("a sequence " + min + ", " + (min + 1) + ", … from the given min, as the table's key");
    }
    long max = maxNode.asLong();
    if (described == null) {
      return g.assume(String.format(java.util.Locale.ROOT, "a sequence from %d, as the table's key (%d to %d "
          + "holds %,.0f keys)", min, min, max, Math.max(0, (double) max - min + 1)));
    }
    if (rowsNode == null && !described.has("per_parent")) {
      rowsNode = F.numberNode(Drafter.DEFAULT_ROWS);
    }
    if (rowsNode == null || !rowsNode.canConvertToExactIntegral()) {
      problems.add(path + ".max", max, key + " is the primary key of a table whose rows follow from its per_parent "
          + "count, so no max can be promised to hold a distinct key for every row",
          "leave max out (a sequence from min), or give the table rows");
      return g;
    }
    long rows = rowsNode.asLong();
    double holds = (double) max - min + 1;
    if (holds < rows) {
      problems.add(path + ".max", max, String.format(java.util.Locale.ROOT, "%s is the primary key of %s: its "
          + "%,d rows need %,d distinct values, and %d to %d holds %,.0f", key, ctx.table(), rows, rows, min, max,
          Math.max(0, holds)), String.format(java.util.Locale.ROOT, "raise max to %d or more, leave min and max "
          + "out (a sequence 1, 2, 3 …), or name another column as primary_key", min + rows - 1));
      return g;
    }
    return g.assume("a sequence from " + min + " (within the given max " + max + "), as the table's key");
  }

  private static Guess guess(ObjectNode spec, String name, DataType declared, Context ctx, String path,
      Problems problems, int depth) {
    // what the description says comes first
    if (spec.hasNonNull("references")) {
      return foreignKey(spec, spec.get("references").asText(), declared, ctx, path, problems, "");
    }
    if (spec.has("values")) {
      return values(spec, declared, path, problems);
    }
    if (spec.has("distribution")) {
      Guess g = new Guess(declared != null ? declared : DataType.DOUBLE).strategy("distribution");
      g.fields.set("distribution", spec.get("distribution"));
      copy(spec, g.fields, "min");
      copy(spec, g.fields, "max");
      return g;
    }
    if (spec.has("pattern")) {
      Guess g = new Guess(declared != null ? declared : DataType.STRING).strategy("pattern");
      copy(spec, g.fields, "pattern");
      return g;
    }
    if (spec.has("dictionary")) {
      Guess g = new Guess(declared != null ? declared : DataType.STRING).strategy("dictionary");
      copy(spec, g.fields, "dictionary");
      return g;
    }
    if (spec.has("expr")) {
      Guess g = new Guess(declared != null ? declared : DataType.STRING).strategy("expression");
      copy(spec, g.fields, "expr");
      return g;
    }
    if (spec.has("probability")) {
      Guess g = new Guess(DataType.BOOLEAN).strategy("boolean");
      g.fields.set("probability", spec.get("probability"));
      return g;
    }
    if (name.equals(ctx.primaryKey())) {
      if (declared != null && declared.kind() == DataType.Kind.STRING) {
        Guess g = new Guess(DataType.STRING).strategy("uuid");
        g.unique = true;
        return g.assume("a random UUID, as the table's key");
      }
      Guess g = new Guess(declared != null ? declared : DataType.BIGINT).strategy("sequence");
      g.unique = true;
      if (spec.path("min").isNumber() || spec.path("max").isNumber()) {
        return boundedKey(spec, g, ctx, path, problems);
      }
      g.fields.put("start", 1);
      return g.assume("a sequence 1, 2, 3 …, as the table's key");
    }
    String parent = referencedTable(name, ctx);
    String notReferenced = "";
    if (parent != null && ctx.tables().closesCycle(ctx.table(), parent)) {
      notReferenced = "not a foreign key to " + parent + ": " + parent + " already references " + ctx.table()
          + " (directly or through other tables), and a reference back would make a cycle of tables; ";
      parent = null;
    }
    if (parent != null) {
      return foreignKey(spec, parent, declared, ctx, path, problems, "foreign key to " + parent + "."
          + ctx.primaryKeys().get(parent) + ", from the name '" + name + "'");
    }
    Double selfNulls = selfReference(name, ctx);
    DataType keyType = selfNulls == null ? null : keyType(ctx);
    if (selfNulls != null && (declared == null || declared.equals(keyType))) {
      Guess g = foreignKey(spec, ctx.table(), keyType, ctx, path, problems, "foreign key to " + ctx.table() + "."
          + ctx.primaryKey() + " (a row of the same table), from the name '" + name + "'; NULL in "
          + Math.round(selfNulls * 100) + "% of rows, the top of the hierarchy");
      g.nullRate = selfNulls;
      return g;
    }
    Double min = spec.path("min").isNumber() ? spec.get("min").asDouble() : null;
    Double max = spec.path("max").isNumber() ? spec.get("max").asDouble() : null;
    String start = spec.hasNonNull("start") ? spec.get("start").asText() : spec.path("min").isTextual()
        ? spec.get("min").asText() : null;
    String end = spec.hasNonNull("end") ? spec.get("end").asText() : spec.path("max").isTextual()
        ? spec.get("max").asText() : null;
    if (min == null && max == null && start == null && end == null) {
      ParentLookups.Found lookup = ParentLookups.find(name, declared, ctx, depth);
      if (lookup != null) {
        Guess g = new Guess(lookup.type()).strategy("lookup");
        g.fields.put("via", lookup.via());
        g.fields.put("column", lookup.column());
        return g.assume("lookup: " + lookup.parent() + "." + lookup.column() + " through " + lookup.via()
            + ", from the name '" + name + "' in table '" + ctx.table() + "', which " + lookup.parent() + " also has");
      }
    }
    Clues c = clues(name, declared, ctx, spec.path("note").asText(null), min, max, start, end);
    Inferred inf = Inference.infer(c);
    boolean bounded = min != null || max != null;
    boolean dated = start != null || end != null;
    if (bounded && !inf.type().isNumeric() || dated && !inf.type().isTemporal()) {
      return bounded(declared, inf.type(), min, max, start, end);
    }
    Guess g = new Guess(inf.type());
    g.fields.setAll(inf.fields());
    g.nullRate = inf.nullRate();
    return g.assume(notReferenced + inf.note());
  }

  /** The type of the table's own key as the description makes it: declared, else bigint (a UUID key is a string). */
  private static DataType keyType(Context ctx) {
    ObjectNode key = ctx.tables().column(ctx.table(), ctx.primaryKey());
    if (key == null || !key.hasNonNull("type")) {
      return DataType.BIGINT;
    }
    DataType t = DataType.parse(key.get("type").asText());
    return t == null ? DataType.BIGINT : t;
  }

  /** Names of a reference to a row of the same table: an employee's manager, a category's parent. */
  static final java.util.Map<String, Double> SELF_REFERENCES = java.util.Map.of("manager_id", 0.05,
      "reports_to", 0.05, "reports_to_id", 0.05, "supervisor_id", 0.05, "parent_id", 0.3, "parent", 0.3,
      "referred_by", 0.7, "referred_by_id", 0.7, "referrer_id", 0.7);

  /**
   * The share of NULLs of a reference to a row of the column's own table ({@code employees.manager_id},
   * {@code categories.parent_id}, {@code parent_category_id}), or null when the name is none or the table has no
   * key.
   */
  static Double selfReference(String name, Context ctx) {
    if (ctx.primaryKey() == null || name.equals(ctx.primaryKey())) {
      return null;
    }
    String n = Words.normal(name);
    Double share = SELF_REFERENCES.get(n);
    if (share == null && n.startsWith("parent_") && n.endsWith("_id")) {
      String noun = Words.singular(Words.normal(ctx.table()));
      if (n.equals("parent_" + noun + "_id") || n.equals("parent_" + Words.normal(ctx.table()) + "_id")) {
        share = 0.3;
      }
    }
    return share;
  }

  /** The other table a column named after a key references, or null; see {@link DescribedTables#referenced}. */
  static String referencedTable(String name, Context ctx) {
    return ctx.tables().referenced(name, ctx.table());
  }

  /** Bounds the person gave on a column whose name suggests no numbers or times: a plain uniform or date range. */
  private static Guess bounded(DataType declared, DataType inferred, Double min, Double max, String start,
      String end) {
    if (start != null || end != null) {
      DataType t = declared != null && declared.isTemporal() ? declared
          : Inference.hasTimeOfDay(start) || Inference.hasTimeOfDay(end) ? DataType.TIMESTAMP : DataType.DATE;
      Guess g = new Guess(t).strategy("date_range");
      g.fields.put("start", start != null ? start : "ref-180d");
      g.fields.put("end", end != null ? end : "ref");
      g.fields.put("interval", t.kind() == DataType.Kind.DATE ? "1 day" : "1 second");
      return g.assume(t + " between the given instants");
    }
    DataType t = declared != null ? declared : DataType.INT;
    double lo = min != null ? min : 0;
    double hi = max != null ? max : lo + 100;
    Guess g = new Guess(t).strategy("uniform");
    if (t.isIntegral()) {
      g.fields.put("min", (long) Math.ceil(lo));
      g.fields.put("max", (long) Math.floor(hi));
    } else {
      g.fields.put("min", lo);
      g.fields.put("max", hi);
    }
    return g.assume("uniform between the given bounds, " + t);
  }

  private static Guess foreignKey(ObjectNode spec, String ref, DataType declared, Context ctx, String path,
      Problems problems, String assumption) {
    String table = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    String column = ref.contains(".") ? ref.substring(ref.indexOf('.') + 1) : ctx.primaryKeys().get(table);
    if (!ctx.primaryKeys().containsKey(table)) {
      problems.add(path + ".references", ref, "no table '" + table + "' in the description",
          "reference one of: " + String.join(", ", ctx.primaryKeys().keySet()));
    } else if (column == null) {
      problems.add(path + ".references", ref, table + " has no primary key",
          "give " + table + " a primary_key or write references as table.column");
    }
    Guess g = new Guess(declared != null ? declared : DataType.BIGINT).strategy("foreign_key");
    g.fields.put("references", table + "." + (column == null ? "?" : column));
    if (spec.has("distribution")) {
      g.fields.set("distribution", spec.get("distribution"));
    }
    JsonNode wb = spec.get("weighted_by");
    if (wb != null && !wb.isNull()) {
      // resolved to a hidden weight column by Drafter, which knows the parent's columns
      g.fields.set("weighted_by", wb);
    }
    return g.assume(assumption);
  }

  private static Guess values(ObjectNode spec, DataType declared, String path, Problems problems) {
    JsonNode vs = spec.get("values");
    if (!vs.isArray() || vs.isEmpty()) {
      problems.add(path + ".values", vs, "values must be a non-empty list", "list the values: [\"Free\", \"Pro\"]");
      return new Guess(declared != null ? declared : DataType.STRING).strategy("values");
    }
    DataType t = declared;
    if (t == null) {
      boolean ints = true;
      boolean nums = true;
      boolean bools = true;
      for (JsonNode v : vs) {
        ints &= v.isIntegralNumber();
        nums &= v.isNumber();
        bools &= v.isBoolean();
      }
      t = ints ? DataType.BIGINT : nums ? DataType.DOUBLE : bools ? DataType.BOOLEAN : DataType.STRING;
    }
    Guess g = new Guess(t).strategy("values");
    g.fields.set("values", vs);
    if (spec.has("weights")) {
      g.fields.set("weights", spec.get("weights"));
    }
    return g;
  }

  /** Every field name a described or plan column may use, for suggestions. */
  static Set<String> knownFields() {
    Set<String> s = new LinkedHashSet<>(DRAFT_FIELDS);
    s.addAll(PlanFields.COLUMN);
    for (List<String> l : PlanFields.STRATEGY.values()) {
      s.addAll(l);
    }
    return s;
  }

  static List<String> names(ArrayNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(e -> out.add(e.asText()));
    return out;
  }
}
