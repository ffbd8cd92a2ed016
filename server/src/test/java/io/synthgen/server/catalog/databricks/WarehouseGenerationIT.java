package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.compile.CompiledPlan;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.PublishProgress;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.PublishSource;
import io.synthgen.server.catalog.TableAction;
import io.synthgen.server.catalog.WarehouseGeneration;
import io.synthgen.server.catalog.WarehousePreparation;
import io.synthgen.server.catalog.WarehouseTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tables generated inside the warehouse, through the real Databricks SDK against the Spark-backed stand-in: each table
 * made by one {@code CREATE OR REPLACE TABLE … AS SELECT} of its query (here written by hand in the compiler's shape,
 * {@code FROM range(…)}), with comments, properties and a verified count; a failing statement, a wrong count and a
 * cancel each stop with what was changed, and a table whose statement failed keeps its earlier version.
 */
class WarehouseGenerationIT {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "shop", "seed": 7, "tier": 2, "reference_date": "2025-01-01",
       "tables": [
        {"name": "customers", "rows": 50, "primary_key": "customer_id", "description": "People who shop.",
         "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "tier", "type": "string", "strategy": "values", "values": ["a", "b"], "note": "loyalty tier"}]},
        {"name": "orders", "rows": 80, "primary_key": "order_id",
         "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "amount", "type": "decimal(8,2)", "strategy": "uniform", "min": 1, "max": 9, "note": "in USD"}]}]}
      """;

  private static WorkspaceStandIn ws;
  private static PublishSource src;

  @BeforeAll
  static void start() throws Exception {
    ws = WorkspaceStandIn.start().addCatalog("demo").addWarehouse("wh1", "Starter", "RUNNING", true);
    Plan plan = PlanCodec.read(PLAN);
    src = new PublishSource(plan, Runs.planHash(plan), "pln_wh", 3, null);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static List<WarehouseTable> tables(long customers, long orders) {
    return List.of(
        new WarehouseTable("customers", customers, "SELECT `id` + 1 AS `customer_id`, CASE WHEN `id` % 2 = 0 THEN "
            + "'a' ELSE 'b' END AS `tier` FROM range(0, " + customers + ")"),
        new WarehouseTable("orders", orders, "SELECT CAST(1 + (`id` % 8) AS DOUBLE) AS `amount`, `id` + 1 AS "
            + "`order_id` FROM range(0, " + orders + ")"));
  }

  private static PublishRequest request(String schema, PublishRequest.Mode mode) {
    return new PublishRequest("demo", schema, null, null, mode, null, null, PublishRequest.Engine.WAREHOUSE);
  }

  @Test
  void tablesAreMadeInTheWarehouseWithCommentsPropertiesAndVerifiedCounts() {
    try (DatabricksWorkspace w = DatabricksWorkspace.connect(ws.sdkConfig())) {
      WarehouseGeneration g = new WarehouseGeneration(w);
      int before = ws.requests().size();
      WarehousePreparation p = g.prepare(request("made", PublishRequest.Mode.OVERWRITE), src, tables(50, 80),
          List.of());
      assertTrue(ws.requests().subList(before, ws.requests().size()).stream()
          .allMatch(r -> r.method().equals("GET") || r.method().equals("HEAD")), "preparing only reads");
      assertTrue(p.tables().createSchema());
      assertFalse(p.tables().createVolume(), "no staging volume");
      assertTrue(p.tables().uploads().isEmpty());
      assertEquals("wh1", p.tables().warehouse().id());
      TableAction customers = p.tables().tables().get(0);
      assertEquals(TableAction.Action.CREATE, customers.action());
      assertTrue(customers.statements().get(0).startsWith("CREATE OR REPLACE TABLE `demo`.`made`.`customers` USING "
          + "DELTA COMMENT 'People who shop. Synthetic data generated by synthgen from plan shop (pln_wh version 3), "
          + "seed 7.' TBLPROPERTIES ("), customers.statements().get(0));
      assertTrue(customers.statements().get(0).endsWith(" AS SELECT CAST(`customer_id` AS BIGINT) AS `customer_id`, "
          + "CAST(`tier` AS STRING) AS `tier` FROM (" + tables(50, 80).get(0).query() + ") AS `__synthgen`"));

      List<String> steps = Collections.synchronizedList(new ArrayList<>());
      PublishResult r = g.execute(p, false, (step, f) -> steps.add(step), new Cancellation());
      assertEquals(List.of("generating demo.made.customers", "generating demo.made.orders", "done"), steps);
      assertEquals(List.of(50L, 80L), r.tables().stream().map(PublishResult.TableResult::rowsVerified).toList());
      assertEquals(0, r.filesSent());

      StructField[] fields = ws.sparkTable("demo", "made", "orders").schema().fields();
      assertEquals("order_id", fields[0].name(), "the plan's column order, whatever the query's");
      assertEquals("bigint", fields[0].dataType().simpleString());
      assertEquals("decimal(8,2)", fields[1].dataType().simpleString(), "cast to the plan type");
      assertEquals("in USD", fields[1].getComment().getOrElse(() -> null));
      assertEquals("loyalty tier", ws.sparkTable("demo", "made", "customers").schema().fields()[1].getComment()
          .getOrElse(() -> null));
      assertEquals(80, ws.sparkTable("demo", "made", "orders").count());
      Map<String, String> props = properties("made", "customers");
      assertEquals("true", props.get("synthgen.synthetic"));
      assertEquals("pln_wh", props.get("synthgen.plan_id"));
      assertEquals("3", props.get("synthgen.plan_version"));
      assertEquals(src.planHash(), props.get("synthgen.plan_hash"));
      assertEquals("7", props.get("synthgen.seed"));
      assertTrue(ws.requests().stream().noneMatch(q -> q.path().startsWith("/api/2.0/fs/")
          || q.path().startsWith("/api/2.1/unity-catalog/volumes")), "no volume, no upload");

      // again: both tables exist; replacing them needs the confirmation, then each is replaced
      WarehousePreparation again = g.prepare(request("made", PublishRequest.Mode.OVERWRITE), src, tables(50, 80),
          List.of());
      assertEquals(List.of("demo.made.customers", "demo.made.orders"), again.tables().replaces());
      CatalogException refused = assertThrows(CatalogException.class,
          () -> g.execute(again, false, PublishProgress.NONE, new Cancellation()));
      assertEquals(CatalogException.Kind.CONFLICT, refused.kind());
      assertEquals(TableAction.Action.REPLACE, g.execute(again, true, PublishProgress.NONE, new Cancellation())
          .tables().get(1).action());

      // fail-if-exists stops before any change; append inserts the rows again
      CatalogException exists = assertThrows(CatalogException.class, () -> g.prepare(request("made",
          PublishRequest.Mode.FAIL_IF_EXISTS), src, tables(50, 80), List.of()));
      assertTrue(exists.getMessage().contains("demo.made.customers already exists"), exists.getMessage());
      WarehousePreparation append = g.prepare(request("made", PublishRequest.Mode.APPEND), src, tables(50, 80),
          List.of());
      assertTrue(append.tables().tables().get(1).statements().get(0).startsWith("INSERT INTO `demo`.`made`.`orders` "
          + "(`order_id`, `amount`) SELECT"));
      g.execute(append, true, PublishProgress.NONE, new Cancellation());
      assertEquals(160, ws.sparkTable("demo", "made", "orders").count());
    }
  }

  @Test
  void aFailingStatementLeavesThatTableAndTheLaterOnesAsTheyWere() {
    try (DatabricksWorkspace w = DatabricksWorkspace.connect(ws.sdkConfig())) {
      WarehouseGeneration g = new WarehouseGeneration(w);
      g.execute(g.prepare(request("fail", PublishRequest.Mode.OVERWRITE), src, tables(50, 80), List.of()), true,
          PublishProgress.NONE, new Cancellation());
      StandInFaults.Fault f = ws.faults().failStatements(sql -> sql.startsWith("CREATE OR REPLACE TABLE `demo`.`fail`"
          + ".`orders`"), "INTERNAL_ERROR", "Injected failure");
      try {
        WarehousePreparation p = g.prepare(request("fail", PublishRequest.Mode.OVERWRITE), src, tables(60, 90),
            List.of());
        CatalogException e = assertThrows(CatalogException.class,
            () -> g.execute(p, true, PublishProgress.NONE, new Cancellation()));
        assertTrue(e.getMessage().startsWith("generating demo.fail.orders failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("Injected failure"), e.getMessage());
        assertTrue(e.getMessage().contains("demo.fail.orders keeps its earlier data"), e.getMessage());
        assertTrue(e.getMessage().contains("already loaded: demo.fail.customers"), e.getMessage());
        assertTrue(e.fix().contains("the tables are generated in the warehouse again"), e.fix());
      } finally {
        f.clear();
      }
      assertEquals(60, ws.sparkTable("demo", "fail", "customers").count(), "made before the failure");
      assertEquals(80, ws.sparkTable("demo", "fail", "orders").count(), "the earlier version, intact");

      // a count that differs from the plan's fails the table with both numbers
      CatalogException wrong = assertThrows(CatalogException.class, () -> g.execute(g.prepare(request("fail",
          PublishRequest.Mode.OVERWRITE), src, List.of(new WarehouseTable("customers", 51, tables(50, 80).get(0)
              .query())), List.of()), true, PublishProgress.NONE, new Cancellation()));
      assertEquals(CatalogException.Kind.STATEMENT_FAILED, wrong.kind());
      assertTrue(wrong.getMessage().contains("demo.fail.customers has 50 rows after generating, expected 51"),
          wrong.getMessage());
    }
  }

  @Test
  void cancelStopsTheRunningStatementAndTheTableKeepsItsData() throws Exception {
    try (DatabricksWorkspace w = DatabricksWorkspace.connect(ws.sdkConfig())) {
      WarehouseGeneration g = new WarehouseGeneration(w);
      g.execute(g.prepare(request("stop", PublishRequest.Mode.OVERWRITE), src, tables(50, 80), List.of()), true,
          PublishProgress.NONE, new Cancellation());
      StandInFaults.Fault slow = ws.faults().delayStatements(sql -> sql.startsWith("CREATE OR REPLACE TABLE "
          + "`demo`.`stop`.`customers`"), Duration.ofMinutes(2));
      try {
        WarehousePreparation p = g.prepare(request("stop", PublishRequest.Mode.OVERWRITE), src, tables(70, 90),
            List.of());
        Cancellation cancel = new Cancellation();
        long[] sentBefore = {-1};
        CompletableFuture<PublishResult> run = CompletableFuture.supplyAsync(() -> g.execute(p, true,
            (step, f) -> {
              if (step.equals("generating demo.stop.customers")) {
                sentBefore[0] = statementsSent();
              }
            }, cancel));
        waitUntil(() -> sentBefore[0] >= 0 && statementsSent() > sentBefore[0]);
        cancel.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(90, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
        assertTrue(ws.requests().stream().anyMatch(r -> r.method().equals("POST") && r.path().endsWith("/cancel")),
            "the statement was cancelled on the warehouse");
      } finally {
        slow.clear();
      }
      assertEquals(50, ws.sparkTable("demo", "stop", "customers").count());
      assertEquals(80, ws.sparkTable("demo", "stop", "orders").count(), "never reached");
    }
  }

  @Test
  void theCompiledPlanMakesTheLocalEnginesRows() throws Exception {
    ResolvedPlan r = Resolver.resolve(PlanCodec.read(PLAN.replace("\"rows\": 80", "\"rows\": 3000")
        .replace("\"values\": [\"a\", \"b\"]", "\"values\": [\"a\", \"b\", \"c\"], \"weights\": [5, 3, 2], "
            + "\"null_rate\": 0.1")));
    Plan exact = r.withExactRows();
    PublishSource planned = new PublishSource(exact, Runs.planHash(exact), "pln_eq", 1, null);
    CompiledPlan compiled = SqlCompiler.compile(r, SqlOptions.DEFAULT);
    List<WarehouseTable> tables = compiled.tables().stream().map(t -> new WarehouseTable(t.name(), t.rows(),
        t.select())).toList();
    try (DatabricksWorkspace w = DatabricksWorkspace.connect(ws.sdkConfig())) {
      WarehouseGeneration g = new WarehouseGeneration(w);
      PublishResult done = g.execute(g.prepare(request("same", PublishRequest.Mode.OVERWRITE), planned, tables,
          compiled.setup()), true, PublishProgress.NONE, new Cancellation());
      assertEquals(List.of(50L, 3000L), done.tables().stream().map(PublishResult.TableResult::rowsVerified).toList());
    }
    for (ResolvedTable t : r.tables()) {
      Batch local = TableEvaluator.range(r, t, 0, (int) t.rows()).outputBatch();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < local.size(); i++) {
        List<String> cells = new ArrayList<>();
        for (Vec v : local.vectors()) {
          cells.add(String.valueOf(v.get(i)));
        }
        expected.add(String.join("|", cells));
      }
      List<String> actual = new ArrayList<>();
      for (Row row : ws.sparkTable("demo", "same", t.name()).collectAsList()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          cells.add(String.valueOf(row.get(i)));
        }
        actual.add(String.join("|", cells));
      }
      Collections.sort(expected);
      Collections.sort(actual);
      assertEquals(expected, actual, t.name() + ": the warehouse's rows are the local engine's");
    }
  }

  @Test
  void aStatementOverTheWarehouseLimitIsRefusedBeforeAnyChange() {
    String huge = "SELECT `id` AS `customer_id`, '" + "x".repeat(WarehouseGeneration.MAX_STATEMENT_BYTES)
        + "' AS `tier` FROM range(0, 1)";
    List<WarehouseTable> t = List.of(new WarehouseTable("customers", 1, huge), tables(50, 80).get(1));
    List<String> problems = WarehouseGeneration.oversized(request("big", PublishRequest.Mode.OVERWRITE), src, t,
        List.of());
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("the statement that makes customers is 16,777,"), problems.get(0));
    assertTrue(problems.get(1).contains("at most 16,777,216 bytes"), problems.get(1));
    try (DatabricksWorkspace w = DatabricksWorkspace.connect(ws.sdkConfig())) {
      int before = ws.requests().size();
      CatalogException e = assertThrows(CatalogException.class, () -> new WarehouseGeneration(w).prepare(
          request("big", PublishRequest.Mode.OVERWRITE), src, t, List.of()));
      assertEquals(CatalogException.Kind.INVALID, e.kind());
      assertTrue(e.fix().contains("engine: upload"), e.fix());
      assertEquals(before, ws.requests().size(), "refused before the workspace is asked anything");
    }
  }

  /** Statements submitted so far (answered, PENDING or RUNNING included). */
  private static long statementsSent() {
    return ws.requests().stream().filter(r -> r.is("POST", "/api/2.0/sql/statements") && !r.path().endsWith(
        "/cancel")).count();
  }

  private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the statement was never sent");
      Thread.sleep(50);
    }
  }

  private static Map<String, String> properties(String schema, String table) {
    Map<String, String> m = new HashMap<>();
    for (Row r : ws.spark().sql("SHOW TBLPROPERTIES " + ws.sparkName("demo", schema, table)).collectAsList()) {
      m.put(r.getString(0), r.getString(1));
    }
    return m;
  }
}
