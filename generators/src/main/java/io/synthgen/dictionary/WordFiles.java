package io.synthgen.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Word lists of synthgen's own ({@code synthgen/words/<name>.txt}): one value per line, {@code #} starts a comment
 * line. They fill the gaps datafaker's English data leaves (store kinds, product categories, parts of brand names).
 */
final class WordFiles {

  private WordFiles() {
  }

  static List<String> read(String name) {
    String res = "synthgen/words/" + name + ".txt";
    try (InputStream in = WordFiles.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("word list " + res + " is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> words = r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      if (words.isEmpty()) {
        throw new IllegalStateException("word list " + res + " is empty");
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + res, e);
    }
  }
}
