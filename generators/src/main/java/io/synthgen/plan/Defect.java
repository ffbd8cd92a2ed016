package io.synthgen.plan;

import java.util.List;

/**
 * One kind of injected defect (reference: data-quality patterns). JSON type id: {@code defect}. Rates are the
 * probability per row (per row and column for column defects), 0..1.
 */
public sealed interface Defect {

  double rate();

  /** NULL in place of the value. */
  record Nulls(List<String> columns, double rate) implements Defect {
    public Nulls {
      columns = List.copyOf(columns);
    }
  }

  /** An exact copy of the row, written right after it. */
  record Duplicates(double rate) implements Defect {
  }

  /**
   * A near copy written right after the row: string columns of {@code columns} get a trailing space, numeric ones
   * + 0.01 (one unit of the last decimal for decimals and integers).
   */
  record NearDuplicates(List<String> columns, double rate) implements Defect {
    public NearDuplicates {
      columns = List.copyOf(columns);
    }
  }

  /** Late arrival jitter: the timestamp moves by a uniform amount in [-max, +max]. */
  record Jitter(String column, double rate, String max) implements Defect {

    /** The largest move when a plan leaves {@code max} out (reference: ±60 s). */
    public static final String DEFAULT_MAX = "60 seconds";
  }

  /** Very late arrival: the event time moves back by a whole number of hours in [0, max). */
  record VeryLate(String column, double rate, String max) implements Defect {

    /** The bound of the move when a plan leaves {@code max} out (reference: 0..23 hours). */
    public static final String DEFAULT_MAX = "24 hours";
  }

  /** Out of order: the row swaps places with the next one. */
  record OutOfOrder(double rate) implements Defect {
  }

  /** Case noise: upper case with probability rate/2, else lower case with probability rate/2. */
  record CaseNoise(List<String> columns, double rate) implements Defect {
    public CaseNoise {
      columns = List.copyOf(columns);
    }
  }

  /** Whitespace noise: two spaces before (rate/2) or after (rate/2) the value. */
  record Whitespace(List<String> columns, double rate) implements Defect {
    public Whitespace {
      columns = List.copyOf(columns);
    }
  }

  /**
   * Mixed date formats: the column is written as a string, in {@code formats} (java.time patterns; as the
   * reference splits its two, the first takes a third of the picked rows and the others share two thirds evenly)
   * at the rate and ISO {@code yyyy-MM-dd} (or ISO date-time) otherwise.
   */
  record DateFormats(String column, double rate, List<String> formats) implements Defect {
    public DateFormats {
      formats = List.copyOf(formats);
    }

    public static final List<String> DEFAULT_FORMATS = List.of("MM/dd/yyyy", "MMM dd, yyyy");
  }

  /** Out-of-range value: replaced by {@code value}, or multiplied by {@code factor} (exactly one is set). */
  record OutOfRange(String column, double rate, Double value, Double factor) implements Defect {
  }

  /** Orphan foreign key: a key no row of the referenced table has. */
  record Orphans(String column, double rate) implements Defect {
  }
}
