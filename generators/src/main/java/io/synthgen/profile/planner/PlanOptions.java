package io.synthgen.profile.planner;

import java.time.LocalDate;
import java.util.Set;

/**
 * How a plan is made from a profile.
 *
 * @param name the plan name (null: from the source's name)
 * @param seed the plan seed
 * @param referenceDate the plan's reference date
 * @param minCount k: a source value enters the plan only when at least k rows hold it (default
 *     {@link #DEFAULT_MIN_COUNT})
 * @param allowValues columns ({@code column} or {@code table.column}) whose values may enter the plan whatever their
 *     count; identifier and free-text columns are never copied, even when listed
 */
public record PlanOptions(String name, long seed, LocalDate referenceDate, int minCount, Set<String> allowValues) {

  /** The default k. */
  public static final int DEFAULT_MIN_COUNT = 10;

  /** The largest k a request may give. */
  public static final int MAX_MIN_COUNT = 1_000_000;

  public PlanOptions {
    allowValues = Set.copyOf(allowValues);
  }

  boolean allowed(String table, String column) {
    return allowValues.contains(column) || allowValues.contains(table + "." + column);
  }
}
