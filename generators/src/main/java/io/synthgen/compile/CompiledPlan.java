package io.synthgen.compile;

import java.util.List;

/**
 * A plan compiled to Spark SQL: one SELECT per table, in plan order (parents before the tables that read them), the
 * statements to run once before them (none today: every SELECT is self-contained), and the plan as approved, for
 * the header of an exported file. Immutable.
 */
public final class CompiledPlan {

  private final List<CompiledTable> tables;
  private final List<String> setup;
  private final String planJson;

  CompiledPlan(List<CompiledTable> tables, List<String> setup, String planJson) {
    this.tables = List.copyOf(tables);
    this.setup = List.copyOf(setup);
    this.planJson = planJson;
  }

  public List<CompiledTable> tables() {
    return tables;
  }

  public List<String> setup() {
    return setup;
  }

  public String planJson() {
    return planJson;
  }

  public CompiledTable table(String name) {
    for (CompiledTable t : tables) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no table " + name + "; tables are "
        + tables.stream().map(CompiledTable::name).toList());
  }
}
