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

  @Test
  void aNameLongerThanTheLimitIsCountedNotCut() {
    String huge = "a".repeat(5000);
    String d = Drafter.describedTables(List.of(huge));
    assertEquals("Tables described by the person: 1 tables.", d);
    String two = Drafter.describedTables(List.of("orders", huge));
    assertEquals("Tables described by the person: orders and 1 more.", two);
  }

  @Test
  void aDescriptionWithAnOverlongTableNameIsAViolationNotACrash() {
    com.fasterxml.jackson.databind.node.ObjectNode request =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    request.putArray("tables").addObject().put("name", "t".repeat(5000)).putArray("columns").add("id");
    io.synthgen.plan.PlanException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.synthgen.plan.PlanException.class,
        () -> Drafter.plan(request, java.time.LocalDate.of(2026, 1, 1), 1L, java.util.Set.of()));
    assertTrue(e.violations().stream().anyMatch(v -> v.path().startsWith("tables[0].name")), e.getMessage());
  }
}
