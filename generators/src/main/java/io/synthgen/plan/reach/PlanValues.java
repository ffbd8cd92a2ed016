package io.synthgen.plan.reach;

import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ranges of the values a plan writes down: constants, listed values and date_range bounds. */
final class PlanValues {

  private static final Pattern RELATIVE = Pattern.compile("ref(?:([+-])(\\d{1,9})([dhms]))?");

  private PlanValues() {
  }

  /** The range of one value of a plan (a JSON scalar) in a column of type {@code t}; empty when it is not one. */
  static Interval range(Object v, DataType t, LocalDate ref) {
    if (v == null) {
      return Interval.empty();
    }
    if (t.kind() == DataType.Kind.STRING) {
      return Interval.text(String.valueOf(v).length());
    }
    if (v instanceof Boolean b) {
      return Interval.point(b ? 1 : 0);
    }
    if (v instanceof Number n) {
      return Interval.point(n.doubleValue());
    }
    if (v instanceof String s && t.isTemporal()) {
      Interval r = instant(s, t, ref);
      return r == null ? Interval.empty() : r;
    }
    return Interval.empty();
  }

  /** The range of a date_range column: from its start to its end, in epoch days or microseconds. */
  static Interval dateRange(ColumnGen.DateRange d, DataType t, LocalDate ref) {
    Interval a = instant(d.start(), t, ref);
    Interval b = instant(d.end(), t, ref);
    if (a == null || b == null) {
      return TypeRange.of(t, "its start or end did not parse");
    }
    return a.hull(b);
  }

  /** A date, a timestamp or ref[+-]N[dhms], as epoch days (date columns) or epoch microseconds. */
  static Interval instant(String text, DataType t, LocalDate ref) {
    if (text == null) {
      return null;
    }
    double seconds;
    Matcher m = RELATIVE.matcher(text);
    if (m.matches()) {
      double offset = 0;
      if (m.group(1) != null) {
        long n = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        offset = n * switch (m.group(3)) {
          case "d" -> 86_400;
          case "h" -> 3_600;
          case "m" -> 60;
          default -> 1;
        };
      }
      seconds = ref.toEpochDay() * 86_400.0 + offset;
    } else {
      try {
        String s = text.trim().replace(' ', 'T');
        LocalDateTime dt = s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
        seconds = dt.toEpochSecond(ZoneOffset.UTC) + dt.getNano() / 1e9;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return t.kind() == DataType.Kind.DATE ? Interval.point(Math.floor(seconds / 86_400))
        : Interval.point(seconds * 1e6);
  }
}
