package io.synthgen.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state table is complete and self-consistent: no ZIP prefix or area code belongs to two states. */
class UsStatesTest {

  @Test
  void fiftyStatesAndTheDistrictWithTheirCensusPopulation() {
    List<UsStates.State> all = UsStates.all();
    assertEquals(51, all.size());
    Set<String> abbrs = new HashSet<>();
    long population = 0;
    for (UsStates.State s : all) {
      assertTrue(s.abbr().matches("[A-Z]{2}"), s.abbr());
      assertTrue(abbrs.add(s.abbr()), "twice: " + s.abbr());
      assertTrue(s.population() > 500_000, s.abbr());
      assertTrue(!s.zip3().isEmpty() && !s.areaCodes().isEmpty(), s.abbr());
      population += s.population();
    }
    assertEquals(331_449_281, population, 1_000_000, "2020 Census resident population of the states and DC");
    assertEquals("California", UsStates.byAbbr("CA").name());
    assertEquals(39_538_223, UsStates.byAbbr("CA").population());
    assertNull(UsStates.byAbbr("XX"));
    assertNull(UsStates.byAbbr(null));
  }

  @Test
  void zipPrefixesAndAreaCodesBelongToOneStateEach() {
    Map<Integer, String> zipOwner = new HashMap<>();
    Map<Integer, String> areaOwner = new HashMap<>();
    for (UsStates.State s : UsStates.all()) {
      for (int z : s.zip3()) {
        assertTrue(z >= 5 && z <= 999, s.abbr() + " " + z);
        String before = zipOwner.put(z, s.abbr());
        assertNull(before, "ZIP prefix " + z + " in " + before + " and " + s.abbr());
      }
      for (int a : s.areaCodes()) {
        assertTrue(a >= 201 && a <= 989 && a % 100 != 11 && a / 10 % 10 != 9, s.abbr() + " area code " + a);
        String before = areaOwner.put(a, s.abbr());
        assertNull(before, "area code " + a + " in " + before + " and " + s.abbr());
      }
    }
    assertEquals(List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 55),
        UsStates.byAbbr("MA").zip3());
    assertTrue(UsStates.byAbbr("NY").areaCodes().contains(212));
    assertTrue(UsStates.byAbbr("TX").zip3().contains(733) && UsStates.byAbbr("TX").zip3().contains(885));
  }

  @Test
  void aLineParsesRangesAndSingles() {
    UsStates.State s = UsStates.parse("ZZ,Zed,1000,001-003 007,201 202");
    assertEquals(List.of(1, 2, 3, 7), s.zip3());
    assertEquals(List.of(201, 202), s.areaCodes());
  }
}
