package io.synthgen.compile;

import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of a compiled plan: its output columns and self-contained Spark SQL SELECTs of its rows (they read no
 * generated table; every value is recomputed from the row). Immutable.
 */
public final class CompiledTable {

  private final ResolvedPlan plan;
  private final ResolvedTable table;
  private final SqlOptions options;
  private final List<CompiledColumn> columns;
  private final String select;

  CompiledTable(ResolvedPlan plan, ResolvedTable table, SqlOptions options, List<CompiledColumn> columns) {
    this.plan = plan;
    this.table = table;
    this.options = options;
    this.columns = List.copyOf(columns);
    this.select = text(0, -1, false);
  }

  public String name() {
    return table.name();
  }

  /** The output columns in plan order (omitted helper columns are computed but not listed). */
  public List<CompiledColumn> columns() {
    return columns;
  }

  /** The exact rows {@link #select()} produces (of the batch, for an append table). */
  public long rows() {
    return table.rows();
  }

  /** Whether the table is generated per row of a parent table (its rows are its parents' children). */
  public boolean perParent() {
    return table.layout() != null;
  }

  /** Every row of the table (of the compiled batch); the compiler refuses a plan where it is too long. */
  public String select() {
    return select;
  }

  /**
   * Rows [firstRow, firstRow + count) of the table as the local engine numbers them, counted from the batch's
   * first row: for reading a slice far into a large table (rows near 2^31 or 2^40) without the rows before it.
   */
  public String select(long firstRow, long count) {
    return build(firstRow, checkedCount(firstRow, count), false);
  }

  /** {@link #select()} with a leading {@code __row BIGINT} column: the local engine's row index of each row. */
  public String selectWithRow() {
    return build(0, -1, true);
  }

  /** {@link #select(long, long)} with a leading {@code __row BIGINT} column. */
  public String selectWithRow(long firstRow, long count) {
    return build(firstRow, checkedCount(firstRow, count), true);
  }

  private long checkedCount(long firstRow, long count) {
    if (firstRow < 0 || count < 0 || firstRow > table.rows() - count) {
      throw new IllegalArgumentException("rows [" + firstRow + ", " + firstRow + " + " + count + ") are outside "
          + table.name() + "'s " + table.rows() + " rows");
    }
    return count;
  }

  private String build(long first, long count, boolean withRow) {
    String text = text(first, count, withRow);
    if (SqlLimits.bytes(text) > SqlLimits.MAX_STATEMENT_CHARS) {
      throw new IllegalStateException(table.name() + "'s SELECT has " + SqlLimits.bytes(text) + " bytes; a "
          + "statement may have at most " + SqlLimits.MAX_STATEMENT_CHARS);
    }
    return text;
  }

  private String text(long first, long count, boolean withRow) {
    Statement st = new Statement(plan, options.partitions());
    TableSql sql = new TableSql(st, table, options.batchNumber(), first, count);
    List<String> outputs = new ArrayList<>();
    if (withRow) {
      outputs.add("`__row`");
    }
    for (CompiledColumn c : columns) {
      outputs.add(sql.output(c.name()));
    }
    return st.with(sql.select(outputs));
  }
}
