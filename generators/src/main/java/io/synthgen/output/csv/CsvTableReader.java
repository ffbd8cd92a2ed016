package io.synthgen.output.csv;

import io.synthgen.output.BatchBuilder;
import io.synthgen.output.BatchSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TextInput;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

/** Reads a CSV file written by {@link CsvFormat}: checks the header, then parses values by the expected types. */
public final class CsvTableReader extends BatchSource {

  private final Path file;
  private final List<OutputColumn> expected;
  private final Reader reader;
  private final CsvRecords records;
  private long nextRow;

  public CsvTableReader(Path file, List<OutputColumn> expected, long firstRow) throws IOException {
    this.file = file;
    this.expected = List.copyOf(expected);
    this.nextRow = firstRow;
    this.reader = TextInput.reader(file);
    this.records = new CsvRecords(reader);
    try {
      List<String> header = records.next();
      List<String> names = this.expected.stream().map(OutputColumn::name).toList();
      if (header == null || !header.equals(names)) {
        throw new IOException(file + " has header " + header + " but the expected columns are " + names);
      }
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  protected Batch read() throws IOException {
    BatchBuilder b = new BatchBuilder(expected, BATCH_ROWS);
    int n = 0;
    while (n < BATCH_ROWS) {
      long line = records.line();
      List<String> fields = records.next();
      if (fields == null) {
        break;
      }
      if (fields.size() != expected.size()) {
        throw new IOException(file + " line " + line + " has " + fields.size() + " fields, expected "
            + expected.size());
      }
      for (int c = 0; c < fields.size(); c++) {
        String s = fields.get(c);
        if (s == null) {
          b.setNull(c, n);
        } else {
          try {
            b.setText(c, n, s);
          } catch (IllegalArgumentException e) {
            throw new IOException(file + " line " + line + ": " + e.getMessage(), e);
          }
        }
      }
      n++;
    }
    if (n == 0) {
      return null;
    }
    Batch batch = b.build(nextRow, n);
    nextRow += n;
    return batch;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
