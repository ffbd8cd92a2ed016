package io.synthgen.column;

import io.synthgen.plan.validate.TimeSpec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Instants and intervals of a plan, resolved for generation. The syntax is the plan validator's
 * ({@link TimeSpec}): a date, a timestamp, or {@code ref}, {@code ref-180d}, {@code ref+6h} relative to the plan's
 * reference date; intervals {@code <n> second|minute|hour|day|week[s]}.
 */
public final class Instants {

  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_HOUR = 3_600L * MICROS_PER_SECOND;
  public static final long MICROS_PER_DAY = 24L * MICROS_PER_HOUR;

  private Instants() {
  }

  /** The instant, relative forms counted from the reference date's midnight. */
  public static LocalDateTime resolve(String text, LocalDate reference) {
    TimeSpec.Instant i = TimeSpec.instant(text);
    if (i == null) {
      throw new IllegalArgumentException("'" + text + "' is not an instant; write " + TimeSpec.INSTANT_SYNTAX);
    }
    return i.resolve(reference);
  }

  /** The interval in microseconds, or throws with the accepted forms. */
  public static long intervalMicros(String text) {
    Duration d = TimeSpec.interval(text);
    if (d == null) {
      throw new IllegalArgumentException("interval '" + text + "' is not understood; write " + TimeSpec.INTERVAL_SYNTAX);
    }
    return d.toNanos() / 1000;
  }
}
