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
    // the sources' arrays are read once here, not cast per row (a source no row chose may be unevaluated: null)
    boolean[][] masks = new boolean[sources.length][];
    if (constDict == null) {
      for (int k = 0; k < sources.length; k++) {
        masks[k] = sources[k] == null ? null : sources[k].nulls();
      }
    }
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      int c = choice[i];
      boolean isNull = c < 0 || (constDict != null ? constCodes[c] < 0 : masks[c] != null && masks[c][i]);
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
        double[][] from = new double[sources.length][];
        for (int k = 0; k < sources.length; k++) {
          from[k] = sources[k] instanceof DoubleVec v ? v.values : null;
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
          int c = choice[i];
          if (c >= 0) {
            r[i] = from[c][i];
          }
        }
        return Vecs.doubles(r, nulls, n);
      }
      case BOOLEAN: {
        boolean[][] from = new boolean[sources.length][];
        for (int k = 0; k < sources.length; k++) {
          from[k] = sources[k] instanceof BoolVec v ? v.values : null;
        }
        boolean[] r = new boolean[n];
        for (int i = 0; i < n; i++) {
          int c = choice[i];
          if (c >= 0) {
            r[i] = from[c][i];
          }
        }
        return Vecs.bools(r, nulls, n);
      }
      case STRING:
        return strings(sources, choice, nulls, n);
      default: {
        long[][] from = new long[sources.length][];
        for (int k = 0; k < sources.length; k++) {
          from[k] = sources[k] instanceof LongVec v ? v.values : null;
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
          int c = choice[i];
          if (c >= 0) {
            r[i] = from[c][i];
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
      int[][] from = new int[sources.length][];
      for (int k = 0; k < sources.length; k++) {
        from[k] = sources[k] instanceof StrVec v ? v.codes : null;
      }
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        int c = choice[i];
        if (c >= 0) {
          codes[i] = from[c][i];
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
