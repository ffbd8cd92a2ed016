package io.synthgen.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Relative intensity of events over time, used by date_range to draw non-uniform dates and timestamps.
 * The density of an instant is the product of every factor that applies to it. All lists may be empty.
 *
 * @param weekdayFactors 7 factors Monday..Sunday, or empty for all 1
 * @param monthFactors 12 factors January..December, or empty for all 1
 * @param hourWeights 24 weights for the hours 0..23, or empty for a flat day
 * @param holidays dates with their own factor (applied on top of the weekday factor)
 * @param usHolidays a factor for every US federal holiday of any year in the range (computed by rule: New Year,
 *     Martin Luther King Jr. Day, Presidents' Day, Memorial Day, Juneteenth, Independence Day, Labor Day, Columbus
 *     Day, Veterans Day, Thanksgiving, Christmas), or null; a date also listed in {@code holidays} takes that factor
 * @param incidents windows whose intensity is multiplied
 */
public record TimeProfile(
    List<Double> weekdayFactors,
    List<Double> monthFactors,
    List<Double> hourWeights,
    List<Holiday> holidays,
    Double usHolidays,
    List<Window> incidents) {

  /** A named date with its factor; {@code factor} 0.3 means a third of a normal day's volume. */
  public record Holiday(LocalDate date, double factor, String name) {
  }

  /**
   * A window [start, end) with an intensity multiplier. Bounds are instants as written in the plan (a date, a
   * timestamp or a reference-relative expression such as {@code ref-31d}).
   */
  public record Window(String start, String end, double multiplier, String name) {
  }

  /** True when the profile shapes nothing: every instant of the range is equally likely. */
  public boolean isFlat() {
    return weekdayFactors.isEmpty() && monthFactors.isEmpty() && hourWeights.isEmpty() && holidays.isEmpty()
        && usHolidays == null && incidents.isEmpty();
  }

  public static TimeProfile flat() {
    return new TimeProfile(List.of(), List.of(), List.of(), List.of(), null, List.of());
  }
}
