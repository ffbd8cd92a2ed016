package io.synthgen.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads word lists from the English YAML files that datafaker ships ({@code en/name.yml} ...). Only lists of plain
 * strings are used and datafaker's own expression syntax is never evaluated, so a small reader for that subset of
 * YAML (indented {@code key:} lines and {@code - "value"} items) replaces a full YAML parser: it reads a file in a
 * few milliseconds, which keeps start-up fast.
 */
final class YamlLists {

  private static final Map<String, List<String>> LINES = new ConcurrentHashMap<>();

  private YamlLists() {
  }

  /** The list at {@code en.faker.<file>.<path...>} in {@code en/<file>.yml}, e.g. ("name", "male_first_name"). */
  static List<String> list(String file, String... path) {
    List<String> lines = LINES.computeIfAbsent(file, YamlLists::load);
    List<String> want = new ArrayList<>(List.of("en", "faker", file));
    want.addAll(List.of(path));
    List<String> keys = new ArrayList<>();
    List<Integer> indents = new ArrayList<>();
    List<String> out = new ArrayList<>();
    // whether the keys above the current line are the wanted path, updated only on key lines: most lines are items
    boolean inWanted = false;
    boolean found = false;
    for (String line : lines) {
      int indent = indent(line);
      if (indent == line.length() || line.charAt(indent) == '#') {
        continue;
      }
      if (line.startsWith("- ", indent)) {
        if (inWanted) {
          found = true;
          String v = unquote(line.substring(indent + 2).trim());
          if (v != null && !v.contains("#{")) {
            out.add(v);
          }
        }
        continue;
      }
      int colon = line.indexOf(':', indent);
      if (colon <= indent) {
        continue;
      }
      while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
        indents.remove(indents.size() - 1);
        keys.remove(keys.size() - 1);
      }
      if (found) {
        break;
      }
      keys.add(line.substring(indent, colon).trim());
      indents.add(indent);
      inWanted = keys.size() == want.size() && keys.equals(want);
    }
    if (!found) {
      throw new IllegalStateException("datafaker resource en/" + file + ".yml has no list " + String.join(".", path));
    }
    return List.copyOf(out);
  }

  /** The number of leading whitespace characters, as {@link String#stripLeading} counts them. */
  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A scalar's text without its quotes; null for nested lists and other structures. */
  private static String unquote(String v) {
    if (v.startsWith("- ") || v.startsWith("[") || v.startsWith("{")) {
      return null;
    }
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      String inner = v.substring(1, v.length() - 1);
      return v.startsWith("'") ? inner.replace("''", "'") : inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return v;
  }

  private static List<String> load(String file) {
    String res = "en/" + file + ".yml";
    try (InputStream in = YamlLists.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("datafaker resource " + res + " is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + res, e);
    }
  }
}
