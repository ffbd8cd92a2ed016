package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.synthgen.plan.DataType;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expressions as plans write them: parent lookups, references, the discount CASE and the e-mail address. */
class ScenariosTest {

  private final Fixture f = new Fixture()
      .longs("customer_id", DataType.BIGINT, 1001L, 2042L, 3999L)
      .coded("first_name", new StrDict(List.of("Ann", "Bob")), 0, 1, 0)
      .coded("last_name", new StrDict(List.of("O'Neil", "Smith")), 0, 1, -1)
      .longs("subtotal", DataType.decimal(10, 2), 10_000L, 3_344L, 999L)
      .parent("customers", "loyalty_tier", DataType.STRING,
          StrVec.dictionary(new StrDict(List.of("Gold", "Platinum", "Basic")), new int[] {1, 0, 2}, 3));

  @Test
  void discountByParentTier() {
    String sql = "CASE WHEN customers.loyalty_tier = 'Platinum' THEN 0.2 WHEN customers.loyalty_tier = 'Gold' "
        + "THEN 0.1 ELSE 0 END";
    assertEquals(List.of(new BigDecimal("0.20"), new BigDecimal("0.10"), new BigDecimal("0.00")),
        f.values(sql, DataType.decimal(3, 2)));
    assertEquals(List.of(0.2, 0.1, 0.0), f.values(sql, DataType.DOUBLE));
    assertEquals(Set.of("customers.loyalty_tier"), f.compile(sql, DataType.DOUBLE).references());
    assertEquals(List.of(new BigDecimal("80.00"), new BigDecimal("30.10"), new BigDecimal("9.99")),
        f.values("round(subtotal * (1 - " + sql + "), 2)", DataType.decimal(10, 2)));
  }

  @Test
  void emailAddress() {
    String sql = "lower(first_name) || '.' || lower(last_name) || CAST(customer_id % 1000 AS STRING) || '@example.com'";
    assertEquals(Arrays.asList("ann.o'neil1@example.com", "bob.smith42@example.com", null),
        f.values(sql, DataType.STRING));
    assertEquals(Set.of("first_name", "last_name", "customer_id"), f.compile(sql, DataType.STRING).references());
  }

  @Test
  void referencesNameEverythingReadAndNothingElse() {
    assertEquals(Set.of(), f.compile("rand_int(1, 5) + 2", DataType.BIGINT).references());
    assertEquals(Set.of("customer_id", "customers.loyalty_tier"),
        f.compile("hash(`customer_id`, \"customers\".loyalty_tier)", DataType.BIGINT).references());
    assertEquals(Set.of("subtotal"), f.compile("SUBTOTAL * 2", DataType.DOUBLE).references());
  }

  @Test
  void resultsConvertToEveryColumnType() {
    Fixture g = new Fixture().longs("n", DataType.BIGINT, 3L);
    assertEquals(3L, g.value("n", DataType.BIGINT));
    assertEquals(3L, g.value("n", DataType.INT));
    assertEquals(3.0, g.value("n", DataType.DOUBLE));
    assertEquals(new BigDecimal("3.00"), g.value("n", DataType.decimal(5, 2)));
    assertEquals("3", g.value("n", DataType.STRING));
    assertEquals(true, g.value("n > 2", DataType.BOOLEAN));
    assertEquals(LocalDate.of(2024, 1, 4), g.value("DATE '2024-01-01' + n", DataType.DATE));
    assertEquals(LocalDate.of(2024, 1, 4), g.value("'2024-01-04'", DataType.DATE));
    assertEquals(LocalDateTime.of(2024, 1, 4, 0, 0), g.value("DATE '2024-01-04'", DataType.TIMESTAMP));
    assertEquals(LocalDateTime.of(2024, 1, 4, 8, 30), g.value("'2024-01-04 08:30:00'", DataType.TIMESTAMP));
    assertEquals(LocalDate.of(2024, 1, 4), g.value("TIMESTAMP '2024-01-04 08:30:00'", DataType.DATE));
    assertEquals(3L, g.value("3.7", DataType.INT));
    assertEquals(-3L, g.value("-3.7", DataType.BIGINT));
    assertEquals(3L, g.value("CAST(3.7 AS DOUBLE)", DataType.BIGINT));
    assertEquals(null, g.value("3000000000", DataType.INT));
    assertEquals("true", g.value("n > 2", DataType.STRING));
    assertEquals("2024-01-04", g.value("DATE '2024-01-04'", DataType.STRING));
    assertEquals(null, g.value("NULL", DataType.DATE));
    assertEquals(DataType.decimal(5, 2), g.compile("n", DataType.decimal(5, 2)).type());
    assertEquals(DataType.INT, g.eval("n", DataType.INT).type());
  }

  @Test
  void compiledExpressionsAreReusableAcrossBatches() {
    CompiledExpr e = f.compile("upper(first_name) || customer_id", DataType.STRING);
    StrVec a = (StrVec) e.evaluate(f.input());
    StrVec b = (StrVec) e.evaluate(f.input());
    assertNotNull(a);
    assertEquals(a.str(0), b.str(0));
    assertFalse(a.isDictionary());
  }
}
