package io.synthgen.column;

import io.synthgen.vec.Vec;

/** Small helpers over vectors. */
public final class Vecs {

  private Vecs() {
  }

  /** Marks {@code target} NULL wherever {@code source} is NULL (a lookup through a NULL foreign key is NULL). */
  public static void orNulls(Vec target, Vec source) {
    boolean[] s = source.nulls();
    if (s == null) {
      return;
    }
    for (int i = 0; i < target.size(); i++) {
      if (s[i]) {
        target.setNull(i);
      }
    }
  }

  /** A vector sharing the values of {@code v} with its own copy of the null mask. */
  public static Vec copy(Vec v) {
    Vec out;
    if (v instanceof io.synthgen.vec.LongVec l) {
      out = new io.synthgen.vec.LongVec(l.type(), l.values, l.size());
    } else if (v instanceof io.synthgen.vec.DoubleVec d) {
      out = new io.synthgen.vec.DoubleVec(d.values, d.size());
    } else if (v instanceof io.synthgen.vec.BoolVec b) {
      out = new io.synthgen.vec.BoolVec(b.values, b.size());
    } else {
      io.synthgen.vec.StrVec s = (io.synthgen.vec.StrVec) v;
      out = s.isDictionary() ? io.synthgen.vec.StrVec.dictionary(s.dict, s.codes, s.size())
          : s.isUtf8() ? io.synthgen.vec.StrVec.utf8(s.utf8, s.offsets, s.size())
          : io.synthgen.vec.StrVec.plain(s.plain, s.size());
    }
    out.setNulls(v.nulls() == null ? null : v.nulls().clone());
    return out;
  }
}
