package io.synthgen.column;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.vec.LongVec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** US federal holidays by rule, and the us_holidays factor of a time profile. */
class UsHolidaysTest {

  @Test
  void holidaysOf2024And2026ByRule() {
    assertEquals(List.of(d("2024-01-01"), d("2024-01-15"), d("2024-02-19"), d("2024-05-27"), d("2024-06-19"),
        d("2024-07-04"), d("2024-09-02"), d("2024-10-14"), d("2024-11-11"), d("2024-11-28"), d("2024-12-25")),
        UsHolidays.of(2024));
    assertEquals(List.of(d("2026-01-01"), d("2026-01-19"), d("2026-02-16"), d("2026-05-25"), d("2026-06-19"),
        d("2026-07-04"), d("2026-09-07"), d("2026-10-12"), d("2026-11-11"), d("2026-11-26"), d("2026-12-25")),
        UsHolidays.of(2026));
    assertEquals(10, UsHolidays.of(2020).size(), "Juneteenth is a federal holiday from 2021");
  }

  @Test
  void profileFactorAppliesToEveryFederalHolidayOfTheRange() {
    int n = 200_000;
    LongVec days = (LongVec) StrategiesTest.only(n, "date", "\"strategy\": \"date_range\", \"start\": \"2026-01-01\","
        + " \"end\": \"2026-12-31\", \"profile\": {\"us_holidays\": 0.2,"
        + " \"holidays\": [{\"date\": \"2026-12-25\", \"factor\": 1.0}]}");
    Map<Object, Long> counts = StrategiesTest.counts(days);
    double perDay = n / (365 - 10 * 0.8);
    for (LocalDate h : UsHolidays.of(2026)) {
      long c = counts.getOrDefault(h, 0L);
      if (h.equals(d("2026-12-25"))) {
        assertTrue(Math.abs(c - perDay) < 5 * Math.sqrt(perDay), "a listed holiday keeps its own factor: " + c);
      } else {
        assertTrue(Math.abs(c - 0.2 * perDay) < 5 * Math.sqrt(0.2 * perDay) + 5, h + ": " + c);
      }
    }
    long ordinary = counts.getOrDefault(d("2026-03-10"), 0L);
    assertTrue(Math.abs(ordinary - perDay) < 5 * Math.sqrt(perDay), "an ordinary day: " + ordinary);
  }

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }
}
