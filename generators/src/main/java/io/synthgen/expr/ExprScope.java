package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.vec.StrDict;
import java.time.LocalDate;
import java.util.List;

/** What an expression may see when it is compiled: the names it can reference and where its randomness comes from. */
public interface ExprScope {

  /** The type of a column of the same table (helper columns included), or null when there is none. */
  DataType columnType(String name);

  /** The same table's column names, for "did you mean" messages. */
  List<String> columnNames();

  /**
   * The type of {@code table.column} reached through this table's foreign key to {@code table} (a parent lookup),
   * or null when this table has no foreign key to it or it has no such column.
   */
  DataType parentColumnType(String table, String column);

  /** The tables this table's foreign keys reach, for "did you mean" messages; empty when not known. */
  default List<String> parentTables() {
    return List.of();
  }

  /** The columns of a parent table, for "did you mean" messages; empty when not known. */
  default List<String> parentColumnNames(String table) {
    return List.of();
  }

  /**
   * The foreign key column of this table through which {@code table.column} references to {@code parentTable}
   * read their parent row (what the local engine's {@code ResolvedTable.viaFor} answers), for the expression's
   * Spark SQL; null when not known, and then the expression has no SQL for such references.
   */
  default String foreignKeyTo(String parentTable) {
    return null;
  }

  /** The stream the expression's random functions derive their draws from (one child per call site). */
  Stream stream();

  /** "today" for the expression's date functions. */
  LocalDate referenceDate();

  /**
   * The batches the plan's series is checked for ({@code Series.batches}), 1 without a series: {@code batch()}
   * reaches 0 .. batches - 1.
   */
  default long batches() {
    return 1;
  }

  /** A named dictionary for {@code dict('name')}, or null when unknown. */
  StrDict dictionary(String name);

  /** Every dictionary name, for messages. */
  List<String> dictionaryNames();
}
