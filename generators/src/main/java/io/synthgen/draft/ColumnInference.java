package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import io.synthgen.plan.json.PlanFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one column of a structured table description into a plan column. A column that names a {@code strategy}
 * is taken as written; otherwise the strategy comes from what the description says (values and weights, a
 * reference, a distribution, bounds) and then from the column's name and type: ids become sequences or foreign
 * keys, names, emails, phones and addresses dictionaries or expressions, amounts log-normal, dates a range over
 * the 180 days before the reference date, status and tier lists weighted values. Every inferred column carries a
 * note saying what was assumed, so the rendered plan shows it to the person.
 */
final class ColumnInference {

  /** Fields a described column may have besides the plan column fields. */
  static final List<String> DRAFT_FIELDS = List.of("name", "type", "values", "weights", "references", "distribution",
      "min", "max", "null_rate", "note", "unique", "omit", "probability", "pattern", "dictionary", "expr", "start",
      "end", "weighted_by", "strategy");

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** What inference needs to know about the other tables. */
  record Context(String table, String primaryKey, Map<String, String> primaryKeys, Set<String> columnsOfTable) {
  }

  private ColumnInference() {
  }

  static ObjectNode infer(ObjectNode spec, Context ctx, String path, Problems problems) {
    String name = spec.path("name").asText("");
    if (spec.has("strategy")) {
      return passThrough(spec, name, path, problems);
    }
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!DRAFT_FIELDS.contains(f)) {
        problems.add(path + "." + f, null, "unknown field '" + f + "' in a described column",
            "use " + String.join(", ", DRAFT_FIELDS) + "; or give a strategy with that strategy's own fields");
      }
    }
    DataType type = null;
    if (spec.hasNonNull("type")) {
      type = DataType.parse(spec.get("type").asText());
      if (type == null) {
        problems.add(path + ".type", spec.get("type").asText(), "unknown type", "use " + DataType.ALLOWED);
      }
    }
    ObjectNode col = F.objectNode();
    col.put("name", name);
    Guess g = guess(spec, name, type, ctx, path, problems);
    col.put("type", g.type.toString());
    col.setAll(g.fields);
    copy(spec, col, "null_rate");
    copy(spec, col, "omit");
    if (spec.has("unique")) {
      copy(spec, col, "unique");
    } else if (g.unique) {
      col.put("unique", true);
    }
    String note = spec.path("note").asText("");
    if (!g.assumption.isEmpty()) {
      note = note.isEmpty() ? g.assumption : note + "; " + g.assumption;
    }
    if (!note.isEmpty()) {
      col.put("note", note);
    }
    return col;
  }

  private static ObjectNode passThrough(ObjectNode spec, String name, String path, Problems problems) {
    ObjectNode col = spec.deepCopy();
    col.remove("weighted_by");
    if (!col.hasNonNull("type")) {
      col.put("type", typeFromName(name, null).toString());
    }
    if (spec.has("weighted_by")) {
      problems.add(path + ".weighted_by", null, "weighted_by applies to described foreign keys only",
          "leave strategy out and give references and weighted_by, or write distribution {type: weighted, by: ...}");
    }
    return col;
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    }
  }

  /** An inferred type, strategy fields and a note on what was assumed. */
  private static final class Guess {
    DataType type;
    final ObjectNode fields = F.objectNode();
    String assumption = "";
    boolean unique;

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

  private static Guess guess(ObjectNode spec, String name, DataType declared, Context ctx, String path,
      Problems problems) {
    String n = name.toLowerCase(Locale.ROOT);
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
    if (spec.has("probability") || declared == DataType.BOOLEAN && !spec.has("min")) {
      Guess g = new Guess(DataType.BOOLEAN).strategy("boolean");
      g.fields.put("probability", spec.path("probability").asDouble(0.5));
      return spec.has("probability") ? g : g.assume("true half of the time");
    }
    if (name.equals(ctx.primaryKey())) {
      if (declared != null && declared.kind() == DataType.Kind.STRING) {
        Guess g = new Guess(DataType.STRING).strategy("uuid");
        g.unique = true;
        return g.assume("primary key: a random UUID");
      }
      Guess g = new Guess(declared != null ? declared : DataType.BIGINT).strategy("sequence");
      g.fields.put("start", 1);
      g.unique = true;
      return g.assume("primary key: 1, 2, 3 ...");
    }
    if (n.endsWith("_id")) {
      for (Map.Entry<String, String> e : ctx.primaryKeys().entrySet()) {
        if (e.getValue() != null && e.getValue().equalsIgnoreCase(name) && !e.getKey().equals(ctx.table())) {
          return foreignKey(spec, e.getKey(), declared, ctx, path, problems,
              "assumed to reference " + e.getKey() + "." + e.getValue());
        }
      }
    }
    boolean bounded = spec.has("min") || spec.has("max");
    if (bounded) {
      DataType t = declared != null ? declared : typeFromName(n, DataType.INT);
      if (t.isNumeric() || t.isTemporal()) {
        if (t.isTemporal()) {
          return dateRange(t, spec.path("min").asText("ref-180d"), spec.path("max").asText("ref"), "");
        }
        Guess g = new Guess(t).strategy("uniform");
        g.fields.put("min", spec.path("min").asDouble(0));
        g.fields.put("max", spec.path("max").asDouble(spec.path("min").asDouble(0) + 100));
        return g;
      }
    }
    if (spec.has("start") || spec.has("end")) {
      DataType t = declared != null && declared.isTemporal() ? declared : typeFromName(n, DataType.DATE);
      return dateRange(t.isTemporal() ? t : DataType.DATE, spec.path("start").asText("ref-180d"),
          spec.path("end").asText("ref"), "");
    }
    return byName(n, declared, ctx);
  }

  private static Guess byName(String n, DataType declared, Context ctx) {
    DataType t = declared != null ? declared : typeFromName(n, DataType.STRING);
    if (t.isTemporal()) {
      return dateRange(t, "ref-180d", "ref", "the 180 days before the reference date");
    }
    if (t.kind() == DataType.Kind.BOOLEAN) {
      Guess g = new Guess(t).strategy("boolean");
      g.fields.put("probability", 0.5);
      return g.assume("true half of the time");
    }
    if (t.kind() == DataType.Kind.STRING) {
      String dict = dictionaryFor(n);
      if (dict != null) {
        Guess g = new Guess(t).strategy("dictionary");
        g.fields.put("dictionary", dict);
        return g;
      }
      if (n.equals("email") || n.endsWith("_email") || n.startsWith("email")) {
        return email(ctx);
      }
      if (n.contains("zip") || n.contains("postal")) {
        Guess g = new Guess(t).strategy("pattern");
        g.fields.put("pattern", "!####");
        return g.assume("5 digits");
      }
      for (String[] list : LISTS) {
        if (n.equals(list[0]) || n.endsWith("_" + list[0])) {
          Guess g = new Guess(t).strategy("values");
          ArrayNode v = g.fields.putArray("values");
          ArrayNode w = g.fields.putArray("weights");
          String[] vals = list[1].split("/");
          String[] ws = list[2].split("/");
          for (int i = 0; i < vals.length; i++) {
            v.add(vals[i]);
            w.add(Integer.parseInt(ws[i]));
          }
          return g.assume("typical " + list[0] + " values; give values and weights to change them");
        }
      }
      Guess g = new Guess(t).strategy("pattern");
      String prefix = n.replaceAll("[^a-z]", "");
      prefix = (prefix.isEmpty() ? "X" : prefix.substring(0, Math.min(4, prefix.length()))).toUpperCase(Locale.ROOT);
      g.fields.put("pattern", prefix + "-#####");
      return g.assume("placeholder codes; give values, a dictionary or a pattern");
    }
    if (t.kind() == DataType.Kind.DECIMAL || t.kind() == DataType.Kind.DOUBLE && isMoney(n)) {
      Guess g = new Guess(t).strategy("distribution");
      ObjectNode d = g.fields.putObject("distribution");
      d.put("type", "lognormal");
      d.put("mu", 4.0);
      d.put("sigma", 0.8);
      g.fields.put("min", 0.01);
      return g.assume("log-normal, median about 55; give min, max or a distribution to change");
    }
    if (t.isIntegral()) {
      Guess g = new Guess(t).strategy("uniform");
      long[] r = intRange(n);
      g.fields.put("min", r[0]);
      g.fields.put("max", r[1]);
      return g.assume("uniform " + r[0] + "-" + r[1] + "; give min and max to change");
    }
    Guess g = new Guess(t).strategy("uniform");
    g.fields.put("min", 0);
    g.fields.put("max", 100);
    return g.assume("uniform 0-100; give min and max or a distribution to change");
  }

  /** Common categorical columns: name, values, weights. */
  private static final String[][] LISTS = {
      {"status", "completed/pending/shipped/cancelled/returned", "60/10/20/5/5"},
      {"tier", "Free/Pro/Enterprise", "60/30/10"},
      {"region", "Northeast/Southeast/Midwest/Southwest/West", "20/25/20/15/20"},
      {"gender", "F/M/X", "49/49/2"},
      {"channel", "web/mobile/store/phone", "45/30/20/5"},
      {"currency", "USD/EUR/GBP/JPY", "60/20/12/8"},
      {"priority", "low/medium/high/critical", "40/35/20/5"},
      {"severity", "info/warning/error/critical", "60/25/12/3"},
      {"segment", "consumer/small_business/enterprise", "70/20/10"},
      {"plan", "basic/standard/premium", "50/35/15"},
      {"category", "A/B/C/D/E", "30/25/20/15/10"},
      {"type", "A/B/C", "50/30/20"},
  };

  private static String dictionaryFor(String n) {
    switch (n) {
      case "first_name": case "firstname": return "first_name";
      case "last_name": case "lastname": case "surname": return "last_name";
      case "name": case "full_name": case "customer_name": case "patient_name": case "user_name":
      case "employee_name": case "contact_name": return "full_name";
      case "phone": case "phone_number": case "mobile": return "phone_number";
      case "address": case "street": case "street_address": case "address_line1": return "street_address";
      case "city": return "city";
      case "state": return "state_abbr";
      case "country": return "country";
      case "company": case "company_name": case "employer": return "company";
      case "product_name": case "product": return "product_name";
      case "job_title": case "title": return "job_title";
      case "department": return "department";
      case "brand": return "brand";
      default: return null;
    }
  }

  private static Guess email(Context ctx) {
    Guess g = new Guess(DataType.STRING).strategy("expression");
    Set<String> cols = ctx.columnsOfTable();
    String pk = ctx.primaryKey();
    String suffix = pk != null ? " || CAST(" + pk + " % 1000 AS STRING)" : "";
    if (cols.contains("first_name") && cols.contains("last_name")) {
      g.fields.put("expr", "lower(first_name) || '.' || lower(last_name)" + suffix + " || '@example.com'");
      return g.assume("derived from the name");
    }
    for (String full : List.of("name", "full_name", "customer_name", "user_name", "contact_name")) {
      if (cols.contains(full)) {
        g.fields.put("expr", "lower(replace(" + full + ", ' ', '.'))" + suffix + " || '@example.com'");
        return g.assume("derived from " + full);
      }
    }
    if (pk != null) {
      g.fields.put("expr", "'user' || CAST(" + pk + " AS STRING) || '@example.com'");
      return g.assume("one address per " + pk);
    }
    g.strategy("pattern");
    g.fields.put("pattern", "user#######@example.com");
    return g;
  }

  private static Guess dateRange(DataType t, String start, String end, String assumption) {
    Guess g = new Guess(t).strategy("date_range");
    g.fields.put("start", start);
    g.fields.put("end", end);
    g.fields.put("interval", t.kind() == DataType.Kind.DATE ? "1 day" : "1 second");
    return g.assume(assumption);
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

  private static boolean isMoney(String n) {
    for (String w : List.of("amount", "price", "total", "cost", "revenue", "balance", "salary", "fee", "income",
        "spend", "value", "payment")) {
      if (n.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static long[] intRange(String n) {
    if (n.contains("age")) {
      return new long[] {18, 90};
    }
    if (n.contains("quantity") || n.equals("qty") || n.endsWith("_qty")) {
      return new long[] {1, 10};
    }
    if (n.contains("rating") || n.contains("stars")) {
      return new long[] {1, 5};
    }
    if (n.contains("score")) {
      return new long[] {0, 100};
    }
    if (n.contains("year")) {
      return new long[] {2000, 2025};
    }
    if (n.endsWith("_id")) {
      return new long[] {1, 100};
    }
    return new long[] {0, 1000};
  }

  /** The type a column's name suggests, or {@code fallback}. */
  static DataType typeFromName(String name, DataType fallback) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith("_id") || n.equals("id")) {
      return DataType.BIGINT;
    }
    if (n.endsWith("_date") || n.equals("date") || n.equals("dob") || n.endsWith("_day") || n.equals("birthday")) {
      return DataType.DATE;
    }
    if (n.endsWith("_at") || n.endsWith("_time") || n.endsWith("_ts") || n.contains("timestamp")
        || n.equals("time")) {
      return DataType.TIMESTAMP;
    }
    if (n.startsWith("is_") || n.startsWith("has_") || n.endsWith("_flag")) {
      return DataType.BOOLEAN;
    }
    if (isMoney(n)) {
      return DataType.decimal(12, 2);
    }
    for (String w : List.of("quantity", "qty", "count", "age", "rating", "score", "year", "num_", "stars")) {
      if (n.contains(w)) {
        return DataType.INT;
      }
    }
    for (String w : List.of("pct", "percent", "rate", "ratio", "latitude", "longitude", "lat", "lon", "temperature",
        "weight", "height", "duration")) {
      if (n.contains(w)) {
        return DataType.DOUBLE;
      }
    }
    return fallback;
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
