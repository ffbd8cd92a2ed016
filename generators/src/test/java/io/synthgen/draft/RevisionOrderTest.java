package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A revision's operations apply in order, and an operation's problems are reported at the operation. */
class RevisionOrderTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());

  static Plan shop() throws Exception {
    return Drafter.plan(JSON.readTree("{\"name\":\"shop\",\"tables\":[{\"name\":\"customers\",\"rows\":300,"
        + "\"columns\":[\"customer_id\",{\"name\":\"membership\",\"values\":[\"Free\",\"Pro\",\"Enterprise\"],"
        + "\"weights\":[60,30,10]}]},{\"name\":\"orders\",\"rows\":3000,\"columns\":[\"order_id\","
        + "{\"name\":\"customer_id\",\"references\":\"customers\"}]}]}"), LocalDate.of(2025, 6, 1), 42, DICTS);
  }

  static final String SKEW = "{\"op\":\"set_relationship\",\"table\":\"orders\",\"column\":\"customer_id\","
      + "\"references\":\"customers\",\"weighted_by\":{\"column\":\"membership\",\"shares\":{\"Free\":20,"
      + "\"Pro\":30,\"Enterprise\":%s}}}";
  static final String RENAME = "{\"op\":\"rename_column\",\"table\":\"customers\",\"column\":\"membership\","
      + "\"to\":\"level\"}";

  @Test
  void aRenameAfterASkewThatNamesTheColumnCarriesIt() throws Exception {
    Plan p = Revisions.apply(shop(), JSON.readTree("[" + String.format(SKEW, 50) + "," + RENAME + "]"), DICTS);
    var key = p.table("orders").orElseThrow().column("customer_id").orElseThrow();
    assertTrue(key.gen() instanceof ColumnGen.ForeignKey fk && fk.distribution() != null, key.toString());
    var customers = p.table("customers").orElseThrow();
    assertTrue(customers.column("level").isPresent() && customers.column("membership").isEmpty());
  }

  @Test
  void aSkewsProblemIsReportedAtItsOperationEvenBeforeARename() throws Exception {
    PlanException e = assertThrows(PlanException.class, () -> Revisions.apply(shop(),
        JSON.readTree("[" + String.format(SKEW, -40) + "," + RENAME + "]"), DICTS));
    List<String> paths = e.violations().stream().map(Violation::path).toList();
    assertTrue(paths.stream().allMatch(x -> x.startsWith("operations[0].weighted_by")), paths.toString());
    assertEquals(false, paths.isEmpty());
  }

  @Test
  void droppingATableReportsEveryColumnItBreaksAtOnce() throws Exception {
    Plan p = Drafter.plan(JSON.readTree("{\"name\":\"shop\",\"tables\":[{\"name\":\"products\",\"rows\":50,"
        + "\"columns\":[\"product_id\",{\"name\":\"price\",\"type\":\"decimal(10,2)\",\"min\":1,\"max\":90}]},"
        + "{\"name\":\"lines\",\"rows\":500,\"columns\":[\"line_id\",{\"name\":\"product_id\",\"references\":"
        + "\"products\"},{\"name\":\"quantity\",\"type\":\"int\",\"min\":1,\"max\":5},{\"name\":\"unit_price\","
        + "\"strategy\":\"lookup\",\"via\":\"product_id\",\"column\":\"price\"},{\"name\":\"line_total\","
        + "\"type\":\"decimal(12,2)\",\"expr\":\"quantity * unit_price\"}]}]}"), LocalDate.of(2025, 6, 1), 42, DICTS);
    PlanException e = assertThrows(PlanException.class, () -> Revisions.apply(p,
        JSON.readTree("[{\"op\":\"drop_table\",\"table\":\"products\"}]"), DICTS));
    List<String> paths = e.violations().stream().map(Violation::path).toList();
    assertTrue(paths.contains("tables[0].columns[1].references"), paths.toString());
    assertTrue(paths.contains("tables[0].columns[3].via"), paths.toString());
    assertTrue(paths.contains("tables[0].columns[4].expr"), paths.toString());
    // dropping the key alone still shows what reads through it
    e = assertThrows(PlanException.class, () -> Revisions.apply(p, JSON.readTree("[{\"op\":\"drop_table\","
        + "\"table\":\"products\"},{\"op\":\"drop_column\",\"table\":\"lines\",\"column\":\"product_id\"}]"),
        DICTS));
    paths = e.violations().stream().map(Violation::path).toList();
    assertTrue(paths.contains("tables[0].columns[2].via"), paths.toString());
    assertTrue(paths.contains("tables[0].columns[3].expr"), paths.toString());
  }
}
