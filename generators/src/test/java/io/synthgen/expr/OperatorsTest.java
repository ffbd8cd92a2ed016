package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.plan.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorsTest {

  private static final DataType D102 = DataType.decimal(10, 2);

  private final Fixture f = new Fixture()
      .longs("a", DataType.BIGINT, 7L, -7L, null, 0L)
      .longs("b", DataType.INT, 2L, 2L, 2L, null)
      .doubles("x", 1.5, -2.5, null, 0.0)
      .longs("price", D102, 1999L, 500L, null, 1L)
      .strings("s", "Alice", "bob", null, "")
      .bools("flag", true, false, null, true);

  private static List<Object> list(Object... v) {
    return Arrays.asList(v);
  }

  @Test
  void integerArithmeticIsBigintAndNullPropagates() {
    assertEquals(list(9L, -5L, null, null), f.values("a + b", DataType.BIGINT));
    assertEquals(list(5L, -9L, null, null), f.values("a - b", DataType.BIGINT));
    assertEquals(list(14L, -14L, null, null), f.values("a * b", DataType.BIGINT));
    assertEquals(list(-7L, 7L, null, 0L), f.values("-a", DataType.BIGINT));
  }

  @Test
  void divisionIsDoubleAndByZeroIsNull() {
    assertEquals(list(3.5, -3.5, null, null), f.values("a / b", DataType.DOUBLE));
    assertEquals(list(null, null, null, null), f.values("a / 0", DataType.DOUBLE));
    assertEquals(list(3L, -3L, null, null), f.values("a DIV b", DataType.BIGINT));
  }

  @Test
  void moduloKeepsTheDividendsSignAndPmodIsPositive() {
    assertEquals(list(1L, -1L, null, null), f.values("a % b", DataType.BIGINT));
    assertEquals(list(1L, -1L, null, null), f.values("mod(a, b)", DataType.BIGINT));
    assertEquals(list(1L, 1L, null, null), f.values("pmod(a, b)", DataType.BIGINT));
    assertEquals(list(null, null, null, null), f.values("a % 0", DataType.BIGINT));
  }

  @Test
  void decimalArithmeticIsExact() {
    assertEquals(List.of(new BigDecimal("0.30")), new Fixture().values("0.1 + 0.2", D102));
    assertEquals(list(new BigDecimal("39.98"), new BigDecimal("10.00"), null, null),
        f.values("price * b", D102));
    assertEquals(list(new BigDecimal("21.99"), new BigDecimal("7.00"), null, new BigDecimal("2.01")),
        f.values("price + 2", D102));
    assertEquals(list(3.0, -5.0, null, 0.0), f.values("x * 2", DataType.DOUBLE));
    assertEquals(list(21.49, 2.5, null, 0.01), f.values("price + x", DataType.DOUBLE));
  }

  @Test
  void comparisonsWithNulls() {
    assertEquals(list(true, false, null, null), f.values("a > b", DataType.BOOLEAN));
    assertEquals(list(false, false, null, true), f.values("x = 0", DataType.BOOLEAN));
    assertEquals(list(true, true, null, true), f.values("x <> 1", DataType.BOOLEAN));
    assertEquals(list(true, true, null, true), f.values("x != 1", DataType.BOOLEAN));
    assertEquals(list(false, true, null, true), f.values("x <= 0", DataType.BOOLEAN));
    assertEquals(list(true, true, null, false), f.values("price >= 5.00 AND price < 20", DataType.BOOLEAN));
    assertEquals(list(true, false, null, true), f.values("s < 'B'", DataType.BOOLEAN));
    assertEquals(list(true, true, true, true), f.values("DATE '2024-01-02' > '2024-01-01'", DataType.BOOLEAN));
  }

  @Test
  void threeValuedLogic() {
    Fixture g = new Fixture().bools("p", true, true, true, false, false, false, null, null, null)
        .bools("q", true, false, null, true, false, null, true, false, null);
    assertEquals(list(true, false, null, false, false, false, null, false, null), g.values("p AND q", DataType.BOOLEAN));
    assertEquals(list(true, true, true, true, false, null, true, null, null), g.values("p OR q", DataType.BOOLEAN));
    assertEquals(list(false, false, false, true, true, true, null, null, null), g.values("NOT p", DataType.BOOLEAN));
    assertEquals(list(true, true, true, false, false, false, false, false, false), g.values("p IS TRUE", DataType.BOOLEAN));
    assertEquals(list(false, false, false, false, false, false, true, true, true), g.values("p IS NULL", DataType.BOOLEAN));
    assertEquals(list(true, true, true, true, true, true, false, false, false), g.values("p IS NOT NULL", DataType.BOOLEAN));
  }

  @Test
  void betweenInLike() {
    assertEquals(list(true, false, null, false), f.values("a BETWEEN 0 AND 7 AND a <> 0", DataType.BOOLEAN));
    assertEquals(list(false, true, null, true), f.values("a NOT BETWEEN 1 AND 10", DataType.BOOLEAN));
    assertEquals(list(true, false, null, true), f.values("a IN (7, 0)", DataType.BOOLEAN));
    assertEquals(list(false, true, null, false), f.values("a NOT IN (7, 0)", DataType.BOOLEAN));
    assertEquals(list(true, null, null, null), f.values("a IN (7, NULL)", DataType.BOOLEAN));
    assertEquals(list(true, false, null, false), f.values("s LIKE 'A%e'", DataType.BOOLEAN));
    assertEquals(list(false, true, null, false), f.values("s LIKE '_o_'", DataType.BOOLEAN));
    assertEquals(list(true, true, null, true), f.values("s NOT LIKE 'x%'", DataType.BOOLEAN));
    assertEquals(list(true, true, null, false), f.values("s ILIKE '%B%' OR s ILIKE 'a%'", DataType.BOOLEAN));
    assertEquals(list(false, true, null, false), f.values("s RLIKE '^b.b$'", DataType.BOOLEAN));
    assertEquals(List.of(true), new Fixture().values("'50%' LIKE '50!%' ESCAPE '!'", DataType.BOOLEAN));
    assertEquals(List.of(true), new Fixture().values("'a.b' LIKE 'a.b' AND NOT 'axb' LIKE 'a.b'", DataType.BOOLEAN));
  }

  @Test
  void caseWhenTreatsNullAsFalse() {
    assertEquals(list("pos", "neg", "none", "zero"),
        f.values("CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' WHEN a = 0 THEN 'zero' ELSE 'none' END",
            DataType.STRING));
    assertEquals(list("yes", "no", "no", "yes"), f.values("CASE WHEN flag THEN 'yes' ELSE 'no' END", DataType.STRING));
    assertEquals(list(null, null, null, "z"), f.values("CASE a WHEN 0 THEN 'z' END", DataType.STRING));
    assertEquals(list(1L, 2L, 2L, 3L), f.values("CASE b WHEN 2 THEN CASE a WHEN 7 THEN 1 ELSE 2 END ELSE 3 END",
        DataType.BIGINT));
  }

  @Test
  void concatenationIsNullWhenAnyPartIsNull() {
    assertEquals(list("Alice-7", "bob--7", null, "-0"), f.values("s || '-' || a", DataType.STRING));
    assertEquals(list("Alice70", "bob-70", null, null), f.values("concat(s, a, b - b)", DataType.STRING));
  }

  @Test
  void castsFollowSpark() {
    Fixture g = new Fixture().doubles("d", 2.7, -2.7, 1e300, Double.NaN)
        .strings("t", "12", " 3.9 ", "x", "2024-02-30");
    assertEquals(list(2L, -2L, null, null), g.values("CAST(d AS BIGINT)", DataType.BIGINT));
    assertEquals(list(2L, -2L, null, null), g.values("CAST(d AS INT)", DataType.INT));
    assertEquals(list(12L, 3L, null, null), g.values("CAST(t AS BIGINT)", DataType.BIGINT));
    assertEquals(list(12.0, 3.9, null, null), g.values("CAST(t AS DOUBLE)", DataType.DOUBLE));
    assertEquals(list(new BigDecimal("12.00"), new BigDecimal("3.90"), null, null), g.values("CAST(t AS decimal(10,2))", D102));
    assertEquals(list(null, null, null, null), g.values("CAST(t AS DATE)", DataType.DATE));
    assertEquals(List.of(LocalDate.of(2024, 3, 1)), new Fixture().values("CAST('2024-03-01' AS DATE)", DataType.DATE));
    assertEquals(List.of("2024-03-01 10:05:00.25"),
        new Fixture().values("CAST(TIMESTAMP '2024-03-01 10:05:00.250' AS STRING)", DataType.STRING));
    assertEquals(List.of(1_709_287_500L), new Fixture().values("CAST(TIMESTAMP '2024-03-01 10:05:00' AS BIGINT)",
        DataType.BIGINT));
    assertEquals(List.of(true), new Fixture().values("CAST('yes' AS BOOLEAN) AND CAST(1 AS BOOLEAN)", DataType.BOOLEAN));
    assertEquals(List.of("12.50"), new Fixture().values("CAST(12.50 AS STRING)", DataType.STRING));
    assertEquals(List.of(1L), new Fixture().values("CAST(TRUE AS INT)", DataType.INT));
    assertEquals(List.of(LocalDate.of(2024, 3, 1)), new Fixture().values("CAST(TIMESTAMP '2024-03-01 23:59:59' AS DATE)",
        DataType.DATE));
    assertEquals(List.of(LocalDate.of(2024, 3, 1)), new Fixture().values("'2024-03-01'::date", DataType.DATE));
  }

  @Test
  void quotedIdentifiers() {
    Fixture g = new Fixture().longs("first name", DataType.BIGINT, 3L).longs("n", DataType.BIGINT, 4L);
    assertEquals(List.of(7L), g.values("`first name` + \"n\"", DataType.BIGINT));
    assertEquals(List.of(4L), g.values("N", DataType.BIGINT));
  }

  @Test
  void inFollowedByAndOrKeepsSqlPrecedence() {
    // a = 7, -7, NULL, 0; b = 2, 2, 2, NULL
    // SQL three-valued logic: NULL OR TRUE is TRUE, FALSE AND NULL is FALSE
    assertEquals(list(true, true, true, true), f.values("a IN (7, 0) OR b = 2", DataType.BOOLEAN));
    assertEquals(list(true, false, null, null), f.values("a IN (7, 0) AND b = 2", DataType.BOOLEAN));
    assertEquals(list(false, true, null, false), f.values("a NOT IN (7, 0) AND b = 2", DataType.BOOLEAN));
    assertEquals(list(true, true, true, true), f.values("a IN (7) AND b = 2 OR TRUE", DataType.BOOLEAN));
    // (b = 2 AND a IN (7, 0)) OR a = 0, not b = 2 AND (a IN (7, 0) OR a = 0)
    assertEquals(list(true, false, null, true), f.values("b = 2 AND a IN (7, 0) OR a = 0", DataType.BOOLEAN));
    assertEquals(list(false, true, null, true), f.values("NOT a IN (7) AND b = 2 OR a = 0", DataType.BOOLEAN));
    assertEquals(list(true, false, false, true), f.values("if(a IN (7, 0) OR b IS NULL, TRUE, FALSE)",
        DataType.BOOLEAN));
  }
}
