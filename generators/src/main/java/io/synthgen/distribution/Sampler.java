package io.synthgen.distribution;

import io.synthgen.plan.Distribution;
import io.synthgen.random.Stream;

/**
 * Draws from a {@link Distribution} at a row. A sampler owns the streams of its draws (derived from one stream at
 * construction), so the same (stream, row) always gives the same value. Immutable and thread-safe.
 */
public abstract class Sampler {

  /** Most uniforms a rejection sampler may consume before it falls back to a closed-form approximation. */
  static final int MAX_DRAWS = 64;

  protected final Stream[] draws;

  protected Sampler(Stream stream, int drawCount) {
    this.draws = new Stream[drawCount];
    for (int k = 0; k < drawCount; k++) {
      draws[k] = stream.draw(k);
    }
  }

  /** The value at the row whose {@code Stream.rowHash} is given. */
  public abstract double sample(long rowHash);

  /** The distribution's mean (for validation tolerances), or NaN when undefined. */
  public abstract double mean();

  /** A uniform in [0,1) from the k-th draw. */
  protected final double u(int k, long rowHash) {
    return draws[k].uniform(rowHash);
  }

  /** A uniform in (0,1], safe for logarithms. */
  protected final double uPos(int k, long rowHash) {
    return 1.0 - draws[k].uniform(rowHash);
  }

  /** The sampler for a distribution. */
  public static Sampler of(Distribution d, Stream stream) {
    if (d instanceof Distribution.Normal n) {
      return new Samplers.NormalSampler(stream, n.mean(), n.stddev(), false);
    } else if (d instanceof Distribution.LogNormal n) {
      return new Samplers.NormalSampler(stream, n.mu(), n.sigma(), true);
    } else if (d instanceof Distribution.Exponential e) {
      return new Samplers.ExponentialSampler(stream, e.rate());
    } else if (d instanceof Distribution.Gamma g) {
      return new Samplers.GammaSampler(stream, g.shape(), g.scale());
    } else if (d instanceof Distribution.Beta b) {
      return new Samplers.BetaSampler(stream, b.alpha(), b.beta());
    } else if (d instanceof Distribution.Pareto p) {
      return new Samplers.ParetoSampler(stream, p.alpha(), p.xm());
    } else if (d instanceof Distribution.Zipf z) {
      return new ZipfSampler(stream, z.n(), z.exponent());
    } else if (d instanceof Distribution.Poisson p) {
      return new Samplers.PoissonSampler(stream, p.lambda());
    } else if (d instanceof Distribution.Uniform u) {
      return new Samplers.UniformSampler(stream, u.min(), u.max());
    }
    throw new IllegalArgumentException("no sampler for " + d);
  }
}
