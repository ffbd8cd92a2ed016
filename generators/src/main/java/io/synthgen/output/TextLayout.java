package io.synthgen.output;

import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;

/** How a text format renders each cell of a vector, decided once per batch so the row loop is a switch. */
public enum TextLayout {
  INTEGER, DECIMAL, DATE, TIMESTAMP, DOUBLE, BOOLEAN, DICT_STRING, PLAIN_STRING, UTF8_STRING;

  public static TextLayout of(Vec v) {
    if (v instanceof LongVec) {
      switch (v.type().kind()) {
        case DECIMAL:
          return DECIMAL;
        case DATE:
          return DATE;
        case TIMESTAMP:
          return TIMESTAMP;
        case BIGINT:
        case INT:
          return INTEGER;
        case DOUBLE:
        case STRING:
        case BOOLEAN:
          break;
      }
      throw new IllegalArgumentException("a long vector cannot hold " + v.type());
    }
    if (v instanceof DoubleVec) {
      return DOUBLE;
    }
    if (v instanceof BoolVec) {
      return BOOLEAN;
    }
    if (v instanceof StrVec s) {
      return s.isDictionary() ? DICT_STRING : s.isUtf8() ? UTF8_STRING : PLAIN_STRING;
    }
    throw new IllegalArgumentException("no text layout for " + v.getClass().getName());
  }

  /** True when row i holds no value (null mask, or a null entry of a plain string vector). */
  public static boolean isNull(Vec v, int i) {
    return v.isNull(i) || (v instanceof StrVec s && s.plain != null && s.plain[i] == null);
  }
}
