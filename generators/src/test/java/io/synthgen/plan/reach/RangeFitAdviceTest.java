package io.synthgen.plan.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.StrategySamples;
import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a column whose values leave its type is told, per strategy: the parameter reported (below and above the
 * type's range) and how to narrow the values. Every strategy has its row, so a new one must choose its advice.
 */
class RangeFitAdviceTest {

  private static final String NARROW = "narrow the range, or widen the type to bigint";
  private static final String PARENT = "give this column the parent column's type, or widen the type to bigint";

  /** Strategy id to {field when too low, field when too high, fix}. */
  private static final Map<String, List<String>> ADVICE = new LinkedHashMap<>();

  static {
    ADVICE.put("sequence", List.of(".start", ".start", "lower start or step (the last row's value is start + step * "
        + "(rows - 1)), or widen the type to bigint"));
    ADVICE.put("uniform", List.of(".min", ".max", NARROW));
    ADVICE.put("values", List.of(".values", ".values", NARROW));
    ADVICE.put("distribution", List.of(".min", ".max", "add a clamp (\"min\" and \"max\") inside the type's range, "
        + "or widen the type to bigint"));
    ADVICE.put("date_range", List.of(".start", ".end", NARROW));
    ADVICE.put("dictionary", List.of(".type", ".type", NARROW));
    ADVICE.put("pattern", List.of(".type", ".type", NARROW));
    ADVICE.put("uuid", List.of(".type", ".type", NARROW));
    ADVICE.put("boolean", List.of(".type", ".type", NARROW));
    ADVICE.put("constant", List.of(".value", ".value", NARROW));
    ADVICE.put("foreign_key", List.of(".type", ".type", PARENT));
    ADVICE.put("parent", List.of(".type", ".type", PARENT));
    ADVICE.put("child_index", List.of(".type", ".type", NARROW));
    ADVICE.put("lookup", List.of(".type", ".type", PARENT));
    ADVICE.put("child_aggregate", List.of(".type", ".type", "lower the per_parent count's max or the children's "
        + "values, or widen the type to bigint"));
    ADVICE.put("expression", List.of(".expr", ".expr", "bound the expression, e.g. with least(greatest(x, lo), hi), "
        + "or narrow its inputs' ranges, or widen the type to bigint"));
  }

  @Test
  void everyStrategyHasItsAdvice() {
    assertEquals(ColumnGen.STRATEGIES, List.copyOf(ADVICE.keySet()));
  }

  @Test
  void anIntColumnReachingPastItsRangeIsToldWhichParameterAndHowToNarrow() {
    for (Map.Entry<String, ColumnGen> e : StrategySamples.all().entrySet()) {
      Column c = new Column("x", DataType.parse("int"), e.getValue(), 0, false, false, null);
      List<String> want = ADVICE.get(e.getKey());
      Violation low = refused(c, Interval.of(-1e12, 0));
      Violation high = refused(c, Interval.of(0, 1e12));
      assertEquals("tables[0].columns[0]" + want.get(0), low.path(), e.getKey() + " below");
      assertEquals("tables[0].columns[0]" + want.get(1), high.path(), e.getKey() + " above");
      assertEquals(want.get(2), low.fix(), e.getKey());
      assertEquals(want.get(2), high.fix(), e.getKey());
      assertEquals("the column's values can reach [0, 1000000000000], outside its type int ([-2147483648, "
          + "2147483647])", high.rule(), e.getKey());
    }
  }

  private static Violation refused(Column c, Interval r) {
    List<Violation> out = new ArrayList<>();
    assertFalse(RangeFit.check(out, "tables[0].columns[0]", c, r));
    assertEquals(1, out.size(), out::toString);
    return out.get(0);
  }
}
