package io.synthgen.output.csv;

import io.synthgen.output.ByteBuf;
import io.synthgen.vec.StrDict;
import java.nio.charset.StandardCharsets;

/** RFC 4180 field quoting on UTF-8 bytes (the special characters are ASCII, so they never occur inside a sequence). */
final class CsvEscape {

  private CsvEscape() {
  }

  static void put(ByteBuf b, String s) {
    put(b, s.getBytes(StandardCharsets.UTF_8));
  }

  static void put(ByteBuf b, byte[] utf8) {
    put(b, utf8, 0, utf8.length);
  }

  /** The field for {@code utf8[from, to)}. */
  static void put(ByteBuf b, byte[] utf8, int from, int to) {
    if (!needsQuotes(utf8, from, to)) {
      b.put(utf8, from, to - from);
      return;
    }
    b.ensure(to - from + 2);
    b.put('"');
    for (int i = from; i < to; i++) {
      byte x = utf8[i];
      if (x == '"') {
        b.put('"');
      }
      b.put(x);
    }
    b.put('"');
  }

  /** Empty strings are quoted so that an empty unquoted field can mean NULL. */
  private static boolean needsQuotes(byte[] utf8, int from, int to) {
    if (from == to) {
      return true;
    }
    for (int i = from; i < to; i++) {
      byte x = utf8[i];
      if (x == ',' || x == '"' || x == '\n' || x == '\r') {
        return true;
      }
    }
    return false;
  }

  static byte[][] all(StrDict dict) {
    byte[][] out = new byte[dict.size()][];
    ByteBuf b = new ByteBuf(64);
    for (int i = 0; i < out.length; i++) {
      b.reset();
      put(b, dict.utf8(i));
      out[i] = b.toByteArray();
    }
    return out;
  }
}
