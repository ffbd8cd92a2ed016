package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which SQL warehouse runs the statements, and what the person is told when none fits. */
class WarehousesTest {

  private static final String HOST = "https://adb-1.azuredatabricks.net";
  private static final Warehouse RUNNING_SERVERLESS = new Warehouse("w1", "Serverless Starter", "RUNNING", true);
  private static final Warehouse RUNNING_PRO = new Warehouse("w2", "Shared Pro", "RUNNING", false);
  private static final Warehouse STOPPED_SERVERLESS = new Warehouse("w3", "Analytics", "STOPPED", true);
  private static final Warehouse STOPPED_PRO = new Warehouse("w4", "Legacy", "STOPPED", false);
  private static final Warehouse DELETED_SERVERLESS = new Warehouse("w5", "Old", "DELETED", true);
  private static final Warehouse DELETING_SERVERLESS = new Warehouse("w6", "Going", "DELETING", true);

  @Test
  void prefersRunningServerlessThenRunningThenServerlessThenAny() {
    List<Warehouse> all = new ArrayList<>(List.of(DELETED_SERVERLESS, STOPPED_PRO, DELETING_SERVERLESS,
        STOPPED_SERVERLESS, RUNNING_PRO, RUNNING_SERVERLESS));
    List<String> picked = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Warehouses.Choice c = Warehouses.choose(all, null, HOST);
      picked.add(c.warehouse().id());
      reasons.add(c.reason());
      all.remove(c.warehouse());
    }
    assertEquals(List.of("w1", "w2", "w3", "w4"), picked);
    assertEquals("picked 'Serverless Starter' (w1, serverless, running): a running serverless warehouse",
        reasons.get(0));
    assertTrue(reasons.get(1).endsWith("a running warehouse (no serverless one is running)"), reasons.get(1));
    assertTrue(reasons.get(2).endsWith("it starts on the first statement (no warehouse was running)"),
        reasons.get(2));
    assertTrue(reasons.get(3).endsWith("which can take minutes"), reasons.get(3));
  }

  @Test
  void breaksTiesByName() {
    Warehouse b = new Warehouse("b", "beta", "RUNNING", true);
    Warehouse a = new Warehouse("a", "alpha", "RUNNING", true);
    assertEquals("a", Warehouses.choose(List.of(b, a), null, HOST).warehouse().id());
    assertEquals("a", Warehouses.choose(List.of(a, b), null, HOST).warehouse().id());
  }

  @Test
  void takesTheRequestedOneEvenWhenABetterOneRuns() {
    Warehouses.Choice c = Warehouses.choose(List.of(RUNNING_SERVERLESS, STOPPED_PRO), "w4", HOST);
    assertEquals(STOPPED_PRO, c.warehouse());
    assertEquals("the warehouse asked for, 'Legacy' (w4, classic/pro, stopped)", c.reason());
  }

  @Test
  void aMissingRequestedIdListsTheAvailableOnes() {
    CatalogException e = assertThrows(CatalogException.class,
        () -> Warehouses.choose(List.of(RUNNING_SERVERLESS, STOPPED_PRO), "nope", HOST));
    assertEquals(CatalogException.Kind.NOT_FOUND, e.kind());
    assertEquals("there is no SQL warehouse with id nope in " + HOST, e.getMessage());
    assertEquals("give one of the workspace's warehouses: 'Serverless Starter' (w1, serverless, running), "
        + "'Legacy' (w4, classic/pro, stopped)", e.fix());
    CatalogException none = assertThrows(CatalogException.class, () -> Warehouses.choose(List.of(), "nope", HOST));
    assertEquals("give one of the workspace's warehouses (the workspace has none)", none.fix());
  }

  @Test
  void aDeletedRequestedOneIsRefused() {
    CatalogException e = assertThrows(CatalogException.class,
        () -> Warehouses.choose(List.of(DELETED_SERVERLESS, STOPPED_SERVERLESS), "w5", HOST));
    assertEquals(CatalogException.Kind.NOT_FOUND, e.kind());
    assertEquals("the SQL warehouse w5 is deleted", e.getMessage());
    assertTrue(e.fix().startsWith("give another warehouse_id: "), e.fix());
    assertTrue(e.fix().contains("'Analytics' (w3, serverless, stopped)"), e.fix());
  }

  @Test
  void deletedOnesAreSkippedAndNoneUsableSaysHowToCreateOne() {
    assertEquals("w4", Warehouses.choose(List.of(DELETED_SERVERLESS, STOPPED_PRO, DELETING_SERVERLESS), null, HOST)
        .warehouse().id());
    for (List<Warehouse> unusable : List.of(List.<Warehouse>of(), List.of(DELETED_SERVERLESS, DELETING_SERVERLESS))) {
      CatalogException e = assertThrows(CatalogException.class, () -> Warehouses.choose(unusable, null, HOST));
      assertEquals(CatalogException.Kind.NOT_FOUND, e.kind());
      assertEquals("the workspace " + HOST + " has no SQL warehouse you can use", e.getMessage());
      assertTrue(e.fix().startsWith("create a serverless SQL warehouse (SQL Warehouses > Create)"), e.fix());
      assertTrue(e.fix().endsWith("then give its id as warehouse_id"), e.fix());
    }
  }
}
