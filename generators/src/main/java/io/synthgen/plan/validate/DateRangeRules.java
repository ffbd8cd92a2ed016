package io.synthgen.plan.validate;

import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.TimeProfile;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules of date_range columns: bounds, interval and time profile. */
final class DateRangeRules {

  private final LocalDate reference;
  private final Issues out;
  private final DataType type;
  private final String path;
  private final boolean dateColumn;

  DateRangeRules(LocalDate reference, Issues out, DataType type, String path) {
    this.reference = reference;
    this.out = out;
    this.type = type;
    this.path = path;
    this.dateColumn = type != null && type.kind() == DataType.Kind.DATE;
  }

  void check(ColumnGen.DateRange r) {
    if (type != null && !type.isTemporal()) {
      out.add(path + ".type", type.toString(), "strategy date_range needs type date or timestamp",
          "change the type to date or timestamp");
    }
    TimeSpec.Instant start = bound(r.start(), path + ".start");
    TimeSpec.Instant end = bound(r.end(), path + ".end");
    if (start != null && end != null && (reference != null || !start.relative() && !end.relative())
        && start.resolve(reference).isAfter(end.resolve(reference))) {
      out.add(path + ".start", r.start(), "start is after end (" + Issues.render(r.end()) + ")",
          "swap start and end");
    }
    Duration step = TimeSpec.interval(r.interval());
    if (step == null) {
      out.add(path + ".interval", r.interval(), "not an interval", "write " + TimeSpec.INTERVAL_SYNTAX);
    } else if (dateColumn && step.toSeconds() % 86_400 != 0) {
      out.add(path + ".interval", r.interval(), "a date column moves in whole days", "use e.g. \"1 day\"");
    }
    if (r.profile() != null) {
      profile(r.profile(), path + ".profile");
      if (!r.profile().isFlat() && start != null && end != null && step != null && !step.isZero()
          && !step.isNegative()
          && (reference != null || !start.relative() && !end.relative())) {
        buckets(start.resolve(reference), end.resolve(reference), step, r.interval());
      }
    }
  }

  /**
   * A time profile weighs every bucket of the range (an hour, or the interval when longer) at resolve time; at most
   * {@value PlanLimits#MAX_PROFILE_BUCKETS} of them.
   */
  private void buckets(LocalDateTime from, LocalDateTime to, Duration step, String interval) {
    long bucketSeconds = Math.max(step.toSeconds(), 3_600);
    long seconds = Math.max(0, Duration.between(from, to).toSeconds());
    long buckets = seconds / bucketSeconds + 2;
    if (buckets > PlanLimits.MAX_PROFILE_BUCKETS) {
      out.add(path + ".interval", interval, String.format(java.util.Locale.ROOT, "with a time profile the range is "
          + "weighed in %,d buckets of %s; at most %,d", buckets, bucketSeconds == 3_600 ? "an hour"
          : interval, PlanLimits.MAX_PROFILE_BUCKETS), "use a coarser interval, a shorter range, or no profile");
    }
  }

  /** Parses a bound, reporting it when it is missing, malformed or has a time of day in a date column. */
  private TimeSpec.Instant bound(String text, String at) {
    if (text == null) {
      out.missing(at, "missing " + at.substring(at.lastIndexOf('.') + 1), "write " + TimeSpec.INSTANT_SYNTAX);
      return null;
    }
    TimeSpec.Instant i = TimeSpec.instant(text);
    if (i == null) {
      out.add(at, text, "not a date, timestamp or ref-relative instant", "write " + TimeSpec.INSTANT_SYNTAX);
      return null;
    }
    if (dateColumn && !i.dateOnly()) {
      out.add(at, text, "a date column's bounds have no time of day", "write a date or ref-Nd");
      return null;
    }
    return i;
  }

  private void profile(TimeProfile p, String at) {
    factors(p.weekdayFactors(), 7, at + ".weekday_factors", "Monday..Sunday");
    factors(p.monthFactors(), 12, at + ".month_factors", "January..December");
    factors(p.hourWeights(), 24, at + ".hour_weights", "hours 0..23");
    if (dateColumn && !p.hourWeights().isEmpty()) {
      out.add(at + ".hour_weights", p.hourWeights(), "a date column has no hours",
          "remove hour_weights or use type timestamp");
    }
    entries(p.holidays().size(), at + ".holidays", "holidays");
    entries(p.incidents().size(), at + ".incidents", "incidents");
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (int i = 0; i < PlanValidator.checked(p.holidays().size(), PlanLimits.MAX_PROFILE_ENTRIES); i++) {
      TimeProfile.Holiday h = p.holidays().get(i);
      String hp = at + ".holidays[" + i + "]";
      if (h.date() == null) {
        out.missing(hp + ".date", "missing date", "write \"YYYY-MM-DD\"");
      } else {
        Integer first = seen.putIfAbsent(h.date(), i);
        if (first != null) {
          out.add(hp + ".date", h.date().toString(), "duplicate holiday (also holidays[" + first + "])",
              "list each date once");
        }
      }
      nonNegative(h.factor(), hp + ".factor");
    }
    if (p.usHolidays() != null) {
      nonNegative(p.usHolidays(), at + ".us_holidays");
    }
    for (int i = 0; i < PlanValidator.checked(p.incidents().size(), PlanLimits.MAX_PROFILE_ENTRIES); i++) {
      TimeProfile.Window w = p.incidents().get(i);
      String wp = at + ".incidents[" + i + "]";
      TimeSpec.Instant s = bound(w.start(), wp + ".start");
      TimeSpec.Instant e = bound(w.end(), wp + ".end");
      if (s != null && e != null && (reference != null || !s.relative() && !e.relative())
          && !s.resolve(reference).isBefore(e.resolve(reference))) {
        out.add(wp + ".start", w.start(), "an incident starts before it ends (" + Issues.render(w.end()) + ")",
            "make start earlier than end");
      }
      nonNegative(w.multiplier(), wp + ".multiplier");
    }
  }

  private void entries(int n, String at, String what) {
    if (n > PlanLimits.MAX_PROFILE_ENTRIES) {
      out.add(at, n + " " + what, "a profile lists at most " + PlanLimits.MAX_PROFILE_ENTRIES + " " + what,
          "keep the " + PlanLimits.MAX_PROFILE_ENTRIES + " that matter most");
    }
  }

  private void factors(List<Double> xs, int size, String at, String meaning) {
    if (xs.isEmpty()) {
      return;
    }
    if (xs.size() != size) {
      out.add(at, xs, xs.size() + " factors where " + size + " are needed (" + meaning + ")",
          "give exactly " + size + " factors, or leave the list out for all 1");
    }
    boolean positive = false;
    // factors past the needed count are not checked one by one: the count is reported already
    for (int i = 0; i < PlanValidator.checked(xs.size(), size); i++) {
      positive |= nonNegative(xs.get(i), at + "[" + i + "]") && xs.get(i) > 0;
    }
    if (!positive && xs.stream().allMatch(x -> x != null && x == 0)) {
      out.add(at, xs, "all factors are 0, so nothing could be generated", "give at least one positive factor");
    }
  }

  private boolean nonNegative(Double x, String at) {
    if (x == null || !(x >= 0) || x.isInfinite()) {
      out.add(at, x, "must be a finite number >= 0", "use e.g. 1 for a normal level, 0.5 for half");
      return false;
    }
    return true;
  }
}
