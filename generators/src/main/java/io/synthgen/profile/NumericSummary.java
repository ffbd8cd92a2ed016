package io.synthgen.profile;

/**
 * The summary of a numeric column's non-null values.
 *
 * @param min the smallest value
 * @param max the largest value
 * @param lower a robust lower bound: the k-th smallest value ({@link ProfileLimits#BOUND_RANK}), so that no single
 *     row's extreme defines it; a warehouse profile may give a low percentile instead
 * @param upper the k-th largest value, likewise
 * @param mean the mean
 * @param stddev the population standard deviation
 * @param integral true when every value is a whole number (an integer column, or a decimal/double column whose
 *     values all are)
 * @param scale the largest number of decimal places seen (0 for integers; for a decimal column its declared scale)
 * @param increasing true when the values, in row order, strictly increase (a sequence key)
 * @param fit the distribution fitted to a sample of the values, or null when there were too few
 *     ({@link ProfileLimits#MIN_FIT_SAMPLE}) or the values are all equal
 * @param lowest the k smallest values with repeats, ascending (every source value below {@code lower} is among
 *     them, so a plan bound can be checked against them), or null when not known (a warehouse profile)
 * @param highest the k largest values with repeats, ascending, or null
 */
public record NumericSummary(double min, double max, double lower, double upper, double mean, double stddev,
    boolean integral, int scale, boolean increasing, FittedDistribution fit, double[] lowest, double[] highest) {

  /** A summary without the extreme values (a warehouse profile's percentiles). */
  public NumericSummary(double min, double max, double lower, double upper, double mean, double stddev,
      boolean integral, int scale, boolean increasing, FittedDistribution fit) {
    this(min, max, lower, upper, mean, stddev, integral, scale, increasing, fit, null, null);
  }
}
