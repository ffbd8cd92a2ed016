package io.synthgen.plan;

import java.util.Locale;

/** The defects by their JSON names, as the ground truth names them. */
public enum DefectKind {
  NULLS, DUPLICATES, NEAR_DUPLICATES, JITTER, VERY_LATE, OUT_OF_ORDER, CASE_NOISE, WHITESPACE, DATE_FORMATS,
  OUT_OF_RANGE, ORPHANS;

  /** The JSON name: {@code near_duplicates}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DefectKind of(Defect d) {
    if (d instanceof Defect.Nulls) {
      return NULLS;
    } else if (d instanceof Defect.Duplicates) {
      return DUPLICATES;
    } else if (d instanceof Defect.NearDuplicates) {
      return NEAR_DUPLICATES;
    } else if (d instanceof Defect.Jitter) {
      return JITTER;
    } else if (d instanceof Defect.VeryLate) {
      return VERY_LATE;
    } else if (d instanceof Defect.OutOfOrder) {
      return OUT_OF_ORDER;
    } else if (d instanceof Defect.CaseNoise) {
      return CASE_NOISE;
    } else if (d instanceof Defect.Whitespace) {
      return WHITESPACE;
    } else if (d instanceof Defect.DateFormats) {
      return DATE_FORMATS;
    } else if (d instanceof Defect.OutOfRange) {
      return OUT_OF_RANGE;
    } else if (d instanceof Defect.Orphans) {
      return ORPHANS;
    }
    throw new IllegalArgumentException("unknown defect " + d);
  }

  /** Whether the defect adds or moves rows rather than changing cells. */
  public boolean rowLevel() {
    switch (this) {
      case DUPLICATES:
      case NEAR_DUPLICATES:
      case OUT_OF_ORDER:
        return true;
      case NULLS:
      case JITTER:
      case VERY_LATE:
      case CASE_NOISE:
      case WHITESPACE:
      case DATE_FORMATS:
      case OUT_OF_RANGE:
      case ORPHANS:
        return false;
    }
    throw new IllegalArgumentException("unknown defect " + this);
  }
}
