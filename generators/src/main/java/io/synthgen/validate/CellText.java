package io.synthgen.validate;

import io.synthgen.plan.DataType;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of a cell as the ground truth records it, and back: integers and decimals as written by the CSV writer,
 * doubles as {@link Double#toString}, dates {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss[.ffffff]},
 * booleans {@code true}/{@code false}; NULL is Java null. {@code parse(type, text(v, i))} gives the cell back.
 */
public final class CellText {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private CellText() {
  }

  /** The cell's text, or null where it is NULL. */
  public static String of(Vec v, int i) {
    if (v.isNull(i)) {
      return null;
    }
    if (v instanceof StrVec s) {
      return s.str(i);
    }
    if (v instanceof DoubleVec d) {
      return Double.toString(d.values[i]);
    }
    if (v instanceof BoolVec b) {
      return Boolean.toString(b.values[i]);
    }
    LongVec l = (LongVec) v;
    return ofLong(l.type(), l.values[i]);
  }

  /** The text of a long-backed value of {@code type}. */
  public static String ofLong(DataType type, long x) {
    switch (type.kind()) {
      case DECIMAL:
        return BigDecimal.valueOf(x, type.scale()).toPlainString();
      case DATE:
        return LocalDate.ofEpochDay(x).toString();
      case TIMESTAMP:
        return timestamp(x);
      case BIGINT:
      case INT:
        return Long.toString(x);
      case DOUBLE:
      case STRING:
      case BOOLEAN:
        throw new IllegalArgumentException(type + " is not long-backed");
    }
    throw new IllegalArgumentException("unknown type " + type);
  }

  /** {@code yyyy-MM-dd HH:mm:ss}, with {@code .ffffff} when the microseconds are not zero. */
  public static String timestamp(long micros) {
    LocalDateTime t = toDateTime(micros);
    String s = t.toLocalDate() + " " + String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", t.getHour(),
        t.getMinute(), t.getSecond());
    long frac = Math.floorMod(micros, 1_000_000L);
    return frac == 0 ? s : s + String.format(java.util.Locale.ROOT, ".%06d", frac);
  }

  public static LocalDateTime toDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  /** The long representation of {@code text} for a long-backed type. */
  public static long parseLong(DataType type, String text) {
    switch (type.kind()) {
      case DECIMAL:
        return new BigDecimal(text).setScale(type.scale()).unscaledValue().longValueExact();
      case DATE:
        return LocalDate.parse(text).toEpochDay();
      case TIMESTAMP: {
        LocalDateTime t = LocalDateTime.parse(text.replace(' ', 'T'));
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
      }
      case BIGINT:
      case INT:
        return Long.parseLong(text);
      case DOUBLE:
      case STRING:
      case BOOLEAN:
        throw new IllegalArgumentException(type + " is not long-backed");
    }
    throw new IllegalArgumentException("unknown type " + type);
  }

  /** Sets cell {@code i} of a mutable vector (see {@link MutableColumn}) from its text; null makes it NULL. */
  public static void set(Vec v, int i, String text) {
    if (text == null) {
      v.setNull(i);
      return;
    }
    if (v.nulls() != null) {
      v.nulls()[i] = false;
    }
    if (v instanceof StrVec s) {
      s.plain[i] = text;
    } else if (v instanceof DoubleVec d) {
      d.values[i] = Double.parseDouble(text);
    } else if (v instanceof BoolVec b) {
      b.values[i] = Boolean.parseBoolean(text);
    } else {
      LongVec l = (LongVec) v;
      l.values[i] = parseLong(l.type(), text);
    }
  }

  public static long days(long micros) {
    return Math.floorDiv(micros, MICROS_PER_DAY);
  }
}
