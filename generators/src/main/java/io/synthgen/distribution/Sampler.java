package io.synthgen.distribution;

import io.synthgen.plan.Distribution;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

/**
 * Draws from a {@link Distribution} at a row. A sampler owns the streams of its draws (derived from one stream at
 * construction), so the same (stream, row) always gives the same value. Immutable and thread-safe.
 */
public abstract class Sampler {

  /** Most uniforms a rejection sampler may consume before it falls back to a closed-form approximation. */
  static final int MAX_DRAWS = 64;

  /** The k-th uniform in [0, 1) of a row. */
  interface Uniforms {
    double at(int k, long rowHash);

    /**
     * The stream key of draw k, whose uniform in SQL is {@code SqlText.uniform(scope, key(k))}. Uniforms chosen in a
     * test have no stream and no SQL.
     */
    default long key(int k) {
      throw new UnsupportedOperationException("chosen uniforms have no stream key, so no SQL");
    }
  }

  /**
   * Where a sampler's uniforms come from: the draws of its stream, or in tests chosen values (so every sampler can
   * be fed its extreme uniforms: 0, 2^-53 and 1 - 2^-53).
   */
  interface Source {
    /** The uniforms of draws 0 to {@code count - 1}. */
    Uniforms uniforms(int count);

    /** The source of a named part of the sampler (the two gammas of a beta). */
    Source child(String name);

    /** Draw k of row h is {@code stream.draw(k).uniform(h)}. */
    static Source of(Stream stream) {
      return new Source() {
        @Override
        public Uniforms uniforms(int count) {
          Stream[] draws = new Stream[count];
          for (int k = 0; k < count; k++) {
            draws[k] = stream.draw(k);
          }
          return new Uniforms() {
            @Override
            public double at(int k, long h) {
              return draws[k].uniform(h);
            }

            @Override
            public long key(int k) {
              return draws[k].key();
            }
          };
        }

        @Override
        public Source child(String name) {
          return of(stream.child(name));
        }
      };
    }
  }

  private final Uniforms uniforms;
  /** How many uniforms a draw may consume. */
  protected final int drawCount;

  Sampler(Source source, int drawCount) {
    this.uniforms = source.uniforms(drawCount);
    this.drawCount = drawCount;
  }

  /** The value at the row whose {@code Stream.rowHash} is given. */
  public abstract double sample(long rowHash);

  /** The distribution's mean (for validation tolerances), or NaN when undefined. */
  public abstract double mean();

  /**
   * {@link #sample} as a Spark SQL {@code DOUBLE} expression at the scope's row, equal to it bit for bit: the same
   * draws, the same operations in the same order (Spark's {@code ln}, {@code exp} and {@code power} are
   * {@code StrictMath}'s, {@code cos} is {@code Math}'s, {@code sqrt} is exact), no UDF.
   */
  public abstract String sql(SqlScope scope);

  /** The stream key of draw k. */
  protected final long keyOf(int k) {
    return uniforms.key(k);
  }

  /** The SQL of {@link #u}: draw k's uniform in [0, 1). */
  protected final String uSql(int k, SqlScope scope) {
    return SqlText.uniform(scope, uniforms.key(k));
  }

  /** The SQL of {@link #uPos}: {@code 1 - u}, in (0, 1]. */
  protected final String uPosSql(int k, SqlScope scope) {
    return "(1.0D - " + uSql(k, scope) + ")";
  }

  /** The stream keys of draws {@code first} to {@code first + count - 1}, as a constant BIGINT array of the scope. */
  protected final String keysSql(String hint, int first, int count, SqlScope scope) {
    java.util.List<String> keys = new java.util.ArrayList<>(count);
    for (int k = first; k < first + count; k++) {
      keys.add(SqlText.lit(uniforms.key(k)));
    }
    return scope.constantArray(hint, SqlText.array(keys));
  }

  /** A uniform in [0,1) from the k-th draw. */
  protected final double u(int k, long rowHash) {
    return uniforms.at(k, rowHash);
  }

  /** A uniform in (0,1], safe for logarithms. */
  protected final double uPos(int k, long rowHash) {
    return 1.0 - uniforms.at(k, rowHash);
  }

  /** The sampler for a distribution. */
  public static Sampler of(Distribution d, Stream stream) {
    return of(d, Source.of(stream));
  }

  static Sampler of(Distribution d, Source source) {
    if (d instanceof Distribution.Normal n) {
      return new Samplers.NormalSampler(source, n.mean(), n.stddev(), false);
    } else if (d instanceof Distribution.LogNormal n) {
      return new Samplers.NormalSampler(source, n.mu(), n.sigma(), true);
    } else if (d instanceof Distribution.Exponential e) {
      return new Samplers.ExponentialSampler(source, e.rate());
    } else if (d instanceof Distribution.Gamma g) {
      return new GammaSampler(source, g.shape(), g.scale());
    } else if (d instanceof Distribution.Beta b) {
      return new Samplers.BetaSampler(source, b.alpha(), b.beta());
    } else if (d instanceof Distribution.Pareto p) {
      return new Samplers.ParetoSampler(source, p.alpha(), p.xm());
    } else if (d instanceof Distribution.Zipf z) {
      return new ZipfSampler(source, z.n(), z.exponent());
    } else if (d instanceof Distribution.Poisson p) {
      return new PoissonSampler(source, p.lambda());
    } else if (d instanceof Distribution.Uniform u) {
      return new Samplers.UniformSampler(source, u.min(), u.max());
    }
    throw new IllegalArgumentException("no sampler for " + d);
  }
}
