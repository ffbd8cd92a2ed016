package io.synthgen.expr;

import io.synthgen.dictionary.UsStates;
import io.synthgen.distribution.AliasTable;
import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * US addresses that agree with themselves: a state drawn by population, and a ZIP code, area code or phone number
 * that belongs to a given state (data in {@link UsStates}). A state argument is a postal abbreviation; an unknown
 * or NULL state gives NULL. The random ones draw from their call site's stream like every random function.
 */
final class GeoFunctions {

  private static final StrDict ABBRS;
  private static final AliasTable BY_POPULATION;

  static {
    List<String> abbrs = new ArrayList<>();
    double[] weights = new double[UsStates.all().size()];
    for (int i = 0; i < weights.length; i++) {
      abbrs.add(UsStates.all().get(i).abbr());
      weights[i] = UsStates.all().get(i).population();
    }
    ABBRS = new StrDict(abbrs);
    BY_POPULATION = new AliasTable(weights);
  }

  private GeoFunctions() {
  }

  static List<FunctionDef> defs() {
    return List.of(
        new FunctionDef("us_state", "us_state()", 0, 0, true, GeoFunctions::state),
        new FunctionDef("us_state_name", "us_state_name(state)", 1, 1, false,
            c -> perState(c, "us_state_name", null, (st, d, h) -> st.name())),
        new FunctionDef("us_zip", "us_zip(state)", 1, 1, true, c -> perState(c, "us_zip", c.stream(), (st, d, h) -> {
          int zip3 = st.zip3().get((int) Stream.below(d[0].bits(h), st.zip3().size()));
          int last2 = 1 + (int) Stream.below(d[1].bits(h), 99);
          return String.format("%03d%02d", zip3, last2);
        })),
        new FunctionDef("us_area_code", "us_area_code(state)", 1, 1, true,
            c -> perState(c, "us_area_code", c.stream(), GeoFunctions::areaCode)),
        new FunctionDef("us_phone", "us_phone(state)", 1, 1, true,
            c -> perState(c, "us_phone", c.stream(), GeoFunctions::phone)));
  }

  /** A value for a state at a row: {@code draws[k].bits(rowHash)} is the row's k-th independent draw. */
  private interface PerState {
    String apply(UsStates.State state, Stream[] draws, long rowHash);
  }

  private static String areaCode(UsStates.State st, Stream[] d, long h) {
    return Integer.toString(st.areaCodes().get((int) Stream.below(d[0].bits(h), st.areaCodes().size())));
  }

  /** (AAA) NXX-XXXX: an area code of the state, an exchange 200-999 that is not an N11 service code, a line. */
  private static String phone(UsStates.State st, Stream[] d, long h) {
    int exchange = 200 + (int) Stream.below(d[1].bits(h), 800);
    if (exchange % 100 == 11) {
      exchange++;
    }
    int line = (int) Stream.below(d[2].bits(h), 10_000);
    return "(" + areaCode(st, d, h) + ") " + exchange + "-" + String.format("%04d", line);
  }

  private static Node state(Call c) {
    Stream s = c.stream();
    return new Node(DataType.STRING, List.of()) {
      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        long[] hashes = in.rowHashes();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = BY_POPULATION.sample(s.uniform(hashes[i]));
        }
        return StrVec.dictionary(ABBRS, codes, n);
      }

      @Override
      boolean isConstant() {
        return false;
      }
    };
  }

  /** A string per row from the row's state (and, for random functions, the row's bits); NULL for unknown states. */
  private static Node perState(Call c, String name, Stream stream, PerState f) {
    Node input = c.as(0, DataType.STRING);
    if (c.bad()) {
      return Node.failure();
    }
    if (stream == null) {
      return new StrMap(input, v -> {
        UsStates.State st = UsStates.byAbbr(v);
        return st == null ? null : f.apply(st, null, 0);
      });
    }
    DictCache<UsStates.State[]> cache = new DictCache<>();
    Stream[] draws = {stream.draw(0), stream.draw(1), stream.draw(2)};
    return new Node(DataType.STRING, List.of(input)) {
      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        StrVec states = (StrVec) input.eval(in);
        UsStates.State[] perCode = states.isDictionary() ? cache.get(states.dict, GeoFunctions::lookup) : null;
        long[] hashes = in.rowHashes();
        String[] out = new String[n];
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
          UsStates.State st = states.isNull(i) ? null
              : perCode != null ? perCode[states.codes[i]] : UsStates.byAbbr(states.plain[i]);
          if (st == null) {
            nulls = MapNodes.mark(nulls, i, n);
          } else {
            out[i] = f.apply(st, draws, hashes[i]);
          }
        }
        return Vecs.plain(out, nulls, n);
      }

      @Override
      boolean isConstant() {
        return false;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static UsStates.State[] lookup(StrDict dict) {
    UsStates.State[] out = new UsStates.State[dict.size()];
    for (int code = 0; code < out.length; code++) {
      out[code] = UsStates.byAbbr(dict.get(code));
    }
    return out;
  }
}
