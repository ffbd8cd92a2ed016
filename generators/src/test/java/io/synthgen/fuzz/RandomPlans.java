package io.synthgen.fuzz;

import static io.synthgen.fuzz.Hostile.F;
import static io.synthgen.fuzz.Hostile.pick;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random plans built from the plan vocabulary: every strategy, distribution and type, foreign keys, lookups,
 * per-parent tables with child indexes and aggregates, expressions over the row's columns. Most parameters are
 * sensible, some sit at or past their limits, so both accepted and refused plans come out.
 */
public final class RandomPlans {

  private record Col(String name, String type, String strategy) {
  }

  private record Tab(String name, String key, ObjectNode node, List<Col> cols, boolean perParent) {
  }

  private static final List<String> NUMERIC = List.of("bigint", "int", "double", "decimal(10,2)", "decimal(18,4)",
      "decimal(5,0)", "decimal(3,3)");

  private final Random r;
  private final List<Tab> tabs = new ArrayList<>();
  private int serial;

  private RandomPlans(long seed) {
    this.r = new Random(seed);
  }

  /** A plan document chosen by {@code seed}. */
  public static String plan(long seed) {
    return new RandomPlans(seed).build().toString();
  }

  private ObjectNode build() {
    ObjectNode plan = F.objectNode().put("format", "synthgen.plan/v1").put("name", "fuzz-" + r.nextInt(1000))
        .put("seed", r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(100)).put("reference_date", "2025-01-01");
    ArrayNode tables = plan.putArray("tables");
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      tables.add(table(i));
    }
    if (r.nextInt(4) == 0) {
      plan.set("destination", F.objectNode().put("kind", "local")
          .put("format", pick(r, List.of("parquet", "csv", "jsonl")))
          .put("compression", pick(r, List.of("zstd", "snappy", "gzip", "none"))));
    }
    return plan;
  }

  private long rows() {
    return switch (r.nextInt(10)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> 1_000_000;
      case 3 -> pick(r, List.of(100_000_000L, 1_000_000_000_000L));
      default -> 2 + r.nextInt(400);
    };
  }

  private ObjectNode table(int index) {
    String name = "t" + index;
    ObjectNode t = F.objectNode().put("name", name).put("rows", rows());
    ArrayNode cols = t.putArray("columns");
    Tab tab = new Tab(name, "id", t, new ArrayList<>(), index > 0 && r.nextInt(3) == 0);
    String keyType = r.nextInt(4) == 0 ? "int" : "bigint";
    ObjectNode key = column("id", keyType, "sequence");
    if (r.nextBoolean()) {
      key.put("start", pick(r, List.of(1L, 1000L, -5L, 2_147_483_000L, Long.MAX_VALUE - 10)));
      key.put("step", pick(r, List.of(1L, 1L, 3L, -1L, 1000L)));
    }
    cols.add(key);
    t.put("primary_key", "id");
    tab.cols().add(new Col("id", keyType, "sequence"));
    if (tab.perParent()) {
      Tab parent = tabs.get(r.nextInt(tabs.size()));
      ObjectNode count = F.objectNode();
      count.set("distribution", distribution(true));
      count.put("min", 0);
      if (r.nextBoolean()) {
        count.put("max", pick(r, List.of(1, 5, 20, 1000)));
      }
      t.set("per_parent", F.objectNode().put("table", parent.name()).set("count", count));
      switch (r.nextInt(3)) {
        case 0 -> t.put("rows", 10); // far from what the parents give: refused or honoured, never ignored
        case 1 -> t.remove("rows"); // the layout decides
        default -> { } // a random count
      }
      add(tab, column("parent_id", colType(parent, parent.key()), "parent")
          .put("references", parent.name() + "." + parent.key()));
      add(tab, column("line_no", "int", "child_index"));
      if (r.nextBoolean()) {
        String agg = pick(r, List.of("count", "sum", "min", "max", "avg"));
        ObjectNode a = column("agg_" + (serial++), agg.equals("count") ? "bigint" : agg.equals("avg") ? "double"
            : "int", "child_aggregate").put("table", name).put("function", agg);
        if (!agg.equals("count")) {
          a.put("column", "line_no");
        }
        ((ArrayNode) parent.node().get("columns")).add(a);
        parent.cols().add(new Col(a.get("name").asText(), a.get("type").asText(), "child_aggregate"));
      }
    }
    int extra = 1 + r.nextInt(7);
    for (int i = 0; i < extra; i++) {
      ObjectNode c = randomColumn(tab);
      if (c != null) {
        if (r.nextInt(6) == 0) {
          c.put("null_rate", pick(r, List.of(0.1, 0.5, 1.0, 0.001)));
        }
        if (r.nextInt(10) == 0) {
          c.put("omit", true);
        }
        add(tab, c);
      }
    }
    tabs.add(tab);
    return t;
  }

  private static String colType(Tab t, String col) {
    return t.cols().stream().filter(c -> c.name().equals(col)).findFirst().orElseThrow().type();
  }

  private void add(Tab t, ObjectNode c) {
    ((ArrayNode) t.node().get("columns")).add(c);
    t.cols().add(new Col(c.get("name").asText(), c.get("type").asText(), c.get("strategy").asText()));
  }

  private ObjectNode column(String name, String type, String strategy) {
    return F.objectNode().put("name", name).put("type", type).put("strategy", strategy);
  }

  private ObjectNode randomColumn(Tab t) {
    String name = "c" + (serial++);
    switch (r.nextInt(16)) {
      case 0: {
        String type = pick(r, NUMERIC);
        ObjectNode c = column(name, type, "uniform");
        double lo = pick(r, List.of(0.0, -100.0, 1.0, 1e6, -1e9));
        double hi = lo + pick(r, List.of(0.0, 1.0, 10.0, 1000.0, 1e9, 1e15, 1e19));
        c.put("min", type.contains("int") ? Math.rint(lo) : lo).put("max", type.contains("int") ? Math.rint(hi) : hi);
        if (r.nextInt(4) == 0) {
          c.put("step", pick(r, List.of(1.0, 5.0, 0.25)));
        }
        return c;
      }
      case 1: {
        ObjectNode c = column(name, pick(r, List.of("double", "decimal(12,2)", "int", "bigint", "decimal(4,1)")),
            "distribution");
        c.set("distribution", distribution(false));
        if (r.nextBoolean()) {
          c.put("scale", pick(r, List.of(2.0, 100.0, 0.01, -1.0, 1e6)));
        }
        if (r.nextBoolean()) {
          c.put("offset", pick(r, List.of(0.0, 10.0, -50.0)));
        }
        if (r.nextBoolean()) {
          c.put("min", 0);
        }
        if (r.nextBoolean()) {
          c.put("max", pick(r, List.of(1, 100, 100000)));
        }
        if (r.nextBoolean()) {
          c.put("rounding", pick(r, List.of("none", "floor", "ceil", "round")));
        }
        return c;
      }
      case 2: {
        int kind = r.nextInt(3);
        ObjectNode c = column(name, kind == 0 ? "string" : kind == 1 ? "int" : "boolean", "values");
        ArrayNode v = c.putArray("values");
        ArrayNode w = F.arrayNode();
        int n = kind == 2 ? 2 : 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
          if (kind == 0) {
            v.add(pick(r, List.of("a", "B", "Ünï", "𝕏", "", "x y")) + i);
          } else if (kind == 1) {
            v.add(i * 7 - 3);
          } else {
            v.add(i == 0);
          }
          w.add(pick(r, List.of(1, 2, 10, 0, 1000)));
        }
        if (r.nextBoolean()) {
          w.set(0, F.numberNode(1));
          c.set("weights", w);
        }
        return c;
      }
      case 3: {
        boolean ts = r.nextBoolean();
        ObjectNode c = column(name, ts ? "timestamp" : "date", "date_range")
            .put("start", pick(r, List.of("ref-365d", "2024-01-01", "ref-30d", "1999-12-31")))
            .put("end", pick(r, List.of("ref", "2024-12-31", "ref+10d")));
        if (r.nextBoolean()) {
          c.put("interval", ts ? pick(r, List.of("1 second", "15 minutes", "1 hour", "1 day")) : "1 day");
        }
        if (r.nextInt(3) == 0) {
          ObjectNode p = c.putObject("profile");
          ArrayNode wd = p.putArray("weekday_factors");
          for (int i = 0; i < 7; i++) {
            wd.add(pick(r, List.of(1.0, 0.5, 2.0, 0.0)));
          }
          wd.set(0, F.numberNode(1.0));
          if (ts && r.nextBoolean()) {
            ArrayNode h = p.putArray("hour_weights");
            for (int i = 0; i < 24; i++) {
              h.add(1 + r.nextInt(10));
            }
          }
          if (r.nextBoolean()) {
            ArrayNode mf = p.putArray("month_factors");
            for (int i = 0; i < 12; i++) {
              mf.add(pick(r, List.of(1.0, 0.8, 1.6)));
            }
          }
          if (r.nextBoolean()) {
            p.putArray("holidays").add(F.objectNode().put("date", "2024-12-25").put("factor", 0.3)
                .put("name", "Christmas"));
          }
          if (r.nextBoolean()) {
            p.put("us_holidays", 0.5);
          }
          if (r.nextBoolean()) {
            p.putArray("incidents").add(F.objectNode().put("start", "ref-20d").put("end", "ref-10d")
                .put("multiplier", 3.0));
          }
        }
        return c;
      }
      case 4: {
        List<String> names = Dictionaries.standard().names();
        return column(name, "string", "dictionary").put("dictionary", pick(r, names));
      }
      case 5:
        return column(name, "string", "pattern").put("pattern", pick(r, List.of("SKU-#####", "!!??-**", "#", "é?")));
      case 6:
        return column(name, "string", "uuid");
      case 7:
        return column(name, "boolean", "boolean").put("probability", pick(r, List.of(0.0, 0.5, 1.0, 0.01)));
      case 8: {
        int kind = r.nextInt(4);
        return switch (kind) {
          case 0 -> column(name, "string", "constant").put("value", "US");
          case 1 -> column(name, "int", "constant").put("value", 7);
          case 2 -> column(name, "decimal(6,2)", "constant").put("value", 12.5);
          default -> column(name, "date", "constant").put("value", "2024-02-29");
        };
      }
      case 9:
      case 10: {
        if (tabs.isEmpty()) {
          return column(name, "string", "uuid");
        }
        Tab p = tabs.get(r.nextInt(tabs.size()));
        ObjectNode c = column(name, colType(p, p.key()), "foreign_key").put("references", p.name() + "." + p.key());
        List<Col> numeric = p.cols().stream().filter(x -> NUMERIC.contains(x.type()) && !x.name().equals(p.key())
            && !x.strategy().equals("child_aggregate")).toList();
        switch (r.nextInt(3)) {
          case 0 -> c.set("distribution", F.objectNode().put("type", "zipf").put("exponent", 1.1));
          case 1 -> {
            if (!numeric.isEmpty()) {
              c.set("distribution", F.objectNode().put("type", "weighted").put("by", pick(r, numeric).name()));
            }
          }
          default -> { }
        }
        if (r.nextInt(3) == 0) {
          Col attr = pick(r, p.cols());
          ((ArrayNode) t.node().get("columns")).add(c);
          t.cols().add(new Col(name, c.get("type").asText(), "foreign_key"));
          return column("l" + (serial++), attr.type(), "lookup").put("via", name).put("column", attr.name());
        }
        return c;
      }
      case 11:
        return column(name, "int", "sequence").put("start", pick(r, List.of(0, 2_147_483_000, -2_147_483_000)))
            .put("step", pick(r, List.of(1, 100, -1)));
      default:
        return expression(t, name);
    }
  }

  private ObjectNode expression(Tab t, String name) {
    List<Col> nums = t.cols().stream().filter(c -> NUMERIC.contains(c.type())).toList();
    List<Col> strs = t.cols().stream().filter(c -> c.type().equals("string")).toList();
    List<Col> dates = t.cols().stream().filter(c -> c.type().equals("date")).toList();
    String a = nums.isEmpty() ? "1" : pick(r, nums).name();
    String b = nums.isEmpty() ? "2" : pick(r, nums).name();
    switch (r.nextInt(10)) {
      case 0: return column(name, "double", "expression").put("expr", a + " * 1.5 + " + b);
      case 1: return column(name, "decimal(12,2)", "expression").put("expr", "round(" + a + " * 0.08, 2)");
      case 2: return column(name, "string", "expression").put("expr",
          "CASE WHEN " + a + " > 10 THEN 'big' WHEN " + a + " IS NULL THEN NULL ELSE 'small' END");
      case 3: return column(name, "string", "expression").put("expr", strs.isEmpty() ? "upper('x')"
          : "concat(upper(" + pick(r, strs).name() + "), '-', CAST(" + a + " AS STRING))");
      case 4: return column(name, "date", "expression").put("expr", dates.isEmpty()
          ? "date_add(reference_date(), rand_int(-30, 30))" : "date_add(" + pick(r, dates).name() + ", 3)");
      case 5: return column(name, "bigint", "expression").put("expr", "hash(" + a + ", " + b + ") % 1000");
      case 6: return column(name, "double", "expression").put("expr", "rand_normal(70, 12) + sqrt(abs(" + a + "))");
      case 7: return column(name, "int", "expression").put("expr", "least(greatest(" + a + ", 0), 100)");
      case 8: return column(name, "boolean", "expression").put("expr", "rand_bool(0.3) OR " + a + " > " + b);
      default: return column(name, "bigint", "expression").put("expr", a + " DIV 3 + rand_poisson(4)");
    }
  }

  private ObjectNode distribution(boolean count) {
    ObjectNode d = F.objectNode();
    String type = pick(r, Hostile.DISTRIBUTIONS);
    d.put("type", type);
    switch (type) {
      case "normal" -> d.put("mean", count ? 3 : pick(r, List.of(0.0, 50.0, 1e6))).put("stddev", pick(r, List.of(1.0, 10.0, 0.1)));
      case "lognormal" -> d.put("mu", pick(r, List.of(0.0, 3.5, 10.0))).put("sigma", pick(r, List.of(0.5, 1.0, 3.0)));
      case "exponential" -> d.put("rate", pick(r, List.of(0.5, 2.0, 0.001)));
      case "gamma" -> d.put("shape", pick(r, List.of(0.5, 2.0, 9.0))).put("scale", pick(r, List.of(1.0, 2.0, 100.0)));
      case "beta" -> d.put("alpha", pick(r, List.of(0.5, 2.0, 1e-3))).put("beta", pick(r, List.of(5.0, 0.5, 1e-3)));
      case "pareto" -> d.put("alpha", pick(r, List.of(1.5, 3.0, 0.5))).put("xm", pick(r, List.of(1, 10)));
      case "zipf" -> d.put("n", pick(r, List.of(1, 10, 1000))).put("exponent", pick(r, List.of(1.1, 2.0, 0.5)));
      case "poisson" -> d.put("lambda", pick(r, List.of(0.5, 3.0, 50.0)));
      default -> d.put("min", 0).put("max", pick(r, List.of(1, 5, 100)));
    }
    return d;
  }
}
