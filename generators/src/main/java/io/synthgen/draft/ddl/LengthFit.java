package io.synthgen.draft.ddl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.plan.reach.ColumnRanges;
import io.synthgen.plan.reach.DictionaryLengths;
import java.util.Locale;

/**
 * String lengths (VARCHAR(n), {@code CHECK (length(x) <= n)}) kept on a drafted column: inferred values that are too
 * long are dropped, a pattern is cut, a dictionary or UUID that can be longer is cut with {@code substr} through a
 * hidden helper column, an expression is wrapped in {@code substr}. Listed values too long and unique columns that
 * would have to be cut are refused.
 */
final class LengthFit {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Dictionaries dictionaries;
  private final DdlIssues issues;

  LengthFit(Dictionaries dictionaries, DdlIssues issues) {
    this.dictionaries = dictionaries;
    this.issues = issues;
  }

  /** Fits the column to its length; returns how many columns were inserted before it (0 or 1). */
  int fit(ArrayNode cols, int at, ObjectNode col, DdlColumn c) {
    Integer n = c.type.maxLength();
    if (c.checkMaxLength != null) {
      n = n == null ? c.checkMaxLength : Math.min(n, c.checkMaxLength);
    }
    if (n == null || !"string".equals(col.path("type").asText()) || c.refTable != null) {
      return 0;
    }
    if (n < 1) {
      issues.add(c.line, c.name, "the CHECK on " + c.name + "'s length allows no value", "correct it");
      return 0;
    }
    String strategy = col.path("strategy").asText();
    boolean fromDdl = c.checkValues != null || c.type.values() != null;
    switch (strategy) {
      case "values" -> {
        ArrayNode vs = (ArrayNode) col.get("values");
        ArrayNode ws = col.has("weights") ? (ArrayNode) col.get("weights") : null;
        ArrayNode nv = F.arrayNode();
        ArrayNode nw = F.arrayNode();
        for (int k = 0; k < vs.size(); k++) {
          if (vs.get(k).asText().length() <= n) {
            nv.add(vs.get(k));
            if (ws != null) {
              nw.add(ws.get(k));
            }
          } else if (fromDdl) {
            issues.add(c.line, vs.get(k).asText(), "the value '" + vs.get(k).asText() + "' is longer than the " + n
                + " characters " + c.name + " holds", "widen " + c.name + "'s type or shorten the value");
          }
        }
        if (fromDdl || nv.size() == vs.size()) {
          return 0;
        }
        if (!nv.isEmpty()) {
          col.set("values", nv);
          if (ws != null) {
            col.set("weights", nw);
          }
          Fitting.appendNote(col, "values longer than " + n + " characters left out");
          return 0;
        }
        return cut(cols, at, col, c, n);
      }
      case "pattern" -> {
        String p = col.path("pattern").asText();
        if (p.length() > n) {
          col.put("pattern", p.substring(0, n));
          Fitting.appendNote(col, "pattern cut to " + n + " characters");
        }
        return 0;
      }
      case "constant" -> {
        if (col.path("value").asText().length() > n && col.path("null_rate").asDouble(0) < 1) {
          issues.add(c.line, col.path("value").asText(), "the value is longer than the " + n + " characters "
              + c.name + " holds", "shorten it");
        }
        return 0;
      }
      case "uuid" -> {
        return n >= 36 ? 0 : cut(cols, at, col, c, n);
      }
      case "dictionary" -> {
        Dictionary d = dictionaries.get(col.path("dictionary").asText());
        long longest = d == null ? -1 : DictionaryLengths.longest(d);
        if (longest < 0) {
          longest = ColumnRanges.MAX_COMPOSED_LENGTH;
        }
        return longest <= n ? 0 : cut(cols, at, col, c, n);
      }
      case "expression" -> {
        col.put("expr", "substr(" + col.path("expr").asText() + ", 1, " + n + ")");
        Fitting.appendNote(col, "cut to " + n + " characters");
        return 0;
      }
      default -> {
        return 0;
      }
    }
  }

  /**
   * Cuts a column's values to {@code n} characters: the drafted column becomes a hidden helper and the column an
   * expression over it. A key cannot be cut (its values would repeat) and is refused.
   */
  private int cut(ArrayNode cols, int at, ObjectNode col, DdlColumn c, int n) {
    if (col.path("unique").asBoolean(false) || c.unique) {
      issues.add(c.line, c.name, "the unique column " + c.name + " holds " + n + " characters, too few for its "
          + "drafted values", "widen " + c.name + "'s type");
      return 0;
    }
    ObjectNode h = Fitting.hiddenCopy(cols, col, "_full");
    String helper = h.path("name").asText();
    ObjectNode v = F.objectNode();
    v.put("name", col.path("name").asText());
    v.put("type", "string");
    v.put("strategy", "expression");
    v.put("expr", "substr(" + helper + ", 1, " + n + ")");
    if (col.has("null_rate")) {
      v.set("null_rate", col.get("null_rate"));
    }
    String note = col.path("note").asText("");
    v.put("note", (note.isEmpty() ? "" : note + "; ") + "cut to " + n + " characters");
    cols.set(at, h);
    cols.insert(at + 1, v);
    return 1;
  }
}
