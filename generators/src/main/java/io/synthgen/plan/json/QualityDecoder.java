package io.synthgen.plan.json;

import static io.synthgen.plan.json.Decoding.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Quality;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes a table's {@code quality}: the ground truth (default sidecar) and the defects, each tagged by
 * {@code defect}. A jitter's and a very late arrival's {@code max} and date_formats' {@code formats} get their
 * defaults here; a defect whose kind is unknown or whose fields are wrong is reported and left out.
 */
final class QualityDecoder {

  static final Map<String, Quality.GroundTruth> GROUND_TRUTHS = PlanDecoder.names(Quality.GroundTruth.values());

  private final Decoding in;

  QualityDecoder(Decoding in) {
    this.in = in;
  }

  Quality quality(JsonNode q, String path) {
    if (!in.object(q, path, PlanFields.QUALITY, "a table's quality")) {
      return new Quality(List.of(), Quality.GroundTruth.SIDECAR);
    }
    Quality.GroundTruth truth = in.choice(q, path, "ground_truth", GROUND_TRUTHS, Quality.GroundTruth.SIDECAR);
    List<Defect> defects = new ArrayList<>();
    JsonNode ds = in.array(q, path, "defects", true);
    if (ds != null) {
      for (int i = 0; i < ds.size(); i++) {
        int mark = in.mark();
        defects.add(defect(ds.get(i), at(at(path, "defects"), i)));
        in.beyondLimit(i, PlanLimits.MAX_DEFECTS, mark);
      }
    }
    return new Quality(defects.contains(null) ? placeholders(defects) : defects,
        truth == null ? Quality.GroundTruth.SIDECAR : truth);
  }

  /**
   * A defect that could not be read keeps its place as a duplicates defect of rate NaN, which the validator reports
   * at the defect's path and otherwise skips (the codec drops that finding, as the decoder reported inside it):
   * later defects keep their index.
   */
  private static List<Defect> placeholders(List<Defect> defects) {
    List<Defect> out = new ArrayList<>();
    for (Defect d : defects) {
      out.add(d == null ? new Defect.Duplicates(Double.NaN) : d);
    }
    return out;
  }

  private Defect defect(JsonNode d, String path) {
    JsonNode kindNode = d == null ? null : d.get("defect");
    String kind = kindNode != null && kindNode.isTextual() ? kindNode.asText() : null;
    if (d == null || !d.isObject()) {
      in.object(d, path, List.of("defect", "rate", "columns"), "a defect");
      return null;
    }
    if (kind == null || !PlanFields.DEFECT.containsKey(kind)) {
      if (kindNode == null) {
        in.add(at(path, "defect"), null, "missing required field 'defect'",
            "add \"defect\": one of " + Suggest.list(PlanFields.DEFECT.keySet()));
      } else {
        in.add(at(path, "defect"), kindNode, "unknown defect",
            Suggest.didYouMean(kind, PlanFields.DEFECT.keySet()) + "defects are: "
                + Suggest.list(PlanFields.DEFECT.keySet()));
      }
      return null;
    }
    List<String> fields = new ArrayList<>();
    fields.add("defect");
    fields.addAll(PlanFields.DEFECT.get(kind));
    in.object(d, path, fields, "a " + kind + " defect");
    double rate = in.number(d, path, "rate", null);
    switch (kind) {
      case "nulls":
        return new Defect.Nulls(columns(d, path), rate);
      case "duplicates":
        return new Defect.Duplicates(rate);
      case "near_duplicates":
        return new Defect.NearDuplicates(columns(d, path), rate);
      case "jitter":
        return new Defect.Jitter(in.string(d, path, "column", true), rate, max(d, path, Defect.Jitter.DEFAULT_MAX));
      case "very_late":
        return new Defect.VeryLate(in.string(d, path, "column", true), rate,
            max(d, path, Defect.VeryLate.DEFAULT_MAX));
      case "out_of_order":
        return new Defect.OutOfOrder(rate);
      case "case_noise":
        return new Defect.CaseNoise(columns(d, path), rate);
      case "whitespace":
        return new Defect.Whitespace(columns(d, path), rate);
      case "date_formats": {
        String column = in.string(d, path, "column", true);
        List<String> formats = in.strings(d, path, "formats", false, PlanLimits.MAX_DATE_FORMATS);
        return new Defect.DateFormats(column, rate, formats == null ? Defect.DateFormats.DEFAULT_FORMATS : formats);
      }
      case "out_of_range":
        return new Defect.OutOfRange(in.string(d, path, "column", true), rate, in.optionalNumber(d, path, "value"),
            in.optionalNumber(d, path, "factor"));
      case "orphans":
        return new Defect.Orphans(in.string(d, path, "column", true), rate);
      default:
        throw new IllegalStateException("no decoder for defect " + kind);
    }
  }

  private List<String> columns(JsonNode d, String path) {
    List<String> cs = in.strings(d, path, "columns", true, PlanLimits.MAX_COLUMNS);
    return cs == null ? List.of() : cs;
  }

  private String max(JsonNode d, String path, String def) {
    return d.has("max") ? in.string(d, path, "max", false) : def;
  }
}
