package io.synthgen.server.catalog;

import java.util.List;
import java.util.Map;

/** A table that already exists in the catalog: its columns (name and SQL type as the catalog spells it). */
public record RemoteTable(String fullName, List<Column> columns, Map<String, String> properties) {

  /** One column. */
  public record Column(String name, String type) {
  }

  public RemoteTable {
    columns = List.copyOf(columns);
    properties = Map.copyOf(properties);
  }
}
