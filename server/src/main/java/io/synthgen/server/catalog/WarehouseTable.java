package io.synthgen.server.catalog;

/**
 * One table as the SQL warehouse generates it: the plan's table compiled to a self-contained Spark SQL query.
 *
 * @param name the plan table
 * @param rows exactly the rows the query produces (the count checked after the table is made)
 * @param query a SELECT of the table's output columns, reading no table (it starts {@code FROM range(…)})
 */
public record WarehouseTable(String name, long rows, String query) {

  public WarehouseTable {
    if (rows < 0) {
      throw new IllegalArgumentException("a table has no negative row count: " + name + " " + rows);
    }
  }
}
