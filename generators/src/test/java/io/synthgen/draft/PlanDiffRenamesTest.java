package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The diff of a revision shows its renames as renames, whatever else they changed; no stale table names. */
class PlanDiffRenamesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());

  @Test
  void renamedTablesAndColumnsAreRenamesNotDropsAndAdds() throws Exception {
    Plan p = Drafter.plan(JSON.readTree("{\"name\":\"shop\",\"tables\":[{\"name\":\"products\",\"rows\":50,"
        + "\"columns\":[\"product_id\",{\"name\":\"category\",\"values\":[\"A\",\"B\"]},{\"name\":\"price\","
        + "\"type\":\"decimal(10,2)\",\"min\":1,\"max\":90}]},{\"name\":\"lines\",\"rows\":500,\"columns\":"
        + "[\"line_id\",{\"name\":\"product_id\",\"references\":\"products\"},{\"name\":\"quantity\",\"type\":"
        + "\"int\",\"min\":1,\"max\":5},{\"name\":\"unit_price\",\"strategy\":\"lookup\",\"via\":\"product_id\","
        + "\"column\":\"price\"},{\"name\":\"line_total\",\"type\":\"decimal(12,2)\",\"expr\":"
        + "\"quantity * unit_price\"}]}]}"), LocalDate.of(2025, 6, 1), 42, DICTS);
    JsonNode ops = JSON.readTree("[{\"op\":\"rename_table\",\"table\":\"products\",\"to\":\"catalog\"},"
        + "{\"op\":\"rename_column\",\"table\":\"catalog\",\"column\":\"category\",\"to\":\"dept\"},"
        + "{\"op\":\"rename_column\",\"table\":\"catalog\",\"column\":\"price\",\"to\":\"cost\"},"
        + "{\"op\":\"rename_column\",\"table\":\"lines\",\"column\":\"line_total\",\"to\":\"amount\"},"
        + "{\"op\":\"set_null_rate\",\"table\":\"lines\",\"column\":\"amount\",\"null_rate\":0.1}]");
    Plan revised = Revisions.apply(p, ops, DICTS);
    List<String> diff = PlanDiff.lines(p, revised, ops);
    assertTrue(diff.contains("~ table products renamed to catalog"), diff.toString());
    assertTrue(diff.contains("~ column catalog.category renamed to dept"), diff.toString());
    assertTrue(diff.contains("~ column catalog.price renamed to cost"), diff.toString());
    assertTrue(diff.contains("~ column lines.line_total renamed to amount"), diff.toString());
    assertTrue(diff.contains("~ lines.amount null_rate: (none) → 0.1")
        || diff.stream().anyMatch(l -> l.startsWith("~ lines.amount null_rate")), diff.toString());
    assertFalse(diff.stream().anyMatch(l -> l.startsWith("- ") || l.startsWith("+ ")), diff.toString());
    assertTrue(revised.description().equals("Tables described by the person: catalog, lines."),
        "the description synthgen wrote follows the rename: " + revised.description());
  }
}
