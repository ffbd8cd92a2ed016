package io.synthgen.plan;

/**
 * A distribution followed by an affine map, clamping and rounding:
 * {@code value = round(clamp(offset + scale * sample, min, max))}. Used by the distribution strategy and by
 * per-parent child counts. {@code min}/{@code max} are null when unbounded.
 */
public record Shaped(Distribution distribution, double scale, double offset, Double min, Double max, Rounding rounding) {
}
