package io.synthgen.draft.infer;

import io.synthgen.plan.DataType;
import java.util.Set;

/** Templates of dates and times, all relative to the plan's reference date ("ref"). */
final class Times {

  /** Last words of names that hold an instant rather than a day. */
  private static final Set<String> INSTANT_WORDS = Set.of("at", "ts", "time", "timestamp", "datetime", "created",
      "updated", "modified", "deleted", "seen");

  private Times() {
  }

  /** A time of day in a bound ({@code 2024-12-31T10:00:00}, {@code 2024-12-31 10:00}): the column is a timestamp. */
  private static final java.util.regex.Pattern TIME_OF_DAY = java.util.regex.Pattern.compile(
      ".*\\d[T ]\\d{1,2}:\\d{2}.*");

  /**
   * Timestamp for {@code *_at}, {@code *_ts}, {@code *_time} and for bounds with a time of day; date otherwise; the
   * declared type wins.
   */
  static DataType temporal(Clues c) {
    if (c.declared() != null && c.declared().isTemporal()) {
      return c.declared();
    }
    return INSTANT_WORDS.contains(c.last()) || hasTimeOfDay(c.start()) || hasTimeOfDay(c.end()) ? DataType.TIMESTAMP
        : DataType.DATE;
  }

  /** True when a bound names a time of day. */
  static boolean hasTimeOfDay(String bound) {
    return bound != null && TIME_OF_DAY.matcher(bound).matches();
  }

  static String instant(int days) {
    return days == 0 ? "ref" : days < 0 ? "ref" + days + "d" : "ref+" + days + "d";
  }

  /** A range from {@code from} to {@code to} days around the reference date; the person's start and end win. */
  static Template range(int from, int to) {
    return new Template(instant(from) + " → " + instant(to), c -> {
      DataType t = temporal(c);
      String start = c.start() != null ? c.start() : instant(from);
      String end = c.end() != null ? c.end() : instant(to);
      Inferred inf = new Inferred(t, "date_range", t + " " + start + " → " + end);
      inf.fields().put("start", start);
      inf.fields().put("end", end);
      inf.fields().put("interval", t.kind() == DataType.Kind.DATE ? "1 day" : "1 second");
      return inf;
    });
  }

  /**
   * An instant after a sibling's: {@code minSeconds} to {@code maxSeconds} later, or (with {@code maxSeconds} < 0)
   * anywhere between the sibling's and the reference date. The first of {@code sources} the table has is used.
   */
  static Template after(long minSeconds, long maxSeconds, String... sources) {
    String gap = maxSeconds < 0 ? "between it and the reference date"
        : Fmt.num(minSeconds / 3600.0) + "–" + Fmt.num(maxSeconds / 3600.0) + " hours later";
    return new Template("after " + Match.list(sources) + ", " + gap, c -> {
      String src = null;
      for (String s : sources) {
        if (c.hasSibling(s)) {
          src = c.sibling(s);
          break;
        }
      }
      DataType t = temporal(c);
      String q = "`" + src + "`";
      String expr;
      if (t.kind() == DataType.Kind.TIMESTAMP) {
        String from = "CAST(" + q + " AS TIMESTAMP)";
        expr = maxSeconds < 0
            ? "timestamp_add_seconds(" + from + ", floor(rand() * greatest(0, CAST(CAST(reference_date() AS TIMESTAMP)"
                + " AS BIGINT) - CAST(" + from + " AS BIGINT))))"
            : "timestamp_add_seconds(" + from + ", rand_int(" + minSeconds + ", " + maxSeconds + "))";
      } else {
        expr = maxSeconds < 0
            ? "date_add(to_date(" + q + "), CAST(floor(rand() * (greatest(0, datediff(reference_date(), to_date(" + q
                + "))) + 1)) AS INT))"
            : "date_add(to_date(" + q + "), CAST(rand_int(" + minSeconds / 86400 + ", "
                + Math.max(minSeconds / 86400, maxSeconds / 86400) + ") AS INT))";
      }
      Inferred inf = new Inferred(t, "expression", t + " after " + src + ", " + gap);
      inf.fields().put("expr", expr);
      return inf;
    });
  }

  /** A year {@code lo} to {@code hi} years before the reference date's. */
  static Template yearsBack(int lo, int hi) {
    return new Template("the reference year minus " + lo + "–" + hi, c -> {
      DataType t = Numbers.numeric(c, DataType.INT);
      Inferred inf = new Inferred(t, "expression", "the reference date's year minus " + lo + "–" + hi + ", " + t);
      inf.fields().put("expr", "CAST(year(reference_date()) - rand_int(" + lo + ", " + hi + ") AS " + t + ")");
      return inf;
    });
  }
}
