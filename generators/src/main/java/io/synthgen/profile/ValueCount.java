package io.synthgen.profile;

/**
 * A value and how many rows hold it.
 *
 * @param value the value in its plan JSON form: {@link String}, {@link Long}, {@link Double} or {@link Boolean};
 *     decimals as {@link java.math.BigDecimal}; dates and timestamps as ISO-8601 strings
 *     ({@code 2024-03-01}, {@code 2024-03-01T12:30:00})
 * @param count rows holding it
 */
public record ValueCount(Object value, long count) {
}
