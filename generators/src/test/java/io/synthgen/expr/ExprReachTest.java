package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Interval arithmetic over compiled expressions: what each construct can reach, and every intermediate checked. */
class ExprReachTest {

  private final Fixture f = new Fixture()
      .longs("a", DataType.BIGINT, 1L)
      .longs("n", DataType.INT, 1L)
      .doubles("x", 1.0)
      .strings("s", "abc")
      .longs("d", DataType.DATE, 0L);

  private final Map<String, Interval> inputs = Map.of(
      "a", Interval.of(0, 1e10),
      "n", Interval.of(0, 10),
      "x", Interval.of(-2, 3),
      "s", Interval.text(12),
      "d", Interval.of(19_000, 20_000));

  private ExprReach reach(String sql, DataType target) throws ExprException {
    return ExprCompiler.compile(sql, target, f).reach(inputs::get);
  }

  private Interval value(String sql, DataType target) throws ExprException {
    ExprReach r = reach(sql, target);
    assertEquals(List.of(), r.problems(), sql);
    return r.value();
  }

  @Test
  void arithmeticAndFunctionsNarrowTheRange() throws ExprException {
    assertEquals(Interval.of(0, 2e10), value("a * 2", DataType.BIGINT));
    assertEquals(Interval.of(1, 12), value("month(d)", DataType.INT));
    assertEquals(Interval.of(3, 9), value("rand_int(3, 9)", DataType.BIGINT));
    assertEquals(100, value("least(a, 100)", DataType.BIGINT).hi());
    assertEquals(Interval.of(0, 1e10), value("abs(a)", DataType.BIGINT));
    assertEquals(Interval.of(0, 9), value("a % 10", DataType.BIGINT));
    assertEquals(Interval.of(0, 1e10), value("a DIV (n + 1)", DataType.BIGINT));
    assertEquals(Interval.of(-1, 5), value("CASE WHEN x > 0 THEN 5 ELSE -1 END", DataType.INT));
    Interval c = value("cos(x / 10)", DataType.DOUBLE);
    assertTrue(c.lo() > 0.95 && c.hi() <= 1, c.toString());
    Interval q = value("x / n", DataType.DOUBLE); // n = 0 is NULL; otherwise |n| >= 1
    assertTrue(q.lo() >= -2.0000001 && q.hi() <= 3.0000001, q.toString());
    assertEquals(Interval.of(19_000, 20_365), value("date_add(d, rand_int(0, 365))", DataType.DATE));
  }

  @Test
  void stringLengthsFollowTheFunctions() throws ExprException {
    assertEquals(24, value("s || s", DataType.STRING).maxLength());
    assertEquals(8, value("lpad(s, 8, '0')", DataType.STRING).maxLength());
    assertEquals(36, value("upper(s)", DataType.STRING).maxLength());
    assertEquals(12 + 12 * 2, value("replace(s, 'a', 'bbb')", DataType.STRING).maxLength());
    assertEquals(12 + 20, value("concat(s, CAST(a AS STRING))", DataType.STRING).maxLength());
  }

  @Test
  void anOverflowInsideAConditionIsStillFound() throws ExprException {
    ExprReach r = reach("CASE WHEN a * a > 0 THEN 1 ELSE 0 END", DataType.INT);
    assertEquals(Interval.of(0, 1), r.value());
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().get(0).contains("integer arithmetic '*'"), r.problems().toString());
  }

  @Test
  void unknownInputsAreTheirTypesWholeRangeAndSaySo() throws ExprException {
    ExprReach r = ExprCompiler.compile("a + 1", DataType.BIGINT, f).reach(name -> null);
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).contains("the range of 'a' is not known"), r.problems().toString());
  }
}
