package io.synthgen.draft.infer;

import io.synthgen.plan.DataType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything inference reads about one described column.
 *
 * @param name the column name as written
 * @param words the lower-case words of the name ({@code unitPrice}: [unit, price])
 * @param normal the words joined by underscores: the name as rules compare it ({@code unit_price})
 * @param declared the declared type, or null
 * @param table the table name
 * @param topics what the table is about: the singular words of its name, its description and the column's note;
 *     when none of those is a word any rule knows, the words of the request's description
 * @param topicSource where {@code topics} came from when not from the table name, for the note ("the table's
 *     description or the column's note", "the request's description"); empty when from the table name
 * @param siblings the table's columns, by their words joined with underscores, to their names as written; the
 *     column itself is not its own sibling
 * @param primaryKey the table's primary key, or null
 * @param min the person's lower bound, or null
 * @param max the person's upper bound, or null
 * @param start the person's first instant, or null
 * @param end the person's last instant, or null
 */
public record Clues(String name, List<String> words, String normal, DataType declared, String table, Set<String> topics,
    String topicSource, Map<String, String> siblings, String primaryKey, Double min, Double max, String start,
    String end) {

  public Clues {
    words = List.copyOf(words);
    topics = Collections.unmodifiableSet(topics);
    // shared by every column of the table: wrapped, not copied
    siblings = Collections.unmodifiableMap(siblings);
  }

  public String last() {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  public String first() {
    return words.isEmpty() ? "" : words.get(0);
  }

  /** The sibling's name as written when the table has a column whose normal name is {@code normal}, else null. */
  public String sibling(String normal) {
    String s = siblings.get(normal);
    return s == null || s.equalsIgnoreCase(name) ? null : s;
  }

  public boolean hasSibling(String normal) {
    return sibling(normal) != null;
  }

  /** The singular of the table name's last word ({@code line_items}: item). */
  public String tableNoun() {
    List<String> w = Words.of(table);
    return w.isEmpty() ? "row" : Words.singular(w.get(w.size() - 1));
  }

  public boolean bounded() {
    return min != null || max != null;
  }

  /** The declared kind is one of {@code kinds}, or nothing is declared. */
  public boolean declaredIn(Set<DataType.Kind> kinds) {
    return declared == null || kinds.contains(declared.kind());
  }
}
