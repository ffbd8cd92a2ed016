package io.synthgen.plan.validate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time syntax of plans. An instant is a date ({@code 2024-12-31}), a timestamp ({@code 2024-12-31T23:59:59} or
 * with a space instead of {@code T}, seconds and fraction optional) or reference-relative ({@code ref},
 * {@code ref-180d}, {@code ref+6h}, units {@code d h m s}). An interval is a count and a unit:
 * {@code 1 second}, {@code 15 minutes}, {@code 1 hour}, {@code 1 day}, {@code 2 weeks}.
 */
public final class TimeSpec {

  private static final Pattern RELATIVE = Pattern.compile("ref(?:([+-])(\\d{1,9})([dhms]))?");
  private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9}) (second|minute|hour|day|week)s?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * The longest interval a plan may name (series interval, date_range interval, jitter and very_late max): 100 years
   * of 365.25 days. Longer intervals are refused where they are read, so no product of an interval with a batch or
   * row count can leave the timestamp type.
   */
  public static final Duration MAX_INTERVAL = Duration.ofDays(36_525);

  /** The farthest a reference-relative instant may be from the reference date: 1,000 years of 365.25 days. */
  public static final Duration MAX_OFFSET = Duration.ofDays(365_250);

  /** The instant syntax, for messages. */
  public static final String INSTANT_SYNTAX =
      "a date (2024-12-31), a timestamp (2024-12-31T08:30:00) or ref, ref-180d, ref+6h (units d, h, m, s; at most "
      + "365250 days, 1,000 years, from the reference date)";

  /** The interval syntax, for messages. */
  public static final String INTERVAL_SYNTAX =
      "a count and a unit: 1 second, 15 minutes, 1 hour, 1 day, 1 week (at most 36525 days or 5217 weeks, 100 years)";

  private TimeSpec() {
  }

  /**
   * A parsed instant: either absolute, or {@code offset} from the reference date's midnight.
   *
   * @param dateOnly true when it has no time of day: a date, or ref with a whole-day offset
   */
  public record Instant(LocalDateTime absolute, Duration offset, boolean dateOnly) {

    public boolean relative() {
      return absolute == null;
    }

    /** The instant on a given reference date. */
    public LocalDateTime resolve(LocalDate referenceDate) {
      return absolute != null ? absolute : referenceDate.atStartOfDay().plus(offset);
    }
  }

  /** Parses an instant, or returns null when the text is not one or is farther than {@link #MAX_OFFSET} from ref. */
  public static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = RELATIVE.matcher(text);
    if (m.matches()) {
      if (m.group(1) == null) {
        return new Instant(null, Duration.ZERO, true);
      }
      long n = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
      Instant i;
      switch (m.group(3)) {
        case "d": i = new Instant(null, Duration.ofDays(n), true); break;
        case "h": i = new Instant(null, Duration.ofHours(n), false); break;
        case "m": i = new Instant(null, Duration.ofMinutes(n), false); break;
        default: i = new Instant(null, Duration.ofSeconds(n), false); break;
      }
      return i.offset().abs().compareTo(MAX_OFFSET) > 0 ? null : i;
    }
    try {
      if (DATE.matcher(text).matches()) {
        return new Instant(LocalDate.parse(text).atStartOfDay(), null, true);
      }
      if (text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')) {
        return new Instant(LocalDateTime.parse(text.substring(0, 10) + 'T' + text.substring(11)), null, false);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }

  /** Parses an interval, or returns null when the text is not one, is zero or is longer than {@link #MAX_INTERVAL}. */
  public static Duration interval(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = INTERVAL.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    if (n == 0) {
      return null;
    }
    Duration d;
    switch (m.group(2)) {
      case "second": d = Duration.ofSeconds(n); break;
      case "minute": d = Duration.ofMinutes(n); break;
      case "hour": d = Duration.ofHours(n); break;
      case "day": d = Duration.ofDays(n); break;
      default: d = Duration.ofDays(7 * n); break;
    }
    return d.compareTo(MAX_INTERVAL) > 0 ? null : d;
  }
}
