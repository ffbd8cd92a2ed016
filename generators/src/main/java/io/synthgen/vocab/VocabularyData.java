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
 * of the registry it describes. {@link #section} refuses a section whose names differ from the registry's, so the
 * file cannot drift from the code without failing the build (the vocabulary is built in tests) and never serves a
 * partial catalog.
 */
final class VocabularyData {

  static final String RESOURCE = "synthgen/vocabulary.json";

  static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final JsonNode root;

  private VocabularyData(JsonNode root) {
    this.root = root;
  }

  static VocabularyData load() {
    try (InputStream in = VocabularyData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new VocabularyData(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A top-level object of the file. */
  JsonNode get(String key) {
    JsonNode n = root.get(key);
    if (n == null || !n.isObject()) {
      throw new IllegalStateException(RESOURCE + " has no object '" + key + "'");
    }
    return n;
  }

  /** A section whose keys must be exactly {@code names}, in any order. */
  JsonNode section(String key, Collection<String> names) {
    JsonNode n = get(key);
    List<String> keys = keys(n);
    List<String> missing = new ArrayList<>(names);
    missing.removeAll(keys);
    List<String> extra = new ArrayList<>(keys);
    extra.removeAll(names);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " section '" + key + "' differs from the code: missing " + missing
          + ", not in the code " + extra);
    }
    return n;
  }

  static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** A required text field of an entry. */
  static String text(JsonNode entry, String key, String where) {
    JsonNode n = entry.get(key);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new IllegalStateException(RESOURCE + ": " + where + " has no text '" + key + "'");
    }
    return n.asText();
  }
}
