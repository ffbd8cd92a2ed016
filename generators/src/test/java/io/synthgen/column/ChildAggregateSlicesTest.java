package io.synthgen.column;

import static io.synthgen.column.StrategiesTest.col;
import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.resolve;
import static io.synthgen.testing.Plans.rows;
import static io.synthgen.testing.Plans.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.vec.LongVec;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over parents with as many children as a plan may give them: the children of a chunk of parents are
 * evaluated in slices (before, a chunk's children were one array, whose size overflowed an int).
 */
class ChildAggregateSlicesTest {

  @Test
  void aggregatesOverMoreChildrenThanOneSliceAreExact() {
    int parents = 25;
    long perParent = PlanLimits.MAX_CHILDREN_PER_PARENT - 1;
    assertTrue(parents * perParent > ChildAggregateGen.SLICE, "the children span several slices");
    ResolvedPlan p = resolve(document(3, table("orders", parents,
        col("order_id", "bigint", "\"strategy\": \"sequence\", \"unique\": true"),
        col("n", "bigint", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"count\""),
        col("sum_line", "bigint", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"sum\", "
            + "\"column\": \"line_no\""),
        col("max_line", "bigint", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"max\", "
            + "\"column\": \"line_no\""))
        + ",\n{\"name\": \"items\", \"rows\": " + parents * perParent + ", \"per_parent\": {\"table\": \"orders\", "
        + "\"count\": {\"distribution\": {\"type\": \"uniform\", \"min\": 0, \"max\": 1}, \"offset\": " + perParent
        + ", \"rounding\": \"floor\"}}, \"columns\": ["
        + col("order_id", "bigint", "\"strategy\": \"parent\", \"references\": \"orders.order_id\"") + ", "
        + col("line_no", "bigint", "\"strategy\": \"child_index\"") + "]}"));
    TableEvaluator ev = rows(p, "orders", parents);
    LongVec n = (LongVec) ev.column("n");
    LongVec sum = (LongVec) ev.column("sum_line");
    LongVec max = (LongVec) ev.column("max_line");
    for (int i = 0; i < parents; i++) {
      assertEquals(perParent, n.values[i]);
      assertEquals(perParent * (perParent + 1) / 2, sum.values[i], "1 + 2 + ... + count");
      assertEquals(perParent, max.values[i]);
    }
  }
}
