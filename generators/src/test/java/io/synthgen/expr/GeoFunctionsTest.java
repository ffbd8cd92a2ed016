package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.UsStates;
import io.synthgen.plan.DataType;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** US address functions: states by population, and ZIP codes, area codes and phones that belong to the state. */
class GeoFunctionsTest {

  private static final int N = 60_000;

  @Test
  void statesFollowPopulation() {
    Fixture f = new Fixture().rows(N);
    Vec v = f.eval("us_state()", DataType.STRING);
    assertTrue(((StrVec) v).isDictionary(), "a state column stays dictionary-coded");
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < N; i++) {
      counts.merge((String) v.get(i), 1, Integer::sum);
    }
    long total = 0;
    for (UsStates.State s : UsStates.all()) {
      total += s.population();
    }
    for (String abbr : List.of("CA", "TX", "FL", "NY", "WY")) {
      double p = UsStates.byAbbr(abbr).population() / (double) total;
      assertEquals(p, counts.getOrDefault(abbr, 0) / (double) N, 4 * Math.sqrt(p * (1 - p) / N) + 1e-4, abbr);
    }
    assertEquals(51, counts.size(), "every state and DC appears");
  }

  @Test
  void zipsAreaCodesAndPhonesBelongToTheState() {
    List<String> abbrs = new ArrayList<>();
    for (UsStates.State s : UsStates.all()) {
      abbrs.add(s.abbr());
    }
    int[] codes = new int[N];
    for (int i = 0; i < N; i++) {
      codes[i] = i % abbrs.size();
    }
    Fixture f = new Fixture().coded("st", new StrDict(abbrs), codes);
    List<Object> zips = f.values("us_zip(st)", DataType.STRING);
    List<Object> areas = f.values("us_area_code(st)", DataType.STRING);
    List<Object> phones = f.values("us_phone(st)", DataType.STRING);
    for (int i = 0; i < N; i++) {
      UsStates.State s = UsStates.byAbbr(abbrs.get(codes[i]));
      String zip = (String) zips.get(i);
      assertTrue(zip.matches("[0-9]{5}") && !zip.endsWith("00"), zip);
      assertTrue(s.zip3().contains(Integer.parseInt(zip.substring(0, 3))), s.abbr() + " " + zip);
      assertTrue(s.areaCodes().contains(Integer.parseInt((String) areas.get(i))), s.abbr() + " " + areas.get(i));
      String phone = (String) phones.get(i);
      assertTrue(phone.matches("\\([2-9][0-9]{2}\\) [2-9][0-9]{2}-[0-9]{4}"), phone);
      assertTrue(s.areaCodes().contains(Integer.parseInt(phone.substring(1, 4))), s.abbr() + " " + phone);
      assertNotEquals("11", phone.substring(7, 9), "no N11 exchange: " + phone);
    }
    List<String> areaCodesOfMa = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      if (abbrs.get(codes[i]).equals("MA")) {
        areaCodesOfMa.add((String) areas.get(i));
      }
    }
    assertEquals(UsStates.byAbbr("MA").areaCodes().size(), areaCodesOfMa.stream().distinct().count(),
        "every area code of a state is used");
  }

  @Test
  void plainStringsUnknownStatesAndNullsGiveNull() {
    Fixture f = new Fixture().strings("st", "MA", "XX", null, "ny");
    assertEquals("Massachusetts", f.values("us_state_name(st)", DataType.STRING).get(0));
    List<Object> zips = f.values("us_zip(st)", DataType.STRING);
    assertTrue(((String) zips.get(0)).matches("0(1[0-9]|2[0-7]|55)[0-9]{2}"), (String) zips.get(0));
    assertNull(zips.get(1));
    assertNull(zips.get(2));
    assertNull(zips.get(3), "abbreviations are upper case");
    assertNull(f.values("us_phone(st)", DataType.STRING).get(1));
    assertEquals("Texas", new Fixture().value("us_state_name('TX')", DataType.STRING));
  }

  @Test
  void drawsArePureFunctionsOfTheRow() {
    Fixture f = new Fixture().strings("st", "CA", "CA", "CA", "CA");
    List<Object> a = f.values("us_phone(st)", DataType.STRING);
    assertEquals(a, f.values("us_phone(st)", DataType.STRING));
    assertEquals(4, a.stream().distinct().count(), "rows differ: " + a);
    assertTrue(f.problems("us_zip(1, 2)", DataType.STRING).get(0).contains("takes 1 argument"));
    assertNull(new Fixture().value("us_zip(42)", DataType.STRING), "a value that is no abbreviation gives NULL");
  }
}
