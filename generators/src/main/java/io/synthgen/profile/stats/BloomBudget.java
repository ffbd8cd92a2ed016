package io.synthgen.profile.stats;

import io.synthgen.profile.ProfileLimits;
import java.util.concurrent.atomic.AtomicInteger;

/** How many columns of a source may still get a Bloom filter ({@link ProfileLimits#MAX_BLOOM_FILTERS} in all). */
public final class BloomBudget {

  private final AtomicInteger left;

  public BloomBudget(int filters) {
    left = new AtomicInteger(filters);
  }

  public static BloomBudget standard() {
    return new BloomBudget(ProfileLimits.MAX_BLOOM_FILTERS);
  }

  /** A new filter, or null when the budget is spent. */
  BloomFilter take() {
    return left.getAndDecrement() > 0 ? new BloomFilter(ProfileLimits.BLOOM_BITS_LOG2) : null;
  }
}
