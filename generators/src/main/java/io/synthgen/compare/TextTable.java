package io.synthgen.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.output.TextInput;
import io.synthgen.output.csv.CsvRecords;
import io.synthgen.plan.DataType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source table in a text format: CSV with a header line (RFC 4180; an unquoted empty field is NULL) or JSONL (one
 * object per line; a missing key or JSON null is NULL). Text values are read as the synthetic column's type; the
 * columns are the CSV header or the keys of the first JSONL object.
 */
record TextTable(String name, String location, List<Path> files, boolean csv, List<String> columns)
    implements RowTable {

  private static final JsonFactory JSON = new ObjectMapper().getFactory();

  TextTable {
    files = List.copyOf(files);
    columns = List.copyOf(columns);
  }

  /** The table of text files {@code files} (all of one format, the first one's columns). */
  static TextTable of(String name, String location, List<Path> files, boolean csv) throws IOException {
    return new TextTable(name, location, files, csv, csv ? header(files.get(0)) : firstKeys(files.get(0)));
  }

  /** A header without the byte order mark before its first name (which is not part of it, as the profiler reads it). */
  static List<String> withoutBom(List<String> h) {
    if (h.isEmpty() || h.get(0) == null || !h.get(0).startsWith("\uFEFF")) {
      return h;
    }
    List<String> out = new java.util.ArrayList<>(h);
    out.set(0, h.get(0).substring(1));
    return out;
  }

  private static List<String> header(Path file) throws IOException {
    try (BufferedReader r = TextInput.reader(file)) {
      List<String> h = new CsvRecords(r).next();
      if (h == null) {
        throw new IOException(file + " is empty; a CSV source needs a header line naming its columns");
      }
      return withoutBom(h).stream().map(s -> s == null ? "" : s).toList();
    }
  }

  private static List<String> firstKeys(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(TextInput.stream(file))) {
      Set<String> keys = new LinkedHashSet<>();
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          keys.add(p.currentName());
          p.nextToken();
          p.skipChildren();
        }
      }
      return List.copyOf(keys);
    }
  }

  @Override
  public DataType type(String column) {
    return null;
  }

  @Override
  public java.util.Set<String> generatedKeys() {
    return java.util.Set.of();
  }

  @Override
  public List<String> unreadable() {
    return List.of();
  }

  @Override
  public Reader open(List<String> selected, List<DataType> hints) {
    return csv ? new CsvReader(selected, hints) : new JsonReader(selected, hints);
  }

  private abstract class FilesReader implements Reader {
    final List<DataType> hints;
    int file;

    FilesReader(List<DataType> hints) {
      this.hints = hints;
    }

    abstract boolean opened();

    abstract void openNext(Path p) throws IOException;

    abstract boolean read(Cell[] row) throws IOException;

    abstract void closeCurrent() throws IOException;

    @Override
    public boolean next(Cell[] row) throws IOException {
      while (true) {
        if (opened() && read(row)) {
          return true;
        }
        closeCurrent();
        if (file == files.size()) {
          return false;
        }
        openNext(files.get(file++));
      }
    }

    @Override
    public void close() throws IOException {
      closeCurrent();
    }
  }

  private final class CsvReader extends FilesReader {
    private final List<String> selected;
    private BufferedReader in;
    private CsvRecords records;
    private int[] index;
    private Path current;

    CsvReader(List<String> selected, List<DataType> hints) {
      super(hints);
      this.selected = selected;
    }

    @Override
    boolean opened() {
      return records != null;
    }

    @Override
    void openNext(Path p) throws IOException {
      in = TextInput.reader(p);
      records = new CsvRecords(in);
      current = p;
      List<String> h = records.next();
      List<String> header = h == null ? List.of() : withoutBom(h);
      index = new int[selected.size()];
      for (int c = 0; c < index.length; c++) {
        index[c] = header.indexOf(selected.get(c));
        if (index[c] < 0) {
          throw new IOException(p + " has no column " + selected.get(c) + " (its header is " + header
              + "); the files of one table must share their columns");
        }
      }
    }

    @Override
    boolean read(Cell[] row) throws IOException {
      long line = records.line();
      List<String> fields = records.next();
      if (fields == null) {
        return false;
      }
      for (int c = 0; c < index.length; c++) {
        if (index[c] >= fields.size()) {
          throw new IOException(current + " line " + line + " has " + fields.size() + " fields, fewer than its header");
        }
        String s = fields.get(index[c]);
        if (s == null) {
          row[c].setNull();
        } else {
          row[c].setText(s, hints.get(c));
        }
      }
      return true;
    }

    @Override
    void closeCurrent() throws IOException {
      if (in != null) {
        in.close();
        in = null;
        records = null;
      }
    }
  }

  private final class JsonReader extends FilesReader {
    private final Map<String, Integer> index = new HashMap<>();
    private JsonParser parser;
    private Path current;

    JsonReader(List<String> selected, List<DataType> hints) {
      super(hints);
      for (int c = 0; c < selected.size(); c++) {
        index.put(selected.get(c), c);
      }
    }

    @Override
    boolean opened() {
      return parser != null;
    }

    @Override
    void openNext(Path p) throws IOException {
      parser = JSON.createParser(TextInput.stream(p));
      current = p;
    }

    @Override
    boolean read(Cell[] row) throws IOException {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return false;
      }
      if (t != JsonToken.START_OBJECT) {
        throw new IOException(current + " line " + parser.currentLocation().getLineNr()
            + ": expected an object per line, found " + t);
      }
      for (Cell c : row) {
        c.setNull();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        Integer c = index.get(parser.currentName());
        JsonToken v = parser.nextToken();
        if (c == null) {
          parser.skipChildren();
          continue;
        }
        Cell cell = row[c];
        DataType hint = hints.get(c);
        switch (v) {
          case VALUE_NULL -> cell.setNull();
          case VALUE_TRUE, VALUE_FALSE -> cell.setBoolean(v == JsonToken.VALUE_TRUE);
          case VALUE_NUMBER_INT -> {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
              cell.setText(parser.getText(), hint);
            } else {
              cell.setLong(parser.getLongValue());
            }
          }
          case VALUE_NUMBER_FLOAT -> cell.setText(parser.getText(), DataType.DOUBLE);
          case VALUE_STRING -> cell.setText(parser.getText(), hint);
          default -> {
            // an object or array: compared as its compact JSON text
            cell.setString(parser.readValueAsTree().toString());
          }
        }
      }
      return true;
    }

    @Override
    void closeCurrent() throws IOException {
      if (parser != null) {
        parser.close();
        parser = null;
      }
    }
  }
}
