package io.synthgen.compare;

import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableReader;
import io.synthgen.output.formats.TableReaders;
import io.synthgen.plan.DataType;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A table read through synthgen's own readers: a run's table (its columns as the plan declares them) or a source's
 * Parquet files (the columns their footer declares). Files are read one after another.
 *
 * @param unreadable columns of a Parquet source of a type synthgen does not read, with that type
 * @param generatedKeys a run's columns made by a sequence or uuid strategy
 */
record VecTable(String name, String location, List<Path> files, List<OutputColumn> outputColumns,
    List<String> unreadable, java.util.Set<String> generatedKeys) implements RowTable {

  VecTable {
    files = List.copyOf(files);
    outputColumns = List.copyOf(outputColumns);
    unreadable = List.copyOf(unreadable);
    generatedKeys = java.util.Set.copyOf(generatedKeys);
  }

  @Override
  public List<String> columns() {
    return outputColumns.stream().map(OutputColumn::name).toList();
  }

  @Override
  public DataType type(String column) {
    return outputColumns.stream().filter(c -> c.name().equals(column)).map(OutputColumn::type).findFirst()
        .orElse(null);
  }

  @Override
  public Reader open(List<String> columns, List<DataType> hints) {
    List<String> all = columns();
    int[] index = columns.stream().mapToInt(all::indexOf).toArray();
    return new Reader() {
      private int file;
      private TableReader current;
      private Batch batch;
      private Vec[] vecs;
      private int row;

      @Override
      public boolean next(Cell[] out) throws IOException {
        try {
          while (batch == null || row == batch.size()) {
            if (current != null && current.hasNext()) {
              batch = current.next();
              row = 0;
              vecs = new Vec[index.length];
              for (int c = 0; c < index.length; c++) {
                vecs[c] = batch.vectors().get(index[c]);
              }
              continue;
            }
            if (current != null) {
              current.close();
              current = null;
            }
            if (file == files.size()) {
              return false;
            }
            current = TableReaders.open(files.get(file++), outputColumns);
          }
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        for (int c = 0; c < index.length; c++) {
          set(out[c], vecs[c], row, hints.get(c));
        }
        row++;
        return true;
      }

      @Override
      public void close() throws IOException {
        if (current != null) {
          current.close();
        }
      }
    };
  }

  private static void set(Cell cell, Vec v, int i, DataType hint) {
    if (v.isNull(i)) {
      cell.setNull();
    } else if (v instanceof LongVec l) {
      DataType t = l.type();
      switch (t.kind()) {
        case DECIMAL -> cell.setDecimal(l.values[i], t.scale());
        case DATE -> cell.setDate(l.values[i]);
        case TIMESTAMP -> cell.setTimestamp(l.values[i]);
        case BIGINT, INT, DOUBLE, STRING, BOOLEAN -> cell.setLong(l.values[i]);
      }
    } else if (v instanceof DoubleVec d) {
      cell.setDouble(d.values[i]);
    } else if (v instanceof BoolVec b) {
      cell.setBoolean(b.values[i]);
    } else if (v instanceof StrVec s) {
      String text = s.str(i);
      if (hint == null || hint.kind() == DataType.Kind.STRING) {
        cell.setString(text);
      } else {
        cell.setText(text, hint);
      }
    } else {
      throw new IllegalStateException("unknown vector " + v.getClass().getName());
    }
  }
}
