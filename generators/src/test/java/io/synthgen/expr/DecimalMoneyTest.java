package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.plan.DataType;
import io.synthgen.vec.LongVec;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money: decimals are exact, and every rounding is HALF_UP on the value a person reads. */
class DecimalMoneyTest {

  private static final DataType CENTS = DataType.decimal(10, 2);

  private static List<Object> list(Object... v) {
    return Arrays.asList(v);
  }

  @Test
  void taxOnDecimalSubtotalRoundsToExactCents() {
    // 33.44 * 0.08 = 2.6752, 33.4375 is not cents, so use subtotals whose tax lands on a half cent.
    Fixture f = new Fixture().longs("subtotal", CENTS, 3_344L, 1_875L, 6_250L, 10L, null);
    assertEquals(list(new BigDecimal("2.68"), new BigDecimal("1.50"), new BigDecimal("5.00"), new BigDecimal("0.01"), null),
        f.values("round(subtotal * 0.08, 2)", CENTS));
    // 18.75 * 0.08 = 1.5 exactly; 0.10 * 0.08 = 0.008 -> 0.01 (HALF_UP), also when only the column's scale rounds.
    assertEquals(list(new BigDecimal("2.68"), new BigDecimal("1.50"), new BigDecimal("5.00"), new BigDecimal("0.01"), null),
        f.values("subtotal * 0.08", CENTS));
  }

  @Test
  void halfCentTiesRoundUp() {
    Fixture f = new Fixture().longs("x", DataType.decimal(10, 3), 2_675L, 2_665L, -2_675L, 1_005L);
    assertEquals(list(new BigDecimal("2.68"), new BigDecimal("2.67"), new BigDecimal("-2.68"), new BigDecimal("1.01")),
        f.values("round(x, 2)", CENTS));
  }

  @Test
  void doublesRoundOnTheirShortestSpelling() {
    // The doubles nearest 2.675 and 1.005 lie just below them; a person (and Spark's round) still expects up.
    Fixture f = new Fixture().doubles("x", 2.675, 1.005, 0.125, -2.675, 1.0049999);
    assertEquals(list(new BigDecimal("2.68"), new BigDecimal("1.01"), new BigDecimal("0.13"), new BigDecimal("-2.68"),
        new BigDecimal("1.00")), f.values("x", CENTS));
    assertEquals(list(2.68, 1.01, 0.13, -2.68, 1.0), f.values("round(x, 2)", DataType.DOUBLE));
  }

  @Test
  void decimalResultsAreUnscaledLongs() {
    LongVec v = (LongVec) new Fixture().eval("19.999", CENTS);
    assertEquals(CENTS, v.type());
    assertEquals(2_000L, v.values[0]);
  }

  @Test
  void overflowBeyondPrecisionIsNull() {
    assertEquals(list((Object) null), new Fixture().values("123456789.99 * 10", CENTS));
    assertEquals(list(new BigDecimal("99999999.99")), new Fixture().values("99999999.99", CENTS));
  }

  @Test
  void decimalArithmeticBeyondEighteenDigitsOrSixtyFourBitsIsNull() {
    DataType d = DataType.decimal(18, 0);
    Fixture f = new Fixture().longs("a", d, 600_000_000_000_000_000L, 999_999_999_999_999_999L, 2L, 4_000_000_000L,
        999_999_999L, -999_999_999_999_999_999L)
        .longs("b", d, 400_000_000_000_000_000L, -1L, 3L, 4_000_000_000L, 1_000_000_000L, 1L);
    assertEquals(list(null, new BigDecimal("999999999999999998"), new BigDecimal("5"), new BigDecimal("8000000000"),
        new BigDecimal("1999999999"), new BigDecimal("-999999999999999998")), f.values("a + b", d));
    assertEquals(list(new BigDecimal("200000000000000000"), null, new BigDecimal("-1"), new BigDecimal("0"),
        new BigDecimal("-1"), null), f.values("a - b", d));
    assertEquals(list(null, new BigDecimal("-999999999999999999"), new BigDecimal("6"), null,
        new BigDecimal("999999999000000000"), new BigDecimal("-999999999999999999")), f.values("a * b", d));
  }

  @Test
  void divisionGoesThroughDoubleAndRoundsToTheColumn() {
    assertEquals(list(new BigDecimal("3.33")), new Fixture().values("10.00 / 3", CENTS));
    assertEquals(list(new BigDecimal("0.67")), new Fixture().values("2 / 3", CENTS));
  }
}
