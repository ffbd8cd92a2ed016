package io.synthgen.compare;

import io.synthgen.plan.DataType;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A table to compare: its name, its columns and a way to read its rows as canonical {@link Cell}s. */
interface RowTable {

  String name();

  /** Where it was read, for the report: a file or folder path, or the run table's name. */
  String location();

  List<String> columns();

  /** The column's declared type, or null when the format declares none (CSV, JSONL). */
  DataType type(String column);

  /**
   * Columns synthgen numbers or draws by itself (a {@code sequence} or {@code uuid} strategy of a run's plan): they
   * hold nothing of a source row, so the row check leaves them out. Empty for a source.
   */
  java.util.Set<String> generatedKeys();

  /** Columns the table has but cannot be read (a Parquet type synthgen does not read), each with its type. */
  List<String> unreadable();

  /**
   * Opens the rows of {@code columns} (a subset of {@link #columns()}); text values are read as {@code hints} (one
   * per column) say.
   */
  Reader open(List<String> columns, List<DataType> hints) throws IOException;

  /** Rows in order; {@link #next} fills one cell per opened column. */
  interface Reader extends Closeable {
    boolean next(Cell[] row) throws IOException;
  }
}
