package io.synthgen.draft.infer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.synthgen.plan.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Templates of strings, categories and flags. */
final class Texts {

  private Texts() {
  }

  static Template dict(String name) {
    return new Template("dictionary `" + name + "`", c -> new Inferred(DataType.STRING, "dictionary",
        "dictionary " + name).fields(f -> f.put("dictionary", name)));
  }

  static Template pattern(String pattern) {
    return new Template("pattern `" + pattern + "`", c -> new Inferred(DataType.STRING, "pattern",
        "pattern " + pattern).fields(f -> f.put("pattern", pattern)));
  }

  static Template uuid() {
    return new Template("UUID", c -> new Inferred(DataType.STRING, "uuid", "a random UUID"));
  }

  static Template expression(String doc, String expr) {
    return new Template("`" + expr + "`", c -> new Inferred(DataType.STRING, "expression", doc)
        .fields(f -> f.put("expr", expr)));
  }

  /** A code from the name's first word: order_number is ORD-########, product_code PRO-#####. */
  static Template code() {
    return new Template("pattern `XXX-#####` (`-########` for numbers), XXX from the name", c -> {
      List<String> w = c.words();
      String base = w.size() > 1 ? w.get(0) : c.tableNoun();
      String prefix = base.replaceAll("[^a-z]", "");
      prefix = (prefix.isEmpty() ? "x" : prefix.substring(0, Math.min(3, prefix.length()))).toUpperCase(Locale.ROOT);
      boolean number = NUMBER_WORDS.contains(c.last());
      String p = prefix + "-" + (number ? "########" : "#####");
      return new Inferred(DataType.STRING, "pattern", "pattern " + p).fields(f -> f.put("pattern", p));
    });
  }

  /** "Project 04821" for the name of something no dictionary knows. */
  static Template entityName() {
    return new Template("pattern `<Table noun> #####`", c -> {
      String noun = c.tableNoun();
      String p = Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " #####";
      return new Inferred(DataType.STRING, "pattern", "placeholder names " + p).fields(f -> f.put("pattern", p));
    });
  }

  /** first_name || ' ' || last_name. */
  static Template fullNameFromParts() {
    return new Template("first and last name joined", c -> {
      String expr = "`" + c.sibling("first_name") + "` || ' ' || `" + c.sibling("last_name") + "`";
      return new Inferred(DataType.STRING, "expression", "the first and last name joined")
          .fields(f -> f.put("expr", expr));
    });
  }

  /** An address derived from the row's name columns, unique per row through the primary key. */
  static Template email() {
    return new Template("derived from the name columns and the key, else user<key>@example.com", c -> {
      String pk = c.primaryKey();
      // hash, not the key itself, so that a string key (a UUID) works too
      String suffix = pk != null ? " || CAST(pmod(hash(`" + pk + "`), 1000) AS STRING)" : "";
      String expr;
      String what;
      if (c.hasSibling("first_name") && c.hasSibling("last_name")) {
        expr = "lower(`" + c.sibling("first_name") + "`) || '.' || lower(`" + c.sibling("last_name") + "`)" + suffix
            + " || '@example.com'";
        what = "an address derived from " + c.sibling("first_name") + " and " + c.sibling("last_name");
      } else {
        String full = null;
        for (String n : List.of("name", "full_name", "customer_name", "contact_name", "patient_name",
            "employee_name")) {
          if (c.hasSibling(n)) {
            full = c.sibling(n);
            break;
          }
        }
        if (full != null) {
          expr = "lower(replace(`" + full + "`, ' ', '.'))" + suffix + " || '@example.com'";
          what = "an address derived from " + full;
        } else if (pk != null) {
          expr = "'user' || CAST(`" + pk + "` AS STRING) || '@example.com'";
          what = "one address per " + pk;
        } else {
          return new Inferred(DataType.STRING, "pattern", "user#######@example.com")
              .fields(f -> f.put("pattern", "user#######@example.com"));
        }
      }
      String e = expr;
      return new Inferred(DataType.STRING, "expression", what).fields(f -> f.put("expr", e));
    });
  }

  /** jsmith417 from the name columns, else user#######. */
  static Template username() {
    return new Template("initial and last name with a number, else pattern `user#######`", c -> {
      if (c.hasSibling("first_name") && c.hasSibling("last_name")) {
        String expr = "lower(left(`" + c.sibling("first_name") + "`, 1) || `" + c.sibling("last_name")
            + "`) || CAST(rand_int(1, 999) AS STRING)";
        return new Inferred(DataType.STRING, "expression", "initial and last name with a number")
            .fields(f -> f.put("expr", expr));
      }
      return new Inferred(DataType.STRING, "pattern", "pattern user#######")
          .fields(f -> f.put("pattern", "user#######"));
    });
  }

  /** The weighted categories of the vocabulary that fit the table; levels 1..n for an integral column. */
  static Template category() {
    return new Template("weighted values from the category vocabulary", c -> {
      Vocabulary.Found found = Vocabulary.find(c);
      Vocabulary.Entry e = found.entry();
      boolean integral = c.declared() != null && c.declared().isIntegral();
      DataType t = integral ? c.declared() : DataType.STRING;
      Inferred inf = new Inferred(t, "values", (integral ? "levels 1–" + e.values().size() : String.join("/",
          e.values())) + " weighted " + e.weights().stream().map(String::valueOf).reduce((a, b) -> a + "/" + b)
          .orElse("") + (found.topic() == null ? "" : " (the " + e.key() + " list for " + found.topic() + ")"));
      ArrayNode v = inf.fields().putArray("values");
      for (int i = 0; i < e.values().size(); i++) {
        if (integral) {
          v.add(i + 1);
        } else {
          v.add(e.values().get(i));
        }
      }
      ArrayNode w = inf.fields().putArray("weights");
      e.weights().forEach(w::add);
      return inf;
    });
  }

  /** How often flags of these words are true; others are true half of the time. */
  static final Map<String, Double> FLAG_RATES = Map.ofEntries(Map.entry("active", 0.85), Map.entry("enabled", 0.85),
      Map.entry("verified", 0.8), Map.entry("deleted", 0.03), Map.entry("fraud", 0.01),
      Map.entry("fraudulent", 0.01), Map.entry("test", 0.02), Map.entry("churned", 0.15), Map.entry("churn", 0.15),
      Map.entry("subscribed", 0.35), Map.entry("opt", 0.35), Map.entry("newsletter", 0.3), Map.entry("premium", 0.1),
      Map.entry("vip", 0.05), Map.entry("returned", 0.05), Map.entry("refunded", 0.04), Map.entry("cancelled", 0.06),
      Map.entry("canceled", 0.06), Map.entry("paid", 0.9), Map.entry("default", 0.05), Map.entry("defaulted", 0.05),
      Map.entry("available", 0.9), Map.entry("stock", 0.9), Map.entry("featured", 0.1), Map.entry("smoker", 0.14),
      Map.entry("insured", 0.9), Map.entry("archived", 0.1), Map.entry("flagged", 0.05), Map.entry("urgent", 0.1),
      Map.entry("primary", 0.3), Map.entry("promo", 0.2), Map.entry("discounted", 0.25), Map.entry("gift", 0.05),
      Map.entry("online", 0.6), Map.entry("anomaly", 0.02), Map.entry("error", 0.03), Map.entry("failed", 0.04),
      Map.entry("success", 0.95), Map.entry("successful", 0.95), Map.entry("completed", 0.85),
      Map.entry("approved", 0.7), Map.entry("readmitted", 0.12), Map.entry("emergency", 0.15));

  /** True with a probability that fits the word; 1/0 for an integral column, Y/N for a string one. */
  static Template flag() {
    return new Template("boolean, probability by word (active 0.85, deleted 0.03, fraud 0.01 …, else 0.5)", c -> {
      double p = 0.5;
      for (String w : c.words()) {
        Double r = FLAG_RATES.get(w);
        if (r != null) {
          p = r;
          break;
        }
      }
      double prob = p;
      String pct = Fmt.num(Math.round(prob * 1000) / 10.0) + "% true";
      if (c.declared() != null && c.declared().isIntegral()) {
        return new Inferred(c.declared(), "values", "1 for " + pct).fields(f -> {
          f.putArray("values").add(1).add(0);
          f.putArray("weights").add(Fmt.tidy(prob * 100)).add(Fmt.tidy(100 - prob * 100));
        });
      }
      if (c.declared() != null && c.declared().kind() == DataType.Kind.STRING) {
        return new Inferred(DataType.STRING, "values", "Y for " + pct).fields(f -> {
          f.putArray("values").add("Y").add("N");
          f.putArray("weights").add(Fmt.tidy(prob * 100)).add(Fmt.tidy(100 - prob * 100));
        });
      }
      return new Inferred(DataType.BOOLEAN, "boolean", pct).fields(f -> f.put("probability", prob));
    });
  }

  /** A uuid for a string id of something outside the plan, else a number up to a million. */
  static Template outsideId() {
    return new Template("UUID (string) or uniform 1–1,000,000", c -> {
      if (c.declared() != null && c.declared().kind() == DataType.Kind.STRING) {
        return new Inferred(DataType.STRING, "uuid", "a random UUID (no table of the plan has this key)");
      }
      DataType t = Numbers.numeric(c, DataType.BIGINT);
      return new Inferred(t, "uniform", "uniform 1–1,000,000, " + t + " (no table of the plan has this key)")
          .fields(f -> f.put("min", 1).put("max", 1_000_000));
    });
  }

  private static final java.util.Set<String> NUMBER_WORDS = java.util.Set.of("number", "no", "num", "nr");
}
