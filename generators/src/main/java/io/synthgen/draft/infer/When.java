package io.synthgen.draft.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a rule requires of the context. {@code why} says, for the note, what in the context made the rule apply
 * (empty when nothing beyond the name did), or returns null when the context does not fit.
 *
 * @param doc how the docs' rule table shows it
 * @param topics the table words the condition names (so that inference knows which words say what a table is about)
 * @param why the reason for the note, or null when the rule does not apply
 */
public record When(String doc, Set<String> topics, Function<Clues, String> why) {

  static final When ALWAYS = new When("", Set.of(), c -> "");

  /** The table is about one of these (singular words of its name, its description, the column's note). */
  static When about(String... topics) {
    Set<String> s = Set.of(topics);
    return new When("table about " + Match.list(topics), s, c -> {
      for (String t : c.topics()) {
        if (s.contains(t)) {
          return c.topicSource().isEmpty() ? "" : "as " + c.topicSource() + " mentions '" + t + "'";
        }
      }
      return null;
    });
  }

  /** The table has a column of one of these names. */
  static When has(String... siblings) {
    return new When("next to " + Match.list(siblings), Set.of(), c -> {
      for (String s : siblings) {
        if (c.hasSibling(s)) {
          return "next to '" + c.sibling(s) + "'";
        }
      }
      return null;
    });
  }

  /** The table has columns of all these names. */
  static When hasAll(String... siblings) {
    return new When("next to all of " + Match.list(siblings), Set.of(), c -> {
      List<String> names = new ArrayList<>();
      for (String s : siblings) {
        if (!c.hasSibling(s)) {
          return null;
        }
        names.add("'" + c.sibling(s) + "'");
      }
      return "next to " + String.join(" and ", names);
    });
  }

  /** Either applies. */
  When or(When other) {
    Set<String> both = new java.util.LinkedHashSet<>(topics);
    both.addAll(other.topics);
    return new When(doc + " or " + other.doc, Set.copyOf(both), c -> {
      String w = why.apply(c);
      return w != null ? w : other.why.apply(c);
    });
  }

  String reason(Clues c) {
    return why.apply(c);
  }

  /** The words {@link #about} conditions name, collected while the rule table is built. */
  static Set<String> topicsOf(List<Rule> rules) {
    Set<String> s = new java.util.LinkedHashSet<>();
    for (Rule r : rules) {
      s.addAll(r.when().topics());
    }
    return s;
  }
}
