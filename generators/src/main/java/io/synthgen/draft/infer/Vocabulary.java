package io.synthgen.draft.infer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The weighted categories that fit a table ({@code synthgen/inference/categories.tsv}): orders get order statuses,
 * tickets ticket statuses, any other table a general list. Read once; immutable.
 */
public final class Vocabulary {

  static final String RESOURCE = "synthgen/inference/categories.tsv";

  /**
   * One line of the file.
   *
   * @param key the column name or last word it applies to
   * @param about the table words it requires; empty for any table
   */
  public record Entry(String key, Set<String> about, List<String> values, List<Integer> weights) {
  }

  private static final List<Entry> ENTRIES = load();

  private Vocabulary() {
  }

  public static List<Entry> entries() {
    return ENTRIES;
  }

  /** Every key, for the rule that matches categorical columns. */
  static Set<String> keys() {
    Set<String> s = new LinkedHashSet<>();
    ENTRIES.forEach(e -> s.add(e.key()));
    return s;
  }

  /** Every table word a line requires. */
  static Set<String> topicWords() {
    Set<String> s = new LinkedHashSet<>();
    ENTRIES.forEach(e -> s.addAll(e.about()));
    return s;
  }

  /**
   * A line that fits a column.
   *
   * @param entry the line
   * @param topic the table word it was chosen for, or null when it fits any table
   */
  record Found(Entry entry, String topic) {
  }

  /**
   * The first line for the column's whole name, else for its last word, whose table words meet the words of the
   * column name before its last (the "shipping" of shipping_status, in any table), else what the table is about; a
   * line for any table last. Null when no line fits.
   */
  static Found find(Clues c) {
    Set<String> prefix = new LinkedHashSet<>();
    for (int i = 0; i + 1 < c.words().size(); i++) {
      prefix.add(Words.singular(c.words().get(i)));
    }
    for (String key : List.of(c.normal(), c.last())) {
      for (Set<String> about : List.of(prefix, c.topics())) {
        for (Entry e : ENTRIES) {
          if (e.key().equals(key)) {
            for (String t : about) {
              if (e.about().contains(t)) {
                return new Found(e, t);
              }
            }
          }
        }
      }
      for (Entry e : ENTRIES) {
        if (e.key().equals(key) && e.about().isEmpty()) {
          return new Found(e, null);
        }
      }
    }
    return null;
  }

  private static List<Entry> load() {
    try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Entry> out = new ArrayList<>();
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
          throw new IllegalStateException(RESOURCE + ":" + lineNo + ": 4 tab-separated fields expected");
        }
        Set<String> about = new LinkedHashSet<>();
        if (!f[1].equals("*")) {
          about.addAll(List.of(f[1].split(",")));
        }
        List<String> values = List.of(f[2].split("\\|"));
        List<Integer> weights = new ArrayList<>();
        for (String w : f[3].split("\\|")) {
          weights.add(Integer.parseInt(w));
        }
        if (values.size() != weights.size()) {
          throw new IllegalStateException(RESOURCE + ":" + lineNo + ": " + values.size() + " values and "
              + weights.size() + " weights");
        }
        out.add(new Entry(f[0], java.util.Collections.unmodifiableSet(about), values, List.copyOf(weights)));
      }
      for (Entry e : out) {
        if (out.stream().noneMatch(x -> x.key().equals(e.key()) && x.about().isEmpty())) {
          // a column matched by its key always finds a line
          throw new IllegalStateException(RESOURCE + ": '" + e.key() + "' has no line for any table (*)");
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
