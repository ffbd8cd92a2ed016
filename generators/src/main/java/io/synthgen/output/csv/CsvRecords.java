package io.synthgen.output.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records. An unquoted empty field is null; a quoted one is the empty string. Accepts
 * {@code \n} and {@code \r\n} line ends and newlines inside quoted fields.
 */
public final class CsvRecords {

  private final Reader in;
  private final StringBuilder sb = new StringBuilder();
  private int peeked = -2;
  private long line = 1;

  public CsvRecords(Reader in) {
    this.in = in;
  }

  /** Line number where the next record starts (1-based), for error messages. */
  public long line() {
    return line;
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    int c = in.read();
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
      if (peeked == '\n') {
        line++;
      }
    }
    return peeked;
  }

  /** The next record's fields, or null at the end of the input. */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    while (true) {
      sb.setLength(0);
      boolean quoted = false;
      if (c == '"') {
        quoted = true;
        while (true) {
          c = read();
          if (c == -1) {
            throw new IOException("unterminated quoted field at line " + line);
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              sb.append('"');
              continue;
            }
            c = read();
            break;
          }
          sb.append((char) c);
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          sb.append((char) c);
          c = read();
        }
      }
      fields.add(!quoted && sb.length() == 0 ? null : sb.toString());
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        return fields;
      }
      if (c == '\n' || c == -1) {
        return fields;
      }
      throw new IOException("unexpected character '" + (char) c + "' after a quoted field at line " + line);
    }
  }
}
