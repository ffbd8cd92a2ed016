package io.synthgen.plan;

/**
 * A table generated per row of a parent table: each parent row gets {@code count} children (drawn per parent),
 * stored contiguously in parent order, so a parent's children and their aggregates are known.
 */
public record PerParent(String table, Shaped count) {
}
