package io.synthgen.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Violation;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.Suggest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads from a Jackson tree that never stop at the first problem: each read either returns the value or records
 * a violation at the field's JSON path and returns a placeholder, so decoding goes on and reports everything.
 */
final class Decoding {

  /** What a field must hold, phrased for messages. */
  enum Kind {
    STRING("a string"), INTEGER("an integer"), NUMBER("a number"), BOOLEAN("true or false"), ARRAY("an array"),
    OBJECT("an object"), DATE("a date such as \"2024-12-31\""), SCALAR("a string, number or boolean");

    final String phrase;

    Kind(String phrase) {
      this.phrase = phrase;
    }
  }

  private final List<Violation> violations = new ArrayList<>();

  List<Violation> violations() {
    return violations;
  }

  /** How many violations are recorded so far: a mark for {@link #beyondLimit}. */
  int mark() {
    return violations.size();
  }

  /**
   * After decoding item {@code index} of a list bounded by {@code limit}: drops what that item's decoding reported
   * (since {@code mark}) when the item is past the limit. The validator reports the list's size once and checks only
   * the first {@code limit} items, so an oversized list yields a bounded number of violations.
   */
  void beyondLimit(int index, int limit, int mark) {
    if (index >= limit && violations.size() > mark) {
      violations.subList(mark, violations.size()).clear();
    }
  }

  static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String at(String path, int index) {
    return path + "[" + index + "]";
  }

  void add(String path, JsonNode value, String rule, String fix) {
    violations.add(new Violation(path.isEmpty() ? "$" : path, value == null ? null : compact(value), rule, fix));
  }

  /** A node as short JSON for messages. */
  static String compact(JsonNode value) {
    String s = value.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** Reports a non-object and every field of an object not in {@code allowed}. Returns whether it is an object. */
  boolean object(JsonNode node, String path, Collection<String> allowed, String what) {
    if (node == null || !node.isObject()) {
      add(path, node, "must be " + Kind.OBJECT.phrase + " (" + what + ")",
          "write " + what + " as {\"" + String.join("\": ..., \"", List.copyOf(allowed).subList(0,
              Math.min(3, allowed.size()))) + "\": ...}");
      return false;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        add(at(path, f), node.get(f), "unknown field '" + f + "' in " + what,
            Suggest.didYouMean(f, allowed) + "allowed fields: " + Suggest.list(allowed));
      }
    }
    return true;
  }

  /** The field's node, or null after reporting it missing when {@code required}. */
  JsonNode field(JsonNode obj, String path, String key, boolean required, Kind kind) {
    JsonNode v = obj.get(key);
    if (v == null && required) {
      violations.add(new Violation(at(path, key), null, "missing required field '" + key + "'",
          "add \"" + key + "\": " + kind.phrase));
    }
    return v;
  }

  private void wrongType(String path, JsonNode v, Kind kind) {
    String fix = "write " + kind.phrase;
    if (v.isTextual() && (kind == Kind.NUMBER || kind == Kind.INTEGER) && looksNumeric(v.asText())) {
      fix = "write the number without quotes: " + v.asText().trim();
    } else if (v.isTextual() && kind == Kind.BOOLEAN) {
      fix = "write true or false without quotes";
    } else if (v.isNull()) {
      fix = "write " + kind.phrase + ", or leave the field out to use its default";
    }
    add(path, v, "must be " + kind.phrase, fix);
  }

  private static boolean looksNumeric(String s) {
    try {
      new BigDecimal(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A string field, or null when absent or invalid. */
  String string(JsonNode obj, String path, String key, boolean required) {
    JsonNode v = field(obj, path, key, required, Kind.STRING);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      wrongType(at(path, key), v, Kind.STRING);
      return null;
    }
    return bounded(v, at(path, key), maxLength(key));
  }

  /**
   * The longest text a string field may hold: descriptions and notes {@value PlanLimits#MAX_TEXT_LENGTH}
   * characters, a local path {@value PlanLimits#MAX_PATH_LENGTH}, a pattern {@value PlanLimits#MAX_PATTERN_LENGTH},
   * every other string {@value PlanLimits#MAX_STRING_LENGTH}. Expressions are bounded by the expression compiler.
   */
  static int maxLength(String key) {
    switch (key) {
      case "description":
      case "note":
        return PlanLimits.MAX_TEXT_LENGTH;
      case "path":
        return PlanLimits.MAX_PATH_LENGTH;
      case "pattern":
        return PlanLimits.MAX_PATTERN_LENGTH;
      case "expr":
        return Integer.MAX_VALUE;
      default:
        return PlanLimits.MAX_STRING_LENGTH;
    }
  }

  /**
   * The node's text, or null after reporting it longer than {@code max} characters or not Unicode text (JSON's
   * {@code \\u} escapes can write half of a surrogate pair, which no UTF-8 file or column can hold).
   */
  private String bounded(JsonNode v, String path, int max) {
    String s = v.asText();
    if (s.length() > max) {
      add(path, v, "at most " + max + " characters (this has " + s.length() + ")",
          "shorten it to " + max + " characters or fewer");
      return null;
    }
    int lone = loneSurrogate(s);
    if (lone >= 0) {
      add(path, v, String.format(Locale.ROOT, "character %d is half of a UTF-16 surrogate pair (\\u%04X), not "
          + "Unicode text", lone, (int) s.charAt(lone)), "remove it, or write the whole character it belongs to");
      return null;
    }
    return s;
  }

  /** The index of the first surrogate that is not part of a pair, or -1. */
  static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(ch)) {
        return i;
      }
    }
    return -1;
  }

  /** An integer field: {@code def} when absent (null = required), {@code fallback} when invalid. */
  long integer(JsonNode obj, String path, String key, Long def, long fallback) {
    JsonNode v = field(obj, path, key, def == null, Kind.INTEGER);
    if (v == null) {
      return def == null ? fallback : def;
    }
    Long n = asLong(v);
    if (n == null) {
      if (v.isNumber() && !v.canConvertToExactIntegral()) {
        add(at(path, key), v, "must be " + Kind.INTEGER.phrase, "write a whole number such as "
            + Math.round(v.asDouble()));
      } else if (v.isNumber()) {
        add(at(path, key), v, "out of range", "write a whole number between " + Long.MIN_VALUE + " and "
            + Long.MAX_VALUE);
      } else {
        wrongType(at(path, key), v, Kind.INTEGER);
      }
      return fallback;
    }
    return n;
  }

  /** An integer from a number node with an integral value that fits a long, else null. */
  static Long asLong(JsonNode v) {
    if (!v.isNumber() || !v.canConvertToExactIntegral()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? v.asLong() : null;
    }
    double d = v.asDouble();
    return Math.abs(d) < 0x1p63 ? (long) d : null;
  }

  /** A number field: {@code def} when absent (null = required), NaN when invalid. */
  double number(JsonNode obj, String path, String key, Double def) {
    JsonNode v = field(obj, path, key, def == null, Kind.NUMBER);
    if (v == null) {
      return def == null ? Double.NaN : def;
    }
    return number(v, at(path, key));
  }

  double number(JsonNode v, String path) {
    if (!v.isNumber()) {
      wrongType(path, v, Kind.NUMBER);
      return Double.NaN;
    }
    double d = v.asDouble();
    if (Double.isInfinite(d)) {
      add(path, v, "out of range", "write a finite number");
      return Double.NaN;
    }
    return d;
  }

  /** An optional number field, null when absent. */
  Double optionalNumber(JsonNode obj, String path, String key) {
    JsonNode v = obj.get(key);
    return v == null ? null : number(v, at(path, key));
  }

  boolean bool(JsonNode obj, String path, String key, boolean def) {
    JsonNode v = obj.get(key);
    if (v == null) {
      return def;
    }
    if (!v.isBoolean()) {
      wrongType(at(path, key), v, Kind.BOOLEAN);
      return def;
    }
    return v.asBoolean();
  }

  /** An array field's node, or null when absent (reported when required) or not an array (reported). */
  JsonNode array(JsonNode obj, String path, String key, boolean required) {
    JsonNode v = field(obj, path, key, required, Kind.ARRAY);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      wrongType(at(path, key), v, Kind.ARRAY);
      return null;
    }
    return v;
  }

  /** An optional array of numbers, empty when absent; invalid elements become NaN (and are reported). */
  List<Double> numbers(JsonNode obj, String path, String key) {
    JsonNode a = array(obj, path, key, false);
    List<Double> out = new ArrayList<>();
    if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        int mark = mark();
        out.add(number(a.get(i), at(at(path, key), i)));
        beyondLimit(i, PlanLimits.MAX_VALUES, mark);
      }
    }
    return List.copyOf(out);
  }

  /**
   * An array of strings: null when absent (reported when {@code required}) or not an array (reported); elements that
   * are not strings (or too long) are reported and become "" so later elements keep their index (the validator's
   * findings at a reported path are dropped); items past {@code limit} are read but their problems
   * dropped (the validator reports the list's size).
   */
  List<String> strings(JsonNode obj, String path, String key, boolean required, int limit) {
    JsonNode a = array(obj, path, key, required);
    if (a == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      int mark = mark();
      JsonNode v = a.get(i);
      String p = at(at(path, key), i);
      String text = null;
      if (v.isTextual()) {
        text = bounded(v, p, PlanLimits.MAX_STRING_LENGTH);
      } else {
        wrongType(p, v, Kind.STRING);
      }
      out.add(text == null ? "" : text);
      beyondLimit(i, limit, mark);
    }
    return List.copyOf(out);
  }

  /** A date field, null when absent (reported when required) or invalid (reported). */
  LocalDate date(JsonNode obj, String path, String key, boolean required) {
    JsonNode v = field(obj, path, key, required, Kind.DATE);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      wrongType(at(path, key), v, Kind.DATE);
      return null;
    }
    try {
      return LocalDate.parse(v.asText());
    } catch (DateTimeParseException e) {
      add(at(path, key), v, "not a valid ISO date", "write the date as YYYY-MM-DD, e.g. \"2025-01-01\"");
      return null;
    }
  }

  /** One of {@code choices} by its JSON name: {@code def} when absent (null = required), null when invalid. */
  <E> E choice(JsonNode obj, String path, String key, Map<String, E> choices, E def) {
    JsonNode v = field(obj, path, key, def == null, Kind.STRING);
    if (v == null) {
      return def;
    }
    E e = v.isTextual() ? choices.get(v.asText()) : null;
    if (e == null) {
      add(at(path, key), v, "must be one of " + Suggest.list(choices.keySet()),
          Suggest.didYouMean(v.isTextual() ? v.asText() : null, choices.keySet()) + "write one of "
              + Suggest.list(choices.keySet()));
    }
    return e;
  }

  /** A JSON scalar as a plan value: String, Long (integral numbers), Double, Boolean; null when not a scalar. */
  Object scalar(JsonNode v, String path) {
    if (v.isTextual()) {
      return bounded(v, path, PlanLimits.MAX_STRING_LENGTH);
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isIntegralNumber()) {
      if (v.canConvertToLong()) {
        return v.asLong();
      }
      add(path, v, "out of range", "write a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
      return null;
    }
    if (v.isNumber()) {
      return number(v, path);
    }
    add(path, v, "must be " + Kind.SCALAR.phrase, v.isNull()
        ? "remove the null; use null_rate for NULL values" : "write " + Kind.SCALAR.phrase);
    return null;
  }
}
