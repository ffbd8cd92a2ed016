package io.synthgen.vec;

import io.synthgen.plan.DataType;

/**
 * string values, in one of two layouts: dictionary-coded ({@link #codes} into a shared {@link StrDict}), for values
 * drawn from a known list, or plain ({@link #plain}), for values built per row.
 */
public final class StrVec extends Vec {

  /** Dictionary layout: codes into {@link #dict}; null in plain layout. */
  public final int[] codes;
  public final StrDict dict;
  /** Plain layout: one string per row (null entries where null); null in dictionary layout. */
  public final String[] plain;

  private StrVec(int[] codes, StrDict dict, String[] plain, int size) {
    super(DataType.STRING, size);
    this.codes = codes;
    this.dict = dict;
    this.plain = plain;
  }

  public static StrVec dictionary(StrDict dict, int[] codes, int size) {
    return new StrVec(codes, dict, null, size);
  }

  public static StrVec plain(String[] values, int size) {
    return new StrVec(null, null, values, size);
  }

  public boolean isDictionary() {
    return codes != null;
  }

  /** The string at i, or null. */
  public String str(int i) {
    if (isNull(i)) {
      return null;
    }
    return codes != null ? dict.get(codes[i]) : plain[i];
  }

  @Override
  public Object get(int i) {
    return str(i);
  }
}
