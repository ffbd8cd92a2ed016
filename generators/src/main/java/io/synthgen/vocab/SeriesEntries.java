package io.synthgen.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.json.PlanFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic of data over time: the plan's {@code series}, a table's {@code batch}, {@code change_feed},
 * {@code history} and {@code quality}, and every defect kind of {@code quality.defects}. Names and field lists come
 * from the codec ({@link PlanFields}); the data file adds a line per entry and per field, and an example with the
 * place it goes ({@code goes_in}: {@code plan.series}, {@code <table>.<field>}, {@code tables} for a table of its
 * own, {@code <table>.quality.defects} for a defect) in the example plan ({@link Vocabulary#context()}).
 */
final class SeriesEntries {

  /** Each entry with the fields the codec reads for it, in the topic's order. */
  static final Map<String, List<String>> FIELDS;

  static {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("series", PlanFields.SERIES);
    m.put("batch", PlanFields.BATCH);
    m.put("change_feed", PlanFields.CHANGE_FEED);
    m.put("history", PlanFields.HISTORY);
    m.put("quality", PlanFields.QUALITY);
    m.putAll(PlanFields.DEFECT);
    FIELDS = Collections.unmodifiableMap(m);
  }

  private SeriesEntries() {
  }

  static List<Entry> series(VocabularyData data) {
    JsonNode section = data.section("series", FIELDS.keySet());
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> kv : FIELDS.entrySet()) {
      String name = kv.getKey();
      if (!section.has(name)) {
        continue; // recorded by section()
      }
      JsonNode e = VocabularyData.entry(section, name);
      String where = "series entry " + name;
      JsonNode fields = e.path("fields");
      List<String> declared = VocabularyData.keys(fields);
      if (!declared.equals(kv.getValue())) {
        data.problem(where + " lists fields " + declared + " but the codec reads " + kv.getValue());
      }
      ObjectNode s = PlanEntries.object();
      s.put("name", name);
      s.put("description", data.text(e, "description", where));
      s.put("goes_in", data.text(e, "goes_in", where));
      JsonNode x = e.get("example");
      if (x == null || !x.isObject()) {
        data.problem(where + " has no example object");
      }
      s.set("example", x == null ? PlanEntries.object() : x.deepCopy());
      ObjectNode d = s.deepCopy();
      ArrayNode table = d.putArray("fields");
      for (String f : declared) {
        table.addObject().put("name", f).put("description", data.text(VocabularyData.entry(fields, f),
            "description", where + " field " + f));
      }
      out.add(new Entry(name, s, d));
    }
    return out;
  }
}
