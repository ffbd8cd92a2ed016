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

  /**
   * A parent row chosen with probability proportional to a numeric column of the parent (e.g. a tier weight).
   * {@code shares}, when not null, are the children's target shares per value of the parent column that {@code by}
   * is computed from ({@code {Electronics: 35, Clothing: 25, ...}}, in that column's value order): the weights in
   * {@code by} were solved for them, and drafting solves them again whenever the plan changes. Generation reads only
   * {@code by}.
   */
  record Weighted(String by, java.util.Map<String, Double> shares) implements FkDistribution {
    public Weighted {
      shares = shares == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
    }

    public Weighted(String by) {
      this(by, null);
    }

    public String type() { return "weighted"; }
  }
}
