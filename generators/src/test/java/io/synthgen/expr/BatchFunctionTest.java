package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code batch()}: the series batch of the rows, an input that is never folded and is bounded by the series. */
class BatchFunctionTest {

  private static final DataType S = DataType.STRING;
  private static final DataType L = DataType.BIGINT;

  @Test
  void isTheInputsBatchAndZeroByDefault() {
    assertEquals(List.of(0L, 0L, 0L), new Fixture().rows(3).values("batch()", L));
    assertEquals(List.of(3L, 3L), new Fixture().rows(2).batch(3, 5).values("batch()", L));
    assertEquals(List.of(7L), new Fixture().rows(1).batch(3, 5).values("batch() * 2 + 1", L));
  }

  @Test
  void isNotFoldedIntoAConstant() {
    CompiledExpr e = new Fixture().batch(0, 5).compile("batch() + 1", L);
    assertTrue(e.references().isEmpty());
    Fixture later = new Fixture().rows(1).batch(4, 5);
    assertEquals(5L, e.evaluate(later.input()).get(0), "the compiled expression reads the batch of its input");
  }

  @Test
  void choosesTheInitialLoadValueOnlyInBatchZero() {
    String sql = "CASE WHEN batch() = 0 THEN 'Active' ELSE rand_weighted('Active', 20, 'Completed', 70, "
        + "'Cancelled', 10) END";
    int n = 20_000;
    for (long b = 0; b < 5; b++) {
      List<Object> v = new Fixture().rows(n).batch(b, 5).values(sql, S);
      Map<Object, Integer> counts = new HashMap<>();
      for (Object o : v) {
        counts.merge(o, 1, Integer::sum);
      }
      if (b == 0) {
        assertEquals(Map.of("Active", n), counts);
      } else {
        assertEquals(0.20, counts.get("Active") / (double) n, 0.015, "batch " + b);
        assertEquals(0.70, counts.get("Completed") / (double) n, 0.015, "batch " + b);
        assertEquals(0.10, counts.get("Cancelled") / (double) n, 0.015, "batch " + b);
      }
    }
  }

  @Test
  void reachesZeroToTheLastBatchOfTheSeries() throws ExprException {
    Fixture f = new Fixture().batch(0, 5);
    assertEquals(Interval.of(0, 4), ExprCompiler.compile("batch()", L, f).reach(c -> null).value());
    assertEquals(Interval.of(0, 0), ExprCompiler.compile("batch()", L, new Fixture()).reach(c -> null).value());
    ExprReach r = ExprCompiler.compile("CAST(batch() * 1000 AS INT)", DataType.INT, new Fixture().batch(0, 5))
        .reach(c -> null);
    assertEquals(Interval.of(0, 4000), r.value());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @Test
  void takesNoArguments() {
    List<String> p = new Fixture().problems("batch(1)", L);
    assertFalse(p.isEmpty());
    assertTrue(p.get(0).contains("batch"), p.get(0));
  }
}
