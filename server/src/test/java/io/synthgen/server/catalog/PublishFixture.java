package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.FileEntry;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small retail run (300 customers, seed 42) generated for publishing, and a fake workspace with the catalog
 * {@value #C} and one running serverless warehouse to publish it to.
 */
final class PublishFixture {

  static final String C = "demo";
  static final String S = "retail";
  static final Warehouse WAREHOUSE = new Warehouse("wh-1", "Serverless Starter", "RUNNING", true);
  static final String TABLES_VOLUME = "/Volumes/" + C + "/" + S + "/" + PublishRequest.DEFAULT_STAGING_VOLUME;
  static final String LANDING = "/Volumes/" + C + "/" + S + "/landing";

  final FakeWorkspace ws;
  final Publisher publisher;

  PublishFixture(Path dir) throws Exception {
    Path scratch = Files.createDirectories(dir.resolve("workspace-files"));
    this.ws = new FakeWorkspace(scratch, C).warehouse(WAREHOUSE);
    this.publisher = new Publisher(ws);
  }

  /** The plan's run in {@code dir}, in the format the request asks for, with plan id and version set. */
  static PublishSource generate(Path dir, PublishRequest format) throws Exception {
    ResolvedPlan resolved = Resolver.resolve(Scaling.scale(Templates.load("retail"), 300));
    Plan exact = resolved.withExactRows();
    Runs.generate(resolved, dir, PublishRuns.writerOptions(format), new Engine(2, Engine.DEFAULT_CHUNK_ROWS),
        Progress.NONE, new Cancellation());
    RunManifest run = RunManifest.read(dir).orElseThrow();
    PublishSource src = new PublishSource(exact, Runs.planHash(exact), "plan-1", 3, run);
    if (!src.planHash().equals(run.planHash())) {
      throw new AssertionError("the manifest names another plan: " + run.planHash());
    }
    return src;
  }

  static PublishRequest tables(PublishRequest.Mode mode) {
    return new PublishRequest(C, S, null, null, mode, null, null);
  }

  static PublishRequest files(PublishRequest.Mode mode, PublishRequest.FileFormat format) {
    return new PublishRequest(C, S, null, "landing", mode, PublishRequest.Target.FILES, format);
  }

  /** Table name to rows, as the run's manifest has them. */
  static Map<String, Long> manifestRows(PublishSource src) {
    Map<String, Long> m = new LinkedHashMap<>();
    src.run().tables().forEach(t -> m.put(t.name(), t.rows()));
    return m;
  }

  /** Remote path to size of every file of the run, each under {@code folder/<table>/prefix<file name>}. */
  static Map<String, Long> expectedUploads(PublishSource src, String folder, String prefix) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (RunManifest.Table t : src.run().tables()) {
      for (FileEntry f : t.files()) {
        m.put(folder + "/" + t.name() + "/" + prefix + Path.of(f.path()).getFileName(), f.bytes());
      }
    }
    return m;
  }

  PublishResult publish(PublishRequest req, PublishSource src, boolean confirmed) {
    return publisher.execute(publisher.prepare(req, src), confirmed, PublishProgress.NONE, new Cancellation());
  }

  /** The full name of a table of the fixture's schema. */
  static String full(String table) {
    return C + "." + S + "." + table;
  }
}
