package io.synthgen.plan;

/** How a foreign key spreads over its parent rows. JSON type id: {@code type}. */
public sealed interface FkDistribution {

  String type();

  /** Every parent row equally likely. */
  record Uniform() implements FkDistribution {
    public String type() { return "uniform"; }
  }

  /**
   * Zipf-skewed: parent rows ranked by a seeded permutation, rank k chosen with probability proportional to
   * 1/k^exponent, so a few parents get most children without the lowest ids being the popular ones.
   */
  record Zipf(double exponent) implements FkDistribution {
    public String type() { return "zipf"; }
  }

  /** A parent row chosen with probability proportional to a numeric column of the parent (e.g. a tier weight). */
  record Weighted(String by) implements FkDistribution {
    public String type() { return "weighted"; }
  }
}
