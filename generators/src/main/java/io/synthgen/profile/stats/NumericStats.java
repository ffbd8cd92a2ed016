package io.synthgen.profile.stats;

import io.synthgen.plan.DataType;
import io.synthgen.profile.NumericSummary;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.random.Stream;

/**
 * The numeric side of a column in one pass: count, mean and variance (Welford), min and max, whole numbers or not,
 * decimal places, strictly increasing or not, the robust bounds and the sample distributions are fitted on.
 */
final class NumericStats {

  long count;
  private double mean;
  private double m2;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  boolean integral = true;
  int scale;
  boolean increasing = true;
  private double last = Double.NEGATIVE_INFINITY;
  private final BottomKSample sample;
  private final Extremes extremes = new Extremes(ProfileLimits.BOUND_RANK);

  NumericStats(Stream sampleStream) {
    sample = new BottomKSample(sampleStream, ProfileLimits.SAMPLE);
  }

  void add(double v, long row) {
    count++;
    double d = v - mean;
    mean += d / count;
    m2 += d * (v - mean);
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
    if (!(v > last)) {
      increasing = false;
    }
    last = v;
    sample.add(row, v);
    extremes.add(v);
  }

  /** Notes a value that is not a whole number. */
  void fraction(double v) {
    if (v != Math.rint(v)) {
      integral = false;
    }
  }

  NumericSummary summary(DataType type) {
    int sc = type.kind() == DataType.Kind.DECIMAL ? type.scale() : type.isIntegral() ? 0 : scale;
    return new NumericSummary(min, max, extremes.lower(), extremes.upper(), mean, Math.sqrt(m2 / count), integral,
        sc, increasing, DistributionFitter.fit(sample.sorted(), integral), extremes.lowest(), extremes.highest());
  }
}
