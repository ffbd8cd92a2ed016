package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.plan.DataType;
import io.synthgen.random.XxHash64;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsTest {

  private static final DataType S = DataType.STRING;
  private static final DataType L = DataType.BIGINT;
  private static final DataType I = DataType.INT;
  private static final DataType D = DataType.DOUBLE;

  private static Object one(String sql, DataType t) {
    return new Fixture().value(sql, t);
  }

  private static List<Object> list(Object... v) {
    return Arrays.asList(v);
  }

  @Test
  void conditional() {
    Fixture f = new Fixture().longs("a", L, 1L, null, null).longs("b", L, 5L, 6L, null);
    assertEquals(list(1L, 6L, 0L), f.values("coalesce(a, b, 0)", L));
    assertEquals(list(null, null, null), f.values("nullif(b, b)", L));
    assertEquals(list(5L, 6L, null), f.values("nullif(b, 1)", L));
    assertEquals(list("small", "big", "big"), f.values("if(b < 6, 'small', 'big')", S));
    assertEquals(list(1L, 6L, null), f.values("least(a, b)", L));
    assertEquals(list(5L, 6L, null), f.values("greatest(a, b)", L));
    assertEquals(2.5, one("greatest(1, 2.5, 2)", D));
    assertEquals("b", one("least('b', 'c')", S));
  }

  @Test
  void hashMatchesSparkXxhash64() {
    long h1 = XxHash64.hashLong(7L, XxHash64.SPARK_SEED);
    byte[] b = "x".getBytes(StandardCharsets.UTF_8);
    long h2 = XxHash64.hashBytes(b, 0, b.length, h1);
    Fixture f = new Fixture().longs("id", L, 7L).strings("s", "x").longs("n", I, 7L);
    assertEquals(h1, f.value("hash(id)", L));
    assertEquals(h2, f.value("hash(id, s)", L));
    assertEquals(XxHash64.hashInt(7, XxHash64.SPARK_SEED), f.value("hash(n)", L));
    // NULL arguments are skipped, as in Spark.
    assertEquals(h1, f.value("hash(id, NULL)", L));
  }

  @Test
  void math() {
    assertEquals(3L, one("abs(-3)", L));
    assertEquals(new BigDecimal("2.50"), one("abs(-2.5)", DataType.decimal(5, 2)));
    assertEquals(2.68, one("round(CAST(2.675 AS DOUBLE), 2)", D));
    assertEquals(new BigDecimal("2.68"), one("round(2.675, 2)", DataType.decimal(5, 2)));
    assertEquals(-3L, one("round(-2.5)", L));
    assertEquals(1200L, one("round(1249, -2)", L));
    assertEquals(1300L, one("round(1250, -2)", L));
    assertEquals(-3L, one("floor(-2.5)", L));
    assertEquals(-2L, one("ceil(-2.5)", L));
    assertEquals(3L, one("ceil(CAST(2.1 AS DOUBLE))", L));
    assertEquals(3.0, one("sqrt(9)", D));
    assertEquals(1.0, one("exp(0)", D));
    assertEquals(0.0, one("ln(1)", D));
    assertEquals(null, one("ln(0)", D));
    assertEquals(2.0, one("log10(100)", D));
    assertEquals(8.0, one("pow(2, 3)", D));
    assertEquals(8.0, one("power(2, 3)", D));
    assertEquals(-1.0, one("sign(-4)", D));
    assertEquals(null, one("abs(NULL)", D));
  }

  @Test
  void strings() {
    Fixture f = new Fixture().strings("s", "  Hello World  ", null);
    assertEquals(list("hello world", null), f.values("trim(lower(s))", S));
    assertEquals(list("HELLO WORLD  ", null), f.values("upper(ltrim(s))", S));
    assertEquals(list("  Hello World", null), f.values("rtrim(s)", S));
    assertEquals(list(15, null), f.values("length(s)", I).stream().map(o -> o == null ? null : ((Long) o).intValue())
        .toList());
    assertEquals("Mary Ann O'neil", one("initcap('mARY ann o''neil')", S));
    assertEquals("ell", one("substr('hello', 2, 3)", S));
    assertEquals("llo", one("substring('hello', 3)", S));
    assertEquals("lo", one("substr('hello', -2)", S));
    assertEquals("he", one("substr('hello', 0, 2)", S));
    assertEquals("", one("substr('hello', 2, -1)", S));
    assertEquals("he", one("left('hello', 2)", S));
    assertEquals("llo", one("right('hello', 3)", S));
    assertEquals("00042", one("lpad('42', 5, '0')", S));
    assertEquals("42xyx", one("rpad('42', 5, 'xy')", S));
    assertEquals("hel", one("lpad('hello', 3, '0')", S));
    assertEquals("h_llo", one("replace('hello', 'e', '_')", S));
    assertEquals("hllo", one("replace('hello', 'e')", S));
    assertEquals("555-0100", one("regexp_replace('555 0100', '\\s+', '-')", S));
    assertEquals("b", one("split_part('a,b,c', ',', 2)", S));
    assertEquals("c", one("split_part('a,b,c', ',', -1)", S));
    assertEquals("", one("split_part('a,b,c', ',', 5)", S));
    assertEquals("a-b", one("concat_ws('-', 'a', NULL, 'b')", S));
    assertEquals(null, one("concat('a', NULL)", S));
    assertEquals("a1", one("concat('a', 1)", S));
  }

  @Test
  void dates() {
    Fixture f = new Fixture().longs("d", DataType.DATE, LocalDate.of(2024, 1, 31).toEpochDay(), null)
        .longs("ts", DataType.TIMESTAMP, 1_704_112_496_789_000L, null); // 2024-01-01 12:34:56.789
    assertEquals(list(LocalDate.of(2024, 2, 10), null), f.values("date_add(d, 10)", DataType.DATE));
    assertEquals(list(LocalDate.of(2024, 2, 10), null), f.values("d + 10", DataType.DATE));
    assertEquals(list(LocalDate.of(2024, 1, 21), null), f.values("date_sub(d, 10)", DataType.DATE));
    assertEquals(list(LocalDate.of(2024, 1, 21), null), f.values("d - 10", DataType.DATE));
    assertEquals(list(30L, null), f.values("datediff(d, '2024-01-01')", L));
    assertEquals(list(LocalDate.of(2024, 2, 29), null), f.values("add_months(d, 1)", DataType.DATE));
    assertEquals(list(2024L, null), f.values("year(d)", L));
    assertEquals(list(1L, null), f.values("month(d)", L));
    assertEquals(list(1L, null), f.values("quarter(d)", L));
    assertEquals(list(31L, null), f.values("day(d)", L));
    assertEquals(list(31L, null), f.values("dayofmonth(d)", L));
    assertEquals(list(4L, null), f.values("dayofweek(d)", L)); // Wednesday; 1 = Sunday
    assertEquals(1L, one("dayofweek(DATE '2024-06-16')", L));
    assertEquals(7L, one("dayofweek(DATE '2024-06-15')", L));
    assertEquals(list(31L, null), f.values("dayofyear(d)", L));
    assertEquals(list(LocalDate.of(2024, 1, 31), null), f.values("last_day(d)", DataType.DATE));
    assertEquals(list(12L, null), f.values("hour(ts)", L));
    assertEquals(list(34L, null), f.values("minute(ts)", L));
    assertEquals(list(56L, null), f.values("second(ts)", L));
    assertEquals(list(LocalDate.of(2024, 1, 1), null), f.values("to_date(ts)", DataType.DATE));
    assertEquals(LocalDate.of(2024, 6, 15), one("to_date('2024-06-15')", DataType.DATE));
    assertEquals(LocalDate.of(2024, 2, 29), one("make_date(2024, 2, 29)", DataType.DATE));
    assertEquals(null, one("make_date(2023, 2, 29)", DataType.DATE));
    assertEquals(list(LocalDateTime.of(2024, 1, 1, 0, 0), null), f.values("date_trunc('month', ts)", DataType.TIMESTAMP));
    assertEquals(list(LocalDateTime.of(2024, 1, 1, 12, 0), null), f.values("date_trunc('HOUR', ts)",
        DataType.TIMESTAMP));
    assertEquals(LocalDateTime.of(2024, 6, 10, 0, 0), one("date_trunc('week', DATE '2024-06-15')", DataType.TIMESTAMP));
    assertEquals(list(LocalDateTime.of(2024, 1, 1, 12, 35, 6, 789_000_000), null),
        f.values("timestamp_add_seconds(ts, 10)", DataType.TIMESTAMP));
    assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0, 1, 500_000_000),
        one("timestamp_add_seconds(DATE '2024-01-01', 1.5)", DataType.TIMESTAMP));
    assertEquals(LocalDate.of(2024, 6, 15), one("reference_date()", DataType.DATE));
    assertEquals(LocalDate.of(2024, 5, 16), one("date_sub(reference_date(), 30)", DataType.DATE));
    assertEquals(2024L, one("EXTRACT(YEAR FROM reference_date())", L));
  }
}
