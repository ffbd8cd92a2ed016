package io.synthgen.vocab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.validate.Suggest;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * synthgen's self-description: every strategy, distribution, dictionary, expression function and operator, type,
 * time profile field, series field (series, batch, change_feed, history, quality and each defect) and template, each with a line and an example. Names come from the code's own registries and
 * the lines and examples from {@code synthgen/vocabulary.json}, which must name exactly what the registries hold,
 * so the catalog cannot drift from the code. Examples of plan parts are columns of one small example plan,
 * {@link #context()}, in which each is valid. Built once, immutable; every accessor returns a fresh copy.
 *
 * <p>Sizes are bounded so that the catalog fits a tool result: the whole catalog is at most
 * {@value #MAX_CATALOG_BYTES} bytes of JSON, each topic at most {@link Topic#maxBytes()}, one entry's detail at
 * most {@value #MAX_ENTRY_BYTES} and the overview at most {@value #MAX_OVERVIEW_BYTES}.
 */
public final class Vocabulary {

  /** The catalog's format id. */
  public static final String FORMAT = "synthgen.vocabulary/v1";

  /** The most bytes {@link #catalog()} may take as compact JSON. */
  public static final int MAX_CATALOG_BYTES = 65_536;

  /** The most bytes {@link #entry} may take as compact JSON. */
  public static final int MAX_ENTRY_BYTES = 8_192;

  /** The most bytes {@link #overview()} and {@link #overviewText()} may take together. */
  public static final int MAX_OVERVIEW_BYTES = 8_192;

  private static volatile Vocabulary standard;

  private final Map<Topic, Map<String, Entry>> topics;
  private final ObjectNode context;

  private Vocabulary(Map<Topic, Map<String, Entry>> topics, ObjectNode context) {
    this.topics = topics;
    this.context = context;
  }

  /** The vocabulary of this build, made on first use (it loads every dictionary). */
  public static Vocabulary standard() {
    Vocabulary v = standard;
    if (v == null) {
      synchronized (Vocabulary.class) {
        v = standard;
        if (v == null) {
          v = build(VocabularyData.of(VocabularyData.read()));
          standard = v;
        }
      }
    }
    return v;
  }

  /** The vocabulary of {@code data}; refuses it, listing every difference from the code, when there is one. */
  static Vocabulary build(VocabularyData data) {
    Map<Topic, Map<String, Entry>> m = new EnumMap<>(Topic.class);
    for (Topic t : Topic.values()) {
      List<Entry> entries = switch (t) {
        case STRATEGIES -> PlanEntries.strategies(data);
        case DISTRIBUTIONS -> PlanEntries.distributions(data);
        case DICTIONARIES -> DictionaryEntries.dictionaries();
        case FUNCTIONS -> ExpressionEntries.functions(data);
        case OPERATORS -> ExpressionEntries.operators(data);
        case TYPES -> PlanEntries.types(data);
        case TIME_PROFILES -> PlanEntries.timeProfiles(data);
        case SERIES -> SeriesEntries.series(data);
        case TEMPLATES -> TemplateEntries.templates();
      };
      Map<String, Entry> byName = new LinkedHashMap<>();
      for (Entry e : entries) {
        if (byName.put(e.name(), e) != null) {
          data.problem(t.id() + " lists " + e.name() + " twice");
        }
      }
      m.put(t, Collections.unmodifiableMap(byName));
    }
    ObjectNode context = data.get("context").deepCopy();
    data.requireConsistent();
    return new Vocabulary(Collections.unmodifiableMap(m), context);
  }

  /** The entry names of a topic, in the registry's order. */
  public List<String> names(Topic t) {
    return List.copyOf(topics.get(t).keySet());
  }

  /**
   * The example plan's parts: {@code note} and {@code tables} (plan tables: customers, orders, line_items). Put an
   * example column into the table its entry names (replacing the column of the same name) and the plan is valid.
   */
  public ObjectNode context() {
    return context.deepCopy();
  }

  /** Every topic with its description, entry count and entry names. */
  public ObjectNode overview() {
    ObjectNode out = PlanEntries.object();
    out.put("format", FORMAT);
    ArrayNode list = out.putArray("topics");
    for (Topic t : Topic.values()) {
      ObjectNode o = list.addObject();
      o.put("topic", t.id()).put("description", t.description()).put("count", topics.get(t).size());
      ArrayNode names = o.putArray("names");
      topics.get(t).keySet().forEach(names::add);
    }
    return out;
  }

  /** One topic: each entry's summary, and the example plan when its examples use it. */
  public ObjectNode topic(Topic t) {
    ObjectNode out = PlanEntries.object();
    out.put("topic", t.id()).put("description", t.description());
    ArrayNode list = out.putArray("entries");
    topics.get(t).values().forEach(e -> list.add(e.summary().deepCopy()));
    if (t.usesContext()) {
      out.set("context", context());
    }
    return out;
  }

  /** One entry in detail, or null when the topic has no entry of that name (exact, then ignoring case). */
  public ObjectNode entry(Topic t, String name) {
    Entry e = find(t, name);
    if (e == null) {
      return null;
    }
    ObjectNode out = PlanEntries.object();
    out.put("topic", t.id());
    out.set("entry", e.detail().deepCopy());
    if (t.usesContext()) {
      out.set("context", context());
    }
    return out;
  }

  /** "did you mean 'x'? names are: ..." for a name the topic does not have. */
  public String unknown(Topic t, String name) {
    return Suggest.didYouMean(name, topics.get(t).keySet()) + t.id() + " are: "
        + Suggest.list(topics.get(t).keySet());
  }

  /** Every topic's summaries and the example plan once: the whole catalog. */
  public ObjectNode catalog() {
    ObjectNode out = PlanEntries.object();
    out.put("format", FORMAT);
    out.set("context", context());
    ObjectNode all = out.putObject("topics");
    for (Topic t : Topic.values()) {
      ObjectNode o = topic(t);
      o.remove("context");
      o.remove("topic");
      all.set(t.id(), o);
    }
    return out;
  }

  private Entry find(Topic t, String name) {
    Map<String, Entry> m = topics.get(t);
    Entry e = m.get(name);
    if (e == null && name != null) {
      for (Entry x : m.values()) {
        if (x.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return x;
        }
      }
    }
    return e;
  }

  /** Compact JSON, the form sizes are measured in. */
  public static String compact(JsonNode n) {
    try {
      return VocabularyData.MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of a topic as lines of text: name, line, example. */
  public String text(Topic t) {
    List<String> lines = new ArrayList<>();
    lines.add(t.id() + " (" + topics.get(t).size() + "): " + t.description());
    for (Entry e : topics.get(t).values()) {
      lines.add(VocabularyText.line(t, e.summary()));
    }
    if (t.usesContext()) {
      lines.add(VocabularyText.context(context));
    }
    return String.join("\n", lines);
  }

  /** One entry in detail as text. */
  public String text(Topic t, String name) {
    Entry e = find(t, name);
    return e == null ? null : VocabularyText.detail(t, e.detail(), t.usesContext() ? context : null);
  }

  /** The overview as text. */
  public String overviewText() {
    List<String> lines = new ArrayList<>();
    for (Topic t : Topic.values()) {
      lines.add("- " + t.id() + " (" + topics.get(t).size() + "): " + t.description() + ": "
          + String.join(", ", topics.get(t).keySet()));
    }
    return String.join("\n", lines);
  }
}
