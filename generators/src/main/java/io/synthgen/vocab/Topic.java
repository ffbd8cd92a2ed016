package io.synthgen.vocab;

import java.util.ArrayList;
import java.util.List;

/**
 * A part of the vocabulary, with the bound on its JSON size: a topic is returned whole in one tool result, so each
 * stays within a few thousand tokens ({@code VocabularyTest} pins every bound).
 */
public enum Topic {
  STRATEGIES("strategies", "column strategies: how a column's values are made, with their fields", true, 12_288),
  DISTRIBUTIONS("distributions", "distributions of the distribution strategy and of per_parent counts", true, 6_144),
  DICTIONARIES("dictionaries", "named sources of realistic strings for the dictionary strategy and dict()", true,
      10_240),
  FUNCTIONS("functions", "functions of the expression strategy's SQL", true, 18_432),
  OPERATORS("operators", "operators and syntax of the expression strategy's SQL", true, 8_192),
  TYPES("types", "column types", true, 6_144),
  TIME_PROFILES("time_profiles", "fields of a date_range column's profile: weekdays, months, hours, holidays, incidents",
      true, 6_144),
  SERIES("series", "data over time: the plan's series, a table's batch, change_feed, history and quality, and each "
      + "defect of quality.defects", false, 12_288),
  TEMPLATES("templates", "industry templates propose_plan starts from", false, 4_096);

  private final String id;
  private final String description;
  private final boolean usesContext;
  private final int maxBytes;

  Topic(String id, String description, boolean usesContext, int maxBytes) {
    this.id = id;
    this.description = description;
    this.usesContext = usesContext;
    this.maxBytes = maxBytes;
  }

  /** The name a caller gives: {@code time_profiles}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** True when the topic's examples are columns or expressions of the example plan ({@link Vocabulary#context()}). */
  public boolean usesContext() {
    return usesContext;
  }

  /** The most bytes the topic's JSON ({@link Vocabulary#topic}) may take. */
  public int maxBytes() {
    return maxBytes;
  }

  /** The topic of that id, or null. */
  public static Topic of(String id) {
    for (Topic t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    return null;
  }

  /** Every id, in order. */
  public static List<String> ids() {
    List<String> out = new ArrayList<>();
    for (Topic t : values()) {
      out.add(t.id);
    }
    return List.copyOf(out);
  }
}
