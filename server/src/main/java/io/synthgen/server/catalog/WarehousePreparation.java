package io.synthgen.server.catalog;

import java.util.List;

/**
 * Everything generating the tables in a SQL warehouse will do, worked out before anything is changed (the dry run
 * shows it, the confirmation asks about {@code tables.replaces()}).
 *
 * @param tables the warehouse, the schema to create and per table its statements (the compiled
 *     {@code CREATE TABLE … AS SELECT}, column comments, the row count); no uploads and no staging volume
 * @param setup statements the compiled plan runs once before the tables
 */
public record WarehousePreparation(Preparation tables, List<String> setup) {

  public WarehousePreparation {
    setup = List.copyOf(setup);
    if (tables.warehouse() == null || !tables.uploads().isEmpty()) {
      throw new IllegalArgumentException("generating in a warehouse needs a warehouse and uploads nothing");
    }
  }

  /** Bytes of SQL text sent to the warehouse. */
  public long statementBytes() {
    long n = setup.stream().mapToLong(WarehouseGeneration::utf8Length).sum();
    for (TableAction t : tables.tables()) {
      n += t.statements().stream().mapToLong(WarehouseGeneration::utf8Length).sum();
    }
    return n;
  }
}
