package io.synthgen.vocab;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The descriptions and examples of {@code synthgen/vocabulary.json}: one object per topic whose keys are the names
 * of the registry it describes. Every difference from the code (a name missing or extra, a field list that differs,
 * a missing text or example) is recorded, and {@link #requireConsistent()} refuses the catalog listing all of them
 * at once; so the file cannot drift from the code without failing the build (the vocabulary is built in tests),
 * and a partial catalog is never served.
 */
final class VocabularyData {

  static final String RESOURCE = "synthgen/vocabulary.json";

  static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final JsonNode root;
  private final List<String> problems = new ArrayList<>();

  private VocabularyData(JsonNode root) {
    this.root = root;
  }

  /** Records a difference between the file and the code. */
  void problem(String what) {
    problems.add(what);
  }

  /** Every difference recorded, in the order found. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws one exception listing every difference recorded, if any. */
  void requireConsistent() {
    if (!problems.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " differs from the code in " + problems.size()
          + (problems.size() == 1 ? " place" : " places") + ":\n- " + String.join("\n- ", problems));
    }
  }

  /** The data of an already parsed file (tests give a changed copy). */
  static VocabularyData of(JsonNode root) {
    return new VocabularyData(root);
  }

  /** The file as shipped, parsed. */
  static JsonNode read() {
    try (InputStream in = VocabularyData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A top-level object of the file (empty, and recorded, when it is missing). */
  JsonNode get(String key) {
    JsonNode n = root.get(key);
    if (n == null || !n.isObject()) {
      problem("no object '" + key + "'");
      return MAPPER.createObjectNode();
    }
    return n;
  }

  /**
   * A section whose keys must be exactly {@code names}, in any order; the differences are recorded. Entries the
   * code has and the file lacks read as empty objects, so their own problems are recorded too.
   */
  JsonNode section(String key, Collection<String> names) {
    JsonNode n = get(key);
    List<String> keys = keys(n);
    List<String> missing = new ArrayList<>(names);
    missing.removeAll(keys);
    List<String> extra = new ArrayList<>(keys);
    extra.removeAll(names);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      problem("section '" + key + "': missing " + missing + ", not in the code " + extra);
    }
    return n;
  }

  /** An entry of a section: the object, or an empty one (the section's difference is already recorded). */
  static JsonNode entry(JsonNode section, String name) {
    JsonNode e = section.get(name);
    return e != null && e.isObject() ? e : MAPPER.createObjectNode();
  }

  static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** A required text field of an entry ("" and recorded when it is missing). */
  String text(JsonNode entry, String key, String where) {
    JsonNode n = entry.get(key);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      problem(where + " has no text '" + key + "'");
      return "";
    }
    return n.asText();
  }
}
