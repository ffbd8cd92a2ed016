package io.synthgen.validate;

import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Clean output passes; each kind of damage fails exactly the check that should catch it. */
class ValidatorTest {

  static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  static final ResolvedPlan PLAN = Plans.resolve(document(9,
      "{\"name\": \"p\", \"rows\": 1000, \"primary_key\": \"pid\", \"columns\": [" + String.join(",",
          col("pid", "bigint", "\"strategy\": \"sequence\", \"start\": 100"),
          col("code", "string", "\"strategy\": \"pattern\", \"pattern\": \"C-###############\", \"unique\": true"),
          col("sku", "string", "\"strategy\": \"uuid\", \"unique\": true"),
          col("tier", "string", "\"strategy\": \"values\", \"values\": [\"std\", \"gold\"], \"weights\": [70, 30]"),
          col("score", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 100"),
          col("flag", "boolean", "\"strategy\": \"boolean\", \"probability\": 0.5"),
          col("maybe", "double", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"normal\", "
              + "\"mean\": 0, \"stddev\": 1}, \"null_rate\": 0.1")) + "]},"
      + table("c", 5000,
          col("cid", "bigint", "\"strategy\": \"sequence\""),
          col("pid", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"p.pid\""),
          col("code_ref", "string", "\"strategy\": \"foreign_key\", \"references\": \"p.code\""))));

  /** Feeds every table in batches of 700 rows, after {@code tamper} has had its way with them. */
  private static ValidationReport validate(Consumer<Map<String, List<Batch>>> tamper) {
    Map<String, List<Batch>> batches = new LinkedHashMap<>();
    for (ResolvedTable t : PLAN.tables()) {
      List<Batch> list = new ArrayList<>();
      for (long first = 0; first < t.rows(); first += 700) {
        list.add(TableEvaluator.range(PLAN, t, first, (int) Math.min(700, t.rows() - first)).outputBatch());
      }
      batches.put(t.name(), list);
    }
    tamper.accept(batches);
    Validator v = new Validator(PLAN);
    batches.forEach((t, list) -> list.forEach(b -> v.accept(t, b)));
    return v.finish();
  }

  private static Set<String> failed(ValidationReport r) {
    Set<String> out = new TreeSet<>();
    for (Check c : r.failures()) {
      out.add(c.table() + (c.column() == null ? "" : "." + c.column()) + " " + c.kind());
    }
    return out;
  }

  private static Batch first(Map<String, List<Batch>> b, String table) {
    return b.get(table).get(0);
  }

  @Test
  void cleanOutputPassesEveryCheck() {
    ValidationReport r = validate(b -> { });
    assertTrue(r.passed(), r.failures().toString());
    Set<String> kinds = new TreeSet<>();
    r.checks().forEach(c -> kinds.add(c.kind()));
    assertEquals(Set.of("rows", "nulls", "weights", "range", "unique", "foreign_key"), kinds);
    assertTrue(r.checks().stream().anyMatch(c -> c.kind().equals("foreign_key") && "code_ref".equals(c.column())),
        "foreign keys to a non-sequence key are checked by value");
  }

  @Test
  void anOrphanForeignKeyFails() {
    ValidationReport r = validate(b -> ((LongVec) first(b, "c").vector("pid")).values[5] = 99_999);
    assertEquals(Set.of("c.pid foreign_key"), failed(r));
    ValidationReport s = validate(b -> ((StrVec) first(b, "c").vector("code_ref")).plain[3] = "C-nope");
    assertEquals(Set.of("c.code_ref foreign_key"), failed(s));
  }

  @Test
  void duplicatedKeysFail() {
    ValidationReport seq = validate(b -> {
      long[] v = ((LongVec) first(b, "p").vector("pid")).values;
      v[10] = v[11];
    });
    assertEquals(Set.of("p.pid unique"), failed(seq));
    ValidationReport uuid = validate(b -> {
      // UUIDs are written as UTF-8, all 36 bytes long: overwrite the second batch's first with the first batch's
      StrVec a = (StrVec) b.get("p").get(0).vector("sku");
      StrVec z = (StrVec) b.get("p").get(1).vector("sku");
      System.arraycopy(a.utf8, a.offsets[0], z.utf8, z.offsets[0], 36);
    });
    assertEquals(Set.of("p.sku unique"), failed(uuid));
  }

  @Test
  void aWrongWeightMixFails() {
    ValidationReport r = validate(b -> b.get("p").forEach(batch -> {
      int[] codes = ((StrVec) batch.vector("tier")).codes;
      java.util.Arrays.fill(codes, 0, codes.length / 2, 1);
    }));
    assertEquals(Set.of("p.tier weights"), failed(r));
    ValidationReport flags = validate(b -> b.get("p").forEach(batch -> {
      boolean[] v = ((io.synthgen.vec.BoolVec) batch.vector("flag")).values;
      java.util.Arrays.fill(v, true);
    }));
    assertEquals(Set.of("p.flag weights"), failed(flags));
  }

  @Test
  void outOfRangeValuesFail() {
    ValidationReport r = validate(b -> ((LongVec) first(b, "p").vector("score")).values[0] = 101);
    assertEquals(Set.of("p.score range"), failed(r));
  }

  @Test
  void aWrongNullRateFails() {
    ValidationReport r = validate(b -> b.get("p").forEach(batch -> {
      boolean[] all = new boolean[batch.size()];
      java.util.Arrays.fill(all, true);
      batch.vector("maybe").setNulls(all);
    }));
    assertEquals(Set.of("p.maybe nulls"), failed(r));
  }

  @Test
  void missingRowsFail() {
    ValidationReport r = validate(b -> b.get("c").remove(b.get("c").size() - 1));
    assertEquals(Set.of("c rows"), failed(r));
  }

  @Test
  void aModestlyWrongMixStillFailsAtAThousandRows() {
    // 70/30 in the plan; a third of the first half's std rows turned gold gives about 55/45
    ValidationReport r = validate(b -> b.get("p").forEach(batch -> {
      int[] codes = ((StrVec) batch.vector("tier")).codes;
      for (int i = 0; i < codes.length; i += 3) {
        codes[i] = 1;
      }
    }));
    assertEquals(Set.of("p.tier weights"), failed(r));
    // 10% nulls in the plan, 20% written
    ValidationReport nulls = validate(b -> b.get("p").forEach(batch -> {
      boolean[] more = new boolean[batch.size()];
      for (int i = 0; i < more.length; i++) {
        more[i] = batch.vector("maybe").isNull(i) || i % 9 == 0;
      }
      batch.vector("maybe").setNulls(more);
    }));
    assertEquals(Set.of("p.maybe nulls"), failed(nulls));
  }
}
