package io.synthgen.plan.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.StrategySamples;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the plan rules answer per strategy where no plan-level test reaches every strategy: which columns keep their
 * value through the versions of a change feed, and the magnitude bound an out_of_range factor is checked against.
 */
class StrategyAnswersTest {

  private static Column column(ColumnGen g) {
    return new Column("x", DataType.parse("bigint"), g, 0, false, false, null);
  }

  @Test
  void keysLayoutAndAggregatesKeepTheirValueThroughVersionsAndEveryOtherStrategyMayChange() {
    Map<String, String> fixed = new HashMap<>();
    fixed.put("sequence", "a sequence column is a key: a new draw would give the row another identity");
    fixed.put("uuid", "a uuid column is a key: a new draw would give the row another identity");
    fixed.put("parent", "a parent column follows the per_parent layout, which does not change");
    fixed.put("child_index", "a child_index column follows the per_parent layout, which does not change");
    fixed.put("child_aggregate", "a child_aggregate column is computed from the children, which do not change "
        + "with the versions");
    for (Map.Entry<String, ColumnGen> e : StrategySamples.all().entrySet()) {
      Column c = column(e.getValue());
      Column id = new Column("id", DataType.parse("bigint"), new ColumnGen.Sequence(1, 1), 0, false, false, null);
      Table t = new Table("t", 10, "id", null, null, List.of(id, c));
      assertEquals(fixed.get(e.getKey()), SeriesDefaults.changeable(t, c), e.getKey());
      Column unique = new Column("x", c.type(), c.gen(), 0, false, true, null);
      assertEquals("it is unique: a new draw could repeat another row's value", SeriesDefaults.changeable(t, unique));
    }
  }

  @Test
  void theMagnitudeOfAColumnIsBoundOnlyWhereItsStrategyStatesOne() throws Exception {
    Plan plan = PlanCodec.read("{\"format\": \"synthgen.plan/v1\", \"name\": \"m\", \"reference_date\": "
        + "\"2025-01-01\", \"tables\": [{\"name\": \"t\", \"rows\": 100, \"columns\": [{\"name\": \"id\", \"type\": "
        + "\"bigint\", \"strategy\": \"sequence\"}]}]}");
    Table t = plan.tables().get(0);
    Map<String, Double> bound = new HashMap<>();
    bound.put("sequence", 208.0); // start 10, step 2, 100 rows
    bound.put("uniform", 5.0);
    bound.put("values", 9.0);
    bound.put("distribution", 6.0);
    bound.put("constant", 7.0);
    for (Map.Entry<String, ColumnGen> e : StrategySamples.all().entrySet()) {
      assertEquals(bound.get(e.getKey()), Defects.magnitude(plan, t, column(e.getValue())), e.getKey());
    }
    assertNull(Defects.magnitude(plan, t, column(new ColumnGen.Values(List.of("a", 1L), List.of()))));
    assertNull(Defects.magnitude(plan, t, column(new ColumnGen.Constant("a"))));
  }
}
