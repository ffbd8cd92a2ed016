package io.synthgen.draft.infer;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What inference reads of a table, the same for each of its columns: the words of its name, of its description
 * and of the request's description, and its columns by their words. Made once per table, so that inferring every
 * column of a wide table costs time linear in its width.
 *
 * @param table the table's name
 * @param fromName the singular words of the name, without prefixes such as dim_ and fact_
 * @param fromText the singular words of the table's description
 * @param fromRequest the singular words of the request's description
 * @param columns the table's columns by their words joined with underscores, to their names as written
 */
public record TableClues(String table, Set<String> fromName, Set<String> fromText, Set<String> fromRequest,
    Map<String, String> columns) {

  public TableClues {
    fromName = Collections.unmodifiableSet(fromName);
    fromText = Collections.unmodifiableSet(fromText);
    fromRequest = Collections.unmodifiableSet(fromRequest);
    columns = Collections.unmodifiableMap(columns);
  }

  public static TableClues of(String table, Collection<String> columns, String tableDescription,
      String requestDescription) {
    Set<String> fromName = new LinkedHashSet<>();
    for (String w : Words.of(table)) {
      if (!Inference.TABLE_PREFIXES.contains(w)) {
        fromName.add(Words.singular(w));
      }
    }
    Map<String, String> cols = new LinkedHashMap<>();
    for (String c : columns) {
      cols.putIfAbsent(Words.normal(c), c);
    }
    return new TableClues(table, fromName, Inference.words(tableDescription), Inference.words(requestDescription),
        cols);
  }
}
