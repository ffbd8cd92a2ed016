package io.synthgen.resolve;

import io.synthgen.column.ChildLayout;
import io.synthgen.plan.Table;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private final boolean appends;
  private final Set<String> advance;
  private final long intervalMicros;

  ResolvedTable(Table spec, long rows, List<ResolvedColumn> columns, ChildLayout layout,
      Map<String, String> viaByParentTable) {
    this(spec, rows, columns, layout, viaByParentTable, false, Set.of(), 0);
  }

  /**
   * @param appends whether the table writes new rows in every batch of the series
   * @param advance the columns shifted by the batch's offset in time
   * @param intervalMicros the series' interval, 0 without a series
   */
  ResolvedTable(Table spec, long rows, List<ResolvedColumn> columns, ChildLayout layout,
      Map<String, String> viaByParentTable, boolean appends, Set<String> advance, long intervalMicros) {
    this.spec = spec;
    this.rows = rows;
    this.columns = List.copyOf(columns);
    for (ResolvedColumn c : columns) {
      byName.put(c.name(), c);
    }
    this.layout = layout;
    this.viaByParentTable = Map.copyOf(viaByParentTable);
    this.appends = appends;
    this.advance = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(advance));
    this.intervalMicros = intervalMicros;
  }

  public String name() {
    return spec.name();
  }

  public Table spec() {
    return spec;
  }

  /** The exact number of rows (of one batch, for an append table). */
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

  /**
   * For a table generated per parent: the draw of a parent's child count, {@code max(0, (long) sample)} at the
   * parent's row within its batch (what the layout's {@code childCount} computes). Null for other tables.
   */
  public io.synthgen.column.DistGen.ShapedSampler childCount() {
    ChildLayout l = layout instanceof BatchedLayout b ? b.base() : layout;
    return l instanceof ChildIndex c ? c.count() : null;
  }

  /** The foreign key column through which {@code parentTable.x} references reach the parent, or null. */
  public String viaFor(String parentTable) {
    return viaByParentTable.get(parentTable);
  }

  /**
   * Whether the table writes new rows in every batch: its batch mode is append, or it is generated per parent of an
   * append table. Batch k of an append table is its rows [k * rows(), (k + 1) * rows()).
   */
  public boolean appends() {
    return appends;
  }

  /**
   * The date/timestamp columns that move with the batch: the plan's {@code advance} list, or by default the date
   * range columns whose range spans at most one interval of the series. Empty without a series.
   */
  public Set<String> advance() {
    return advance;
  }

  /** The batch a row of this table belongs to: row / rows() for an append table, 0 for any other. */
  public long batchOf(long row) {
    return appends && rows > 0 ? row / rows : 0;
  }

  /** The first row of batch k: k * rows() for an append table, 0 for any other (written with batch 0). */
  public long firstRow(long batch) {
    return appends ? Math.multiplyExact(batch, rows) : 0;
  }

  /** How far a row's advance columns move, in microseconds: its batch times the series' interval. */
  public long shiftAt(long row) {
    return Math.multiplyExact(batchOf(row), intervalMicros);
  }
}
