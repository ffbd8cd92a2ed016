package io.synthgen.profile.stats;

import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.TemporalSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The range of a date or timestamp column in one pass, in epoch microseconds, and the unit every value is a multiple of. */
final class TemporalStats {

  static final long MICROS_PER_DAY = 86_400_000_000L;

  long count;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private long unitsDivisible = 0b1111; // bits: second, minute, hour, day
  private final Extremes extremes = new Extremes(ProfileLimits.BOUND_RANK);

  void add(long micros) {
    count++;
    min = Math.min(min, micros);
    max = Math.max(max, micros);
    if (micros % 1_000_000L != 0) {
      unitsDivisible = 0;
    } else if (micros % 60_000_000L != 0) {
      unitsDivisible &= 0b0001;
    } else if (micros % 3_600_000_000L != 0) {
      unitsDivisible &= 0b0011;
    } else if (micros % MICROS_PER_DAY != 0) {
      unitsDivisible &= 0b0111;
    }
    extremes.add(micros);
  }

  TemporalSummary summary(boolean date) {
    String unit = date || (unitsDivisible & 0b1000) != 0 ? "1 day"
        : (unitsDivisible & 0b0100) != 0 ? "1 hour"
        : (unitsDivisible & 0b0010) != 0 ? "1 minute" : "1 second";
    return new TemporalSummary(text(min, date), text(max, date), text((long) extremes.lower(), date),
        text((long) extremes.upper(), date), unit, extremes.lowest(), extremes.highest());
  }

  static String text(long micros, boolean date) {
    if (date) {
      return LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY)).toString();
    }
    return isoTimestamp(micros);
  }

  /** {@code 2024-03-01T12:30:00}, with a fraction only when there is one. */
  static String isoTimestamp(long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    return t.toString().length() == 16 ? t + ":00" : t.toString();
  }
}
