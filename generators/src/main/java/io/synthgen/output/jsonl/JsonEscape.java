package io.synthgen.output.jsonl;

import io.synthgen.output.ByteBuf;
import io.synthgen.vec.StrDict;
import java.nio.charset.StandardCharsets;

/** JSON string literals from UTF-8: quotes, backslashes and control characters escaped, other bytes kept as they are. */
final class JsonEscape {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private JsonEscape() {
  }

  static void put(ByteBuf b, String s) {
    put(b, s.getBytes(StandardCharsets.UTF_8));
  }

  static void put(ByteBuf b, byte[] utf8) {
    put(b, utf8, 0, utf8.length);
  }

  /** The literal for {@code utf8[from, to)}. */
  static void put(ByteBuf b, byte[] utf8, int from, int to) {
    b.ensure(to - from + 2);
    b.put('"');
    for (int i = from; i < to; i++) {
      int c = utf8[i] & 0xFF;
      if (c == '"' || c == '\\') {
        b.put('\\');
        b.put(c);
      } else if (c >= 0x20) {
        b.put(c);
      } else {
        b.put('\\');
        switch (c) {
          case '\n':
            b.put('n');
            break;
          case '\r':
            b.put('r');
            break;
          case '\t':
            b.put('t');
            break;
          case '\b':
            b.put('b');
            break;
          case '\f':
            b.put('f');
            break;
          default:
            b.putAscii("u00");
            b.put(HEX[c >>> 4]);
            b.put(HEX[c & 15]);
        }
      }
    }
    b.put('"');
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
