package io.synthgen.output.parquet;

import io.synthgen.output.ByteBuf;
import io.synthgen.output.OutputColumn;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Type;

/**
 * Encodes rows {@code [from, to)} of one vector as a column chunk. Dictionary-layout strings get a dictionary page
 * built from the used entries of their {@link StrDict}; long-backed columns with few distinct values in a small range
 * get a dictionary indexed by {@code value - min}; other strings are DELTA_LENGTH_BYTE_ARRAY; everything else is
 * PLAIN. One instance per call.
 */
final class ColumnChunkEncoder {

  /** Target uncompressed size of a data page. */
  static final int PAGE_BYTES = 1 << 20;
  static final int MAX_PAGE_ROWS = 1 << 18;
  /** Long columns are dictionary-encoded only when the plan expects at most this many distinct values ... */
  static final long LONG_DICT_MAX_DISTINCT = 1 << 16;
  /** ... and the chunk's values span less than this range (the index is an array over the range). */
  static final long LONG_DICT_MAX_RANGE = 1 << 17;

  private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final OutputColumn col;
  private final Type type;
  private final int from;
  private final int to;
  private final boolean[] nulls;
  private final int nullCount;
  private final PageSink sink;
  private final ByteBuf levels = new ByteBuf(1 << 10);
  private final ByteBuf values = new ByteBuf(PAGE_BYTES + (PAGE_BYTES >> 3));

  private ColumnChunkEncoder(OutputColumn col, Vec vec, int from, int to, PageCompressor.Session compressor) {
    this.col = col;
    this.type = ParquetTypes.physical(col.type());
    this.from = from;
    this.to = to;
    boolean[] mask = effectiveNulls(vec, from, to);
    int count = 0;
    if (mask != null) {
      for (int i = from; i < to; i++) {
        if (mask[i]) {
          if (!col.nullable()) {
            throw new IllegalArgumentException("column " + col.name() + " is not nullable but row " + i
                + " of the batch is null; mark the column nullable or make its generator produce a value");
          }
          count++;
        }
      }
    }
    this.nulls = count == 0 ? null : mask;
    this.nullCount = count;
    this.sink = new PageSink(compressor);
  }

  /** The vector's null mask, with null entries of a plain string vector counted as nulls too. */
  private static boolean[] effectiveNulls(Vec vec, int from, int to) {
    boolean[] mask = vec.nulls();
    if (vec instanceof StrVec s && s.plain != null) {
      for (int i = from; i < to; i++) {
        if (s.plain[i] == null && (mask == null || !mask[i])) {
          mask = mask == null ? new boolean[vec.size()] : mask.clone();
          for (int j = i; j < to; j++) {
            mask[j] |= s.plain[j] == null;
          }
          break;
        }
      }
    }
    return mask;
  }

  static EncodedColumn encode(OutputColumn col, Vec vec, int from, int to, PageCompressor.Session compressor)
      throws IOException {
    ColumnChunkEncoder e = new ColumnChunkEncoder(col, vec, from, to, compressor);
    Statistics stats;
    if (vec instanceof LongVec v) {
      stats = e.longs(v.values);
    } else if (vec instanceof DoubleVec v) {
      stats = e.doubles(v.values);
    } else if (vec instanceof BoolVec v) {
      stats = e.booleans(v.values);
    } else if (vec instanceof StrVec v) {
      stats = v.isDictionary() ? e.dictionaryStrings(v.dict, v.codes)
          : v.isUtf8() ? e.utf8Strings(v.utf8, v.offsets) : e.plainStrings(v.plain);
    } else {
      throw new IllegalArgumentException("no Parquet encoder for " + vec.getClass().getName());
    }
    return e.sink.finish(col.name(), e.type, to - from, col.nullable(), stats);
  }

  private boolean present(int i) {
    return nulls == null || !nulls[i];
  }

  private int nullsIn(int ps, int pe) {
    if (nulls == null) {
      return 0;
    }
    int c = 0;
    for (int i = ps; i < pe; i++) {
      if (nulls[i]) {
        c++;
      }
    }
    return c;
  }

  private void page(int ps, int pe, Encoding encoding) throws IOException {
    ByteBuf lv = null;
    if (col.nullable()) {
      levels.reset();
      Rle.encodeLevels(nulls, ps, pe, levels);
      lv = levels;
    }
    sink.dataPage(pe - ps, nullsIn(ps, pe), encoding, lv, values);
  }

  // ---- long-backed: bigint, int, decimal, date, timestamp

  private Statistics longs(long[] a) throws IOException {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      if (present(i)) {
        long v = a[i];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    int nonNull = to - from - nullCount;
    boolean int32 = type == Type.INT32;
    if (nonNull == 0) {
      plainLongs(a, int32);
      return StatBytes.nullsOnly(nullCount);
    }
    if (int32 && (min < Integer.MIN_VALUE || max > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException("column " + col.name() + " (" + col.type() + ") holds "
          + (min < Integer.MIN_VALUE ? min : max) + ", outside the 32-bit range of its type; widen the type to "
          + "bigint or decimal(18,s) or narrow the generator's range");
    }
    int[] dict = longDictionary(a, min, max, nonNull);
    if (dict != null) {
      dictionaryLongs(a, min, max, dict, int32);
    } else {
      plainLongs(a, int32);
    }
    return int32 ? StatBytes.of(nullCount, StatBytes.int32(min), StatBytes.int32(max))
        : StatBytes.of(nullCount, StatBytes.int64(min), StatBytes.int64(max));
  }

  /** {@code map[v - min]} = dictionary code + 1 for every used value, or null when a dictionary would not pay. */
  private int[] longDictionary(long[] a, long min, long max, int nonNull) {
    long est = col.distinctEstimate();
    long range = max - min;
    if (est > LONG_DICT_MAX_DISTINCT || range < 0 || range >= LONG_DICT_MAX_RANGE || range + 1 > nonNull) {
      return null;
    }
    int[] map = new int[(int) range + 1];
    for (int i = from; i < to; i++) {
      if (present(i)) {
        map[(int) (a[i] - min)] = 1;
      }
    }
    int used = 0;
    for (int k = 0; k < map.length; k++) {
      if (map[k] != 0) {
        map[k] = ++used;
      }
    }
    return used * 2 <= nonNull ? map : null;
  }

  private void dictionaryLongs(long[] a, long min, long max, int[] map, boolean int32) throws IOException {
    values.reset();
    int used = 0;
    for (int k = 0; k < map.length; k++) {
      if (map[k] != 0) {
        if (int32) {
          values.putIntLE((int) (min + k));
        } else {
          values.putLongLE(min + k);
        }
        used++;
      }
    }
    sink.dictionaryPage(values, used);
    int width = Rle.bitWidth(used - 1);
    int perPage = (int) Math.min(MAX_PAGE_ROWS, (long) PAGE_BYTES * 8 / width);
    int[] codes = new int[Math.min(perPage, to - from)];
    for (int ps = from; ps < to; ps += perPage) {
      int pe = Math.min(to, ps + perPage);
      int n = 0;
      for (int i = ps; i < pe; i++) {
        if (present(i)) {
          codes[n++] = map[(int) (a[i] - min)] - 1;
        }
      }
      indexPage(ps, pe, codes, n, width);
    }
  }

  private void indexPage(int ps, int pe, int[] codes, int n, int width) throws IOException {
    values.reset();
    values.put(width);
    Rle.encode(codes, n, width, values);
    page(ps, pe, Encoding.RLE_DICTIONARY);
  }

  private void plainLongs(long[] a, boolean int32) throws IOException {
    int width = int32 ? 4 : 8;
    int perPage = Math.min(MAX_PAGE_ROWS, PAGE_BYTES / width);
    for (int ps = from; ps < to; ps += perPage) {
      int pe = Math.min(to, ps + perPage);
      values.reset();
      values.ensure((pe - ps) * width);
      for (int i = ps; i < pe; i++) {
        if (present(i)) {
          if (int32) {
            values.putIntLE((int) a[i]);
          } else {
            values.putLongLE(a[i]);
          }
        }
      }
      page(ps, pe, Encoding.PLAIN);
    }
    if (from == to) {
      values.reset();
      page(from, to, Encoding.PLAIN);
    }
  }

  // ---- double

  private Statistics doubles(double[] a) throws IOException {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean any = false;
    int perPage = Math.min(MAX_PAGE_ROWS, PAGE_BYTES / 8);
    for (int ps = from; ps < to || ps == from; ps += perPage) {
      int pe = Math.min(to, ps + perPage);
      values.reset();
      values.ensure((pe - ps) * 8);
      for (int i = ps; i < pe; i++) {
        if (present(i)) {
          double v = a[i];
          values.putLongLE(Double.doubleToRawLongBits(v));
          if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            any = true;
          }
        }
      }
      page(ps, pe, Encoding.PLAIN);
      if (from == to) {
        break;
      }
    }
    if (!any) {
      return StatBytes.nullsOnly(nullCount);
    }
    // the spec asks for -0.0 as a zero minimum and +0.0 as a zero maximum
    if (min == 0.0) {
      min = -0.0;
    }
    if (max == 0.0) {
      max = 0.0;
    }
    return StatBytes.of(nullCount, StatBytes.int64(Double.doubleToRawLongBits(min)),
        StatBytes.int64(Double.doubleToRawLongBits(max)));
  }

  // ---- boolean

  private Statistics booleans(boolean[] a) throws IOException {
    boolean anyTrue = false;
    boolean anyFalse = false;
    int perPage = MAX_PAGE_ROWS;
    for (int ps = from; ps < to || ps == from; ps += perPage) {
      int pe = Math.min(to, ps + perPage);
      values.reset();
      values.ensure((pe - ps) / 8 + 1);
      int acc = 0;
      int bits = 0;
      for (int i = ps; i < pe; i++) {
        if (present(i)) {
          boolean v = a[i];
          anyTrue |= v;
          anyFalse |= !v;
          acc |= (v ? 1 : 0) << bits;
          if (++bits == 8) {
            values.putUnchecked(acc);
            acc = 0;
            bits = 0;
          }
        }
      }
      if (bits > 0) {
        values.putUnchecked(acc);
      }
      page(ps, pe, Encoding.PLAIN);
      if (from == to) {
        break;
      }
    }
    if (!anyTrue && !anyFalse) {
      return StatBytes.nullsOnly(nullCount);
    }
    return StatBytes.of(nullCount, new byte[] {(byte) (anyFalse ? 0 : 1)}, new byte[] {(byte) (anyTrue ? 1 : 0)});
  }

  // ---- strings

  private Statistics dictionaryStrings(StrDict dict, int[] codes) throws IOException {
    int[] map = new int[dict.size()];
    for (int i = from; i < to; i++) {
      if (present(i)) {
        map[codes[i]] = 1;
      }
    }
    int used = 0;
    byte[] min = null;
    byte[] max = null;
    values.reset();
    for (int k = 0; k < map.length; k++) {
      if (map[k] != 0) {
        map[k] = ++used;
        byte[] b = dict.utf8(k);
        values.putIntLE(b.length);
        values.put(b);
        if (min == null || Arrays.compareUnsigned(b, min) < 0) {
          min = b;
        }
        if (max == null || Arrays.compareUnsigned(b, max) > 0) {
          max = b;
        }
      }
    }
    if (used == 0) {
      return plainStrings(new String[to]);
    }
    sink.dictionaryPage(values, used);
    int width = Rle.bitWidth(used - 1);
    int perPage = (int) Math.min(MAX_PAGE_ROWS, (long) PAGE_BYTES * 8 / width);
    int[] page = new int[Math.min(perPage, to - from)];
    for (int ps = from; ps < to; ps += perPage) {
      int pe = Math.min(to, ps + perPage);
      int n = 0;
      for (int i = ps; i < pe; i++) {
        if (present(i)) {
          page[n++] = map[codes[i]] - 1;
        }
      }
      indexPage(ps, pe, page, n, width);
    }
    return StatBytes.of(nullCount, min, max);
  }

  /** Strings held as Java strings: encoded to UTF-8 once, then written as {@link #utf8Strings} writes them. */
  private Statistics plainStrings(String[] plain) throws IOException {
    int[] offsets = new int[to + 1];
    ByteBuf bytes = new ByteBuf((to - from) * 16);
    for (int i = from; i < to; i++) {
      offsets[i] = bytes.length();
      if (present(i)) {
        bytes.put(plain[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    offsets[to] = bytes.length();
    return utf8Strings(bytes.array(), offsets);
  }

  /**
   * DELTA_LENGTH_BYTE_ARRAY pages straight from UTF-8 bytes: the lengths (DELTA_BINARY_PACKED, a few bytes when they
   * are alike), then the values back to back. Without PLAIN's 4-byte prefix per value, zstd has less to compress and
   * compresses it better (W1's zip codes: a third of the bytes, several times faster). A chunk with no values gets
   * empty PLAIN pages.
   */
  private Statistics utf8Strings(byte[] bytes, int[] offsets) throws IOException {
    if (nullCount == to - from) {
      int ps = from;
      do {
        int pe = Math.min(to, ps + MAX_PAGE_ROWS);
        values.reset();
        page(ps, pe, Encoding.PLAIN);
        ps = pe;
      } while (ps < to);
      return StatBytes.nullsOnly(nullCount);
    }
    int min = -1;
    int max = -1;
    long minKey = 0;
    long maxKey = 0;
    int[] lengths = new int[Math.min(MAX_PAGE_ROWS, to - from)];
    int ps = from;
    while (ps < to) {
      int pe = ps;
      int n = 0;
      long size = 0;
      while (pe < to && pe - ps < MAX_PAGE_ROWS && size < PAGE_BYTES) {
        if (present(pe)) {
          int start = offsets[pe];
          int end = offsets[pe + 1];
          lengths[n++] = end - start;
          size += end - start;
          long key = prefixKey(bytes, start, end);
          if (min < 0) {
            min = pe;
            max = pe;
            minKey = key;
            maxKey = key;
          } else if (Long.compareUnsigned(key, minKey) > 0 && Long.compareUnsigned(key, maxKey) < 0) {
            // strictly between the current extremes on the first 8 bytes: neither changes
          } else if (Arrays.compareUnsigned(bytes, start, end, bytes, offsets[min], offsets[min + 1]) < 0) {
            min = pe;
            minKey = key;
          } else if (Arrays.compareUnsigned(bytes, start, end, bytes, offsets[max], offsets[max + 1]) > 0) {
            max = pe;
            maxKey = key;
          }
        }
        pe++;
      }
      values.reset();
      DeltaBinaryPacked.encode(lengths, n, values);
      values.ensure((int) size);
      copyPresent(bytes, offsets, ps, pe);
      page(ps, pe, Encoding.DELTA_LENGTH_BYTE_ARRAY);
      ps = pe;
    }
    return StatBytes.of(nullCount, Arrays.copyOfRange(bytes, offsets[min], offsets[min + 1]),
        Arrays.copyOfRange(bytes, offsets[max], offsets[max + 1]));
  }

  /**
   * The values of the present rows in {@code [ps, pe)} back to back into {@link #values}: one copy per run of
   * present rows, which are contiguous in {@code bytes}.
   */
  private void copyPresent(byte[] bytes, int[] offsets, int ps, int pe) {
    int i = ps;
    while (i < pe) {
      while (i < pe && !present(i)) {
        i++;
      }
      int run = i;
      while (i < pe && present(i)) {
        i++;
      }
      if (i > run) {
        values.put(bytes, offsets[run], offsets[i] - offsets[run]);
      }
    }
  }

  /**
   * The first 8 bytes of a value as an unsigned big-endian number, zero-padded: a key greater (less) than another's
   * means the value is greater (less) in unsigned byte order, so most rows skip the full comparisons for the page
   * statistics. Equal keys say nothing and fall back to them.
   */
  private static long prefixKey(byte[] bytes, int start, int end) {
    if (end - start >= 8) {
      return (long) LONG_BE.get(bytes, start);
    }
    long key = 0;
    for (int i = 0; i < 8; i++) {
      key = key << 8 | (start + i < end ? bytes[start + i] & 0xFF : 0);
    }
    return key;
  }
}
