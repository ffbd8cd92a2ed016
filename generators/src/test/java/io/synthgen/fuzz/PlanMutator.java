package io.synthgen.fuzz;

import static io.synthgen.fuzz.Hostile.F;
import static io.synthgen.fuzz.Hostile.pick;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutates a plan document at the JSON level: numbers to extremes, strings to odd or huge texts, types and strategies
 * swapped, fields deleted, renamed or duplicated, hostile expressions, weights, per-parent counts, foreign keys to
 * empty tables, rows on per-parent tables. The same seed gives the same mutations.
 */
public final class PlanMutator {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A mutated document and what was done to it (for the failure message). */
  public record Mutant(String json, List<String> steps) {
    @Override
    public String toString() {
      String head = json.length() > 2000 ? json.substring(0, 2000) + "... (" + json.length() + " chars)" : json;
      return "mutations " + steps + "\n" + head;
    }
  }

  private final Random r;
  private final List<String> steps = new ArrayList<>();

  private PlanMutator(long seed) {
    this.r = new Random(seed);
  }

  /** One to four mutations of {@code json}, chosen by {@code seed}. */
  public static Mutant mutate(String json, long seed) {
    PlanMutator m = new PlanMutator(seed);
    ObjectNode root;
    try {
      root = (ObjectNode) MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("a fuzz seed must be a JSON object", e);
    }
    int n = 1 + m.r.nextInt(4);
    for (int i = 0; i < n; i++) {
      m.once(root);
    }
    String text = root.toString();
    if (m.r.nextInt(25) == 0) {
      text = m.duplicateKey(text);
    }
    return new Mutant(text, List.copyOf(m.steps));
  }

  private void once(ObjectNode root) {
    switch (r.nextInt(22)) {
      case 0: case 1: anyNumber(root); break;
      case 2: anyString(root); break;
      case 3: columnType(root); break;
      case 4: columnStrategy(root); break;
      case 5: deleteField(root); break;
      case 6: renameField(root); break;
      case 7: jsonTypeSwap(root); break;
      case 8: case 9: expression(root); break;
      case 10: weights(root); break;
      case 11: perParentCount(root); break;
      case 12: rowsOnPerParent(root); break;
      case 13: foreignKeyToEmpty(root); break;
      case 14: tableRows(root); break;
      case 15: rangeAgainstType(root); break;
      case 16: distributionParams(root); break;
      case 17: destination(root); break;
      case 18: nullRate(root); break;
      case 19: duplicateColumn(root); break;
      case 20: weightedForeignKey(root); break;
      default: dateRange(root); break;
    }
  }

  // ---- locations

  /** A value slot in the tree: its container and key or index, and its path. */
  private record Slot(ContainerNode<?> parent, String key, int index, String path) {
    JsonNode get() {
      return parent instanceof ObjectNode o ? o.get(key) : ((ArrayNode) parent).get(index);
    }

    void set(JsonNode v) {
      if (parent instanceof ObjectNode o) {
        o.set(key, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }
  }

  private static void slots(JsonNode node, String path, List<Slot> out) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        out.add(new Slot(o, e.getKey(), -1, p));
        slots(e.getValue(), p, out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        String p = path + "[" + i + "]";
        out.add(new Slot(a, null, i, p));
        slots(a.get(i), p, out);
      }
    }
  }

  private Slot slot(ObjectNode root, java.util.function.Predicate<JsonNode> kind) {
    List<Slot> all = new ArrayList<>();
    slots(root, "", all);
    List<Slot> fit = all.stream().filter(s -> kind.test(s.get())).toList();
    return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
  }

  private List<ObjectNode> tables(ObjectNode root) {
    List<ObjectNode> out = new ArrayList<>();
    if (root.get("tables") instanceof ArrayNode a) {
      a.forEach(t -> {
        if (t instanceof ObjectNode o) {
          out.add(o);
        }
      });
    }
    return out;
  }

  private ObjectNode table(ObjectNode root) {
    List<ObjectNode> t = tables(root);
    return t.isEmpty() ? null : t.get(r.nextInt(t.size()));
  }

  private List<ObjectNode> columns(ObjectNode table) {
    List<ObjectNode> out = new ArrayList<>();
    if (table != null && table.get("columns") instanceof ArrayNode a) {
      a.forEach(c -> {
        if (c instanceof ObjectNode o) {
          out.add(o);
        }
      });
    }
    return out;
  }

  private ObjectNode column(ObjectNode root) {
    List<ObjectNode> all = new ArrayList<>();
    tables(root).forEach(t -> all.addAll(columns(t)));
    return all.isEmpty() ? null : all.get(r.nextInt(all.size()));
  }

  private List<ObjectNode> columnsWhere(ObjectNode root, String field, String value) {
    List<ObjectNode> all = new ArrayList<>();
    tables(root).forEach(t -> columns(t).stream().filter(c -> value.equals(c.path(field).asText()))
        .forEach(all::add));
    return all;
  }

  private static String name(JsonNode n) {
    return n == null ? "?" : n.path("name").asText("?");
  }

  /** Keeps the column's name, type and null rate and makes it a new strategy with the given parameters. */
  private static void restrategy(ObjectNode c, String strategy) {
    List<String> keep = List.of("name", "type", "null_rate", "omit", "unique", "note");
    c.retain(keep);
    c.put("strategy", strategy);
  }

  // ---- mutations

  private void anyNumber(ObjectNode root) {
    Slot s = slot(root, JsonNode::isNumber);
    if (s == null) {
      return;
    }
    JsonNode v = r.nextInt(6) == 0 ? F.textNode(pick(r, Hostile.NUMBER_LIKE)) : Hostile.number(r);
    steps.add(s.path() + " = " + v);
    s.set(v);
  }

  private void anyString(ObjectNode root) {
    Slot s = slot(root, JsonNode::isTextual);
    if (s == null) {
      return;
    }
    String v = Hostile.string(r);
    steps.add(s.path() + " = " + abbreviate(v));
    s.set(F.textNode(v));
  }

  private void columnType(ObjectNode root) {
    ObjectNode c = column(root);
    if (c != null) {
      String t = pick(r, Hostile.TYPES);
      steps.add(name(c) + ".type = " + t);
      c.put("type", t);
    }
  }

  private void columnStrategy(ObjectNode root) {
    ObjectNode c = column(root);
    if (c != null) {
      String s = pick(r, Hostile.STRATEGIES);
      steps.add(name(c) + ".strategy = " + s);
      c.put("strategy", s);
    }
  }

  private void deleteField(ObjectNode root) {
    Slot s = slot(root, n -> true);
    if (s == null) {
      return;
    }
    steps.add("delete " + s.path());
    if (s.parent() instanceof ObjectNode o) {
      o.remove(s.key());
    } else {
      ((ArrayNode) s.parent()).remove(s.index());
    }
  }

  private void renameField(ObjectNode root) {
    Slot s = slot(root, n -> true);
    if (s == null || !(s.parent() instanceof ObjectNode o)) {
      return;
    }
    String k = s.key();
    String to = switch (r.nextInt(5)) {
      case 0 -> k.toUpperCase(java.util.Locale.ROOT);
      case 1 -> k.length() > 1 ? k.substring(1) : k + k;
      case 2 -> k + "s";
      case 3 -> k.replace('_', '-');
      default -> pick(r, Hostile.STRINGS);
    };
    if (o.has(to)) {
      return;
    }
    steps.add("rename " + s.path() + " to " + abbreviate(to));
    JsonNode v = o.remove(k);
    o.set(to, v);
  }

  private void jsonTypeSwap(ObjectNode root) {
    Slot s = slot(root, n -> true);
    if (s == null) {
      return;
    }
    JsonNode v = switch (r.nextInt(7)) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(r.nextBoolean());
      case 2 -> F.arrayNode();
      case 3 -> F.objectNode();
      case 4 -> F.arrayNode().add(s.get().deepCopy());
      case 5 -> F.textNode(s.get().toString());
      default -> Hostile.number(r);
    };
    steps.add(s.path() + " = " + abbreviate(v.toString()));
    s.set(v);
  }

  private void expression(ObjectNode root) {
    ObjectNode t = table(root);
    List<ObjectNode> cols = columns(t);
    if (cols.isEmpty()) {
      return;
    }
    ObjectNode target = cols.get(r.nextInt(cols.size()));
    String other = name(cols.get(r.nextInt(cols.size())));
    String e = Hostile.expression(r, other);
    steps.add(name(t) + "." + name(target) + ".expr = " + abbreviate(e));
    if (r.nextInt(4) == 0) {
      target.put("type", pick(r, List.of("string", "bigint", "double", "date", "decimal(12,2)", "timestamp")));
    }
    restrategy(target, "expression");
    target.put("expr", e);
  }

  private void weights(ObjectNode root) {
    List<ObjectNode> vs = columnsWhere(root, "strategy", "values");
    if (vs.isEmpty()) {
      return;
    }
    ObjectNode c = vs.get(r.nextInt(vs.size()));
    int n = c.path("values").size();
    ArrayNode w = F.arrayNode();
    int kind = r.nextInt(6);
    for (int i = 0; i < Math.max(n, 1); i++) {
      switch (kind) {
        case 0 -> w.add(1e308);
        case 1 -> w.add(i == 0 ? -1 : 1);
        case 2 -> w.add("NaN");
        case 3 -> w.add(i == 0 ? 1e300 : 1e-300);
        case 4 -> w.add(0);
        default -> w.add(Hostile.number(r));
      }
    }
    if (kind == 5 && r.nextBoolean()) {
      // more values than any plan needs
      ArrayNode values = F.arrayNode();
      ArrayNode weights = F.arrayNode();
      int many = 200_000 + r.nextInt(800_000);
      for (int i = 0; i < many; i++) {
        values.add("v" + i);
        weights.add(1);
      }
      c.set("values", values);
      w = weights;
      c.put("type", "string");
    }
    steps.add(name(c) + ".weights kind " + kind + " x" + w.size());
    c.set("weights", w);
  }

  private ObjectNode perParentTable(ObjectNode root) {
    List<ObjectNode> pp = tables(root).stream().filter(t -> t.has("per_parent")).toList();
    return pp.isEmpty() ? null : pp.get(r.nextInt(pp.size()));
  }

  private void perParentCount(ObjectNode root) {
    ObjectNode t = perParentTable(root);
    if (t == null || !(t.path("per_parent") instanceof ObjectNode pp)) {
      return;
    }
    ObjectNode count = F.objectNode();
    switch (r.nextInt(5)) {
      case 0 -> count.set("distribution", F.objectNode().put("type", "poisson").put("lambda", 1e9));
      case 1 -> count.set("distribution", F.objectNode().put("type", "uniform").put("min", 0).put("max", 1e12));
      case 2 -> count.set("distribution", F.objectNode().put("type", "pareto").put("alpha", 0.01).put("xm", 1));
      case 3 -> {
        count.set("distribution", F.objectNode().put("type", "normal").put("mean", 0).put("stddev", 1e15));
        count.put("min", 0);
      }
      default -> {
        count.set("distribution", F.objectNode().put("type", "zipf").put("n", 1_000_000_000L).put("exponent", 0.01));
        count.put("scale", 1e6);
      }
    }
    steps.add(name(t) + ".per_parent.count = " + count);
    pp.set("count", count);
  }

  private void rowsOnPerParent(ObjectNode root) {
    ObjectNode t = perParentTable(root);
    if (t != null) {
      long rows = pick(r, List.of(10_000_000L, 0L, 1L, 1_000_000_000_000L));
      steps.add(name(t) + ".rows = " + rows + " (per_parent)");
      t.put("rows", rows);
    }
  }

  private void foreignKeyToEmpty(ObjectNode root) {
    List<ObjectNode> fks = columnsWhere(root, "strategy", "foreign_key");
    if (fks.isEmpty()) {
      return;
    }
    String parent = fks.get(r.nextInt(fks.size())).path("references").asText();
    String table = parent.contains(".") ? parent.substring(0, parent.indexOf('.')) : parent;
    for (ObjectNode t : tables(root)) {
      if (name(t).equals(table)) {
        steps.add(table + ".rows = 0 (a foreign key's parent)");
        t.put("rows", 0);
      }
    }
  }

  private void tableRows(ObjectNode root) {
    ObjectNode t = table(root);
    if (t != null) {
      long rows = pick(r, List.of(100_000_000L, 500_000_000_000L, 1_000_000_000_000L, 1_000_000_000_001L, -1L,
          0L, 3_000_000_000L));
      steps.add(name(t) + ".rows = " + rows);
      t.put("rows", rows);
    }
  }

  /** A uniform or distribution whose reachable range exceeds the column type. */
  private void rangeAgainstType(ObjectNode root) {
    ObjectNode c = column(root);
    if (c == null) {
      return;
    }
    String type = pick(r, List.of("decimal(12,2)", "decimal(5,0)", "int", "bigint", "decimal(18,4)", "date"));
    c.put("type", type);
    if (r.nextBoolean()) {
      restrategy(c, "uniform");
      c.set("min", pick(r, List.of(F.numberNode(0), F.numberNode(-1e19), F.numberNode(1e9))));
      c.set("max", pick(r, List.of(F.numberNode(1e13), F.numberNode(new java.math.BigInteger("10000000000000000000")),
          F.numberNode(1e19), F.numberNode(3e9), F.numberNode(1e300))));
    } else {
      restrategy(c, "distribution");
      c.set("distribution", F.objectNode().put("type", pick(r, List.of("lognormal", "pareto", "normal")))
          .put("mu", 30).put("sigma", 5).put("alpha", 0.1).put("xm", 1).put("mean", 0).put("stddev", 1e15));
      ObjectNode d = (ObjectNode) c.get("distribution");
      switch (d.get("type").asText()) {
        case "lognormal" -> d.retain("type", "mu", "sigma");
        case "pareto" -> d.retain("type", "alpha", "xm");
        default -> d.retain("type", "mean", "stddev");
      }
      if (r.nextBoolean()) {
        c.put("scale", 1e6);
      }
    }
    steps.add(name(c) + " = " + abbreviate(c.toString()));
  }

  private void distributionParams(ObjectNode root) {
    List<ObjectNode> ds = columnsWhere(root, "strategy", "distribution");
    ObjectNode c = ds.isEmpty() ? column(root) : ds.get(r.nextInt(ds.size()));
    if (c == null) {
      return;
    }
    boolean keepType = "double".equals(c.path("type").asText()) || c.path("type").asText().startsWith("decimal");
    restrategy(c, "distribution");
    if (!keepType) {
      c.put("type", "double");
    }
    ObjectNode d = F.objectNode();
    switch (r.nextInt(7)) {
      case 0 -> d.put("type", "beta").put("alpha", 1e-300).put("beta", 1e-300);
      case 1 -> d.put("type", "beta").put("alpha", 1e300).put("beta", 1e-300);
      case 2 -> d.put("type", "gamma").put("shape", 1e-300).put("scale", 1e300);
      case 3 -> d.put("type", "lognormal").put("mu", 700).put("sigma", 1e3);
      case 4 -> d.put("type", "exponential").put("rate", 1e-320);
      case 5 -> d.put("type", "pareto").put("alpha", 1e-300).put("xm", 1e300);
      default -> d.put("type", "zipf").put("n", Long.MAX_VALUE).put("exponent", 1e-300);
    }
    c.set("distribution", d);
    if (r.nextBoolean()) {
      c.put("min", 0).put("max", 1);
    }
    steps.add(name(c) + " = " + c);
  }

  private void destination(ObjectNode root) {
    ObjectNode d = F.objectNode().put("kind", "local").put("path", "output/fuzz");
    switch (r.nextInt(5)) {
      case 0 -> d.put("format", "jsonl");
      case 1 -> d.put("format", "csv").put("compression", "snappy");
      case 2 -> d.put("format", "jsonl").put("compression", "zstd");
      case 3 -> d.put("format", "csv");
      default -> d.put("format", "parquet").put("compression", "none");
    }
    steps.add("destination = " + d);
    root.set("destination", d);
  }

  private void nullRate(ObjectNode root) {
    ObjectNode c = column(root);
    if (c != null) {
      JsonNode v = pick(r, List.of(F.numberNode(1), F.numberNode(1.5), F.numberNode(-0.1), F.textNode("NaN"),
          F.numberNode(1e-300), F.numberNode(0.999999)));
      steps.add(name(c) + ".null_rate = " + v);
      c.set("null_rate", v);
    }
  }

  private void duplicateColumn(ObjectNode root) {
    ObjectNode t = table(root);
    if (t != null && t.get("columns") instanceof ArrayNode a && !a.isEmpty()) {
      int n = r.nextInt(3) == 0 ? 2_000 + r.nextInt(20_000) : 1;
      JsonNode c = a.get(r.nextInt(a.size()));
      for (int i = 0; i < n; i++) {
        ObjectNode copy = c.deepCopy();
        if (n > 1 && copy.has("name")) {
          copy.put("name", name(c) + "_" + i);
        }
        a.add(copy);
      }
      steps.add("duplicate " + name(t) + "." + name(c) + " x" + n);
    }
  }

  private void weightedForeignKey(ObjectNode root) {
    List<ObjectNode> fks = columnsWhere(root, "strategy", "foreign_key");
    if (fks.isEmpty()) {
      return;
    }
    ObjectNode fk = fks.get(r.nextInt(fks.size()));
    String ref = fk.path("references").asText();
    String table = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    for (ObjectNode t : tables(root)) {
      if (name(t).equals(table) && t.get("columns") instanceof ArrayNode cols) {
        cols.add(F.objectNode().put("name", "fuzz_weight").put("type", "double").put("strategy", "uniform")
            .put("min", 0).put("max", 1).put("omit", true));
        fk.set("distribution", F.objectNode().put("type", "weighted").put("by", "fuzz_weight"));
        long rows = pick(r, List.of(3_000_000_000L, 100_000_000L, 5L));
        t.put("rows", rows);
        steps.add(name(fk) + " weighted over " + table + " with " + rows + " rows");
      }
    }
  }

  private void dateRange(ObjectNode root) {
    ObjectNode c = column(root);
    if (c == null) {
      return;
    }
    restrategy(c, "date_range");
    c.put("type", r.nextBoolean() ? "date" : "timestamp");
    c.put("start", pick(r, List.of("0001-01-01", "ref-99999999d", "-999999999-01-01", "ref", "1970-01-01")));
    c.put("end", pick(r, List.of("9999-12-31", "ref+99999999d", "+999999999-12-31", "ref+1s", "ref")));
    if (r.nextBoolean()) {
      c.put("interval", pick(r, List.of("1 second", "999999999999 weeks", "0 days", "1 microsecond", "7 days")));
    }
    steps.add(name(c) + " = " + c);
  }

  /** Repeats the first member of the document, a duplicate key the strict reader must refuse. */
  private String duplicateKey(String text) {
    int colon = text.indexOf("\":");
    int comma = text.indexOf(",\"");
    if (colon < 0 || comma < 0 || comma < colon) {
      return text;
    }
    steps.add("duplicate the first member");
    return "{" + text.substring(1, comma + 1) + text.substring(1);
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "... (" + s.length() + " chars)" : s;
  }
}
