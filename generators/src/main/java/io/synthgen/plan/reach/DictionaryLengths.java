package io.synthgen.plan.reach;

import io.synthgen.dictionary.Dictionary;
import io.synthgen.vec.StrDict;

/** The longest value of a dictionary, for the string lengths expressions build from it. */
public final class DictionaryLengths {

  private DictionaryLengths() {
  }

  /** The longest value of a list dictionary; -1 for composed and pooled ones (and unknown names). */
  public static long longest(Dictionary d) {
    if (d == null || d.kind() != Dictionary.Kind.LIST) {
      return -1;
    }
    StrDict values = d.values(null);
    long longest = 0;
    for (int k = 0; k < values.size(); k++) {
      longest = Math.max(longest, values.get(k).length());
    }
    return longest;
  }
}
