package io.synthgen.profile;

import io.synthgen.plan.Distribution;
import java.util.List;

/**
 * The distribution chosen for a numeric column: the candidate family with the smallest goodness-of-fit statistic,
 * preferring the simpler family when two are within {@link ProfileLimits#FIT_TIE} of each other.
 *
 * @param distribution the fitted family and its parameters, as a plan distribution: {@code normal} (MLE mean and
 *     standard deviation), {@code lognormal} (MLE mu and sigma of the logs), {@code exponential} (MLE rate of the
 *     values above {@code offset}), {@code gamma} (MLE shape by Minka's approximation, scale = mean / shape) or
 *     {@code uniform} (min and max of the sample)
 * @param offset the location shift the fit used: values were fitted as {@code x - offset} (0 unless the values sit
 *     away from 0: then exponential and gamma fit above the sample's minimum less a small margin)
 * @param statistic the statistic's name: {@code ks} (Kolmogorov–Smirnov distance between the sample and the
 *     fitted CDF)
 * @param value the chosen family's statistic
 * @param sample the sample size the fit used (a deterministic bottom-k sample by hashed row index, at most
 *     {@link ProfileLimits#SAMPLE})
 * @param candidates every family tried with its statistic, best first
 */
public record FittedDistribution(Distribution distribution, double offset, String statistic, double value,
    int sample, List<Candidate> candidates) {

  public FittedDistribution {
    candidates = List.copyOf(candidates);
  }

  /** A family tried and its statistic. */
  public record Candidate(String family, double value) {
  }
}
