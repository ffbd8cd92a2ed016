package io.synthgen.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A generation plan: the single document every consumer reads (sample, full run, publish, rendering).
 *
 * @param format the plan format version, {@value #FORMAT}
 * @param seed every random value derives from it
 * @param referenceDate "today" for relative dates ({@code ref-180d}); fixed in the plan so runs are reproducible
 * @param mainTable the table whose row count {@code --rows} sets; other tables keep their ratio to it
 * @param tier 1..3 as in the workflow's decision tree, or 0 when not set
 * @param series how the plan runs as incremental batches, or null for a single snapshot
 */
public record Plan(String format, String name, String industry, String description, long seed,
    LocalDate referenceDate, String mainTable, int tier, Destination destination, List<Table> tables,
    Series series) {

  public static final String FORMAT = "synthgen.plan/v1";
  public static final long DEFAULT_SEED = 42;

  public Plan {
    tables = List.copyOf(tables);
  }

  /** A plan without a series. */
  public Plan(String format, String name, String industry, String description, long seed, LocalDate referenceDate,
      String mainTable, int tier, Destination destination, List<Table> tables) {
    this(format, name, industry, description, seed, referenceDate, mainTable, tier, destination, tables, null);
  }

  public Optional<Table> table(String tableName) {
    return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
  }

  public Plan withSeed(long s) {
    return new Plan(format, name, industry, description, s, referenceDate, mainTable, tier, destination, tables,
        series);
  }

  public Plan withTables(List<Table> ts) {
    return new Plan(format, name, industry, description, seed, referenceDate, mainTable, tier, destination, ts, series);
  }

  public Plan withDestination(Destination d) {
    return new Plan(format, name, industry, description, seed, referenceDate, mainTable, tier, d, tables, series);
  }

  public Plan withSeries(Series s) {
    return new Plan(format, name, industry, description, seed, referenceDate, mainTable, tier, destination, tables, s);
  }
}
