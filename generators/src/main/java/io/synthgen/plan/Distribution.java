package io.synthgen.plan;

/**
 * A probability distribution a value is drawn from. JSON type id: {@code type}.
 * Parameters are validated by the plan validator, not here, so that every violation can be reported at once.
 */
public sealed interface Distribution {

  /** The JSON type id. */
  String type();

  record Normal(double mean, double stddev) implements Distribution {
    public String type() { return "normal"; }
  }

  record LogNormal(double mu, double sigma) implements Distribution {
    public String type() { return "lognormal"; }
  }

  record Exponential(double rate) implements Distribution {
    public String type() { return "exponential"; }
  }

  record Gamma(double shape, double scale) implements Distribution {
    public String type() { return "gamma"; }
  }

  record Beta(double alpha, double beta) implements Distribution {
    public String type() { return "beta"; }
  }

  /** Pareto with shape alpha and minimum xm: xm / U^(1/alpha). */
  record Pareto(double alpha, double xm) implements Distribution {
    public String type() { return "pareto"; }
  }

  /** Zipf over ranks 1..n with exponent s: P(k) proportional to 1/k^s. */
  record Zipf(long n, double exponent) implements Distribution {
    public String type() { return "zipf"; }
  }

  record Poisson(double lambda) implements Distribution {
    public String type() { return "poisson"; }
  }

  record Uniform(double min, double max) implements Distribution {
    public String type() { return "uniform"; }
  }
}
