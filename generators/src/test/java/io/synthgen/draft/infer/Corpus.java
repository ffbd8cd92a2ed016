package io.synthgen.draft.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Drafter;
import io.synthgen.plan.PlanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inference corpus ({@code inference/corpus.tsv}): its cases, and the request and plan of each. */
final class Corpus {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  /** Rows of the corpus's tables: enough to see values spread, few enough to generate every case quickly. */
  static final int ROWS = 200;

  /** One case: where it is in the file, the request it makes, the column under test and what is expected. */
  record Case(int line, String table, String column, ObjectNode request, String expect) {

    @Override
    public String toString() {
      return "corpus.tsv:" + line + " " + table + "." + column;
    }

    /** The drafted plan JSON. */
    ObjectNode plan() throws PlanException {
      return Drafter.draft(request, TODAY, 42);
    }
  }

  private Corpus() {
  }

  static List<Case> cases() {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream("inference/corpus.tsv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Case> out = new ArrayList<>();
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
          throw new IllegalStateException("corpus.tsv:" + n + ": 5 tab-separated fields expected, got " + f.length);
        }
        out.add(parse(n, f));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case parse(int line, String[] f) throws IOException {
    String table = f[0];
    JsonNode column = f[1].startsWith("{") ? JSON.readTree(f[1]) : JSON.getNodeFactory().textNode(f[1]);
    String columnName = column.isObject() ? column.path("name").asText() : column.asText();
    List<JsonNode> siblings = new ArrayList<>();
    if (f[2].startsWith("[")) {
      JSON.readTree(f[2]).forEach(siblings::add);
    } else if (!f[2].equals("-")) {
      for (String s : f[2].split(",")) {
        siblings.add(JSON.getNodeFactory().textNode(s.trim()));
      }
    }
    ObjectNode context = f[3].equals("-") ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(f[3]);
    ObjectNode request = JSON.createObjectNode();
    if (context.has("description")) {
      request.set("description", context.get("description"));
    }
    ArrayNode tables = request.putArray("tables");
    ObjectNode t = tables.addObject();
    t.put("name", table);
    t.put("rows", ROWS);
    if (context.has("table_description")) {
      t.set("description", context.get("table_description"));
    }
    ArrayNode cols = t.putArray("columns");
    boolean placed = false;
    for (JsonNode s : siblings) {
      if (s.isTextual() && s.asText().equals("*")) {
        cols.add(column);
        placed = true;
      } else {
        cols.add(s);
      }
    }
    if (!placed) {
      cols.add(column);
    }
    for (Map.Entry<String, JsonNode> e : context.path("tables").properties()) {
      ObjectNode other = tables.addObject();
      other.put("name", e.getKey());
      other.put("rows", 50);
      if (e.getValue().isArray()) {
        other.put("primary_key", e.getValue().get(0).asText());
        other.set("columns", e.getValue());
      } else {
        other.put("primary_key", e.getValue().asText());
        other.putArray("columns").add(e.getValue().asText());
      }
    }
    // the referenced tables come first, as a person would list them
    if (tables.size() > 1) {
      ArrayNode ordered = JSON.createArrayNode();
      for (int i = 1; i < tables.size(); i++) {
        ordered.add(tables.get(i));
      }
      ordered.add(tables.get(0));
      request.set("tables", ordered);
    }
    return new Case(line, table, columnName, request, f[4].trim());
  }

  /** The column under test in the drafted plan JSON. */
  static ObjectNode column(ObjectNode plan, Case c) {
    for (JsonNode t : plan.withArray("tables")) {
      if (t.path("name").asText().equals(c.table())) {
        for (JsonNode col : t.withArray("columns")) {
          if (col.path("name").asText().equals(c.column())) {
            return (ObjectNode) col;
          }
        }
      }
    }
    throw new AssertionError(c + ": no column in " + plan);
  }
}
