package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A description's {@code skews} are checked where the request wrote them, each once. */
class SkewHintsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());

  static List<Violation> refused(String skews) {
    String request = "{\"name\":\"sk\",\"tables\":[{\"name\":\"customers\",\"rows\":1000,\"columns\":"
        + "[\"customer_id\",{\"name\":\"tier\",\"values\":[\"Free\",\"Pro\"],\"weights\":[1,2]}]},"
        + "{\"name\":\"orders\",\"rows\":5000,\"columns\":[\"order_id\",{\"name\":\"customer_id\",\"references\":"
        + "\"customers\"},{\"name\":\"amount\",\"min\":1,\"max\":5}]}],\"skews\":" + skews + "}";
    return assertThrows(PlanException.class,
        () -> Drafter.plan(JSON.readTree(request), LocalDate.of(2025, 6, 1), 42, DICTS)).violations();
  }

  static List<String> paths(List<Violation> vs) {
    return vs.stream().map(Violation::path).toList();
  }

  @Test
  void problemsAreAtTheSkewsOwnPathsWithNothingFollowingFromThem() {
    assertEquals(List.of("skews[0].weights.Gold"), paths(refused(
        "[{\"table\":\"orders\",\"column\":\"customer_id\",\"by\":\"tier\",\"weights\":{\"Gold\":3}}]")));
    assertEquals(List.of("skews[0].by"), paths(refused(
        "[{\"table\":\"orders\",\"column\":\"customer_id\",\"by\":\"teir\",\"weights\":{\"Pro\":3}}]")));
    List<String> shares = paths(refused(
        "[{\"table\":\"orders\",\"column\":\"customer_id\",\"by\":\"tier\",\"shares\":{\"Free\":50,\"Pro\":20}}]"));
    assertEquals(1, shares.size(), shares.toString());
    assertEquals(true, shares.get(0).startsWith("skews[0].shares"), shares.toString());
  }

  @Test
  void twoSkewsOnOneKeyAreRefused() {
    assertEquals(List.of("skews[1]"), paths(refused(
        "[{\"table\":\"orders\",\"column\":\"customer_id\",\"by\":\"tier\",\"weights\":{\"Free\":1}},"
            + "{\"table\":\"orders\",\"column\":\"customer_id\",\"by\":\"tier\",\"weights\":{\"Free\":9}}]")));
  }
}
