package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthgen publish --engine warehouse|job} as a person runs it (the packaged jar, signed in through the
 * environment) against the Spark-backed workspace stand-in: the tables are made in Databricks, nothing is generated
 * or uploaded here, and Spark reads back exactly the local engine's rows.
 */
class PublishEnginesCliIT {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "shop", "seed": 7, "reference_date": "2025-01-01",
       "tables": [
        {"name": "customers", "rows": 50, "primary_key": "customer_id", "description": "People who shop.",
         "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "tier", "type": "string", "strategy": "values", "values": ["a", "b", "c"], "weights": [5, 3, 2],
           "null_rate": 0.1, "note": "loyalty tier"}]},
        {"name": "orders", "rows": 2000, "primary_key": "order_id",
         "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "customer_id", "type": "bigint", "strategy": "foreign_key", "references": "customers.customer_id"},
          {"name": "amount", "type": "decimal(8,2)", "strategy": "uniform", "min": 1, "max": 9, "note": "in USD"}]}]}
      """;

  private static WorkspaceStandIn ws;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    ws = WorkspaceStandIn.start().addCatalog("demo").addWarehouse("wh1", "Serverless", "RUNNING", true);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void engineWarehouseMakesTheLocalEnginesRowsInTheWarehouse() throws Exception {
    Path plan = plan(PLAN);
    Result dry = publish(plan, "wh", "--engine", "warehouse", "--dry-run");
    assertEquals(0, dry.code, dry.err);
    assertTrue(dry.err.contains("engine: warehouse (asked for)"), dry.err);
    assertTrue(dry.out.contains("synthgen publish would:"), dry.out);
    assertTrue(dry.out.contains("generate the tables in the SQL warehouse"), dry.out);
    assertTrue(dry.out.contains("create the schema demo.wh"), dry.out);
    assertTrue(dry.out.contains("CREATE OR REPLACE TABLE `demo`.`wh`.`orders`"), dry.out);
    assertTrue(dry.out.contains("FROM range("), "the dry run prints the compiled SELECT: " + dry.out);
    assertThrows(ApiError.class, () -> ws.sparkName("demo", "wh", "orders"), "a dry run creates no schema");

    Result noTerminal = publish(plan, "wh", "--engine", "warehouse");
    assertEquals(2, noTerminal.code, noTerminal.out + noTerminal.err);
    assertTrue(noTerminal.err.contains("serverless warehouse") && noTerminal.err.contains("--yes"),
        noTerminal.err);

    Result done = publish(plan, "wh", "--engine", "warehouse", "--yes");
    assertEquals(0, done.code, done.err);
    assertTrue(done.out.contains("generated in demo.wh by the SQL warehouse"), done.out);
    assertTrue(done.out.contains("(count verified)"), done.out);
    assertTrue(done.out.contains("Databricks SQL warehouse"), done.out);
    assertTrue(done.err.contains("publish: "), "progress on stderr: " + done.err);
    assertFalse(Files.exists(dir.resolve("output")), "nothing is generated on this machine");
    assertLocalRows(plan, "wh");

    Result again = publish(plan, "wh", "--engine", "warehouse");
    assertEquals(2, again.code, again.out + again.err);
    Result strict = publish(plan, "wh", "--engine", "warehouse", "--yes", "--mode", "fail-if-exists");
    assertEquals(2, strict.code, strict.out + strict.err);
    assertTrue(strict.err.contains("demo.wh.customers already exists"), strict.err);
    assertTrue(strict.err.contains("fix:"), strict.err);
  }

  @Test
  void engineJobRunsTheNotebookAsAServerlessJob() throws Exception {
    Path plan = plan(PLAN);
    String nb = "/Workspace/Users/someone@example.com/synthgen/shop-cli";
    Result dry = publish(plan, "job", "--engine", "job", "--notebook-path", nb, "--dry-run");
    assertEquals(0, dry.code, dry.err);
    assertTrue(dry.out.contains("a one-time serverless job run of the notebook " + nb), dry.out);
    assertTrue(dry.out.contains("CREATE OR REPLACE TABLE `demo`.`job`.`customers`"), dry.out);

    Result refused = publish(plan, "job", "--engine", "job", "--notebook-path", nb);
    assertEquals(2, refused.code, refused.out + refused.err);
    assertTrue(refused.err.contains("serverless") && refused.err.contains("--yes"), refused.err);

    Result done = publish(plan, "job", "--engine", "job", "--notebook-path", nb, "--yes");
    assertEquals(0, done.code, done.err);
    assertTrue(done.out.contains("published to demo.job"), done.out);
    assertTrue(done.out.contains("by job run ") && done.out.contains(" of " + nb), done.out);
    assertTrue(done.err.contains("publish: importing the notebook to " + nb), done.err);
    assertFalse(Files.exists(dir.resolve("output")), "nothing is generated on this machine");
    assertLocalRows(plan, "job");

    Result strict = publish(plan, "job", "--engine", "job", "--yes", "--mode", "append");
    assertEquals(2, strict.code, strict.out + strict.err);
    assertTrue(strict.err.contains("--mode append does not apply"), strict.err);
  }

  @Test
  void aTier2PlanDefaultsToTheWarehouseAndBadEnginesAreRefused() throws Exception {
    Path big = plan(PLAN.replace("\"rows\": 2000", "\"rows\": 150000"));
    Result dry = publish(big, "big", "--dry-run");
    assertEquals(0, dry.code, dry.err);
    assertTrue(dry.err.contains("engine: warehouse (Tier 2: generated in the SQL warehouse)"), dry.err);
    assertTrue(dry.out.contains("150,050 rows"), dry.out);

    Result small = publish(plan(PLAN), "small", "--dry-run");
    assertEquals(0, small.code, small.err);
    assertTrue(small.err.contains("engine: upload (Tier 1: generated on this machine and uploaded)"), small.err);

    Result bad = publish(big, "big", "--engine", "spark", "--dry-run");
    assertEquals(2, bad.code, bad.out + bad.err);
    assertTrue(bad.err.contains("unknown engine 'spark'; use warehouse, upload or job"), bad.err);

    Result path = publish(big, "big", "--engine", "warehouse", "--notebook-path", "/x/y", "--dry-run");
    assertEquals(2, path.code, path.out + path.err);
    assertTrue(path.err.contains("--notebook-path is where engine job puts its notebook"), path.err);

    Result files = publish(big, "big", "--engine", "warehouse", "--target", "files", "--volume", "landing",
        "--dry-run");
    assertEquals(2, files.code, files.out + files.err);
    assertTrue(files.err.contains("--target files lands files made on this machine"), files.err);
  }

  /** Spark reads back every table of the schema with exactly the local engine's rows. */
  private static void assertLocalRows(Path planFile, String schema) throws Exception {
    ResolvedPlan r = Resolver.resolve(PlanCodec.read(Files.readString(planFile)));
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
      for (Row row : ws.sparkTable("demo", schema, t.name()).collectAsList()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          cells.add(String.valueOf(row.get(i)));
        }
        actual.add(String.join("|", cells));
      }
      Collections.sort(expected);
      Collections.sort(actual);
      assertEquals(expected.size(), t.rows());
      assertEquals(expected, actual, t.name() + ": the tables hold the local engine's rows");
    }
  }

  private Path plan(String json) throws IOException {
    Path p = Files.createTempFile(dir, "shop", ".json");
    Files.writeString(p, json);
    return p;
  }

  private Result publish(Path plan, String schema, String... extra) throws IOException, InterruptedException {
    String jar = System.getProperty("synthgen.jar", "target/synthgen.jar");
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar, "publish", plan.toString(),
        "--catalog", "demo", "--schema", schema));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(ws.environment());
    pb.environment().put("CI", "true");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "publish finished");
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int code, String out, String err) {
  }
}
