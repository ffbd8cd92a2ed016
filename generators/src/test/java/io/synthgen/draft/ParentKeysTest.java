package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key of a table generated per parent to its parent is the parent column, the layout its parent's aggregates
 * are computed from: a description or plan whose key to the parent is anything else is refused, and only one
 * column becomes that key.
 */
class ParentKeysTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  @TempDir
  Path dir;

  static final String ORDERS = "{\"name\":\"orders\",\"rows\":1000,\"columns\":[\"order_id\","
      + "{\"name\":\"k\",\"values\":[\"a\",\"b\"]},"
      + "{\"name\":\"total\",\"strategy\":\"child_aggregate\",\"table\":\"items\",\"function\":\"sum\","
      + "\"column\":\"amount\"},"
      + "{\"name\":\"n\",\"type\":\"bigint\",\"strategy\":\"child_aggregate\",\"table\":\"items\","
      + "\"function\":\"count\"}]}";

  static String items(String key) {
    return "{\"name\":\"items\",\"per_parent\":{\"table\":\"orders\",\"count\":{\"distribution\":{\"type\":"
        + "\"poisson\",\"lambda\":2},\"max\":9}},\"columns\":[\"item_id\"," + key
        + (key.isEmpty() ? "" : ",") + "{\"name\":\"amount\",\"type\":\"int\",\"min\":1,\"max\":9}]}";
  }

  static List<Violation> refused(String request) {
    PlanException e = assertThrows(PlanException.class,
        () -> Drafter.plan(JSON.readTree(request), TODAY, 42, DICTS), "refused: " + request);
    return e.violations();
  }

  static boolean hasPath(List<Violation> vs, String path) {
    return vs.stream().anyMatch(v -> v.path().equals(path));
  }

  @Test
  void aSkewedKeyToTheParentIsRefusedWhereItIsWritten() {
    String weighted = "{\"name\":\"order_id\",\"references\":\"orders\",\"weighted_by\":{\"column\":\"k\","
        + "\"weights\":{\"a\":5}}}";
    List<Violation> vs = refused("{\"name\":\"ppw\",\"tables\":[" + ORDERS + "," + items(weighted) + "]}");
    assertEquals(1, vs.size(), vs.toString());
    assertEquals("tables[1].columns[1].weighted_by", vs.get(0).path());
    assertTrue(vs.get(0).fix().contains("per_parent.count"), vs.get(0).fix());

    String spread = "{\"name\":\"order_id\",\"references\":\"orders\",\"distribution\":{\"type\":\"uniform\"}}";
    vs = refused("{\"name\":\"ppd\",\"tables\":[" + ORDERS + "," + items(spread) + "]}");
    assertEquals(1, vs.size(), vs.toString());
    assertEquals("tables[1].columns[1].distribution", vs.get(0).path());
  }

  @Test
  void aForeignKeyStrategyToTheParentIsRefused() {
    String fk = "{\"name\":\"order_id\",\"strategy\":\"foreign_key\",\"references\":\"orders.order_id\"}";
    List<Violation> vs = refused("{\"name\":\"ppf\",\"tables\":[" + ORDERS + "," + items(fk) + "]}");
    assertEquals(1, vs.size(), vs.toString());
    assertEquals("tables[1].columns[1].strategy", vs.get(0).path());
  }

  @Test
  void aChildWithoutAnyLinkToItsParentIsRefused() {
    List<Violation> vs = refused("{\"name\":\"ppn\",\"tables\":[" + ORDERS + "," + items("") + "]}");
    assertEquals(1, vs.size(), vs.toString());
    assertEquals("tables[1].per_parent", vs.get(0).path());
    assertTrue(vs.get(0).fix().contains("order_id"), vs.get(0).fix());
  }

  @Test
  void twoPlainReferencesToTheParentAreAmbiguous() {
    String table = "{\"name\":\"transfers\",\"per_parent\":{\"table\":\"accounts\",\"count\":{\"distribution\":"
        + "{\"type\":\"poisson\",\"lambda\":2},\"max\":9}},\"columns\":[\"transfer_id\","
        + "{\"name\":\"from_account\",\"references\":\"accounts\"},{\"name\":\"to_account\",\"references\":"
        + "\"accounts\"}]}";
    List<Violation> vs = refused("{\"name\":\"tr\",\"tables\":[{\"name\":\"accounts\",\"rows\":50,\"columns\":"
        + "[\"account_id\"]}," + table + "]}");
    assertEquals(1, vs.size(), vs.toString());
    assertEquals("tables[1].columns[2].references", vs.get(0).path());
  }

  @Test
  void onlyTheColumnNamedAsTheParentsKeyIsTheParentKey() throws Exception {
    String table = "{\"name\":\"orders\",\"per_parent\":{\"table\":\"customers\",\"count\":{\"distribution\":"
        + "{\"type\":\"poisson\",\"lambda\":3},\"max\":9}},\"columns\":[\"order_id\","
        + "{\"name\":\"related_customer_id\",\"references\":\"customers\"},\"customer_id\"]}";
    Plan p = Drafter.plan(JSON.readTree("{\"name\":\"rel\",\"tables\":[{\"name\":\"customers\",\"rows\":500,"
        + "\"columns\":[\"customer_id\",{\"name\":\"n\",\"strategy\":\"child_aggregate\",\"table\":\"orders\","
        + "\"function\":\"count\"}]}," + table + "]}"), TODAY, 42, DICTS);
    Table orders = p.table("orders").orElseThrow();
    assertEquals(new ColumnGen.Parent("customers.customer_id"), orders.column("customer_id").orElseThrow().gen());
    assertTrue(orders.column("related_customer_id").orElseThrow().gen() instanceof ColumnGen.ForeignKey,
        "a second reference to the parent stays a foreign key");
    Runs.generate(Resolver.resolve(p), dir, WriterOptions.parquetZstd(), new Engine(2, 8192), Progress.NONE,
        new Cancellation());
    try (Duck duck = new Duck()) {
      duck.parquetViews(dir, "customers", "orders");
      long rows = duck.count("SELECT count(*) FROM orders");
      assertTrue(duck.count("SELECT count(*) FROM orders WHERE related_customer_id <> customer_id") > rows / 2,
          "the second key is not a copy of the parent key");
      assertEquals(0, duck.count("SELECT count(*) FROM customers c LEFT JOIN (SELECT customer_id, count(*) m "
          + "FROM orders GROUP BY customer_id) o USING (customer_id) WHERE c.n <> coalesce(o.m, 0)"));
    }
  }

  @Test
  void aRevisionAddingAChildBeforeItsParentIsRefusedAtTheOperation() throws Exception {
    Plan p = Drafter.plan(JSON.readTree("{\"name\":\"addord\",\"tables\":[{\"name\":\"a\",\"rows\":10,"
        + "\"columns\":[\"a_id\"]}]}"), TODAY, 42, DICTS);
    JsonNode ops = JSON.readTree("[{\"op\":\"add_table\",\"table\":" + items("\"order_id\"") + "},"
        + "{\"op\":\"add_table\",\"table\":" + ORDERS + "}]");
    PlanException e = assertThrows(PlanException.class, () -> Revisions.apply(p, ops, DICTS));
    assertTrue(hasPath(e.violations(), "operations[0].table.per_parent.table"), e.violations().toString());
    // in the right order the key is the parent key
    JsonNode ordered = JSON.readTree("[{\"op\":\"add_table\",\"table\":" + ORDERS + "},"
        + "{\"op\":\"add_table\",\"table\":" + items("\"order_id\"") + "}]");
    Plan revised = Revisions.apply(p, ordered, DICTS);
    assertEquals(new ColumnGen.Parent("orders.order_id"),
        revised.table("items").orElseThrow().column("order_id").orElseThrow().gen());
  }

  @Test
  void aRelationshipCannotReplaceAParentKey() throws Exception {
    Plan p = Drafter.plan(JSON.readTree("{\"name\":\"pp\",\"tables\":[" + ORDERS + "," + items("\"order_id\"")
        + "]}"), TODAY, 42, DICTS);
    JsonNode ops = JSON.readTree("[{\"op\":\"set_relationship\",\"table\":\"items\",\"column\":\"order_id\","
        + "\"references\":\"orders\",\"distribution\":{\"type\":\"zipf\",\"exponent\":1.2}}]");
    PlanException e = assertThrows(PlanException.class, () -> Revisions.apply(p, ops, DICTS));
    assertEquals(List.of("operations[0].column"), e.violations().stream().map(Violation::path).toList());
  }

  @Test
  void aPlanFileWhoseChildKeyIsAForeignKeyOrMissingIsRefused() throws Exception {
    Plan p = Drafter.plan(JSON.readTree("{\"name\":\"pp\",\"tables\":[" + ORDERS + "," + items("\"order_id\"")
        + "]}"), TODAY, 42, DICTS);
    var tree = PlanCodec.toJson(p);
    var key = (com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("tables").get(1).withArray("columns")
        .get(1);
    key.put("strategy", "foreign_key");
    List<Violation> vs = PlanValidator.validate(PlanCodec.decode(tree).plan());
    assertTrue(hasPath(vs, "tables[1].columns[1].strategy"), vs.toString());

    ((com.fasterxml.jackson.databind.node.ArrayNode) tree.withArray("tables").get(1).get("columns")).remove(1);
    vs = PlanValidator.validate(PlanCodec.decode(tree).plan());
    assertTrue(hasPath(vs, "tables[1].per_parent"), vs.toString());
  }
}
