package io.synthgen.column;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instants and intervals as plans write them. An instant is a date ({@code 2024-01-31}), a timestamp
 * ({@code 2024-01-31 13:45:00}) or relative to the plan's reference date: {@code ref}, {@code ref-180d},
 * {@code ref+6h} (units d, h, m, s). An interval is {@code <n> <unit>} with unit second(s), minute(s), hour(s), day(s),
 * week(s), as the plan validator accepts.
 */
public final class Instants {

  private static final Pattern RELATIVE = Pattern.compile("ref(?:\\s*([+-])\\s*(\\d+)\\s*([dhms]))?");
  private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(second|minute|hour|day|week)s?");

  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_HOUR = 3_600L * MICROS_PER_SECOND;
  public static final long MICROS_PER_DAY = 24L * MICROS_PER_HOUR;

  private Instants() {
  }

  /** True when the text is an instant {@link #resolve} accepts. */
  public static boolean isValid(String text) {
    try {
      resolve(text, LocalDate.of(2000, 1, 1));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The instant, relative forms counted from the reference date's midnight. */
  public static LocalDateTime resolve(String text, LocalDate reference) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = RELATIVE.matcher(t);
    if (m.matches()) {
      LocalDateTime base = reference.atStartOfDay();
      if (m.group(1) == null) {
        return base;
      }
      long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
      switch (m.group(3)) {
        case "d": return base.plusDays(n);
        case "h": return base.plusHours(n);
        case "m": return base.plusMinutes(n);
        default: return base.plusSeconds(n);
      }
    }
    return ValueConversion.parseTimestamp(text);
  }

  /** The interval in microseconds, or throws with the accepted forms. */
  public static long intervalMicros(String text) {
    Matcher m = INTERVAL.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
      throw new IllegalArgumentException("interval '" + text
          + "' is not understood; write <n> second|minute|hour|day|week, e.g. '1 second' or '15 minutes'");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "second": return n * MICROS_PER_SECOND;
      case "minute": return n * 60 * MICROS_PER_SECOND;
      case "hour": return n * MICROS_PER_HOUR;
      case "day": return n * MICROS_PER_DAY;
      default: return n * 7 * MICROS_PER_DAY;
    }
  }
}
