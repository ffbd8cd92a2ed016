package io.synthgen.vec;

import io.synthgen.plan.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Long-backed values: bigint and int as themselves, decimal(p,s) as unscaled values, date as days since
 * 1970-01-01, timestamp as microseconds since 1970-01-01T00:00 (no time zone).
 */
public final class LongVec extends Vec {

  public final long[] values;

  public LongVec(DataType type, int size) {
    this(type, new long[size], size);
  }

  public LongVec(DataType type, long[] values, int size) {
    super(type, size);
    if (!type.isLongBacked()) {
      throw new IllegalArgumentException(type + " is not long-backed");
    }
    this.values = values;
  }

  @Override
  public Object get(int i) {
    if (isNull(i)) {
      return null;
    }
    long v = values[i];
    switch (type.kind()) {
      case DECIMAL:
        return BigDecimal.valueOf(v, type.scale());
      case DATE:
        return LocalDate.ofEpochDay(v);
      case TIMESTAMP:
        return LocalDateTime.ofEpochSecond(Math.floorDiv(v, 1_000_000L),
            (int) Math.floorMod(v, 1_000_000L) * 1000, ZoneOffset.UTC);
      default:
        return v;
    }
  }
}
