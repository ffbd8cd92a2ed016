package io.synthgen.column;

import io.synthgen.plan.TimeProfile;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The intensity a {@link TimeProfile} gives an instant: the product of every factor that applies. */
final class ProfileWeights {

  private final TimeProfile p;
  private final Map<Long, Double> holidays = new HashMap<>();
  private final long[] incidentStart;
  private final long[] incidentEnd;
  private final double[] incidentMult;

  ProfileWeights(TimeProfile p, LocalDate reference) {
    this.p = p;
    for (TimeProfile.Holiday h : p.holidays()) {
      holidays.merge(h.date().toEpochDay(), h.factor(), (a, b) -> a * b);
    }
    List<TimeProfile.Window> w = p.incidents();
    incidentStart = new long[w.size()];
    incidentEnd = new long[w.size()];
    incidentMult = new double[w.size()];
    for (int i = 0; i < w.size(); i++) {
      incidentStart[i] = ValueConversion.toMicros(Instants.resolve(w.get(i).start(), reference));
      incidentEnd[i] = ValueConversion.toMicros(Instants.resolve(w.get(i).end(), reference));
      incidentMult[i] = w.get(i).multiplier();
    }
  }

  /** The weight of the bucket starting at {@code micros}; hour weights are ignored for whole days. */
  double at(long micros, boolean wholeDays) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    double w = 1.0;
    if (!p.weekdayFactors().isEmpty()) {
      w *= p.weekdayFactors().get(t.getDayOfWeek().getValue() - 1);
    }
    if (!p.monthFactors().isEmpty()) {
      w *= p.monthFactors().get(t.getMonthValue() - 1);
    }
    if (!wholeDays && !p.hourWeights().isEmpty()) {
      w *= p.hourWeights().get(t.getHour());
    }
    Double hol = holidays.get(t.toLocalDate().toEpochDay());
    if (hol != null) {
      w *= hol;
    } else if (p.usHolidays() != null && UsHolidays.isHoliday(t.toLocalDate())) {
      w *= p.usHolidays();
    }
    for (int i = 0; i < incidentStart.length; i++) {
      if (micros >= incidentStart[i] && micros < incidentEnd[i]) {
        w *= incidentMult[i];
      }
    }
    return w;
  }
}
