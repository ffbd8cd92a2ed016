package io.synthgen.plan;

/**
 * One column of a table.
 *
 * @param nullRate fraction of rows that are NULL, 0..1, drawn independently of the value
 * @param omit a helper column: computed and usable by other columns, never written out
 * @param unique the plan asserts the column's values are distinct; the output validator checks it
 * @param note free text shown in the plan table
 */
public record Column(String name, DataType type, ColumnGen gen, double nullRate, boolean omit, boolean unique,
    String note) {

  public Column withGen(ColumnGen g) {
    return new Column(name, type, g, nullRate, omit, unique, note);
  }
}
