package io.synthgen.vec;

import io.synthgen.plan.DataType;
import java.nio.charset.StandardCharsets;

/**
 * string values, in one of three layouts: dictionary-coded ({@link #codes} into a shared {@link StrDict}), for values
 * drawn from a known list; plain ({@link #plain}), for values built per row; or UTF-8 ({@link #utf8} bytes cut by
 * {@link #offsets}), for values built per row straight into bytes, which writers copy without encoding.
 *
 * <p>UTF-8 vectors go only to writers and batch observers: {@code BatchContext.column} hands generators and
 * expressions the plain form ({@link #withStrings}), so code that reads {@link #plain} after {@link #isDictionary}
 * keeps working. Exactly one of {@link #codes}, {@link #plain} and {@link #utf8} is non-null.
 */
public final class StrVec extends Vec {

  /** Dictionary layout: codes into {@link #dict}; null in the other layouts. */
  public final int[] codes;
  public final StrDict dict;
  /** Plain layout: one string per row (null entries where null); null in the other layouts. */
  public final String[] plain;
  /** UTF-8 layout: row i is {@code utf8[offsets[i], offsets[i + 1])} (empty where null); null otherwise. */
  public final byte[] utf8;
  public final int[] offsets;

  private StrVec(int[] codes, StrDict dict, String[] plain, byte[] utf8, int[] offsets, int size) {
    super(DataType.STRING, size);
    this.codes = codes;
    this.dict = dict;
    this.plain = plain;
    this.utf8 = utf8;
    this.offsets = offsets;
  }

  public static StrVec dictionary(StrDict dict, int[] codes, int size) {
    return new StrVec(codes, dict, null, null, null, size);
  }

  public static StrVec plain(String[] values, int size) {
    return new StrVec(null, null, values, null, null, size);
  }

  /** UTF-8 layout; {@code offsets} has {@code size + 1} entries, non-decreasing. See {@link Utf8Builder}. */
  public static StrVec utf8(byte[] bytes, int[] offsets, int size) {
    if (offsets.length < size + 1) {
      throw new IllegalArgumentException("a UTF-8 string vector of " + size + " rows needs " + (size + 1)
          + " offsets, got " + offsets.length);
    }
    return new StrVec(null, null, null, bytes, offsets, size);
  }

  public boolean isDictionary() {
    return codes != null;
  }

  public boolean isUtf8() {
    return utf8 != null;
  }

  /** The string at i, or null. */
  public String str(int i) {
    if (isNull(i)) {
      return null;
    }
    if (codes != null) {
      return dict.get(codes[i]);
    }
    if (plain != null) {
      return plain[i];
    }
    return new String(utf8, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
  }

  /** This vector when it is dictionary or plain; a UTF-8 one decoded to plain layout, with a copy of its nulls. */
  public StrVec withStrings() {
    if (utf8 == null) {
      return this;
    }
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      out[i] = str(i);
    }
    StrVec v = plain(out, size);
    v.setNulls(nulls == null ? null : nulls.clone());
    return v;
  }

  @Override
  public Object get(int i) {
    return str(i);
  }
}
