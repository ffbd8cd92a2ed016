package io.synthgen.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 50 US states and the District of Columbia with what makes an address agree with itself: 2020 Census
 * population, the USPS 3-digit ZIP prefixes and a selection of telephone area codes of each state. Read once from
 * {@code synthgen/us_states.csv}, in the file's order (alphabetical by state name).
 */
public final class UsStates {

  /** One state: its postal abbreviation, name, population, ZIP prefixes (0-999) and area codes. */
  public record State(String abbr, String name, long population, List<Integer> zip3, List<Integer> areaCodes) {
    public State {
      zip3 = List.copyOf(zip3);
      areaCodes = List.copyOf(areaCodes);
    }
  }

  private static final String RESOURCE = "synthgen/us_states.csv";
  private static final List<State> ALL = load();
  private static final Map<String, State> BY_ABBR = index(ALL);

  private UsStates() {
  }

  /** Every state, in the resource's order; index i of this list is the state's index. */
  public static List<State> all() {
    return ALL;
  }

  /** The state with this postal abbreviation (upper case), or null. */
  public static State byAbbr(String abbr) {
    return abbr == null ? null : BY_ABBR.get(abbr);
  }

  private static Map<String, State> index(List<State> states) {
    Map<String, State> m = new LinkedHashMap<>();
    for (State s : states) {
      m.put(s.abbr(), s);
    }
    return Collections.unmodifiableMap(m);
  }

  private static List<State> load() {
    try (InputStream in = UsStates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<State> out = new ArrayList<>();
      boolean header = true;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        out.add(parse(line));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** {@code abbr,name,population,zip3 ranges ("010-027 055"),area codes ("339 413")}. */
  static State parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 5) {
      throw new IllegalStateException(RESOURCE + ": expected 5 fields in '" + line + "'");
    }
    List<Integer> zips = new ArrayList<>();
    for (String part : f[3].trim().split("\\s+")) {
      int dash = part.indexOf('-');
      int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
      int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1));
      for (int z = lo; z <= hi; z++) {
        zips.add(z);
      }
    }
    List<Integer> codes = new ArrayList<>();
    for (String part : f[4].trim().split("\\s+")) {
      codes.add(Integer.parseInt(part));
    }
    return new State(f[0].trim(), f[1].trim(), Long.parseLong(f[2].trim()), zips, codes);
  }
}
