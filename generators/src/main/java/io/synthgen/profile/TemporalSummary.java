package io.synthgen.profile;

/**
 * The range of a date or timestamp column, as ISO-8601 text ({@code 2024-03-01}, {@code 2024-03-01T12:30:00}).
 *
 * @param min the earliest value
 * @param max the latest value
 * @param lower a robust start: the k-th earliest value ({@link ProfileLimits#BOUND_RANK}), so no single row's
 *     instant defines it
 * @param upper the k-th latest value, likewise
 * @param wholeSeconds for a timestamp column, the coarsest unit every value is a whole multiple of, as a plan
 *     interval ({@code 1 second}, {@code 1 minute}, {@code 1 hour}, {@code 1 day}); {@code 1 day} for dates
 * @param lowest the k earliest values with repeats, ascending, as epoch microseconds (every source value before
 *     {@code lower} is among them), or null when not known (a warehouse profile)
 * @param highest the k latest values with repeats, ascending, or null
 */
public record TemporalSummary(String min, String max, String lower, String upper, String wholeSeconds,
    double[] lowest, double[] highest) {

  /** A summary without the extreme values (a warehouse profile's). */
  public TemporalSummary(String min, String max, String lower, String upper, String wholeSeconds) {
    this(min, max, lower, upper, wholeSeconds, null, null);
  }
}
