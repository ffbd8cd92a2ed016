package io.synthgen.plan.json;

import static io.synthgen.plan.json.PlanEncoder.num;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Series;
import java.util.List;
import java.util.Locale;

/**
 * Encodes series, batches, change feeds and defects in {@link PlanFields} order. Every field the model holds is
 * written (a feed's weights, format and column names, a series' batches, the ground truth), so the plan a person sees
 * states how it runs; only {@code batch} of a static table without advance columns and the fields the model leaves
 * null (derived advance columns and changes, a defect's absent value or factor) are left out.
 */
final class SeriesEncoder {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SeriesEncoder() {
  }

  static ObjectNode series(Series s) {
    ObjectNode o = F.objectNode();
    putString(o, "start", s.start());
    putString(o, "interval", s.interval());
    o.put("batches", s.batches());
    return o;
  }

  /** The batch object, or null for {@link Batching#STATIC} (the default, not written). */
  static ObjectNode batching(Batching b) {
    if (b == null || b.equals(Batching.STATIC)) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("mode", lower(b.mode()));
    strings(o, "advance", b.advance());
    return o;
  }

  static ObjectNode changeFeed(ChangeFeed f) {
    ObjectNode o = F.objectNode();
    putString(o, "name", f.name());
    o.put("rows_per_batch", f.rowsPerBatch());
    if (f.weights() != null) {
      ObjectNode w = o.putObject("weights");
      w.set("append", num(f.weights().append()));
      w.set("update", num(f.weights().update()));
      w.set("delete", num(f.weights().delete()));
    }
    strings(o, "changes", f.changes());
    if (f.format() != null) {
      o.put("format", lower(f.format()));
    }
    putString(o, "append_as", f.appendAs());
    putString(o, "operation_column", f.operationColumn());
    putString(o, "sequence_column", f.sequenceColumn());
    return o;
  }

  static ObjectNode quality(Quality q) {
    ObjectNode o = F.objectNode();
    if (q.groundTruth() != null) {
      o.put("ground_truth", lower(q.groundTruth()));
    }
    ArrayNode ds = o.putArray("defects");
    q.defects().forEach(d -> ds.add(defect(d)));
    return o;
  }

  /** The JSON id of a defect. */
  static String kind(Defect d) {
    return io.synthgen.plan.validate.Defects.kind(d);
  }

  static ObjectNode defect(Defect d) {
    ObjectNode o = F.objectNode();
    o.put("defect", kind(d));
    if (d instanceof Defect.Nulls n) {
      strings(o, "columns", n.columns());
    } else if (d instanceof Defect.NearDuplicates n) {
      strings(o, "columns", n.columns());
    } else if (d instanceof Defect.Jitter j) {
      putString(o, "column", j.column());
    } else if (d instanceof Defect.VeryLate v) {
      putString(o, "column", v.column());
    } else if (d instanceof Defect.CaseNoise c) {
      strings(o, "columns", c.columns());
    } else if (d instanceof Defect.Whitespace w) {
      strings(o, "columns", w.columns());
    } else if (d instanceof Defect.DateFormats f) {
      putString(o, "column", f.column());
    } else if (d instanceof Defect.OutOfRange r) {
      putString(o, "column", r.column());
    } else if (d instanceof Defect.Orphans r) {
      putString(o, "column", r.column());
    }
    o.set("rate", num(d.rate()));
    if (d instanceof Defect.Jitter j) {
      putString(o, "max", j.max());
    } else if (d instanceof Defect.VeryLate v) {
      putString(o, "max", v.max());
    } else if (d instanceof Defect.DateFormats f) {
      strings(o, "formats", f.formats());
    } else if (d instanceof Defect.OutOfRange r) {
      if (r.value() != null) {
        o.set("value", num(r.value()));
      }
      if (r.factor() != null) {
        o.set("factor", num(r.factor()));
      }
    }
    return o;
  }

  private static void strings(ObjectNode o, String key, List<String> values) {
    if (values != null) {
      ArrayNode a = o.putArray(key);
      values.forEach(a::add);
    }
  }

  private static void putString(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
