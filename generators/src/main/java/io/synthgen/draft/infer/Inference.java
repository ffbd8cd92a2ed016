package io.synthgen.draft.infer;

import io.synthgen.plan.DataType;
import io.synthgen.plan.validate.PlanLimits;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Infers a column from its clues with the {@link Rules rule table}: the first rule that fits makes it, and its note
 * says what was inferred and why ("money: lognormal decimal(10,2), median 25, 0.01–5,000, from the name
 * 'unit_price' in table 'line_items'"). When no rule fits, the declared (or a default) type decides.
 */
public final class Inference {

  /** Table-name words that say nothing about what a table holds: {@code dim_product} is about products. */
  static final Set<String> TABLE_PREFIXES = Set.of("dim", "fact", "fct", "stg", "raw", "tbl", "src", "tmp", "t");

  /** Characters of a description or note that inference reads: the plan's limit on texts. */
  public static final int MAX_TEXT_READ = PlanLimits.MAX_TEXT_LENGTH;

  private static final Set<String> KNOWN_TOPICS = known();

  private Inference() {
  }

  private static Set<String> known() {
    Set<String> s = new LinkedHashSet<>(When.topicsOf(Rules.table()));
    s.addAll(Vocabulary.topicWords());
    return Set.copyOf(s);
  }

  /**
   * The clues of a column. What the table is about comes from its name; when that names nothing a rule knows, from
   * the first thing a rule knows that its description or the column's note names; when those name none, from the
   * request's description in the same way.
   *
   * @param siblings the names of the table's columns (the column itself may be among them)
   */
  public static Clues clues(String name, DataType declared, String table, String primaryKey,
      Collection<String> siblings, String tableDescription, String requestDescription, String note, Double min,
      Double max, String start, String end) {
    return clues(name, declared, TableClues.of(table, siblings, tableDescription, requestDescription), primaryKey,
        note, min, max, start, end);
  }

  /** As above, with what was read of the table once for all its columns. */
  public static Clues clues(String name, DataType declared, TableClues table, String primaryKey, String note,
      Double min, Double max, String start, String end) {
    Set<String> fromText = table.fromText();
    if (note != null && !note.isEmpty()) {
      fromText = new LinkedHashSet<>(fromText);
      fromText.addAll(words(note));
    }
    Set<String> topics = table.fromName();
    String source = "";
    // from a text, only the first thing it names that a rule knows: "each row is a customer of the shop" is about
    // customers, not shops
    if (!knows(topics)) {
      if (knows(fromText)) {
        topics = firstKnown(fromText);
        source = "the table's description or the column's note";
      } else if (knows(table.fromRequest())) {
        topics = firstKnown(table.fromRequest());
        source = "the request's description";
      }
    }
    List<String> words = Words.of(name);
    return new Clues(name, words, String.join("_", words), declared, table.table(), topics, source, table.columns(),
        primaryKey, min, max, start, end);
  }

  private static Set<String> firstKnown(Set<String> words) {
    for (String w : words) {
      if (KNOWN_TOPICS.contains(w)) {
        return Set.of(w);
      }
    }
    return Set.of();
  }

  private static boolean knows(Set<String> words) {
    return words.stream().anyMatch(KNOWN_TOPICS::contains);
  }

  static Set<String> words(String... texts) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : texts) {
      if (t != null) {
        // a longer text is refused by the plan's own limit; inference reads no more of it than a plan may hold
        String read = t.length() > MAX_TEXT_READ ? t.substring(0, MAX_TEXT_READ) : t;
        for (String w : Words.of(read)) {
          out.add(Words.singular(w));
        }
      }
    }
    return out;
  }

  /** True when a date bound names a time of day, so that the column it bounds is a timestamp. */
  public static boolean hasTimeOfDay(String bound) {
    return Times.hasTimeOfDay(bound);
  }

  /** The column the first fitting rule makes, or the type's fallback; never null. */
  public static Inferred infer(Clues c) {
    for (Rule r : Rules.table()) {
      String why = r.applies(c);
      if (why != null) {
        Inferred inf = r.template().apply(c);
        return inf.note(r.label() + ": " + inf.what() + ", from the name '" + c.name() + "' in table '" + c.table()
            + "'" + (why.isEmpty() ? "" : ", " + why) + declared(c));
      }
    }
    return fallback(c);
  }

  /** The rule that makes the column, or null when the fallback does. */
  public static Rule rule(Clues c) {
    for (Rule r : Rules.table()) {
      if (r.applies(c) != null) {
        return r;
      }
    }
    return null;
  }

  private static String declared(Clues c) {
    return c.declared() == null ? "" : " (declared " + c.declared() + ")";
  }

  /** By type alone: what a column of that type is when its name says nothing a rule knows. */
  static Inferred fallback(Clues c) {
    DataType t = c.declared() != null ? c.declared() : DataType.STRING;
    Inferred inf = byType(c, t);
    String advice = switch (t.kind()) {
      case DATE, TIMESTAMP -> "give start and end to change";
      case BOOLEAN -> "give probability to change";
      case STRING -> "give values, a dictionary or a pattern";
      case BIGINT, INT, DOUBLE, DECIMAL -> "give min and max or a distribution to change";
    };
    return inf.note("no rule knows the name '" + c.name() + "' in table '" + c.table() + "': " + inf.what() + "; "
        + advice);
  }

  private static Inferred byType(Clues c, DataType t) {
    switch (t.kind()) {
      case DATE: case TIMESTAMP:
        return Times.range(-180, 0).apply(c);
      case BOOLEAN:
        return Texts.flag().apply(c);
      case STRING:
        String prefix = c.normal().replaceAll("[^a-z]", "");
        prefix = (prefix.isEmpty() ? "X" : prefix.substring(0, Math.min(4, prefix.length()))).toUpperCase(Locale.ROOT);
        return Texts.pattern(prefix + "-#####").apply(c).what("placeholder codes " + prefix + "-#####");
      case DECIMAL:
        return Numbers.money(55, 0.8, Math.min(1_000_000, Fmt.maxOf(t))).apply(c);
      case DOUBLE:
        return Numbers.uniform(0, 100, t).apply(c);
      case BIGINT: case INT:
        return Numbers.uniform(0, 1000, t).apply(c);
    }
    throw new IllegalArgumentException("no fallback for type " + t);
  }

  /** Words the rule table and the vocabulary know as what a table is about. */
  public static Set<String> knownTopics() {
    return KNOWN_TOPICS;
  }

  static List<Rule> rules() {
    return Rules.table();
  }
}
