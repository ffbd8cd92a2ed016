package io.synthgen.draft.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names split into the words rules compare, whatever the naming convention. */
class WordsTest {

  @Test
  void snakeCamelPascalAndAcronymsGiveTheSameWords() {
    assertEquals(List.of("unit", "price"), Words.of("unit_price"));
    assertEquals(List.of("unit", "price"), Words.of("unitPrice"));
    assertEquals(List.of("unit", "price"), Words.of("UnitPrice"));
    assertEquals(List.of("discount", "pct"), Words.of("discountPct"));
    assertEquals(List.of("is", "active"), Words.of("is_active"));
    assertEquals(List.of("http", "status", "2"), Words.of("HTTPStatus2"));
    assertEquals(List.of("address", "line", "2"), Words.of("address_line2"));
    assertEquals(List.of(), Words.of("__"));
    assertEquals("membership_tier", Words.normal("membershipTier"));
  }

  @Test
  void singulars() {
    assertEquals("category", Words.singular("categories"));
    assertEquals("address", Words.singular("addresses"));
    assertEquals("box", Words.singular("boxes"));
    assertEquals("order", Words.singular("orders"));
    assertEquals("status", Words.singular("status"));
    assertEquals("status", Words.singular("statuses"));
    assertEquals("person", Words.singular("people"));
    assertEquals("diagnosis", Words.singular("diagnoses"));
    assertEquals("analysis", Words.singular("analysis"));
    assertEquals("bus", Words.singular("bus"));
  }
}
