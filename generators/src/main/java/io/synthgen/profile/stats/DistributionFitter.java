package io.synthgen.profile.stats;

import io.synthgen.plan.Distribution;
import io.synthgen.profile.FittedDistribution;
import io.synthgen.profile.ProfileLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Fits normal, lognormal, exponential, gamma and uniform to a sorted sample by maximum likelihood and keeps the
 * family with the smallest Kolmogorov–Smirnov distance, preferring the simpler family (in the order uniform,
 * exponential, normal, lognormal, gamma) when its distance is within {@link ProfileLimits#FIT_TIE} of the best.
 * Lognormal and gamma need positive values: when the sample reaches 0 or below they (and exponential) are fitted to
 * {@code x - offset} with the offset just under the minimum. Whole-number samples are compared with the CDF of the
 * rounded family (a continuity correction of half a unit), as the plan rounds its draws.
 */
public final class DistributionFitter {

  /** A minimum more than this many standard deviations above 0 is a floor the positive families are also fitted above. */
  static final double FLOOR_SDS = 2;

  private DistributionFitter() {
  }

  /** The fit of a sorted sample, or null when it has fewer than {@link ProfileLimits#MIN_FIT_SAMPLE} values or no spread. */
  public static FittedDistribution fit(double[] sorted, boolean integral) {
    double h = integral ? 0.5 : 0;
    int n = sorted.length;
    if (n < ProfileLimits.MIN_FIT_SAMPLE || sorted[0] == sorted[n - 1]) {
      return null;
    }
    double total = 0;
    for (double v : sorted) {
      total += v;
    }
    double mean = total / n;
    double var = 0;
    for (double v : sorted) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / n);
    double min = sorted[0];
    double max = sorted[n - 1];
    // shift for the positive families: none when all values are positive, else a margin below the minimum
    double offset = min > 0 ? 0 : min - (max - min) / n;

    List<Trial> trials = new ArrayList<>();
    double lo = min - h;
    double hi = max + h;
    trials.add(new Trial("uniform", 0, new Distribution.Uniform(lo, hi),
        ks(sorted, h, x -> Math.min(1, Math.max(0, (x - lo) / (hi - lo))))));
    positive(sorted, h, mean, offset, trials, 0);
    trials.add(new Trial("normal", 0, new Distribution.Normal(mean, sd),
        ks(sorted, h, x -> SpecialFunctions.normalCdf((x - mean) / sd))));
    positive(sorted, h, mean, offset, trials, 1);
    if (min > 0 && min > FLOOR_SDS * sd) {
      // a floor far from 0 (fees of at least 100, ages of at least 18): the positive families above it as well;
      // listed after the others, so they win only when better by more than a tie
      double floor = min - (max - min) / n;
      positive(sorted, h, mean, floor, trials, 0);
      positive(sorted, h, mean, floor, trials, 1);
    }
    Trial best = trials.stream().min(Comparator.comparingDouble(Trial::ks)).orElseThrow();
    Trial chosen = best;
    for (Trial t : trials) {
      if (t.ks <= best.ks + ProfileLimits.FIT_TIE) {
        chosen = t;
        break;
      }
    }
    List<FittedDistribution.Candidate> candidates = new ArrayList<>();
    trials.stream().sorted(Comparator.comparingDouble(Trial::ks))
        .forEach(t -> candidates.add(new FittedDistribution.Candidate(t.family, t.ks)));
    return new FittedDistribution(chosen.dist, chosen.offset, "ks", chosen.ks, n, candidates);
  }

  /** Part 0 (exponential) or 1 (lognormal, gamma) of the positive families above {@code offset}. */
  private static void positive(double[] sorted, double h, double mean, double offset, List<Trial> trials, int part) {
    int n = sorted.length;
    if (part == 0) {
      double m1 = mean - offset;
      if (m1 > 0) {
        double rate = 1 / m1;
        trials.add(new Trial("exponential", offset, new Distribution.Exponential(rate),
            ks(sorted, h, x -> x <= offset ? 0 : 1 - Math.exp(-rate * (x - offset)))));
      }
      return;
    }
    double m1 = mean - offset;
    if (m1 > 0) {
      double sumLog = 0;
      for (double v : sorted) {
        sumLog += Math.log(v - offset);
      }
      double mu = sumLog / n;
      double s2 = 0;
      for (double v : sorted) {
        double d = Math.log(v - offset) - mu;
        s2 += d * d;
      }
      double sigma = Math.sqrt(s2 / n);
      if (sigma > 0) {
        trials.add(new Trial("lognormal", offset, new Distribution.LogNormal(mu, sigma),
            ks(sorted, h, x -> x <= offset ? 0 : SpecialFunctions.normalCdf((Math.log(x - offset) - mu) / sigma))));
      }
      double s = Math.log(m1) - sumLog / n;
      if (s > 1e-9) {
        double shape = gammaShape(s);
        double scale = m1 / shape;
        trials.add(new Trial("gamma", offset, new Distribution.Gamma(shape, scale),
            ks(sorted, h, x -> x <= offset ? 0 : SpecialFunctions.gammaP(shape, (x - offset) / scale))));
      }
    }
  }

  /** Minka's closed-form start and two Newton steps for the gamma shape given s = ln(mean) - mean(ln x). */
  static double gammaShape(double s) {
    double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
    for (int i = 0; i < 6; i++) {
      double f = Math.log(k) - SpecialFunctions.digamma(k) - s;
      double df = 1 / k - trigamma(k);
      double next = k - f / df;
      if (!(next > 0) || Math.abs(next - k) < 1e-10 * k) {
        break;
      }
      k = next;
    }
    return k;
  }

  private static double trigamma(double x) {
    double r = 0;
    while (x < 6) {
      r += 1 / (x * x);
      x += 1;
    }
    double f = 1 / (x * x);
    return r + 1 / x + f / 2 + f / x * (1.0 / 6 - f * (1.0 / 30 - f / 42));
  }

  /**
   * The KS distance between the sorted sample's empirical CDF and a CDF: at each distinct value, the CDF half a step
   * ({@code h}) below against the ECDF before the value, and half a step above against the ECDF after it.
   */
  static double ks(double[] sorted, double h, DoubleUnaryOperator cdf) {
    int n = sorted.length;
    double d = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double below = cdf.applyAsDouble(sorted[i] - h);
      double above = h == 0 ? below : cdf.applyAsDouble(sorted[i] + h);
      d = Math.max(d, Math.max(Math.abs(below - (double) i / n), Math.abs((double) (j + 1) / n - above)));
      i = j + 1;
    }
    return d;
  }

  private record Trial(String family, double offset, Distribution dist, double ks) {
  }
}
