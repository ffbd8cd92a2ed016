package io.synthgen.vocab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.StrVec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every dictionary of {@link Dictionaries#standard()} with its description, kind, size and example values. The
 * examples are real output: the first distinct values of a column {@code "strategy": "dictionary"} of each
 * dictionary in the plan {@link #examplePlan()} (seed {@value #SEED}), so they are the values a plan gets, not a
 * description of them.
 */
final class DictionaryEntries {

  /** The seed of the plan the examples are drawn from. */
  static final long SEED = 42;

  /** Example values listed with the topic. */
  static final int SUMMARY_EXAMPLES = 4;

  /** Example values given when one dictionary is asked for. */
  static final int DETAIL_EXAMPLES = 12;

  /** Rows drawn to find {@link #DETAIL_EXAMPLES} distinct values (a small list, like name_prefix, has fewer). */
  static final int ROWS = 64;

  /** The table of the example plan. */
  static final String TABLE = "dictionary_examples";

  private DictionaryEntries() {
  }

  static List<Entry> dictionaries() {
    Dictionaries all = Dictionaries.standard();
    Map<String, List<String>> examples = examples(all);
    List<Entry> out = new ArrayList<>();
    for (String name : all.names()) {
      Dictionary d = all.get(name);
      List<String> values = examples.get(name);
      ObjectNode s = PlanEntries.object();
      s.put("name", name);
      s.put("description", d.description());
      s.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
      if (d.cardinality() >= 0) {
        s.put("size", d.cardinality());
      }
      s.put("locale", Dictionaries.LOCALE);
      ArrayNode few = s.putArray("examples");
      values.subList(0, Math.min(SUMMARY_EXAMPLES, values.size())).forEach(few::add);
      ObjectNode det = s.deepCopy();
      ArrayNode more = det.putArray("examples");
      values.forEach(more::add);
      det.put("in_expressions", d.kind() != Dictionary.Kind.COMPOSITE);
      det.put("table", ExpressionEntries.TABLE);
      det.set("example_column", column(name));
      out.add(new Entry(name, s, det));
    }
    return out;
  }

  /** The plan whose first rows give the examples: one dictionary column per dictionary, named after it. */
  static String examplePlan() {
    StringBuilder b = new StringBuilder("{\"format\": \"synthgen.plan/v1\", \"name\": \"dictionary_examples\", "
        + "\"seed\": " + SEED + ", \"reference_date\": \"2025-01-01\", \"tables\": [{\"name\": \"" + TABLE
        + "\", \"rows\": " + ROWS + ", \"columns\": [");
    List<String> names = Dictionaries.standard().names();
    for (int i = 0; i < names.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(column(names.get(i)));
    }
    return b.append("]}]}").toString();
  }

  static ObjectNode column(String dictionary) {
    ObjectNode c = PlanEntries.object();
    c.put("name", dictionary).put("type", "string").put("strategy", "dictionary").put("dictionary", dictionary);
    return c;
  }

  /** Up to {@link #DETAIL_EXAMPLES} distinct values per dictionary, in row order. */
  static Map<String, List<String>> examples(Dictionaries all) {
    ResolvedPlan plan;
    try {
      plan = Resolver.resolve(PlanCodec.read(examplePlan(), Set.copyOf(all.names())), all);
    } catch (PlanException e) {
      throw new IllegalStateException("the dictionary example plan is invalid: " + e.getMessage(), e);
    }
    TableEvaluator rows = TableEvaluator.range(plan, plan.table(TABLE), 0, ROWS);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : all.names()) {
      StrVec v = (StrVec) rows.column(name);
      Set<String> distinct = new LinkedHashSet<>();
      for (int i = 0; i < ROWS && distinct.size() < DETAIL_EXAMPLES; i++) {
        distinct.add(v.str(i));
      }
      out.put(name, List.copyOf(distinct));
    }
    return out;
  }
}
