package io.synthgen.draft.ddl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import io.synthgen.plan.validate.TimeSpec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * Date and timestamp CHECK ranges kept on a drafted {@code date_range}: its start and end (relative to the
 * reference date or absolute) are narrowed into the bounds, a strict bound moving by a day (dates) or a second
 * (timestamps); a range that misses the bounds keeps its width inside them.
 */
final class DateFit {

  private final LocalDate referenceDate;
  private final DdlIssues issues;

  DateFit(LocalDate referenceDate, DdlIssues issues) {
    this.referenceDate = referenceDate;
    this.issues = issues;
  }

  void fit(ObjectNode col, DdlColumn c, DataType type) {
    if (!"date_range".equals(col.path("strategy").asText())) {
      issues.add(c.line, c.name, "the range CHECK on " + c.name + " cannot be kept on a "
          + col.path("strategy").asText() + " column", "remove the CHECK");
      return;
    }
    LocalDateTime lo = instant(c.checkLo, type, true, c);
    LocalDateTime hi = instant(c.checkHi, type, false, c);
    if (c.checkLo != null && lo == null || c.checkHi != null && hi == null) {
      return;
    }
    TimeSpec.Instant s = TimeSpec.instant(col.path("start").asText());
    TimeSpec.Instant e = TimeSpec.instant(col.path("end").asText());
    if (s == null || e == null) {
      return;
    }
    LocalDateTime start = s.resolve(referenceDate);
    LocalDateTime end = e.resolve(referenceDate);
    java.time.Duration width = java.time.Duration.between(start, end);
    LocalDateTime ns = lo != null && lo.isAfter(start) ? lo : start;
    LocalDateTime ne = hi != null && hi.isBefore(end) ? hi : end;
    if (ns.isAfter(ne)) {
      if (lo != null && hi != null) {
        ns = lo;
        ne = hi;
      } else if (lo != null) {
        ns = lo;
        ne = lo.plus(width);
      } else {
        ne = hi;
        ns = hi.minus(width);
      }
    }
    if (lo != null && lo.isAfter(hi == null ? lo : hi)) {
      issues.add(c.line, c.name, "the CHECKs on " + c.name + " allow no date", "correct the bounds");
      return;
    }
    if (ns.equals(start) && ne.equals(end)) {
      return; // the drafted range already keeps the CHECK
    }
    boolean dateOnly = type.kind() == DataType.Kind.DATE;
    String from = dateOnly ? ns.toLocalDate().toString() : ns.toString();
    String to = dateOnly ? ne.toLocalDate().toString() : ne.toString();
    col.put("start", from);
    col.put("end", to);
    Fitting.appendNote(col, "now " + from + " to " + to + ", within the DDL's CHECK");
  }

  private LocalDateTime instant(DdlColumn.Bound b, DataType type, boolean lower, DdlColumn c) {
    if (b == null) {
      return null;
    }
    String v = String.valueOf(b.value()).strip();
    LocalDateTime t;
    try {
      t = v.length() == 10 ? LocalDate.parse(v).atStartOfDay()
          : LocalDateTime.parse(v.substring(0, 10) + "T" + v.substring(11));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      issues.add(c.line, v, "the CHECK compares " + c.name + " with something that is not a date or timestamp",
          "write dates as '2024-01-31' and timestamps as '2024-01-31 08:00:00'");
      return null;
    }
    if (b.strict()) {
      boolean dateOnly = type.kind() == DataType.Kind.DATE;
      t = lower ? (dateOnly ? t.plusDays(1) : t.plusSeconds(1)) : (dateOnly ? t.minusDays(1) : t.minusSeconds(1));
    }
    return t;
  }
}
