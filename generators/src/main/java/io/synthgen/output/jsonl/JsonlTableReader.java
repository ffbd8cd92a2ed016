package io.synthgen.output.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.synthgen.output.BatchBuilder;
import io.synthgen.output.BatchSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TextInput;
import io.synthgen.plan.DataType;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a JSONL file written by {@link JsonlFormat}; a key that is absent reads as null, an unknown key is an error. */
public final class JsonlTableReader extends BatchSource {

  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final List<OutputColumn> expected;
  private final Map<String, Integer> index = new HashMap<>();
  private final JsonParser parser;
  private long nextRow;

  public JsonlTableReader(Path file, List<OutputColumn> expected, long firstRow) throws IOException {
    this.file = file;
    this.expected = List.copyOf(expected);
    this.nextRow = firstRow;
    for (int c = 0; c < expected.size(); c++) {
      index.put(expected.get(c).name(), c);
    }
    this.parser = JSON.createParser(TextInput.stream(file));
  }

  @Override
  protected Batch read() throws IOException {
    BatchBuilder b = new BatchBuilder(expected, BATCH_ROWS);
    int n = 0;
    while (n < BATCH_ROWS) {
      JsonToken t = parser.nextToken();
      if (t == null) {
        break;
      }
      if (t != JsonToken.START_OBJECT) {
        throw error("expected an object per line, found " + t);
      }
      boolean[] seen = new boolean[expected.size()];
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        Integer c = index.get(key);
        if (c == null) {
          throw error("unknown key '" + key + "'; expected columns are " + index.keySet());
        }
        seen[c] = true;
        parser.nextToken();
        value(b, c, n);
      }
      for (int c = 0; c < seen.length; c++) {
        if (!seen[c]) {
          b.setNull(c, n);
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

  private void value(BatchBuilder b, int c, int row) throws IOException {
    DataType type = expected.get(c).type();
    JsonToken t = parser.currentToken();
    try {
      switch (t) {
        case VALUE_NULL:
          b.setNull(c, row);
          return;
        case VALUE_TRUE:
        case VALUE_FALSE:
          if (type.kind() != DataType.Kind.BOOLEAN) {
            break;
          }
          b.setBoolean(c, row, t == JsonToken.VALUE_TRUE);
          return;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          if (type.kind() == DataType.Kind.DOUBLE) {
            b.setDouble(c, row, parser.getDoubleValue());
          } else if (type.isNumeric()) {
            b.setText(c, row, parser.getText());
          } else {
            break;
          }
          return;
        case VALUE_STRING:
          b.setText(c, row, parser.getText());
          return;
        default:
          break;
      }
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
    throw error("column " + expected.get(c).name() + " is " + type + " but holds " + t);
  }

  private IOException error(String what) {
    return new IOException(file + " at line " + parser.currentLocation().getLineNr() + ": " + what);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
