package io.synthgen.profile;

import java.util.List;

/**
 * Lengths and shapes of a string column's non-null values.
 *
 * @param minLength the shortest value, in characters
 * @param maxLength the longest value, in characters
 * @param meanLength the mean length
 * @param wordy the share of values holding a space (free text, names, addresses)
 * @param shapes the most frequent shapes, most frequent first (at most {@link ProfileLimits#SHAPES})
 * @param shapesCovered the number of values whose shape was counted: values longer than
 *     {@link ProfileLimits#SHAPE_MAX_LENGTH} and values of shapes past {@link ProfileLimits#EXACT_SHAPES} are not
 */
public record StringSummary(int minLength, int maxLength, double meanLength, double wordy, List<Shape> shapes,
    long shapesCovered) {

  public StringSummary {
    shapes = List.copyOf(shapes);
  }

  /**
   * A shape: each character generalised to its class, {@code 9} a digit, {@code A} an upper-case letter, {@code a}
   * a lower-case letter, every other character kept; and, per position, the character when every value of the
   * shape has the same one there.
   *
   * @param shape the generalised text: {@code AAA-99999} for {@code SKU-12345}
   * @param template the shape as a plan pattern when it can be one: constant positions kept ({@code SKU-}), digits
   *     {@code #}, upper-case letters {@code ?}; null when a varying position holds a lower-case letter or a
   *     character a pattern would read as a class ({@code # ! ? *}), which a pattern cannot make
   * @param count values of this shape
   */
  public record Shape(String shape, String template, long count) {
  }
}
