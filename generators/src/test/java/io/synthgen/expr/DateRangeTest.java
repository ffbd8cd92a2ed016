package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.plan.reach.TypeRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No function produces a date or timestamp outside years 1 to 9999: refused at plan time, NULL at run time. */
class DateRangeTest {

  private static final DataType DATE = DataType.DATE;
  private static final DataType TS = DataType.TIMESTAMP;

  private final Fixture f = new Fixture()
      .longs("y", DataType.INT, 2024L)
      .strings("s", "2024-01-01")
      .longs("d", DATE, 0L);

  private List<String> problems(String sql, DataType target, Map<String, Interval> inputs) throws ExprException {
    return ExprCompiler.compile(sql, target, f).reach(inputs::get).problems();
  }

  @Test
  void makeDateOfYearsBeyond9999OrBelow1IsRefused() throws ExprException {
    List<String> high = problems("make_date(rand_int(9990, 10005), 1, 1)", DATE, Map.of());
    assertEquals(1, high.size(), high.toString());
    assertTrue(high.get(0).contains("make_date(...)") && high.get(0).contains("year argument within 1 to 9999"),
        high.toString());
    assertEquals(1, problems("make_date(rand_int(-5, 5), 1, 1)", DATE, Map.of()).size());
    assertEquals(1, problems("make_date(y, 1, 1)", DATE, Map.of("y", Interval.of(0, 2000))).size());
    assertEquals(1, problems("make_date(y, 1, 1)", DATE, Map.of("y", Interval.of(2e6, 3e6))).size());
  }

  @Test
  void makeDateOfYearsWithinTheRangeIsAcceptedWithItsRange() throws ExprException {
    ExprReach r = ExprCompiler.compile("make_date(y, 3, 1)", DATE, f)
        .reach(Map.of("y", Interval.of(2000, 2024))::get);
    assertEquals(List.of(), r.problems());
    assertEquals(Interval.of(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2024, 12, 31).toEpochDay()),
        r.value());
    assertEquals(List.of(), problems("make_date(year(d), month(d), 1)", DATE, Map.of("d", Interval.of(0, 100))));
  }

  @Test
  void makeDateOutsideTheYearsIsNullAtRunTime() {
    Fixture g = new Fixture().longs("y", DataType.INT, 0L, -3L, 10000L, 9999L, 1L);
    assertEquals(Arrays.asList(null, null, null, LocalDate.of(9999, 1, 1), LocalDate.of(1, 1, 1)),
        g.values("make_date(y, 1, 1)", DATE));
  }

  @Test
  void textOutsideTheYearsDoesNotParse() {
    Fixture g = new Fixture().strings("s", "0000-01-01", "+10000-01-01", "-0001-12-31", "0001-01-01",
        "9999-12-31", "0000-06-01 10:00:00");
    assertEquals(Arrays.asList(null, null, null, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), null),
        g.values("CAST(s AS DATE)", DATE));
    assertEquals(Arrays.asList(null, null, null, LocalDateTime.of(1, 1, 1, 0, 0),
        LocalDateTime.of(9999, 12, 31, 0, 0), null), g.values("CAST(s AS TIMESTAMP)", TS));
    assertEquals(Arrays.asList(null, null, null, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), null),
        g.values("to_date(s)", DATE));
  }

  @Test
  void aLiteralOutsideTheYearsIsAProblem() {
    ExprException e = assertThrows(ExprException.class,
        () -> ExprCompiler.compile("DATE '0000-01-01'", DATE, f));
    assertTrue(e.getMessage().contains("year from 0001 to 9999"), e.getMessage());
    assertThrows(ExprException.class, () -> ExprCompiler.compile("TIMESTAMP '+10000-01-01 00:00:00'", TS, f));
  }

  @Test
  void truncationAndLastDayAtTheEdgesStayInside() throws ExprException {
    Map<String, Interval> whole = Map.of("d", Interval.of(TypeRange.MIN_DATE, TypeRange.MAX_DATE));
    assertEquals(List.of(), problems("date_trunc('week', d)", TS, whole));
    assertEquals(List.of(), problems("last_day(d)", DATE, whole));
    Fixture g = new Fixture().longs("d", DATE, TypeRange.MIN_DATE, TypeRange.MAX_DATE);
    assertEquals(Arrays.asList(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 27, 0, 0)),
        g.values("date_trunc('week', d)", TS));
    assertEquals(Arrays.asList(LocalDate.of(1, 1, 31), LocalDate.of(9999, 12, 31)), g.values("last_day(d)", DATE));
  }

  @Test
  void everyDateFunctionIsNullRatherThanOutsideAtRunTime() {
    // evaluated without the plan-time check, as the row loop would if a range were ever under-estimated
    Fixture g = new Fixture().longs("d", DATE, TypeRange.MAX_DATE).longs("n", DataType.BIGINT, 400_000_000_000L);
    assertEquals(Arrays.asList((Object) null), g.values("date_add(d, 1)", DATE));
    assertEquals(Arrays.asList((Object) null), g.values("add_months(d, 1)", DATE));
    assertEquals(Arrays.asList((Object) null), g.values("timestamp_add_seconds(CAST(d AS TIMESTAMP), 86400)", TS));
    assertEquals(Arrays.asList((Object) null), g.values("CAST(n AS TIMESTAMP)", TS));
    assertEquals(Arrays.asList((Object) null), g.values("CAST(CAST(n AS DOUBLE) AS TIMESTAMP)", TS));
  }
}
