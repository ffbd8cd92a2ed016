package io.synthgen.resolve;

import io.synthgen.column.ChildLayout;
import io.synthgen.plan.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table ready to generate: exact row count, its columns' generators, and how its qualified references
 * ({@code parent.column} in expressions) reach a parent through a foreign key.
 */
public final class ResolvedTable {

  private final Table spec;
  private final long rows;
  private final List<ResolvedColumn> columns;
  private final Map<String, ResolvedColumn> byName = new LinkedHashMap<>();
  private final ChildLayout layout;
  private final Map<String, String> viaByParentTable;

  ResolvedTable(Table spec, long rows, List<ResolvedColumn> columns, ChildLayout layout,
      Map<String, String> viaByParentTable) {
    this.spec = spec;
    this.rows = rows;
    this.columns = List.copyOf(columns);
    for (ResolvedColumn c : columns) {
      byName.put(c.name(), c);
    }
    this.layout = layout;
    this.viaByParentTable = Map.copyOf(viaByParentTable);
  }

  public String name() {
    return spec.name();
  }

  public Table spec() {
    return spec;
  }

  /** The exact number of rows. */
  public long rows() {
    return rows;
  }

  /** All columns in plan order, helpers included. */
  public List<ResolvedColumn> columns() {
    return columns;
  }

  /** The columns written out, in plan order. */
  public List<ResolvedColumn> outputColumns() {
    return columns.stream().filter(c -> !c.spec().omit()).toList();
  }

  public ResolvedColumn column(String name) {
    ResolvedColumn c = byName.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no column " + name + " in " + name() + "; columns are " + byName.keySet());
    }
    return c;
  }

  /** The per-parent layout, or null for independent tables. */
  public ChildLayout layout() {
    return layout;
  }

  /** The foreign key column through which {@code parentTable.x} references reach the parent, or null. */
  public String viaFor(String parentTable) {
    return viaByParentTable.get(parentTable);
  }
}
