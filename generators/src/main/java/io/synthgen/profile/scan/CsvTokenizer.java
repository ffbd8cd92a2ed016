package io.synthgen.profile.scan;

import io.synthgen.profile.ProfileLimits;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: fields separated by {@code ,}, records by {@code \n} or {@code \r\n}, fields
 * quoted with {@code "} may hold separators, line breaks and doubled quotes. An unquoted empty field is NULL (as
 * synthgen writes it), a quoted empty field the empty string. A record longer than
 * {@link ProfileLimits#MAX_LINE_CHARS} characters is refused: the file is not CSV, or not one we can bound. Reads
 * through its own buffer (one virtual call per 64 KiB, not per character).
 */
final class CsvTokenizer {

  /** A syntax or size problem at a line: the caller turns it into a violation naming the file. */
  static final class CsvException extends Exception {
    private static final long serialVersionUID = 1L;

    CsvException(String message) {
      super(message);
    }
  }

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private final StringBuilder sb = new StringBuilder();
  private final List<String> fields = new ArrayList<>();
  private boolean[] quotedFlags = new boolean[16];

  CsvTokenizer(Reader in) {
    this.in = in;
  }

  long line() {
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

  /** Whether field {@code i} of the last record was quoted. */
  boolean quoted(int i) {
    return quotedFlags[i];
  }

  /** The next record's fields (a reused list), or null at the end. A blank last line ends the input. */
  List<String> next() throws IOException, CsvException {
    fields.clear();
    int c = read();
    if (c == -1) {
      return null;
    }
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
            throw new CsvException("a quoted field that starts on line " + start + " never ends");
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
          if (++chars > ProfileLimits.MAX_LINE_CHARS) {
            throw tooLong(start);
          }
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          if (c == '"') {
            throw new CsvException("a quote inside an unquoted field on line " + line
                + " (RFC 4180 quotes the whole field and doubles inner quotes)");
          }
          sb.append((char) c);
          if (++chars > ProfileLimits.MAX_LINE_CHARS) {
            throw tooLong(start);
          }
          c = read();
        }
      }
      if (fields.size() == quotedFlags.length) {
        quotedFlags = java.util.Arrays.copyOf(quotedFlags, quotedFlags.length * 2);
      }
      quotedFlags[fields.size()] = quoted;
      fields.add(!quoted && sb.length() == 0 ? null : sb.toString());
      if (fields.size() > ProfileLimits.MAX_COLUMNS) {
        throw new CsvException("more than " + ProfileLimits.MAX_COLUMNS + " fields on line " + start);
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
      throw new CsvException("unexpected character '" + (char) c + "' after a quoted field on line " + line);
    }
  }

  private static CsvException tooLong(long start) {
    return new CsvException("the record on line " + start + " is longer than " + ProfileLimits.MAX_LINE_CHARS
        + " characters");
  }
}
