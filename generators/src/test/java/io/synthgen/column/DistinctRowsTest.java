package io.synthgen.column;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Distinct parent rows: ascending rows collapse, values and nulls come back at every child row. */
class DistinctRowsTest {

  @Test
  void ascendingRowsCollapseAndGatherBack() {
    long[] rows = {3, 3, 3, 5, 8, 8};
    DistinctRows d = DistinctRows.of(rows, rows.length);
    assertEquals(3, d.count());
    assertArrayEquals(new long[] {3, 5, 8}, Arrays.copyOf(d.rows(), d.count()));

    LongVec parent = new LongVec(DataType.BIGINT, new long[] {30, 50, 80}, 3);
    parent.setNull(1);
    LongVec child = (LongVec) d.gather(parent);
    assertArrayEquals(new long[] {30, 30, 30, 50, 80, 80}, child.values);
    assertArrayEquals(new boolean[] {false, false, false, true, false, false}, child.nulls());

    StrVec codes = StrVec.dictionary(new StrDict(List.of("a", "b")), new int[] {1, 0, 1}, 3);
    StrVec s = (StrVec) d.gather(codes);
    assertTrue(s.isDictionary());
    assertEquals("b b b a b b", String.join(" ", Arrays.stream(new int[] {0, 1, 2, 3, 4, 5})
        .mapToObj(s::str).toList()));
  }

  @Test
  void unorderedRowsStayAsTheyAreInACopy() {
    long[] rows = {4, 1, 4, 1};
    DistinctRows d = DistinctRows.of(rows, rows.length);
    assertEquals(4, d.count());
    assertArrayEquals(rows, d.rows());

    DoubleVec parent = new DoubleVec(new double[] {0.5, 1.5, 2.5, 3.5}, 4);
    DoubleVec child = (DoubleVec) d.gather(parent);
    assertArrayEquals(parent.values, child.values);
    assertNotSame(parent.values, child.values);
    assertNull(child.nulls());
  }
}
