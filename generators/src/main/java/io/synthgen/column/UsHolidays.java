package io.synthgen.column;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * US federal holidays of any year, by rule (5 U.S.C. 6103): fixed dates as they fall (no observed-day shift,
 * since shops and hospitals feel the day itself) and the Monday/Thursday holidays by their week rule.
 */
public final class UsHolidays {

  private UsHolidays() {
  }

  public static boolean isHoliday(LocalDate d) {
    int day = d.getDayOfMonth();
    DayOfWeek dow = d.getDayOfWeek();
    switch (d.getMonth()) {
      case JANUARY:
        return day == 1 || dow == DayOfWeek.MONDAY && nth(d, 3);
      case FEBRUARY:
        return dow == DayOfWeek.MONDAY && nth(d, 3);
      case MAY:
        return dow == DayOfWeek.MONDAY && d.equals(d.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
      case JUNE:
        return day == 19 && d.getYear() >= 2021;
      case JULY:
        return day == 4;
      case SEPTEMBER:
        return dow == DayOfWeek.MONDAY && nth(d, 1);
      case OCTOBER:
        return dow == DayOfWeek.MONDAY && nth(d, 2);
      case NOVEMBER:
        return day == 11 || dow == DayOfWeek.THURSDAY && nth(d, 4);
      case DECEMBER:
        return day == 25;
      case MARCH:
      case APRIL:
      case AUGUST:
        return false;
    }
    throw new IllegalStateException("no month " + d.getMonth());
  }

  /** True when d is the n-th of its weekday in its month. */
  private static boolean nth(LocalDate d, int n) {
    return (d.getDayOfMonth() - 1) / 7 == n - 1;
  }

  /** The holidays of a year, for documentation and tests. */
  public static java.util.List<LocalDate> of(int year) {
    java.util.List<LocalDate> out = new java.util.ArrayList<>();
    for (LocalDate d = LocalDate.of(year, Month.JANUARY, 1); d.getYear() == year; d = d.plusDays(1)) {
      if (isHoliday(d)) {
        out.add(d);
      }
    }
    return out;
  }
}
