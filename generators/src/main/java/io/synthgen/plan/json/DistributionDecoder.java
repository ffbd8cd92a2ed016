package io.synthgen.plan.json;

import static io.synthgen.plan.json.Decoding.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.VocabularyHint;
import io.synthgen.plan.validate.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes the {@code type}-tagged objects: value distributions and foreign key distributions. */
final class DistributionDecoder {

  private DistributionDecoder() {
  }

  /** A value distribution, or null when its type is missing or unknown (reported). */
  static Distribution distribution(Decoding in, JsonNode d, String path) {
    String type = typeOf(in, d, path, PlanFields.DISTRIBUTION, "distribution", "distributions");
    if (type == null) {
      return null;
    }
    switch (type) {
      case "normal": return new Distribution.Normal(num(in, d, path, "mean"), num(in, d, path, "stddev"));
      case "lognormal": return new Distribution.LogNormal(num(in, d, path, "mu"), num(in, d, path, "sigma"));
      case "exponential": return new Distribution.Exponential(num(in, d, path, "rate"));
      case "gamma": return new Distribution.Gamma(num(in, d, path, "shape"), num(in, d, path, "scale"));
      case "beta": return new Distribution.Beta(num(in, d, path, "alpha"), num(in, d, path, "beta"));
      case "pareto": return new Distribution.Pareto(num(in, d, path, "alpha"), num(in, d, path, "xm"));
      case "zipf": return new Distribution.Zipf(in.integer(d, path, "n", null, 0), num(in, d, path, "exponent"));
      case "poisson": return new Distribution.Poisson(num(in, d, path, "lambda"));
      case "uniform": return new Distribution.Uniform(num(in, d, path, "min"), num(in, d, path, "max"));
      default: throw new IllegalStateException("distribution " + type + " has no decoder");
    }
  }

  /** A foreign key distribution, or null when its type is missing or unknown (reported). */
  static FkDistribution fkDistribution(Decoding in, JsonNode d, String path) {
    String type = typeOf(in, d, path, PlanFields.FK_DISTRIBUTION, "foreign key distribution", "strategies");
    if (type == null) {
      return null;
    }
    switch (type) {
      case "uniform": return new FkDistribution.Uniform();
      case "zipf": return new FkDistribution.Zipf(num(in, d, path, "exponent"));
      case "weighted": return new FkDistribution.Weighted(in.string(d, path, "by", true), shares(in, d, path));
      default: throw new IllegalStateException("foreign key distribution " + type + " has no decoder");
    }
  }

  /** A weighted key's target shares: an object of finite numbers, 0 or more; null when absent. */
  private static Map<String, Double> shares(Decoding in, JsonNode d, String path) {
    JsonNode s = d.get("shares");
    if (s == null || s.isNull()) {
      return null;
    }
    String sp = path + ".shares";
    if (!s.isObject() || s.isEmpty()) {
      in.add(sp, s, "shares are an object from a value of the parent column to the children's share in percent",
          "give e.g. {\"Enterprise\": 50, \"Pro\": 30, \"Free\": 20}, or leave shares out");
      return null;
    }
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : s.properties()) {
      double v = in.number(e.getValue(), sp + "." + e.getKey());
      if (v < 0) {
        in.add(sp + "." + e.getKey(), e.getValue(), "a share is 0 or more", "give e.g. 35 for 35 %");
      } else if (!Double.isNaN(v)) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  private static double num(Decoding in, JsonNode d, String path, String key) {
    return in.number(d, path, key, null);
  }

  /** Checks the object and its fields against its type's parameters; returns the type when known. */
  private static String typeOf(Decoding in, JsonNode d, String path, Map<String, List<String>> types, String what,
      String topic) {
    JsonNode t = d == null ? null : d.get("type");
    String type = t != null && t.isTextual() && types.containsKey(t.asText()) ? t.asText() : null;
    List<String> allowed = new ArrayList<>();
    allowed.add("type");
    if (type != null) {
      allowed.addAll(types.get(type));
    } else {
      Set<String> all = new LinkedHashSet<>();
      types.values().forEach(all::addAll);
      allowed.addAll(all);
    }
    if (!in.object(d, path, allowed, type == null ? "a " + what : "a " + type + " " + what)) {
      return null;
    }
    if (t == null) {
      in.field(d, path, "type", true, Decoding.Kind.STRING);
      return null;
    }
    if (type == null) {
      String given = t.isTextual() ? t.asText() : null;
      in.add(at(path, "type"), t, "unknown " + what + " type",
          Suggest.didYouMean(given, types.keySet()) + "types are: " + Suggest.list(types.keySet()) + "; "
              + VocabularyHint.see(topic));
    }
    return type;
  }
}
