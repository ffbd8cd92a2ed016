package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.validate.PlanLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The description synthgen writes for the person's own tables stays within the plan's limit on texts. */
class DescribedTablesTest {

  @Test
  void fewTablesAreAllNamed() {
    assertEquals("Tables described by the person: customers, orders.",
        Drafter.describedTables(List.of("customers", "orders")));
  }

  @Test
  void manyTablesAreNamedUpToTheLimitAndCounted() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      names.add("table_with_a_rather_long_name_number_" + i);
    }
    String d = Drafter.describedTables(names);
    assertTrue(d.length() <= PlanLimits.MAX_TEXT_LENGTH, d.length() + " characters");
    int listed = d.substring(0, d.indexOf(" and ")).split(", ").length;
    assertTrue(d.endsWith(" and " + (700 - listed) + " more."), d);
    assertTrue(d.contains("table_with_a_rather_long_name_number_0, "), d);
  }
}
