package io.synthgen.quality;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _defects} column of {@code ground_truth: columns}: a JSON array of the row's defects in the order they
 * were applied, each {@code {"defect", "column", "original", "injected"}} with null fields left out; null when the
 * row is clean. Row position and key are the row's own.
 */
final class TruthJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TruthJson() {
  }

  static String write(List<TruthRecord> records) {
    if (records.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder("[");
    for (TruthRecord r : records) {
      b.append(b.length() == 1 ? "{" : ",{");
      field(b, "defect", r.defect(), true);
      field(b, "column", r.column(), false);
      field(b, "original", r.original(), false);
      field(b, "injected", r.injected(), false);
      b.append('}');
    }
    return b.append(']').toString();
  }

  private static void field(StringBuilder b, String name, String value, boolean first) {
    if (value == null) {
      return;
    }
    if (!first) {
      b.append(',');
    }
    b.append('"').append(name).append("\":\"");
    b.append(JsonStringEncoder.getInstance().quoteAsString(value));
    b.append('"');
  }

  /** The records of one row's {@code _defects} text (null gives none). */
  static List<TruthRecord> read(String text, long row, String key) {
    List<TruthRecord> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    JsonNode a;
    try {
      a = JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("row " + row + ": " + Injection.DEFECTS_COLUMN + " is not JSON: "
          + e.getMessage());
    }
    for (JsonNode r : a) {
      out.add(new TruthRecord(row, key, text(r, "defect"), text(r, "column"), text(r, "original"),
          text(r, "injected")));
    }
    return out;
  }

  private static String text(JsonNode r, String f) {
    JsonNode v = r.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }
}
