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
import java.util.Locale;
import java.util.function.Function;
import io.synthgen.dictionary.UsStates.State;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

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
            c -> perState(c, "us_state_name", null, (st, d, h) -> st.name(), null)),
        new FunctionDef("us_zip", "us_zip(state)", 1, 1, true, c -> perState(c, "us_zip", c.stream(), (st, d, h) -> {
          int zip3 = st.zip3().get((int) Stream.below(d[0].bits(h), st.zip3().size()));
          int last2 = 1 + (int) Stream.below(d[1].bits(h), 99);
          return zip(zip3, last2);
        }, (sc, pos, d) -> "concat(lpad(CAST(" + pick(sc, "us_zip3", State::zip3, pos, d[0]) + " AS STRING), 3, '0'), "
            + "lpad(CAST(1L + " + SqlText.below(SqlText.bits(sc, d[1].key()), 99) + " AS STRING), 2, '0'))")),
        new FunctionDef("us_area_code", "us_area_code(state)", 1, 1, true,
            c -> perState(c, "us_area_code", c.stream(), GeoFunctions::areaCode,
                (sc, pos, d) -> "CAST(" + pick(sc, "us_area_codes", State::areaCodes, pos, d[0]) + " AS STRING)")),
        new FunctionDef("us_phone", "us_phone(state)", 1, 1, true,
            c -> perState(c, "us_phone", c.stream(), GeoFunctions::phone, GeoFunctions::phoneSql)));
  }

  /** A state-dependent value in SQL from the state's 1-based position in {@link #ABBRS} (a BIGINT, > 0). */
  private interface PerStateSql {
    String apply(SqlScope scope, String position, Stream[] draws);
  }

  /** One of the state's list (zip3 prefixes, area codes) at {@code below(draw bits, its size)}, as SQL. */
  private static String pick(SqlScope sc, String hint, Function<State, List<Integer>> list, String pos, Stream draw) {
    List<String> perState = new ArrayList<>();
    for (State st : UsStates.all()) {
      perState.add(SqlText.array(list.apply(st).stream().map(v -> Integer.toString(v)).toList()));
    }
    String lists = sc.constantArray(hint, SqlText.array(perState));
    return SqlOps.let("element_at(" + lists + ", CAST(" + pos + " AS INT))", l -> "element_at(" + l + ", CAST("
        + SqlText.toUniform(SqlText.bits(sc, draw.key())) + " * CAST(size(" + l + ") AS DOUBLE) AS INT) + 1)", pos);
  }

  private static String phoneSql(SqlScope sc, String pos, Stream[] d) {
    String exchange = SqlOps.let("(200L + " + SqlText.below(SqlText.bits(sc, d[1].key()), 800) + ")",
        e -> "IF(" + e + " % 100L = 11L, " + e + " + 1L, " + e + ")");
    return "concat('(', CAST(" + pick(sc, "us_area_codes", State::areaCodes, pos, d[0]) + " AS STRING), ') ', CAST("
        + exchange + " AS STRING), '-', lpad(CAST(" + SqlText.below(SqlText.bits(sc, d[2].key()), 10_000)
        + " AS STRING), 4, '0'))";
  }

  /** The 1-based position of a STRING postal abbreviation in {@link #ABBRS}: 0 when unknown, NULL for NULL. */
  private static String position(SqlScope sc, String state) {
    List<String> abbrs = new ArrayList<>();
    for (String a : ABBRS.values()) {
      abbrs.add(SqlText.lit(a));
    }
    return "array_position(" + sc.constantArray("us_state_abbrs", SqlText.array(abbrs)) + ", " + state + ")";
  }

  /**
   * us_state() in SQL: the alias table's choice for a uniform u. In slot i = (int)(u * n) the table picks i below
   * a threshold and its alias above; the thresholds are found from {@link AliasTable#sample} itself (by bisection
   * over the doubles of the slot), so the SQL cannot drift from the table.
   */
  private static String stateSql(SqlScope sc, Stream s) {
    int n = BY_POPULATION.size();
    List<String> abbrs = new ArrayList<>();
    for (String a : ABBRS.values()) {
      abbrs.add(SqlText.lit(a));
    }
    String u = SqlText.uniform(sc, s.key());
    String t = sc.constantArray("us_state_thresholds", SqlText.array(AliasSlots.THRESHOLDS));
    String lo = sc.constantArray("us_state_below", SqlText.array(AliasSlots.BELOW));
    String hi = sc.constantArray("us_state_above", SqlText.array(AliasSlots.ABOVE));
    String names = sc.constantArray("us_state_abbrs", SqlText.array(abbrs));
    return SqlOps.let(u, x -> SqlOps.let("least(CAST(" + x + " * " + n + ".0D AS INT), " + (n - 1) + ") + 1", i ->
        "element_at(" + names + ", CASE WHEN " + x + " < element_at(" + t + ", " + i + ") THEN element_at(" + lo
            + ", " + i + ") ELSE element_at(" + hi + ", " + i + ") END)", x, t, lo, hi, names), t, lo, hi, names);
  }

  /** Per slot of {@link #BY_POPULATION}: the first uniform that picks the alias, and the 1-based picks either side. */
  private static final class AliasSlots {
    static final List<String> THRESHOLDS = new ArrayList<>();
    static final List<String> BELOW = new ArrayList<>();
    static final List<String> ABOVE = new ArrayList<>();

    static {
      int n = BY_POPULATION.size();
      for (int i = 0; i < n; i++) {
        int slot = i;
        long first = firstUnit(k -> slot(k, n) >= slot);
        long last = firstUnit(k -> slot(k, n) > slot) - 1;
        int lo = BY_POPULATION.sample(first * 0x1.0p-53);
        int hi = BY_POPULATION.sample(last * 0x1.0p-53);
        long change = lo == hi ? last + 1 : firstUnitFrom(first, last + 1,
            k -> BY_POPULATION.sample(k * 0x1.0p-53) != lo);
        THRESHOLDS.add(SqlText.lit(change * 0x1.0p-53));
        BELOW.add(Integer.toString(lo + 1));
        ABOVE.add(Integer.toString(hi + 1));
      }
    }

    private AliasSlots() {
    }
  }

  /** The alias table's slot of the uniform k * 2^-53, as its sample computes it. */
  private static int slot(long k, int n) {
    double x = k * 0x1.0p-53 * n;
    return Math.min((int) x, n - 1);
  }

  /** The smallest k in [0, 2^53] for which a predicate monotone in k holds. */
  private static long firstUnit(java.util.function.LongPredicate p) {
    return firstUnitFrom(0, 1L << 53, p);
  }

  private static long firstUnitFrom(long lo, long hi, java.util.function.LongPredicate p) {
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (p.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
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
    int area = st.areaCodes().get((int) Stream.below(d[0].bits(h), st.areaCodes().size()));
    if (area < 100 || area > 999) {
      return "(" + area + ") " + exchange + "-" + String.format(Locale.ROOT, "%04d", line);
    }
    char[] c = {'(', 0, 0, 0, ')', ' ', 0, 0, 0, '-', 0, 0, 0, 0};
    digits(c, 1, area, 3);
    digits(c, 6, exchange, 3);
    digits(c, 10, line, 4);
    return new String(c);
  }

  /** The ZIP code {@code %03d%02d} of a 3-digit prefix and a 2-digit suffix, without a formatter per row. */
  private static String zip(int zip3, int last2) {
    if (zip3 < 0 || zip3 > 999 || last2 < 0 || last2 > 99) {
      return String.format(Locale.ROOT, "%03d%02d", zip3, last2);
    }
    char[] c = new char[5];
    digits(c, 0, zip3, 3);
    digits(c, 3, last2, 2);
    return new String(c);
  }

  /** {@code v} (non-negative, below 10^width) as {@code width} zero-padded ASCII digits at {@code c[at]}. */
  private static void digits(char[] c, int at, int v, int width) {
    for (int k = at + width - 1; k >= at; k--) {
      c[k] = (char) ('0' + v % 10);
      v /= 10;
    }
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
      String sql(SqlScope scope) {
        return stateSql(scope, s);
      }

      @Override
      boolean isConstant() {
        return false;
      }
    };
  }

  /** A string per row from the row's state (and, for random functions, the row's bits); NULL for unknown states. */
  private static Node perState(Call c, String name, Stream stream, PerState f, PerStateSql sql) {
    Node input = c.as(0, DataType.STRING);
    if (c.bad()) {
      return Node.failure();
    }
    if (stream == null) {
      return new StrMap(input, v -> {
        UsStates.State st = UsStates.byAbbr(v);
        return st == null ? null : f.apply(st, null, 0);
      }, (scope, x) -> {
        List<String> names = new ArrayList<>();
        for (State st : UsStates.all()) {
          names.add(SqlText.lit(st.name()));
        }
        String arr = scope.constantArray("us_state_names", SqlText.array(names));
        return SqlOps.let(position(scope, x), p -> "CASE WHEN " + p + " > 0L THEN element_at(" + arr + ", CAST(" + p
            + " AS INT)) END", arr);
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
      String sql(SqlScope scope) {
        return SqlOps.let(position(scope, input.sql(scope)), p -> "CASE WHEN " + p + " > 0L THEN "
            + sql.apply(scope, p, draws) + " END");
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
