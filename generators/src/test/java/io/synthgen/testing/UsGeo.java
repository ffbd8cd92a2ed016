package io.synthgen.testing;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.UsStates;
import io.synthgen.random.Stream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reference tables in a DuckDB session for checking that generated people and addresses agree with themselves. */
public final class UsGeo {

  private UsGeo() {
  }

  /**
   * Creates {@code us_zip3(abbr, zip3)} and {@code us_area(abbr, area_code)} (3-character strings) from the state
   * table, and {@code male_names(name)} / {@code female_names(name)} from the first-name dictionaries.
   */
  public static void load(Duck duck) throws SQLException {
    List<String> zips = new ArrayList<>();
    List<String> areas = new ArrayList<>();
    for (UsStates.State s : UsStates.all()) {
      for (int z : s.zip3()) {
        zips.add("('" + s.abbr() + "', '" + String.format("%03d", z) + "')");
      }
      for (int a : s.areaCodes()) {
        areas.add("('" + s.abbr() + "', '" + a + "')");
      }
    }
    duck.exec("CREATE OR REPLACE TABLE us_zip3 AS SELECT * FROM (VALUES " + String.join(", ", zips)
        + ") t(abbr, zip3)");
    duck.exec("CREATE OR REPLACE TABLE us_area AS SELECT * FROM (VALUES " + String.join(", ", areas)
        + ") t(abbr, area_code)");
    names(duck, "male_names", "male_first_name");
    names(duck, "female_names", "female_first_name");
  }

  private static void names(Duck duck, String table, String dictionary) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (String n : Dictionaries.standard().get(dictionary).values(Stream.root(0)).values()) {
      rows.add("('" + n.replace("'", "''") + "')");
    }
    duck.exec("CREATE OR REPLACE TABLE " + table + " AS SELECT DISTINCT * FROM (VALUES " + String.join(", ", rows)
        + ") t(name)");
  }
}
