package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.PublishProgress;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.PublishRuns;
import io.synthgen.server.catalog.PublishSource;
import io.synthgen.server.catalog.Publisher;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher through the real Databricks SDK against the Spark-backed stand-in, with failures injected: an upload
 * that fails part-way, a failing statement, an expired token and a missing permission each leave the existing
 * tables as they were and say what to do; publishing again resumes. Also files landed in a volume, read by Spark.
 */
class PublishFailuresIT {

  private static WorkspaceStandIn ws;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    ws = WorkspaceStandIn.start().addCatalog("demo").addWarehouse("wh1", "Serverless", "RUNNING", true);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void failuresLeaveExistingTablesIntactAndPublishingAgainResumes() throws Exception {
    PublishRequest req = new PublishRequest("demo", "fail", null, null, PublishRequest.Mode.OVERWRITE, null, null);
    try (DatabricksWorkspace w = DatabricksWorkspace.connect(ws.sdkConfig())) {
      Publisher publisher = new Publisher(w);
      PublishSource first = run("first", 7);
      publisher.execute(publisher.prepare(req, first), false, PublishProgress.NONE, new Cancellation());
      long customers = count("customers");
      PublishSource second = run("second", 8);

      // an upload fails part-way: no table changes; the error says how far it got
      CatalogException up;
      StandInFaults.Fault uploads = ws.faults().failUploads(p -> p.contains("/transactions/"));
      try {
        up = assertThrows(CatalogException.class, () -> publisher.execute(publisher.prepare(req, second), true,
            PublishProgress.NONE, new Cancellation()));
      } finally {
        uploads.clear();
      }
      assertTrue(up.getMessage().contains("no table was changed"), up.getMessage());
      assertTrue(up.fix().contains("publish again"), up.fix());
      assertEquals("7", seed("customers"), "customers still hold the first run");
      assertEquals(customers, count("customers"));

      // a statement fails on the third table: the first two are loaded, the rest keep their data
      CatalogException st;
      StandInFaults.Fault statements = ws.faults().failStatements(s -> s.startsWith("CREATE OR REPLACE TABLE")
          && s.contains("`transactions`"));
      try {
        st = assertThrows(CatalogException.class, () -> publisher.execute(publisher.prepare(req, second), true,
            PublishProgress.NONE, new Cancellation()));
      } finally {
        statements.clear();
      }
      assertEquals(CatalogException.Kind.STATEMENT_FAILED, st.kind(), st.getMessage());
      assertTrue(st.getMessage().contains("already loaded: demo.fail.customers, demo.fail.products"),
          st.getMessage());
      assertEquals("8", seed("customers"));
      assertEquals("7", seed("transactions"), "the failed table keeps its data");
      assertEquals("7", seed("inventory"), "tables after it are untouched");

      // an expired token and a missing permission: classified, with what to do, nothing changed
      StandInFaults.Fault token = ws.faults().expireToken();
      try {
        CatalogException e = assertThrows(CatalogException.class, () -> publisher.prepare(req, second));
        assertEquals(CatalogException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.fix().contains("databricks auth login"), e.fix());
      } finally {
        token.clear();
      }
      PublishRequest other = new PublishRequest("demo", "denied", null, null, null, null, null);
      StandInFaults.Fault denied = ws.faults().denyPermission("POST", "/api/2.1/unity-catalog/schemas",
          "User does not have CREATE SCHEMA on Catalog 'demo'.");
      try {
        CatalogException e = assertThrows(CatalogException.class, () -> publisher.execute(
            publisher.prepare(other, second), true, PublishProgress.NONE, new Cancellation()));
        assertEquals(CatalogException.Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains("CREATE SCHEMA"), e.getMessage());
      } finally {
        denied.clear();
      }

      // publishing again resumes: staged files are not sent again, and every table ends with the second run
      PublishResult done = publisher.execute(publisher.prepare(req, second), true, PublishProgress.NONE,
          new Cancellation());
      assertTrue(done.filesSkipped() > 0, "uploads kept from the failed attempts are reused");
      for (String t : new String[] {"customers", "products", "transactions", "line_items", "inventory"}) {
        assertEquals("8", seed(t), t);
        assertEquals(second.run().table(t).orElseThrow().rows(), count(t), t);
      }
    }
  }

  @Test
  void filesLandInAVolumeAndSparkReadsThem() throws Exception {
    PublishRequest req = new PublishRequest("demo", "raw", null, "landing", null, PublishRequest.Target.FILES,
        PublishRequest.FileFormat.CSV);
    PublishSource src = run("csv", 9, PublishRuns.writerOptions(req));
    try (DatabricksWorkspace w = DatabricksWorkspace.connect(ws.sdkConfig())) {
      Publisher publisher = new Publisher(w);
      PublishResult r = publisher.execute(publisher.prepare(req, src), false, PublishProgress.NONE,
          new Cancellation());
      assertEquals(0, r.preparation().statementCount(), "files need no warehouse");
      Path folder = ws.localPath("/Volumes/demo/raw/landing/customers");
      try (Stream<Path> s = Files.list(folder)) {
        assertTrue(s.allMatch(p -> p.getFileName().toString().startsWith(src.runKey() + "-")));
      }
      long rows = ws.spark().read().option("header", "true").csv(folder.toString()).count();
      assertEquals(src.run().table("customers").orElseThrow().rows(), rows);
      // landing the same run again in fail-if-exists mode finds only its own files: nothing to refuse
      PublishRequest strict = new PublishRequest("demo", "raw", null, "landing", PublishRequest.Mode.FAIL_IF_EXISTS,
          PublishRequest.Target.FILES, PublishRequest.FileFormat.CSV);
      assertEquals(r.preparation().uploads().size(), publisher.execute(publisher.prepare(strict, src), false,
          PublishProgress.NONE, new Cancellation()).filesSkipped());
    }
  }

  private static PublishSource run(String name, long seed) throws Exception {
    return run(name, seed, WriterOptions.parquetZstd());
  }

  private static PublishSource run(String name, long seed, WriterOptions options) throws Exception {
    Plan plan = Scaling.scale(Templates.load("retail"), 400).withSeed(seed);
    ResolvedPlan r = Resolver.resolve(plan);
    Path out = dir.resolve(name);
    Runs.generate(r, out, options, new Engine(2, Engine.DEFAULT_CHUNK_ROWS), Progress.NONE, new Cancellation());
    Plan exact = r.withExactRows();
    return new PublishSource(exact, Runs.planHash(exact), null, 0, RunManifest.read(out).orElseThrow());
  }

  private static long count(String table) {
    return ws.sparkTable("demo", "fail", table).count();
  }

  private static String seed(String table) {
    return ws.spark().sql("SHOW TBLPROPERTIES " + ws.sparkName("demo", "fail", table) + " ('synthgen.seed')")
        .first().getString(1);
  }
}
