package io.synthgen.dictionary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads word lists from the English YAML files that datafaker ships ({@code en/name.yml} ...), once per file.
 * Only plain lists of strings are used; datafaker's own expression syntax is never evaluated.
 */
final class YamlLists {

  private static final Map<String, Map<String, Object>> FILES = new ConcurrentHashMap<>();

  private YamlLists() {
  }

  /** The list at {@code en.faker.<path>} in {@code en/<file>.yml}, e.g. ("name", "male_first_name"). */
  static List<String> list(String file, String... path) {
    Object node = FILES.computeIfAbsent(file, YamlLists::load).get(file);
    for (String p : path) {
      if (!(node instanceof Map<?, ?> m) || !m.containsKey(p)) {
        throw new IllegalStateException("datafaker resource en/" + file + ".yml has no list " + String.join(".", path));
      }
      node = m.get(p);
    }
    if (!(node instanceof List<?> l)) {
      throw new IllegalStateException("en/" + file + ".yml " + String.join(".", path) + " is not a list");
    }
    List<String> out = new ArrayList<>(l.size());
    for (Object o : l) {
      if (o instanceof String s && !s.contains("#{")) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String file) {
    String res = "en/" + file + ".yml";
    try (InputStream in = YamlLists.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("datafaker resource " + res + " is missing from the class path");
      }
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> en = (Map<String, Object>) root.get("en");
      return (Map<String, Object>) en.get("faker");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + res, e);
    }
  }
}
