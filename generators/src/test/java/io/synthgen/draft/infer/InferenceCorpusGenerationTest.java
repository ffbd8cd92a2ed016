package io.synthgen.draft.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Preview;
import io.synthgen.plan.DataType;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every plan of the inference corpus generates, and the column under test holds what its plan says: values of its
 * type, within its bounds, from its value list, in the shape of its pattern, inside its date range, after the
 * instant it follows, with its null rate and its share of true.
 */
class InferenceCorpusGenerationTest {

  private static final Pattern RELATIVE = Pattern.compile("ref(?:([+-]\\d+)d)?");
  private static final Pattern AFTER = Pattern.compile("`([a-zA-Z_0-9]+)`");

  @TestFactory
  Stream<DynamicTest> everyCaseGeneratesWhatItsPlanSays() {
    return Corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  static void check(Corpus.Case c) throws Exception {
    ObjectNode plan = c.plan();
    ResolvedPlan r = Resolver.resolve(PlanCodec.fromJson(plan, InferenceCorpusTest.DICTS));
    java.util.Map<String, Batch> all = Preview.generate(r, Corpus.ROWS);
    Batch b = all.get(c.table());
    assertEquals(Corpus.ROWS, b.size(), c + ": rows");
    ObjectNode col = Corpus.column(plan, c);
    DataType type = DataType.parse(col.path("type").asText());
    Vec v = b.vector(c.column());
    assertEquals(type, v.type(), c + ": vector type");
    List<String> wrong = new ArrayList<>();
    int nulls = 0;
    int trues = 0;
    Set<Object> allowed = allowed(col);
    for (int i = 0; i < b.size(); i++) {
      Object x = v.get(i);
      if (x == null) {
        nulls++;
        continue;
      }
      if (!javaType(type).isInstance(x)) {
        wrong.add("row " + i + ": " + x.getClass().getSimpleName() + " in a " + type + " column");
        break;
      }
      if (Boolean.TRUE.equals(x)) {
        trues++;
      }
      String bad = within(c, col, type, x, allowed, b, i);
      if (bad != null) {
        wrong.add("row " + i + ": " + bad);
        break;
      }
    }
    if (col.path("strategy").asText().equals("lookup")) {
      String lookupWrong = lookups(plan, c, col, all);
      if (lookupWrong != null) {
        wrong.add(lookupWrong);
      }
    }
    double nullRate = col.path("null_rate").asDouble(0);
    double seen = (double) nulls / b.size();
    if (Math.abs(seen - nullRate) > 0.1) {
      wrong.add("null rate " + seen + ", plan says " + nullRate);
    }
    if (col.has("probability")) {
      double p = col.get("probability").asDouble();
      double share = (double) trues / (b.size() - nulls);
      if (Math.abs(share - p) > 0.12) {
        wrong.add("true " + share + " of rows, plan says " + p);
      }
    }
    if (!wrong.isEmpty()) {
      fail(c + ": " + String.join("; ", wrong) + "\n  column: " + col);
    }
  }

  /** Null when every looked-up value is the parent's value at the row its foreign key points to. */
  private static String lookups(ObjectNode plan, Corpus.Case c, ObjectNode col, java.util.Map<String, Batch> all) {
    String references = Corpus.column(plan, new Corpus.Case(c.line(), c.table(), col.get("via").asText(),
        c.request(), "")).get("references").asText();
    String parent = references.substring(0, references.indexOf('.'));
    String key = references.substring(references.indexOf('.') + 1);
    Batch p = all.get(parent);
    java.util.Map<Object, Object> byKey = new java.util.HashMap<>();
    for (int i = 0; i < p.size(); i++) {
      byKey.put(p.vector(key).get(i), p.vector(col.get("column").asText()).get(i));
    }
    Batch b = all.get(c.table());
    for (int i = 0; i < b.size(); i++) {
      Object fk = b.vector(col.get("via").asText()).get(i);
      Object want = byKey.get(fk);
      Object got = b.vector(c.column()).get(i);
      if (!java.util.Objects.equals(want, got)) {
        return "row " + i + ": " + got + ", but " + parent + " " + fk + " has " + want;
      }
    }
    return null;
  }

  private static Set<Object> allowed(ObjectNode col) {
    if (!col.path("strategy").asText().equals("values")) {
      return null;
    }
    Set<Object> s = new HashSet<>();
    for (JsonNode n : col.withArray("values")) {
      s.add(n.isNumber() ? (Object) n.asLong() : n.isBoolean() ? (Object) n.asBoolean() : n.asText());
    }
    return s;
  }

  /** Null when the value is what the plan says, else what is wrong with it. */
  private static String within(Corpus.Case c, ObjectNode col, DataType type, Object x, Set<Object> allowed, Batch b,
      int row) {
    String strategy = col.path("strategy").asText();
    if (allowed != null && !allowed.contains(x)) {
      return x + " is not one of " + allowed;
    }
    if (type.isNumeric() && (col.has("min") || col.has("max"))) {
      double d = ((Number) (x instanceof BigDecimal bd ? bd.doubleValue() : x)).doubleValue();
      double eps = 1e-9 + (type.kind() == DataType.Kind.DECIMAL ? Math.pow(10, -type.scale()) : 0);
      if (col.has("min") && d < col.get("min").asDouble() - eps || col.has("max") && d > col.get("max").asDouble()
          + eps) {
        return d + " outside " + col.path("min") + "–" + col.path("max");
      }
    }
    if (x instanceof BigDecimal bd && bd.scale() != type.scale()) {
      return x + " has scale " + bd.scale() + " in a " + type;
    }
    if (strategy.equals("pattern")) {
      String p = col.get("pattern").asText();
      String s = (String) x;
      if (s.length() != p.length()) {
        return "'" + s + "' does not have the shape of " + p;
      }
      for (int k = 0; k < p.length(); k++) {
        char pc = p.charAt(k);
        char sc = s.charAt(k);
        boolean ok = pc == '#' ? Character.isDigit(sc) : pc == '!' ? sc >= '1' && sc <= '9'
            : pc == '?' ? sc >= 'A' && sc <= 'Z' : pc == '*' ? Character.isLetterOrDigit(sc) : sc == pc;
        if (!ok) {
          return "'" + s + "' does not have the shape of " + p;
        }
      }
    }
    if ((strategy.equals("dictionary") || type.kind() == DataType.Kind.STRING) && ((String) x).isBlank()) {
      return "an empty string";
    }
    if (x instanceof String s && c.column().toLowerCase().contains("email") && !s.contains("@")) {
      return x + " is not an e-mail address";
    }
    if (strategy.equals("date_range")) {
      LocalDateTime t = x instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) x;
      LocalDateTime start = instant(col.get("start").asText());
      LocalDateTime end = instant(col.get("end").asText());
      if (t.isBefore(start) || t.isAfter(end)) {
        return t + " outside " + start + " → " + end;
      }
    }
    if (strategy.equals("expression") && type.isTemporal()) {
      Matcher m = AFTER.matcher(col.get("expr").asText());
      if (m.find()) {
        Object before = b.vector(m.group(1)).get(row);
        if (before != null && compare(x, before) < 0) {
          return x + " is before " + m.group(1) + " " + before;
        }
      }
    }
    return null;
  }

  private static int compare(Object a, Object b) {
    LocalDateTime x = a instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) a;
    LocalDateTime y = b instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) b;
    // a date after a timestamp counts its whole day
    if (a instanceof LocalDate) {
      y = y.toLocalDate().atStartOfDay();
    }
    return x.compareTo(y);
  }

  private static LocalDateTime instant(String s) {
    Matcher m = RELATIVE.matcher(s);
    if (m.matches()) {
      long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      return Corpus.TODAY.plusDays(days).atStartOfDay();
    }
    return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
  }

  private static Class<?> javaType(DataType t) {
    switch (t.kind()) {
      case BIGINT: case INT:
        return Long.class;
      case DOUBLE:
        return Double.class;
      case DECIMAL:
        return BigDecimal.class;
      case STRING:
        return String.class;
      case BOOLEAN:
        return Boolean.class;
      case DATE:
        return LocalDate.class;
      case TIMESTAMP:
        return LocalDateTime.class;
    }
    throw new IllegalArgumentException(t.toString());
  }

  @org.junit.jupiter.api.Test
  void updatedAtIsNeverBeforeCreatedAtNorAfterTheReferenceDate() throws Exception {
    Corpus.Case c = Corpus.cases().stream().filter(k -> k.table().equals("customers")
        && k.column().equals("updated_at") && k.request().toString().contains("created_at")
        && !k.request().toString().contains("\"date\"")).findFirst().orElseThrow();
    ObjectNode plan = c.plan();
    ResolvedPlan r = Resolver.resolve(PlanCodec.fromJson(plan, InferenceCorpusTest.DICTS));
    Batch b = Preview.generate(r, Corpus.ROWS).get("customers");
    LocalDateTime ref = Corpus.TODAY.atStartOfDay();
    for (int i = 0; i < b.size(); i++) {
      LocalDateTime created = (LocalDateTime) b.vector("created_at").get(i);
      LocalDateTime updated = (LocalDateTime) b.vector("updated_at").get(i);
      assertTrue(!updated.isBefore(created) && !updated.isAfter(ref), created + " → " + updated);
    }
  }
}
