package io.synthgen.profile.stats;

import io.synthgen.plan.DataType;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.DistinctCount;
import io.synthgen.profile.NumericSummary;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.StringSummary;
import io.synthgen.profile.TemporalSummary;
import io.synthgen.profile.ValueCount;
import io.synthgen.random.Stream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a column's profile needs, gathered in one pass with memory bounded by {@link ProfileLimits}: counts,
 * distinct values (exact hash set, then HyperLogLog and a Bloom filter), value counts (exact, then Misra–Gries),
 * a deterministic sample for fitting, robust bounds, temporal ranges, string lengths and shapes. A column of a typed
 * source (Parquet) is fed typed values; a CSV or JSONL column is fed text ({@link #addText}) whose type is decided at
 * the end as the narrowest that holds every value. Not thread-safe: one accumulator per column per thread.
 */
public final class ColumnAccumulator {

  private final String name;
  private final String sourceName;
  private final DataType declared;
  private final BloomBudget budget;
  private final TextCells cells = TextCells.create();

  private long rows;
  private long nulls;
  private final LongHashSet exactSet = new LongHashSet(ProfileLimits.EXACT_DISTINCT);
  private HyperLogLog hll;
  private BloomFilter bloom;
  private boolean overflowed;
  private final ValueCounts counts = new ValueCounts();

  private final NumericStats num;
  // whole numbers each one more than the last (a sequence key): their set is the range first..last, so the Bloom
  // filter is only filled, from the range, when that stops
  private boolean contiguous = true;
  private long firstWhole;
  private long lastWhole;
  private final TemporalStats temporal = new TemporalStats();
  private final StringStats strings = new StringStats();

  private long trues;
  private int classes;
  private int maxIntDigits;

  /**
   * @param declared the source's type, or null for text whose type is sniffed
   * @param sampleStream the stream the sample's row priorities come from
   */
  public ColumnAccumulator(String name, String sourceName, DataType declared, Stream sampleStream,
      BloomBudget budget) {
    this.name = name;
    this.sourceName = sourceName;
    this.declared = declared;
    this.budget = budget;
    this.num = new NumericStats(sampleStream);
  }

  public String name() {
    return name;
  }

  public void addNull() {
    rows++;
    nulls++;
  }

  /** An integer, a decimal's unscaled value, a date's epoch day or a timestamp's epoch micros, per the declared type. */
  public void addLong(long v, long row) {
    rows++;
    switch (declared.kind()) {
      case INT, BIGINT -> {
        num.add(v, row);
        whole(v);
        value(Hashes.ofLong(v), v, null);
      }
      case DECIMAL -> {
        value(Hashes.ofLong(v), v, null);
        double d = v / Math.pow(10, declared.scale());
        if (v % (long) Math.pow(10, declared.scale()) != 0) {
          num.integral = false;
        }
        num.add(d, row);
      }
      case DATE -> {
        value(Hashes.ofLong(v), v, null);
        temporal.add(v * TemporalStats.MICROS_PER_DAY);
      }
      case TIMESTAMP -> {
        value(Hashes.ofLong(v), v, null);
        temporal.add(v);
      }
      case DOUBLE, STRING, BOOLEAN -> throw new IllegalStateException(declared + " column fed a long");
    }
  }

  public void addDouble(double v, long row) {
    rows++;
    value(Hashes.ofDouble(v), Double.doubleToRawLongBits(v), null);
    num.fraction(v);
    num.add(v, row);
  }

  public void addBoolean(boolean v) {
    rows++;
    value(v ? 1 : 2, v ? 1 : 0, null);
    if (v) {
      trues++;
    }
  }

  public void addString(String s) {
    rows++;
    value(Hashes.ofString(s), 0, s);
    strings.add(s);
    strings.shape(s);
  }

  /**
   * A CSV or JSONL cell's text (not null: use {@link #addNull}). {@code stringOnly} for a JSON string: it may still be
   * a date or a timestamp (JSON has none), but not a number or a boolean.
   */
  public void addText(String s, long row, boolean stringOnly) {
    rows++;
    int c = cells.classify(s);
    if (stringOnly && (c & (TextCells.DATE | TextCells.TIMESTAMP)) == 0) {
      c = TextCells.STRING;
    }
    classes |= c;
    long h;
    if (c == TextCells.INT || c == TextCells.LONG) {
      h = Hashes.ofLong(cells.longValue);
      num.add(cells.doubleValue, row);
      whole(cells.longValue);
      int digits = s.length() - (s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0);
      maxIntDigits = Math.max(maxIntDigits, digits);
      strings.integerShape(s.charAt(0) == '-', digits);
    } else {
      h = Hashes.ofString(s);
      switch (c) {
        case TextCells.DECIMAL, TextCells.DOUBLE -> {
          contiguous = false;
          if (c == TextCells.DOUBLE) {
            num.fraction(cells.doubleValue);
            num.add(cells.doubleValue, row);
            break;
          }
          maxIntDigits = Math.max(maxIntDigits, cells.intDigits);
          num.scale = Math.max(num.scale, cells.scale);
          num.fraction(cells.doubleValue);
          num.add(cells.doubleValue, row);
        }
        case TextCells.DATE, TextCells.TIMESTAMP -> {
          contiguous = false;
          temporal.add(cells.micros);
        }
        case TextCells.BOOL -> {
          contiguous = false;
          if (cells.boolValue) {
            trues++;
          }
          strings.shape(s);
        }
        default -> {
          contiguous = false;
          strings.shape(s);
        }
      }
    }
    value(h, 0, s);
    strings.add(s);
  }

  /**
   * Counts a value. While the value counts are exact they are the distinct set too; from their switch to
   * Misra–Gries on, the hash set takes over (seeded with every hash counted until then), then HyperLogLog.
   */
  private void value(long h, long raw, Object obj) {
    counts.add(h, raw, obj);
    if (counts.exact()) {
      return;
    }
    long[] seed = counts.takeKeysAtSwitch();
    if (seed != null) {
      for (long x : seed) {
        exactSet.add(x);
      }
    }
    distinct(h);
  }

  private void distinct(long h) {
    if (!overflowed) {
      if (exactSet.add(h)) {
        return;
      }
      overflowed = true;
      hll = new HyperLogLog();
      // only integer and string columns can be keys: a filter for a timestamp or an amount would cost a cache miss
      // per row for nothing
      bloom = keyLike() ? budget.take() : null;
      for (long x : exactSet.toArray()) {
        hll.add(x);
        if (bloom != null && !contiguous) {
          bloom.add(x); // a contiguous run is added from its range when it stops being one
        }
      }
    }
    hll.add(h);
    if (bloom != null && !contiguous) {
      bloom.add(h);
    }
  }

  /** A whole number of an integer column, in row order: tracks whether the values so far are a contiguous run. */
  private void whole(long v) {
    if (!contiguous) {
      return;
    }
    if (num.count == 1) {
      firstWhole = v;
      lastWhole = v;
      return;
    }
    if (v == lastWhole + 1) {
      lastWhole = v;
      return;
    }
    contiguous = false;
    if (bloom != null) {
      for (long x = firstWhole; x <= lastWhole; x++) {
        bloom.add(Hashes.ofLong(x));
      }
    }
  }

  private boolean keyLike() {
    if (declared != null) {
      return declared.isIntegral() || declared.kind() == DataType.Kind.STRING;
    }
    return (classes & ~(TextCells.INT | TextCells.LONG | TextCells.STRING)) == 0
        || (classes & TextCells.STRING) != 0;
  }

  /** The type the column holds: the declared one, or for text the narrowest type holding every value. */
  public DataType type() {
    if (declared != null) {
      return declared;
    }
    int c = classes;
    if (c == 0) {
      return DataType.STRING;
    }
    int ints = TextCells.INT | TextCells.LONG;
    if ((c & ~ints) == 0) {
      return (c & TextCells.LONG) != 0 ? DataType.BIGINT : DataType.INT;
    }
    int scale = num.scale;
    if ((c & ~(ints | TextCells.DECIMAL)) == 0 && maxIntDigits + scale <= DataType.MAX_DECIMAL_PRECISION) {
      return DataType.decimal(Math.max(1, maxIntDigits + scale), scale);
    }
    if ((c & ~(ints | TextCells.DECIMAL | TextCells.DOUBLE)) == 0) {
      return DataType.DOUBLE;
    }
    if (c == TextCells.DATE) {
      return DataType.DATE;
    }
    if ((c & ~(TextCells.DATE | TextCells.TIMESTAMP)) == 0) {
      return DataType.TIMESTAMP;
    }
    if (c == TextCells.BOOL) {
      return DataType.BOOLEAN;
    }
    return DataType.STRING;
  }

  /** The finished profile. */
  public ColumnProfile profile() {
    DataType type = type();
    long nonNull = rows - nulls;
    DistinctCount dc;
    boolean sequence = type.isIntegral() && num.increasing && num.count == nonNull && nonNull > 0;
    if (!overflowed) {
      int n = counts.exact() ? counts.size() : exactSet.size();
      dc = new DistinctCount(n, "exact", n == nonNull);
    } else {
      long est = hll.estimate();
      boolean unique = sequence
          || bloom != null && bloom.repeats() <= 2 * bloom.expectedFalseRepeats(nonNull) + 10
          && Math.abs(est - nonNull) <= 0.03 * nonNull;
      dc = new DistinctCount(sequence ? nonNull : est, sequence ? "exact" : "hyperloglog", unique);
    }
    List<ValueCount> top = new ArrayList<>();
    for (ValueCounts.Entry e : counts.top(ProfileLimits.TOP_VALUES)) {
      top.add(new ValueCount(declared == null ? typed(String.valueOf(e.value()), type) : typedRaw(e), e.count()));
    }
    NumericSummary n = type.isNumeric() && num.count > 0 ? num.summary(type) : null;
    TemporalSummary tem = type.isTemporal() && temporal.count > 0
        ? temporal.summary(type.kind() == DataType.Kind.DATE) : null;
    StringSummary str = type.kind() == DataType.Kind.STRING && strings.count > 0 ? strings.summary() : null;
    Long t = type.kind() == DataType.Kind.BOOLEAN ? trues : null;
    return new ColumnProfile(name, sourceName, type, rows, nulls, dc, top, counts.exact(), n, tem, str, t);
  }

  /**
   * True when the column passed {@link ProfileLimits#EXACT_DISTINCT} distinct values after the source's Bloom filters
   * were all taken: it is then neither tested as a key (unless strictly increasing) nor as a foreign key.
   */
  public boolean lostKeyDetection() {
    return overflowed && bloom == null && keyLike() && !(type().isIntegral() && contiguous);
  }

  /** The column's values for inclusion tests, when it is an integer or string column (else null). */
  public KeyValues keyValues() {
    DataType type = type();
    if (!type.isIntegral() && type.kind() != DataType.Kind.STRING) {
      return null;
    }
    LongHashSet set = exactSet;
    if (counts.exact()) {
      set = new LongHashSet(ProfileLimits.EXACT_DISTINCT);
      for (long h : counts.hashes()) {
        set.add(h);
      }
    }
    boolean range = type.isIntegral() && contiguous && num.count == rows - nulls && num.count > 0;
    double lo = num.count > 0 ? num.min : 0;
    double hi = num.count > 0 ? num.max : 0;
    return new KeyValues(type.isIntegral(), overflowed ? null : set, range || !overflowed ? null : bloom, range,
        (long) lo, (long) hi);
  }

  /** A counted value of a typed column in its plan JSON form. */
  private Object typedRaw(ValueCounts.Entry e) {
    long v = e.raw();
    return switch (declared.kind()) {
      case INT, BIGINT -> v;
      case DECIMAL -> BigDecimal.valueOf(v, declared.scale());
      case DATE -> LocalDate.ofEpochDay(v).toString();
      case TIMESTAMP -> TemporalStats.isoTimestamp(v);
      case DOUBLE -> Double.longBitsToDouble(v);
      case BOOLEAN -> v == 1;
      case STRING -> e.value();
    };
  }

  private Object typed(String text, DataType type) {
    return switch (type.kind()) {
      case INT, BIGINT -> Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      case DECIMAL -> new BigDecimal(text).setScale(type.scale());
      case DOUBLE -> Double.parseDouble(text);
      case BOOLEAN -> Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
      // the ISO text of the value the cell was read as (a US date, an offset's UTC instant)
      case DATE -> cells.classify(text) == TextCells.DATE ? TemporalStats.text(cells.micros, true) : text;
      case TIMESTAMP -> (cells.classify(text) & (TextCells.DATE | TextCells.TIMESTAMP)) != 0
          ? TemporalStats.isoTimestamp(cells.micros) : text;
      case STRING -> text;
    };
  }
}
