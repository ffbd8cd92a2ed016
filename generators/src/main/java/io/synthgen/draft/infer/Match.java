package io.synthgen.draft.infer;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a rule requires of the column name, compared word by word ({@code unitPrice} is [unit, price]).
 *
 * @param doc how the docs' rule table shows it
 * @param test the test on the column's clues
 */
public record Match(String doc, Predicate<Clues> test) {

  /** The whole name is one of these (words joined by underscores: {@code discount_pct}). */
  static Match name(String... names) {
    Set<String> s = Set.of(names);
    return new Match("name " + list(names), c -> s.contains(c.normal()));
  }

  /** The last word is one of these: {@code last("price")} matches price, unit_price, listPrice. */
  static Match last(String... words) {
    Set<String> s = Set.of(words);
    return new Match("last word " + list(words), c -> s.contains(c.last()));
  }

  /** The first word is one of these, and the name has more than one word: {@code is_active}, {@code hasKids}. */
  static Match first(String... words) {
    Set<String> s = Set.of(words);
    return new Match("first word " + list(words), c -> c.words().size() > 1 && s.contains(c.first()));
  }

  /** Some word of the name is one of these. */
  static Match any(String... words) {
    Set<String> s = Set.of(words);
    return new Match("a word " + list(words), c -> c.words().stream().anyMatch(s::contains));
  }

  /** The name is one of these or ends with one after an underscore: {@code ends("zip_code")} fits billing_zip_code. */
  static Match ends(String... names) {
    return new Match("ends with " + list(names), c -> {
      String n = c.normal();
      for (String e : names) {
        if (n.equals(e) || n.endsWith("_" + e)) {
          return true;
        }
      }
      return false;
    });
  }

  /** The whole name is a key of the category vocabulary. */
  static Match vocabularyName() {
    Set<String> keys = Vocabulary.keys();
    return new Match("name in the category vocabulary", c -> keys.contains(c.normal()));
  }

  /** The whole name or its last word is a key of the category vocabulary. */
  static Match vocabulary() {
    Set<String> keys = Vocabulary.keys();
    return new Match("name or last word in the category vocabulary",
        c -> keys.contains(c.normal()) || keys.contains(c.last()));
  }

  /**
   * The name holds an instant: a temporal type is declared, or the last word is at, ts, time, date, on ... , or the
   * name is created, updated, dob ...
   */
  static Match temporal() {
    Set<String> lastWords = Set.of("at", "ts", "time", "timestamp", "datetime", "date", "dt", "on", "since",
        "day");
    Set<String> names = Set.of("created", "updated", "modified", "deleted", "dob", "birthday", "birthdate");
    return new Match("a time (declared date or timestamp, last word `at`, `ts`, `time`, `date`, `on` …)",
        c -> c.declared() != null && c.declared().isTemporal() || lastWords.contains(c.last())
            || names.contains(c.normal()));
  }

  /** Both match. */
  Match and(Match other) {
    return new Match(doc + ", " + other.doc, c -> test.test(c) && other.test.test(c));
  }

  /** Either matches. */
  Match or(Match other) {
    return new Match(doc + " or " + other.doc, c -> test.test(c) || other.test.test(c));
  }

  boolean test(Clues c) {
    return test.test(c);
  }

  static String list(String... words) {
    List<String> l = List.of(words);
    return l.size() <= 6 ? "`" + String.join("`, `", l) + "`"
        : "`" + String.join("`, `", l.subList(0, 6)) + "` … (" + l.size() + ")";
  }
}
