package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.engine.Preview;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Batch;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keys that only the names say: tables that name each other's keys make no cycle, CamelCase keys are keys, and a
 * manager or parent is a row of the same table.
 */
class InferredKeysTest {

  static Plan plan(String json) throws Exception {
    JsonNode request = OwnTablesTest.JSON.readTree(json);
    return OwnTablesTest.plan(request);
  }

  static Column column(Plan p, String table, String column) {
    return p.table(table).orElseThrow().column(column).orElseThrow();
  }

  @Test
  void tablesThatNameEachOthersKeysAreNotACycle() throws Exception {
    Plan p = plan("{\"tables\": [{\"name\": \"a\", \"rows\": 20, \"columns\": [\"a_id\", \"b_id\"]},"
        + " {\"name\": \"b\", \"rows\": 30, \"columns\": [\"b_id\", \"a_id\"]}]}");
    // the later table references the earlier one; the earlier one's b_id stays a plain id, and the note says why
    Column ba = column(p, "b", "a_id");
    ColumnGen.ForeignKey fk = assertInstanceOf(ColumnGen.ForeignKey.class, ba.gen());
    assertEquals("a.a_id", fk.references());
    Column ab = column(p, "a", "b_id");
    assertFalse(ab.gen() instanceof ColumnGen.ForeignKey, ab.toString());
    assertTrue(ab.note().contains("not a foreign key to b") && ab.note().contains("cycle"), ab.note());
    Batch b = Preview.generate(Resolver.resolve(p), 30).get("b");
    assertEquals(30, b.size());
  }

  @Test
  void threeTablesInACycleOfNamesKeepTheReferencesThatFollowTheirOrder() throws Exception {
    Plan p = plan("{\"tables\": [{\"name\": \"a\", \"columns\": [\"a_id\", \"c_id\"]},"
        + " {\"name\": \"b\", \"columns\": [\"b_id\", \"a_id\"]}, {\"name\": \"c\", \"columns\": [\"c_id\", \"b_id\"]}]}");
    assertInstanceOf(ColumnGen.ForeignKey.class, column(p, "b", "a_id").gen());
    assertInstanceOf(ColumnGen.ForeignKey.class, column(p, "c", "b_id").gen());
    assertFalse(column(p, "a", "c_id").gen() instanceof ColumnGen.ForeignKey);
  }

  @Test
  void camelCaseKeysAreKeysAndReferences() throws Exception {
    Plan p = plan("{\"tables\": [{\"name\": \"Customers\", \"rows\": 40, \"columns\": [\"CustomerID\", \"Name\"]},"
        + " {\"name\": \"Orders\", \"rows\": 100, \"columns\": [\"OrderID\", \"CustomerID\", \"OrderDate\"]}]}");
    Table orders = p.table("Orders").orElseThrow();
    assertEquals("OrderID", orders.primaryKey());
    assertInstanceOf(ColumnGen.Sequence.class, column(p, "Orders", "OrderID").gen());
    ColumnGen.ForeignKey fk = assertInstanceOf(ColumnGen.ForeignKey.class, column(p, "Orders", "CustomerID").gen());
    assertEquals("Customers.CustomerID", fk.references());
    Batch b = Preview.generate(Resolver.resolve(p), 100).get("Orders");
    Set<Object> ids = new HashSet<>();
    for (int i = 0; i < b.size(); i++) {
      assertTrue(ids.add(b.vector("OrderID").get(i)), "OrderID repeats");
    }
  }

  @Test
  void aManagerIsAnEmployeeOfTheSameTable() throws Exception {
    Plan p = plan("{\"tables\": [{\"name\": \"employees\", \"rows\": 200, \"columns\": [\"employee_id\", \"name\","
        + " \"manager_id\"]}, {\"name\": \"categories\", \"rows\": 50, \"columns\": [\"category_id\", \"name\","
        + " \"parent_id\"]}]}");
    Column m = column(p, "employees", "manager_id");
    ColumnGen.ForeignKey fk = assertInstanceOf(ColumnGen.ForeignKey.class, m.gen());
    assertEquals("employees.employee_id", fk.references());
    assertEquals(0.05, m.nullRate(), 1e-9);
    assertTrue(m.note().contains("same table"), m.note());
    ColumnGen.ForeignKey parent = assertInstanceOf(ColumnGen.ForeignKey.class,
        column(p, "categories", "parent_id").gen());
    assertEquals("categories.category_id", parent.references());
    Batch b = Preview.generate(Resolver.resolve(p), 200).get("employees");
    Set<Object> ids = new HashSet<>();
    for (int i = 0; i < b.size(); i++) {
      ids.add(b.vector("employee_id").get(i));
    }
    int nulls = 0;
    for (int i = 0; i < b.size(); i++) {
      Object mgr = b.vector("manager_id").get(i);
      if (mgr == null) {
        nulls++;
      } else {
        assertTrue(ids.contains(mgr), "manager " + mgr + " is no employee");
      }
    }
    assertTrue(nulls > 0 && nulls < 40, "top of the hierarchy: " + nulls + " of 200");
    assertNotNull(m.note());
  }
}
