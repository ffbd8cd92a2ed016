package io.synthgen.output.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: fields separated by {@code ,}, records by {@code \n}, {@code \r\n} or
 * {@code \r}, fields quoted with {@code "} may hold separators, line breaks and doubled quotes. An unquoted empty
 * field is null (as synthgen writes it), a quoted empty field the empty string. Reads through its own buffer (one
 * virtual call per 64 KiB, not per character).
 *
 * <p>{@link #CsvRecords(Reader)} reads files synthgen wrote or was given to compare with; {@link #strict} reads a
 * file to profile, which may not be CSV at all: it refuses a quote inside an unquoted field (which the lenient
 * reader keeps as a character, as DuckDB and Spark do) and bounds the record's characters and fields. A syntax or
 * size problem is a {@link FormatException}.
 */
public final class CsvRecords {

  /** A syntax or size problem at a line: the caller may turn it into a violation naming the file. */
  public static final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  private final Reader in;
  private final int maxChars;
  private final int maxFields;
  private final boolean strict;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private final StringBuilder sb = new StringBuilder();

  public CsvRecords(Reader in) {
    this(in, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
  }

  private CsvRecords(Reader in, int maxChars, int maxFields, boolean strict) {
    this.in = in;
    this.maxChars = maxChars;
    this.maxFields = maxFields;
    this.strict = strict;
  }

  /**
   * A reader that refuses a quote inside an unquoted field, a record of more than {@code maxChars} characters in its
   * fields and one of more than {@code maxFields} fields.
   */
  public static CsvRecords strict(Reader in, int maxChars, int maxFields) {
    return new CsvRecords(in, maxChars, maxFields, true);
  }

  /** Line number where the next record starts (1-based), for error messages. */
  public long line() {
    return line;
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private void unread() {
    pos--;
  }

  /** The next record's fields (a new list), or null at the end of the input. */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    long start = line;
    int chars = 0;
    while (true) {
      sb.setLength(0);
      boolean quoted = false;
      if (c == '"') {
        quoted = true;
        while (true) {
          c = read();
          if (c == -1) {
            throw new FormatException("a quoted field that starts on line " + start + " never ends");
          }
          if (c == '"') {
            c = read();
            if (c == '"') {
              sb.append('"');
              continue;
            }
            break;
          }
          if (c == '\n') {
            line++;
          }
          sb.append((char) c);
          if (++chars > maxChars) {
            throw tooLong(start);
          }
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          if (c == '"' && strict) {
            throw new FormatException("a quote inside an unquoted field on line " + line
                + " (RFC 4180 quotes the whole field and doubles inner quotes)");
          }
          sb.append((char) c);
          if (++chars > maxChars) {
            throw tooLong(start);
          }
          c = read();
        }
      }
      fields.add(!quoted && sb.length() == 0 ? null : sb.toString());
      if (fields.size() > maxFields) {
        throw new FormatException("more than " + maxFields + " fields on line " + start);
      }
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        c = read();
        if (c != '\n' && c != -1) {
          unread();
        }
        line++;
        return fields;
      }
      if (c == '\n') {
        line++;
        return fields;
      }
      if (c == -1) {
        return fields;
      }
      throw new FormatException("unexpected character '" + (char) c + "' after a quoted field on line " + line);
    }
  }

  private FormatException tooLong(long start) {
    return new FormatException("the record on line " + start + " is longer than " + maxChars + " characters");
  }
}
