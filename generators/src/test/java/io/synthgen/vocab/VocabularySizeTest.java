package io.synthgen.vocab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The catalog fits a tool result: the whole, each topic and each entry stay under their bounds, as JSON and text. */
class VocabularySizeTest {

  private static final Vocabulary V = Vocabulary.standard();

  @Test
  void theWholeCatalogIsUnderItsBound() {
    int bytes = bytes(Vocabulary.compact(V.catalog()));
    assertTrue(bytes <= Vocabulary.MAX_CATALOG_BYTES, "catalog " + bytes + " > " + Vocabulary.MAX_CATALOG_BYTES);
    int overview = bytes(Vocabulary.compact(V.overview())) + bytes(V.overviewText());
    assertTrue(overview <= Vocabulary.MAX_OVERVIEW_BYTES, "overview " + overview);
  }

  @Test
  void eachTopicIsUnderItsOwnBoundAsJsonAndAsText() {
    for (Topic t : Topic.values()) {
      int json = bytes(Vocabulary.compact(V.topic(t)));
      int text = bytes(V.text(t));
      assertTrue(json <= t.maxBytes(), t.id() + " JSON " + json + " > " + t.maxBytes());
      assertTrue(text <= t.maxBytes(), t.id() + " text " + text + " > " + t.maxBytes());
    }
  }

  @Test
  void eachEntryIsUnderTheEntryBound() {
    for (Topic t : Topic.values()) {
      for (String name : V.names(t)) {
        int json = bytes(Vocabulary.compact(V.entry(t, name)));
        int text = bytes(V.text(t, name));
        assertTrue(json <= Vocabulary.MAX_ENTRY_BYTES, t.id() + " " + name + " JSON " + json);
        assertTrue(text <= Vocabulary.MAX_ENTRY_BYTES, t.id() + " " + name + " text " + text);
      }
    }
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
