package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a vector whose element i is element i of {@code sources[choice[i]]} (NULL where the choice is -1), for
 * CASE, COALESCE and friends. When every source is a string constant the result is dictionary-coded over those
 * constants; when every source shares one dictionary it stays on that dictionary.
 */
final class Merge {

  private final DataType type;
  private final StrDict constDict;
  private final int[] constCodes;

  /** {@code sources} are the nodes that will be merged, in choice order. */
  Merge(DataType type, List<Node> sources) {
    this.type = type;
    boolean allConst = type.kind() == DataType.Kind.STRING && !sources.isEmpty();
    for (Node s : sources) {
      allConst &= s instanceof Const;
    }
    if (allConst) {
      Map<String, Integer> codes = new LinkedHashMap<>();
      constCodes = new int[sources.size()];
      for (int k = 0; k < sources.size(); k++) {
        String v = ((Const) sources.get(k)).stringValue();
        constCodes[k] = v == null ? -1 : codes.computeIfAbsent(v, x -> codes.size());
      }
      constDict = new StrDict(new ArrayList<>(codes.keySet()));
    } else {
      constDict = null;
      constCodes = null;
    }
  }

  /** True when {@link #pick} needs no evaluated sources. */
  boolean constant() {
    return constDict != null;
  }

  Vec pick(Vec[] sources, int[] choice, int n) {
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      int c = choice[i];
      boolean isNull = c < 0 || (constDict != null ? constCodes[c] < 0 : sources[c].isNull(i));
      if (isNull) {
        if (nulls == null) {
          nulls = new boolean[n];
        }
        nulls[i] = true;
        choice[i] = -1;
      }
    }
    if (constDict != null) {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = choice[i] < 0 ? 0 : constCodes[choice[i]];
      }
      StrVec v = StrVec.dictionary(constDict, codes, n);
      v.setNulls(nulls);
      return v;
    }
    switch (type.kind()) {
      case DOUBLE: {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
          if (choice[i] >= 0) {
            r[i] = ((DoubleVec) sources[choice[i]]).values[i];
          }
        }
        return Vecs.doubles(r, nulls, n);
      }
      case BOOLEAN: {
        boolean[] r = new boolean[n];
        for (int i = 0; i < n; i++) {
          if (choice[i] >= 0) {
            r[i] = ((BoolVec) sources[choice[i]]).values[i];
          }
        }
        return Vecs.bools(r, nulls, n);
      }
      case STRING:
        return strings(sources, choice, nulls, n);
      default: {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
          if (choice[i] >= 0) {
            r[i] = ((LongVec) sources[choice[i]]).values[i];
          }
        }
        return Vecs.longs(type, r, nulls, n);
      }
    }
  }

  private static Vec strings(Vec[] sources, int[] choice, boolean[] nulls, int n) {
    StrDict shared = null;
    boolean same = true;
    for (Vec s : sources) {
      StrVec v = (StrVec) s;
      if (v == null) {
        continue;
      }
      if (!v.isDictionary() || (shared != null && shared != v.dict)) {
        same = false;
        break;
      }
      shared = v.dict;
    }
    if (same && shared != null) {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        if (choice[i] >= 0) {
          codes[i] = ((StrVec) sources[choice[i]]).codes[i];
        }
      }
      StrVec v = StrVec.dictionary(shared, codes, n);
      v.setNulls(nulls);
      return v;
    }
    String[] r = new String[n];
    for (int i = 0; i < n; i++) {
      if (choice[i] >= 0) {
        r[i] = ((StrVec) sources[choice[i]]).str(i);
      }
    }
    return Vecs.plain(r, nulls, n);
  }
}
